/** Member facts for other modules (the sidebar): names and unionid matches, read-only. */
import { In, type DataSource } from 'typeorm';
import { Member } from './auth.entities';

export class MemberReads {
  constructor(private readonly ds: DataSource) {}

  async byIds(ids: readonly number[]): Promise<Map<number, { nickname: string; avatarUrl: string | null }>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.manager.find(Member, { where: { id: In([...new Set(ids)]) }, select: { id: true, nickname: true, avatarUrl: true } });
    return new Map(rows.map((m) => [m.id, { nickname: m.nickname, avatarUrl: m.avatarUrl }]));
  }

  async idsByUnionids(unionids: readonly string[]): Promise<Map<string, number>> {
    if (!unionids.length) return new Map();
    const rows = await this.ds.manager.find(Member, { where: { unionid: In([...new Set(unionids)]) }, select: { id: true, unionid: true } });
    return new Map(rows.map((m) => [m.unionid!, m.id]));
  }
}
