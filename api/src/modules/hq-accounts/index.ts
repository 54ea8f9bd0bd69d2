/** Public entry of the hq-accounts module (总部账号 routes). */
export { hqAccountsModule } from './hq-accounts.module';
