/** Public entry of the points-mall module. */
export { pointsMallModule, type PointsMallServices } from './pointsmall.module';
