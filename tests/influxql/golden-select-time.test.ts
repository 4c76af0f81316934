import { replayGoldens, selectGoldens } from "../query/select/select-goldens.ts";

replayGoldens("InfluxDB 1.6.7 goldens: GROUP BY time, fill and tz", selectGoldens(["groupby-time", "fill", "tz"]));
