import { replayGoldens, selectGoldens } from "../query/select/select-goldens.ts";

replayGoldens("InfluxDB 1.6.7 goldens: SELECT formats, several statements, statement errors", selectGoldens(["format", "multi", "error", "csv", "msgpack"]));
