/** Public entry of the POS module. */
export { posModule } from './pos.module';
export type { PosServices } from './pos.routes';
