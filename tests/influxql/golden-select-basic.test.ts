import { replayGoldens, selectGoldens } from "../query/select/select-goldens.ts";

replayGoldens("InfluxDB 1.6.7 goldens: raw SELECT, WHERE, ORDER BY and limits", selectGoldens(["select-basic", "where", "order-limit"]));
