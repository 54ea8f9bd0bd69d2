/**
 * Sending a card into the current chat: the targets a guide may pick (on-sale products, live
 * group-buy campaigns, 领券中心's coupons, the 新人礼 card), and a send record that answers the
 * exact sendChatMessage payload. The record is written before the client sends (WeCom tells only
 * the page whether it went); the page reports the outcome after.
 */
import type { DataSource } from 'typeorm';
import { formatFen } from '@common/money';
import { cardPage, cardTitle } from '@common/sidebar/card';
import type { SendAnswer, SendBody, SendOutcomeBody, SendRecordDto, SendTarget, SendTargetKind, SendTargets } from '@common/sidebar/types';
import { AppError } from '../../http/app-error';
import type { Transactor } from '../../db/transaction';
import { SidebarSend } from './sidebar.entities';
import type { SidebarPorts } from './sidebar.ports';

const PRODUCTS = 20;
/** The 新人礼 and coupon cards' cover (5:4) until HQ can upload one. */
const GIFT_COVER = '/assets/banners/new-member-gift.svg';

/** A cover as WeCom needs it: an absolute URL, on the origin the page reached the API by. */
function absolute(origin: string, url: string | null | undefined): string {
  return new URL(url || GIFT_COVER, origin).toString();
}

export class SidebarSends {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly ports: SidebarPorts,
    private readonly appid: string,
    private readonly now: () => Date,
  ) {}

  async targets(q: { kind?: SendTargetKind; q?: string }, origin: string): Promise<SendTargets> {
    const want = (k: SendTargetKind) => !q.kind || q.kind === k;
    const p = this.ports;
    const [products, campaigns, coupons, pack] = await Promise.all([
      want('product') ? p.catalogue.products(q.q, PRODUCTS) : [],
      want('campaign') ? p.groupBuy.live() : [],
      want('coupon') ? p.coupons.claimable() : [],
      want('newcomer') ? p.coupons.newcomerPack() : null,
    ]);
    return {
      products: products.map((x) => ({ kind: 'product', id: x.id, title: x.title, subtitle: `${formatFen(x.priceFen)} 起`, imgUrl: absolute(origin, x.cover) })),
      campaigns: campaigns.map((c) => ({ kind: 'campaign', id: c.id, title: c.title, subtitle: `拼团价 ${formatFen(c.groupPriceFen)} · ${c.groupSize} 人团`, imgUrl: absolute(origin, c.image) })),
      coupons: coupons.map((c) => ({ kind: 'coupon', id: c.id, title: c.name, subtitle: c.summary, imgUrl: absolute(origin, null) })),
      newcomer: pack ? this.newcomer(pack, origin) : null,
    };
  }

  async send(guideId: number, body: SendBody, origin: string): Promise<SendAnswer> {
    const target = await this.target(body.targetKind, body.targetId ?? null, origin);
    const page = cardPage({ kind: body.targetKind, targetId: target.id, token: this.ports.guideShareToken(guideId), chatKind: body.chatKind, chatId: body.chatId });
    const createdAt = this.now();
    const row = { guideId, chatKind: body.chatKind, chatId: body.chatId, targetKind: body.targetKind, targetId: target.id, page, outcome: 'prepared' as const, errMsg: null, createdAt, settledAt: null };
    const id = await this.tx.run(async (m) => Number((await m.insert(SidebarSend, row)).identifiers[0].id));
    return {
      record: toRecord({ id, ...row }),
      payload: { msgtype: 'miniprogram', miniprogram: { appid: this.appid, title: cardTitle(target.title), imgUrl: target.imgUrl, page } },
    };
  }

  async settle(guideId: number, sendId: number, body: SendOutcomeBody): Promise<SendRecordDto> {
    const settled = await this.tx.run(async (m) => {
      // Why conditional: the outcome is given once; a second answer (a retry, another tab) changes nothing.
      const r = await m.update(SidebarSend, { id: sendId, guideId, outcome: 'prepared' }, { outcome: body.outcome, errMsg: body.errMsg?.slice(0, 200) ?? null, settledAt: this.now() });
      return (r.affected ?? 0) === 1;
    });
    const row = await this.ds.manager.findOneBy(SidebarSend, { id: sendId, guideId });
    if (!row) throw new AppError('NOT_FOUND', `send ${sendId}`);
    if (!settled) throw new AppError('SIDEBAR_SEND_SETTLED', `send ${sendId} is ${row.outcome}`);
    return toRecord(row);
  }

  /** The target as it may be sent now; 404 when it is off sale, not live, or not offered. */
  private async target(kind: SendTargetKind, id: number | null, origin: string): Promise<SendTarget> {
    const missing = () => new AppError('SIDEBAR_TARGET_NOT_FOUND', `${kind} ${id ?? ''}`);
    const p = this.ports;
    if (kind === 'newcomer') {
      const pack = await p.coupons.newcomerPack();
      if (!pack) throw missing();
      return this.newcomer(pack, origin);
    }
    if (kind === 'product') {
      const x = id === null ? null : await p.catalogue.product(id);
      if (!x) throw missing();
      return { kind, id: x.id, title: x.title, subtitle: '', imgUrl: absolute(origin, x.cover) };
    }
    if (kind === 'campaign') {
      const c = (await p.groupBuy.live()).find((x) => x.id === id);
      if (!c) throw missing();
      return { kind, id: c.id, title: `【拼团】${c.title} ${formatFen(c.groupPriceFen)}`, subtitle: '', imgUrl: absolute(origin, c.image) };
    }
    const t = (await p.coupons.claimable()).find((x) => x.id === id);
    if (!t) throw missing();
    return { kind, id: t.id, title: `领券：${t.name}（${t.summary}）`, subtitle: '', imgUrl: absolute(origin, null) };
  }

  private newcomer(pack: { points: number; couponCount: number }, origin: string): SendTarget {
    const parts = [pack.couponCount ? `${pack.couponCount} 张优惠券` : '', pack.points ? `${pack.points} 积分` : ''].filter(Boolean);
    return { kind: 'newcomer', id: null, title: '新人礼：注册即领优惠券和积分', subtitle: parts.join(' + ') || '注册即领', imgUrl: absolute(origin, GIFT_COVER) };
  }
}

function toRecord(r: Pick<SidebarSend, 'id' | 'chatKind' | 'chatId' | 'targetKind' | 'targetId' | 'outcome' | 'createdAt'>): SendRecordDto {
  return { id: r.id, chatKind: r.chatKind, chatId: r.chatId, targetKind: r.targetKind, targetId: r.targetId, outcome: r.outcome, createdAt: r.createdAt.toISOString() };
}
