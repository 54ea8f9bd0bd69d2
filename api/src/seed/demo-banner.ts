/**
 * The start banner's lines about HQ's login and the demo store (main.ts prints them). Pure: the
 * config and what the seed made in, lines out. Nothing secret is printed: the HQ password only
 * when it is the published development default (production refuses that default at boot), and
 * the demo guides' binding codes never in production.
 */
import { DEV_HQ_PASSWORD, type Config } from '../config';
import type { DemoSummary } from './seed';

type BannerConfig = Pick<Config, 'NODE_ENV' | 'HQ_ADMIN_USERNAME' | 'HQ_ADMIN_PASSWORD'>;

export function hqLoginLines(config: BannerConfig, url: string): string[] {
  const password =
    config.NODE_ENV !== 'production' && config.HQ_ADMIN_PASSWORD === DEV_HQ_PASSWORD
      ? `${DEV_HQ_PASSWORD}（HQ_ADMIN_PASSWORD 的开发默认值）`
      : 'HQ_ADMIN_PASSWORD 的值';
  return [
    `总部后台: ${url}/hq/  账号 ${config.HQ_ADMIN_USERNAME}  密码 ${password}`,
    `HQ 登录（API）: POST ${url}/api/hq/auth/login`,
    '        （无任何 HQ 账号时按 HQ_ADMIN_USERNAME / HQ_ADMIN_PASSWORD 创建店主账号）',
  ];
}

export function demoLines(config: Pick<Config, 'NODE_ENV'>, url: string, demo: DemoSummary | null): string[] {
  if (!demo) return [];
  const out = [
    `演示数据已载入: ${demo.campaigns} 个拼团活动, ${demo.stores.length} 家门店` +
      (demo.members ? `, ${demo.members.members} 位演示会员, ${demo.members.orders} 笔订单` : '（未启用假微信：没有演示会员与订单）'),
  ];
  if (config.NODE_ENV === 'production') return out;
  out.push(`导购绑定码（导购在「导购工作台」${url}/#/packages/guide/workbench/index 输入；一次性，24 小时内有效）:`);
  for (const store of demo.stores) {
    for (const g of store.guides) {
      const contact = g.contactConfigId ? `  联系我 config_id ${g.contactConfigId}` : '';
      out.push(`  ${store.name}  ${g.name}  ${g.bindingCode}${contact}`);
    }
  }
  if (demo.pos) {
    out.push(`演示 POS 密钥（${demo.pos.storeName}；仅本次启动显示，签名方法见 README「Connecting a POS」）:`);
    out.push(`  X-Loopmall-Key ${demo.pos.keyId}  secret ${demo.pos.secret}`);
  }
  return out;
}
