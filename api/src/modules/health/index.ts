/** Public entry of the health module. */
export { healthModule } from './health.module';
