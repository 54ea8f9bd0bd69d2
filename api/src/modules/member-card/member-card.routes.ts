/** The shopper's member card (开卡 with the phone number), the member code, and HQ's masked phone + audited reveal. */
import { z } from 'zod';
import { HQ_FINANCE, HQ_WIDE } from '@common/hq/roles';
import { normalizePhone } from '@common/member-card/phone';
import { AppError } from '../../http/app-error';
import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import { zs } from '../../http/validate';
import type { FakeWeChatHandle } from '../../wechat/fake-wechat';
import type { MemberDirectory } from '../auth';
import type { MemberCards } from './member-card.service';

const OpenBody = z.strictObject({ code: z.string().trim().min(1).max(128) });
const DevPhoneBody = z.strictObject({ phone: z.string().trim().min(1).max(20) });
const IdParams = z.object({ id: zs.id() });

export function registerMemberCardRoutes(api: ApiRouter, cards: MemberCards, members: MemberDirectory, fake: FakeWeChatHandle | null): void {
  api.route({ method: 'get', path: '/api/me/member-card', tag: 'member-card', summary: '我的会员卡：是否已开卡、脱敏手机号', access: 'shopper' }, (ctx) =>
    cards.status(memberIdOf(ctx)),
  );

  api.route(
    { method: 'post', path: '/api/me/member-card/open', tag: 'member-card', summary: '开卡：用手机号按钮（getPhoneNumber）的 code 换取并登记手机号', access: 'shopper', body: OpenBody },
    (ctx, { body }) => cards.open(memberIdOf(ctx), body.code),
  );

  api.route({ method: 'get', path: '/api/me/member-code', tag: 'member-card', summary: '会员码：60 秒刷新、2 分钟内有效的签名令牌（须先开卡）', access: 'shopper' }, (ctx) =>
    cards.memberCode(memberIdOf(ctx)),
  );

  if (fake) {
    // Development only (absent when the fake WeChat is off, as in production): the H5 build has
    // no getPhoneNumber button, so the shopper types a number, the fake WeChat mints the code the
    // button would have given, and the page opens the card through the real route and client.
    api.route(
      { method: 'post', path: '/api/me/member-card/dev-phone-code', tag: 'member-card', summary: '开发环境：H5 模拟手机号按钮获取 code', access: 'shopper', body: DevPhoneBody },
      async (ctx, { body }) => {
        memberIdOf(ctx);
        const phone = normalizePhone(body.phone);
        if (!phone) throw new AppError('VALIDATION_FAILED', 'not a mainland mobile number', [{ field: 'phone', message: '请输入 11 位手机号' }]);
        return { code: await fake.mintPhoneCode(phone) };
      },
    );
  }

  api.route(
    { method: 'get', path: '/api/hq/members/:id/phone', tag: 'member-card', summary: '总部：会员的手机号（脱敏）', access: { hq: HQ_WIDE }, params: IdParams },
    async (_c, { params }) => {
      if (!(await members.exists(params.id))) throw new AppError('MEMBER_NOT_FOUND');
      return { memberId: params.id, ...(await cards.phoneOf(params.id)) };
    },
  );

  // A POST, so the audit log records who saw whose number (the number itself is redacted there).
  api.route(
    { method: 'post', path: '/api/hq/members/:id/phone/reveal', tag: 'member-card', summary: '总部：查看会员完整手机号（店主、财务；记入操作日志）', access: { hq: HQ_FINANCE }, params: IdParams, audit: { objectType: 'members/phone' } },
    async (_c, { params }) => {
      if (!(await members.exists(params.id))) throw new AppError('MEMBER_NOT_FOUND');
      return cards.reveal(params.id);
    },
  );
}
