import { replayGoldens, selectGoldens } from "../query/select/select-goldens.ts";

replayGoldens("InfluxDB 1.6.7 goldens: transformations, arithmetic and subqueries", selectGoldens(["transform", "arithmetic", "subquery"]));
