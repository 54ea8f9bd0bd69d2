/**
 * Cart, addresses, orders, payments, refunds, the outbox and job leases. Table API only, so the
 * migration renders on MySQL/MariaDB and on SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

export class Orders1795400000000 implements MigrationInterface {
  name = 'Orders1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cart_item',
        columns: [col.id(), col.ref('member_id'), col.ref('sku_id'), col.int('quantity'), col.bool('selected', true), col.datetime('created_at'), col.datetime('updated_at')],
        indices: [idx('uq_cart_item_member_sku', ['member_id', 'sku_id'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'address',
        columns: [
          col.id(),
          col.ref('member_id'),
          col.varchar('name', 20),
          col.varchar('phone', 20),
          col.varchar('province', 20),
          col.varchar('city', 20),
          col.varchar('district', 20),
          col.varchar('detail', 120),
          col.bool('is_default', false),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [idx('idx_address_member', ['member_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shop_order',
        columns: [
          col.id(),
          col.varchar('order_no', 32, { isNullable: true, isUnique: true }),
          col.ref('member_id'),
          col.varchar('status', 20),
          col.int('goods_fen'),
          col.int('discount_fen'),
          col.int('freight_fen'),
          col.int('payable_fen'),
          col.int('refunded_fen'),
          col.int('item_count'),
          col.text('adjustments'),
          col.text('address'),
          col.varchar('remark', 100),
          col.ref('guide_id', true),
          col.varchar('idempotency_key', 64, { isNullable: true }),
          col.varchar('request_hash', 64, { isNullable: true }),
          col.datetime('pay_deadline', true),
          col.datetime('paid_at', true),
          col.datetime('shipped_at', true),
          col.datetime('completed_at', true),
          col.datetime('cancelled_at', true),
          col.varchar('cancel_reason', 64, { isNullable: true }),
          col.varchar('carrier', 32, { isNullable: true }),
          col.varchar('tracking_no', 64, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [
          idx('idx_order_member_created', ['member_id', 'created_at']),
          idx('idx_order_status_deadline', ['status', 'pay_deadline']),
          idx('idx_order_status_shipped', ['status', 'shipped_at']),
          idx('uq_order_member_idem', ['member_id', 'idempotency_key'], true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_line',
        columns: [
          col.id(),
          col.ref('order_id'),
          col.ref('sku_id'),
          col.ref('product_id'),
          col.varchar('title', 60),
          col.varchar('spec_label', 120),
          col.varchar('image', 255, { isNullable: true }),
          col.int('unit_price_fen'),
          col.int('quantity'),
          col.int('subtotal_fen'),
          col.int('discount_fen'),
          col.int('payable_fen'),
        ],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'shop_order', referencedColumnNames: ['id'] }],
        indices: [idx('idx_order_line_order', ['order_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_state_log',
        columns: [
          col.id(),
          col.ref('order_id'),
          col.varchar('from_status', 20),
          col.varchar('to_status', 20),
          col.varchar('event', 20),
          col.varchar('actor', 40),
          col.varchar('note', 120),
          col.datetime('created_at'),
        ],
        indices: [idx('idx_order_state_log_order', ['order_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payment',
        columns: [
          col.id(),
          col.ref('order_id'),
          col.varchar('out_trade_no', 32),
          col.varchar('mode', 8),
          col.int('amount_fen'),
          col.varchar('prepay_id', 64, { isNullable: true }),
          col.datetime('prepay_expires_at', true),
          col.varchar('transaction_id', 64, { isNullable: true }),
          col.datetime('paid_at', true),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [
          idx('uq_payment_order', ['order_id'], true),
          idx('uq_payment_out_trade_no', ['out_trade_no'], true),
          idx('uq_payment_transaction', ['transaction_id'], true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'refund',
        columns: [
          col.id(),
          col.varchar('refund_no', 64),
          col.ref('order_id'),
          col.int('amount_fen'),
          col.varchar('reason', 80),
          col.varchar('status', 16),
          col.varchar('return_status', 20),
          col.varchar('requested_by', 40),
          col.varchar('wx_refund_id', 64, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [idx('uq_refund_no', ['refund_no'], true), idx('idx_refund_order', ['order_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox_event',
        columns: [col.id(), col.varchar('type', 40), col.varchar('aggregate_id', 64), col.text('payload'), col.datetime('created_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox_delivery',
        columns: [
          col.id(),
          col.ref('event_id'),
          col.varchar('handler', 40),
          col.varchar('status', 10),
          col.int('attempts'),
          col.datetime('next_attempt_at'),
          col.datetime('locked_until', true),
          col.varchar('last_error', 255, { isNullable: true }),
          col.datetime('done_at', true),
        ],
        indices: [idx('uq_outbox_delivery_event_handler', ['event_id', 'handler'], true), idx('idx_outbox_delivery_due', ['status', 'next_attempt_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'job_lease',
        columns: [{ name: 'name', type: 'varchar', length: '64', isPrimary: true }, col.varchar('holder', 64), col.datetime('lease_until')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['job_lease', 'outbox_delivery', 'outbox_event', 'refund', 'payment', 'order_state_log', 'order_line', 'shop_order', 'address', 'cart_item']) {
      await q.dropTable(t);
    }
  }
}
