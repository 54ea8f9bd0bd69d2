/**
 * HQ's member directory: the member table searched by id, by nickname prefix (idx_member_nickname)
 * or among ids another module found (a phone in the address book), newest first, one page.
 */
import { type DataSource, In, Raw } from 'typeorm';
import type { HqMemberRowDto } from '@common/membership/hq';
import type { Page } from '@common/paging';
import { cappedCount, pageTotals } from '../../db/counted-page';
import { prefixPattern } from '../../db/like';
import { Member } from './auth.entities';

export interface MemberSearch {
  /** Any of: this id, a nickname starting with this text, one of these ids. */
  id?: number;
  nicknamePrefix?: string;
  ids?: number[];
}

/**
 * LIKE's wildcards typed by an operator are matched literally. The escape character is `!`, not a
 * backslash: MariaDB and SQLite read '!' in a literal alike (a backslash is an escape only in MariaDB's).
 */
const startsWith = (text: string) => Raw((col) => `${col} LIKE :prefix ESCAPE '!'`, { prefix: prefixPattern(text) });

export class MemberDirectory {
  constructor(private readonly ds: DataSource) {}

  /** The where of a search: [] when it can match nothing, undefined when it is no search at all. */
  private whereOf(s: MemberSearch) {
    const where = [
      ...(s.id !== undefined ? [{ id: s.id }] : []),
      ...(s.nicknamePrefix ? [{ nickname: startsWith(s.nicknamePrefix) }] : []),
      ...(s.ids?.length ? [{ id: In(s.ids) }] : []),
    ];
    return s.id !== undefined || !!s.nicknamePrefix || s.ids !== undefined ? where : undefined;
  }

  async search(s: MemberSearch, page: number, pageSize: number): Promise<Page<Omit<HqMemberRowDto, 'segment'>>> {
    const where = this.whereOf(s);
    if (where && !where.length) return { items: [], page, pageSize, total: 0, hasMore: false };
    const filter = where ?? {};
    // One row more than the page tells whether more follow; the total is counted only up to a cap
    // (counted-page.ts): 200,000 members are not counted on every page of the list.
    const [rows, count] = await Promise.all([
      this.ds.manager.find(Member, { where: filter, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize + 1 }),
      cappedCount(this.ds.getRepository(Member).createQueryBuilder('m').setFindOptions({ where: filter })),
    ]);
    const shown = rows.slice(0, pageSize);
    return {
      items: shown.map((m) => ({ id: m.id, nickname: m.nickname, avatarUrl: m.avatarUrl, createdAt: m.createdAt.toISOString(), lastLoginAt: m.lastLoginAt.toISOString() })),
      page,
      pageSize,
      ...pageTotals(count, page, pageSize, shown.length, rows.length > pageSize),
    };
  }

  /** Ids of a search's newest matches, at most `limit` (another module narrows them further). */
  async matchingIds(s: MemberSearch, limit: number): Promise<number[]> {
    const where = this.whereOf(s);
    if (where && !where.length) return [];
    const rows = await this.ds.manager.find(Member, { select: { id: true }, where: where ?? {}, order: { id: 'DESC' }, take: limit });
    return rows.map((m) => m.id);
  }

  async exists(id: number): Promise<boolean> {
    return this.ds.manager.existsBy(Member, { id });
  }
}
