/**
 * 总部账号 management routes. The accounts table belongs to the auth module (HqAccounts writes
 * it); this module adds the owner's routes and checks a store manager's store through the guides
 * module's store directory, so it is listed after both.
 */
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { guidesModule } from '../guides';
import { registerAccountRoutes } from './accounts.routes';

export const hqAccountsModule = defineModule({
  name: 'hq-accounts',
  entities: [],
  migrations: [],
  errors: {},
  build(ctx) {
    const accounts = ctx.use(authModule).hqAccounts;
    const stores = ctx.use(guidesModule).guideDirectory;
    ctx.routes((api) => registerAccountRoutes(api, accounts, (id) => stores.storeExists(id)));
    return {};
  },
});
