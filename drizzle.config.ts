import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a new migration here; add it to storage/meta/embedded-migrations.ts.
export default defineConfig({
  dialect: "sqlite",
  schema: "./storage/meta/schema.ts",
  out: "./storage/meta/migrations",
});
