/** `/api/v2/labels` CRUD (DECISIONS.md #10) through the official client's LabelsAPI. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { BucketsAPI, LabelsAPI } from "@influxdata/influxdb-client-apis";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let labels: LabelsAPI;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  labels = new LabelsAPI(clientFor(t, TEST_TOKEN));
});
afterAll(() => t.stop());

test("create (name trimmed), read back, list, update properties (\"\" removes), delete", async () => {
  const created = await labels.postLabels({ body: { orgID: orgId, name: " prod ", properties: { color: "ffb3b3", description: "production" } } });
  const id = created.label!.id!;
  expect(created).toEqual({ label: { id, orgID: orgId, name: "prod", properties: { color: "ffb3b3", description: "production" } }, links: { self: `/api/v2/labels/${id}` } });
  expect(await labels.getLabelsID({ labelID: id })).toEqual(created);
  await labels.postLabels({ body: { orgID: orgId, name: "dev" } });
  expect((await labels.getLabels({ orgID: orgId })).labels!.map((l) => l.name)).toEqual(["prod", "dev"]);
  expect((await labels.getLabels()).links).toEqual({ self: "/api/v2/labels" });

  const updated = await labels.patchLabelsID({ labelID: id, body: { name: "production", properties: { description: "", owner: "ops" } } });
  expect(updated.label).toEqual({ id, orgID: orgId, name: "production", properties: { color: "ffb3b3", owner: "ops" } });

  await labels.deleteLabelsID({ labelID: id });
  expect((await httpError(labels.getLabelsID({ labelID: id }))).json).toEqual({ code: "not found", message: "label not found" });
});

test("deleting a label detaches it from its buckets", async () => {
  const { label } = await labels.postLabels({ body: { orgID: orgId, name: "attached" } });
  const buckets = new BucketsAPI(clientFor(t, TEST_TOKEN));
  const bucketID = t.server.ctx.defaults.bucketId;
  await buckets.postBucketsIDLabels({ bucketID, body: { labelID: label!.id! } });
  await labels.deleteLabelsID({ labelID: label!.id! });
  expect((await buckets.getBucketsIDLabels({ bucketID })).labels).toEqual([]);
});

test("errors: duplicate name (ignoring case) 422, empty name 400, unknown 404, malformed 400", async () => {
  await labels.postLabels({ body: { orgID: orgId, name: "Unique" } });
  const dup = await httpError(labels.postLabels({ body: { orgID: orgId, name: "unique" } }));
  expect([dup.statusCode, dup.json]).toEqual([422, { code: "conflict", message: "label with name unique already exists" }]);
  expect((await httpError(labels.postLabels({ body: { orgID: orgId, name: "" } }))).json).toEqual({ code: "invalid", message: "label name is required" });
  expect((await httpError(labels.patchLabelsID({ labelID: "0123456789abcdef", body: { name: "x" } }))).statusCode).toBe(404);
  expect((await httpError(labels.deleteLabelsID({ labelID: "bad" }))).statusCode).toBe(400);
});

test("other orgs' labels are out of reach; the list shows only readable labels", async () => {
  const { org } = await otherOrg(t, "label-org");
  const foreign = await labels.postLabels({ body: { orgID: org.id, name: "theirs" } });
  const readOne = await labels.postLabels({ body: { orgID: orgId, name: "readable" } });
  const token = await createToken(t, orgId, [perm("read", "labels", orgId, readOne.label!.id!), perm("write", "labels", orgId)]);
  const api = new LabelsAPI(clientFor(t, token));
  expect((await api.getLabels()).labels!.map((l) => l.name)).toEqual(["readable"]);
  expect((await httpError(api.getLabelsID({ labelID: foreign.label!.id! }))).statusCode).toBe(404);
  expect((await httpError(api.postLabels({ body: { orgID: org.id, name: "x" } }))).statusCode).toBe(400);
  expect((await httpError(api.getLabels({ orgID: org.id }))).statusCode).toBe(404);
});
