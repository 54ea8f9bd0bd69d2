/** Signed share tokens (a guide's or a member's) carried by share paths and posters. */
import { defineModule } from '../../platform/module';
import { registerShareRoutes } from './share.routes';
import { ShareTokens } from './share-tokens';

export const shareModule = defineModule({
  name: 'share',
  entities: [],
  migrations: [],
  errors: {},
  build(ctx) {
    const shareTokens = new ShareTokens(ctx.config.SESSION_SECRET, ctx.now);
    ctx.routes((api) => registerShareRoutes(api, shareTokens));
    return { shareTokens };
  },
});
