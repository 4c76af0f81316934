import type { z } from "@hono/zod-openapi";

/** `content` of a JSON request body or response, for createRoute. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
