/**
 * Go's `json.Indent` with an empty prefix, which is what `json.MarshalIndent` applies to the compact
 * encoding for `pretty=true`: a newline and one indent per level, `": "` after keys, and empty
 * `[]` / `{}` kept on one line.
 */
export function indentJson(compact: string, indent: string): string {
  const out: string[] = [];
  let depth = 0;
  // Set after `[` or `{`: the newline waits to see whether the container is empty.
  let pendingOpen = false;
  let i = 0;
  while (i < compact.length) {
    const c = compact[i];
    if (pendingOpen && c !== "]" && c !== "}") {
      pendingOpen = false;
      out.push("\n" + indent.repeat(depth));
    }
    switch (c) {
      case '"': {
        let end = i + 1;
        while (compact[end] !== '"') end += compact[end] === "\\" ? 2 : 1;
        out.push(compact.slice(i, end + 1));
        i = end + 1;
        continue;
      }
      case "{":
      case "[":
        out.push(c);
        depth++;
        pendingOpen = true;
        break;
      case "}":
      case "]":
        depth--;
        if (pendingOpen) pendingOpen = false;
        else out.push("\n" + indent.repeat(depth));
        out.push(c);
        break;
      case ",":
        out.push(",\n" + indent.repeat(depth));
        break;
      case ":":
        out.push(": ");
        break;
      default: {
        let end = i + 1;
        while (end < compact.length && !",]}".includes(compact[end])) end++;
        out.push(compact.slice(i, end));
        i = end;
        continue;
      }
    }
    i++;
  }
  return out.join("");
}
