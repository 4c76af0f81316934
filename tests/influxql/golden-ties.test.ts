/**
 * InfluxDB 1.6.7's answers where many series of a tag set meet at the same times (the TSBS and
 * Telegraf shape: every host writes on the same tick): rows of equal time in Go-heap order,
 * float aggregates summed in that order, `"partial": true` on a non-chunked series of more than
 * 10,000 values. Recorded by record/record-ties.ts into fixtures/goldens-ties.json.
 */
import { describeGeneratedGoldens } from "./golden-harness.ts";
import { TIES_DB, tiesDataset } from "./record/record-ties.ts";

describeGeneratedGoldens("InfluxDB 1.6.7 goldens: series meeting at equal times", TIES_DB, tiesDataset(), "goldens-ties.json");
