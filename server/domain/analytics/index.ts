// The manager dashboard's figures, read from the rollup tables only (db/schema/rollups.ts).
export { type Kpis, kpis } from "./kpis";
export { spikes } from "./spikes";
export { byMonth, byRegion, causeShare, heatmap } from "./tags";
