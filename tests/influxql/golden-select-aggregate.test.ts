import { replayGoldens, selectGoldens } from "../query/select/select-goldens.ts";

replayGoldens("InfluxDB 1.6.7 goldens: aggregates and selectors", selectGoldens(["aggregate", "selector"]));
