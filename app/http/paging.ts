/**
 * Paging of list operations (SEMANTICS.md §3): `offset`, `limit` and the `after` cursor, and the
 * `links` InfluxDB answers with — the effective query repeated in `self`, `next` when the page is
 * full, `prev` when the offset is past the start.
 */
export interface PageRequest {
  offset: number;
  limit: number;
  /** ID of the record the page starts after. */
  after?: string;
  descending?: boolean;
}

export interface PagingLinks {
  self: string;
  next?: string;
  prev?: string;
}

/** One page of `items` (already filtered and in order). */
export function pageOf<T>(items: T[], page: PageRequest): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}

/** `filters` are the list's own query parameters; empty ones are left out. Keys are sorted, as Go encodes them. */
export function pagingLinks(path: string, filters: Record<string, string | undefined>, page: PageRequest, pageItemIds: string[]): PagingLinks {
  const params = new Map<string, string>();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") params.set(k, v);
  params.set("descending", String(page.descending ?? false));
  params.set("limit", String(page.limit));
  params.set("offset", String(page.offset));
  if (page.after !== undefined) params.set("after", page.after);
  const url = (overrides: Record<string, string>) => {
    const q = new URLSearchParams([...new Map([...params, ...Object.entries(overrides)])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `${path}?${q}`;
  };

  const links: PagingLinks = { self: url({}) };
  if (pageItemIds.length >= page.limit) {
    // A cursor page continues after its last record; an offset page at the next offset.
    links.next = page.after !== undefined ? url({ after: pageItemIds[pageItemIds.length - 1]!, offset: "0" }) : url({ offset: String(page.offset + page.limit) });
  }
  if (page.offset > 0) links.prev = url({ offset: String(Math.max(0, page.offset - page.limit)) });
  return links;
}
