import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import type { ShareTokens } from './share-tokens';

export function registerShareRoutes(api: ApiRouter, tokens: ShareTokens): void {
  api.route(
    { method: 'post', path: '/api/share/token', tag: 'share', summary: '我的分享令牌：放进分享卡片路径的 t 参数（好友经此注册即记为推荐）', access: 'shopper' },
    async (ctx) => ({ token: tokens.sign({ kind: 'member', id: memberIdOf(ctx) }) }),
  );
}
