/**
 * InfluxDB 1.6.7's analysis functions: holt_winters() and holt_winters_with_fit() (the fitted
 * parameters and so the forecasts to the last digit) and the technical analysis functions, with
 * their argument errors. Recorded by record/record-analysis.ts into fixtures/goldens-analysis.json.
 */
import { describeGeneratedGoldens } from "./golden-harness.ts";
import { ANALYSIS_DB, analysisDataset } from "./record/record-analysis.ts";

describeGeneratedGoldens("InfluxDB 1.6.7 goldens: analysis functions", ANALYSIS_DB, analysisDataset(), "goldens-analysis.json");
