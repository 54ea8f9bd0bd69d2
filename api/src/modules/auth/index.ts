/** Public entry of the auth module: members and HQ accounts, and who is calling. */
export { authModule } from './auth.module';
export { AuthService, toMemberDto } from './auth.service';
export { AUD_GUIDE, type TokenService } from './tokens';
export type { GuideSessionCheck } from './authenticate';
export type { MemberDirectory, MemberSearch } from './member-directory';
export type { HqAccounts } from './hq-accounts';
