/** Public entry of the overview module (概览). */
export { overviewModule } from './overview.module';
export type { OverviewService } from './overview.service';
