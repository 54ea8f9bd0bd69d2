/** Public entry of the address module. */
export { addressModule } from './address.module';
export type { AddressService } from './address.service';
