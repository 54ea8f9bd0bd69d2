/** Public entry of the share module. */
export { shareModule } from './share.module';
export { MAX_SHARE_TOKEN_LENGTH, ShareTokens, type ShareTokenKind, type VerifiedShareToken } from './share-tokens';
