/**
 * HQ's campaign list pages newest start first (start_at DESC, id DESC), optionally of one status:
 * these indexes let the page walk in that order and stop instead of sorting every campaign.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_gb_campaign_start', columnNames: ['start_at', 'id'] }),
  new TableIndex({ name: 'idx_gb_campaign_status_start', columnNames: ['status', 'start_at', 'id'] }),
];

export class CampaignListIndexes1796205000000 implements MigrationInterface {
  name = 'CampaignListIndexes1796205000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('gb_campaign', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('gb_campaign', index.name!);
  }
}
