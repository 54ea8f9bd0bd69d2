/** Public entry of the member-card module: 开卡 (phone number), the member code, phone lookups for the counter. */
export { memberCardModule, type MemberCardApi } from './member-card.module';
