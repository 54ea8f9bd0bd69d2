/** Public entry of member insight: its definition, and the tags port the guides' views read. */
export { insightSegmentsModule, type InsightServices } from './insight.module';
export type { InsightReads } from './insight.reads';
