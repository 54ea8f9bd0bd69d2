/** A shopper's delivery addresses. */
import { AddressPhoneIndex1796050000001 } from '../../db/migrations/1796050000001-address-phone';
import { defineModule } from '../../platform/module';
import { Address } from './address.entities';
import { registerAddressRoutes } from './address.routes';
import { AddressService } from './address.service';

export const addressModule = defineModule({
  name: 'address',
  entities: [Address],
  // The address table came with the orders migration (1795400000000); the phone index later.
  migrations: [AddressPhoneIndex1796050000001],
  errors: { ADDRESS_NOT_FOUND: 404, ADDRESS_LIMIT_REACHED: 409 },
  build(ctx) {
    const addresses = new AddressService(ctx.ds, ctx.tx, ctx.now);
    ctx.routes((api) => registerAddressRoutes(api, addresses));
    return { addresses };
  },
});
