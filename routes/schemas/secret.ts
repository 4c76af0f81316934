/** Secret schemas: `Secrets` (a key/value map), `SecretKeys`, `SecretKeysResponse`. */
import { z } from "@hono/zod-openapi";

export const SecretsSchema = z.record(z.string(), z.string()).openapi("Secrets", { example: { apikey: "abc123xyz" } });

export const SecretKeysSchema = z.object({ secrets: z.array(z.string()) }).openapi("SecretKeys");

export const SecretKeysResponseSchema = z
  .object({ secrets: z.array(z.string()), links: z.object({ org: z.string(), self: z.string() }).openapi({ readOnly: true }) })
  .openapi("SecretKeysResponse");
