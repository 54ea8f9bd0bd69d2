/**
 * The console's derived form rules against the real API: for real HQ operations, input a rule
 * refuses is refused by the API (400) naming the same field, and input a rule accepts is not
 * refused for that field (the rest of the body is valid; the API may still answer 404 for an id
 * that does not exist, which is not about the field).
 */
import { HQ_TEST_PASSWORD, loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { parseMemberIds } from '../pages/coupons/member-ids';
import { checkField, fieldSpec, toApiValue, type FieldOf, type FieldOpts, type Operation } from './rules';

let app: TestApp;
let hq: string;

beforeAll(async () => {
  app = await startTestApp();
  hq = await loginHq(app, 'admin', HQ_TEST_PASSWORD);
}, 30_000);

afterAll(() => app?.close());

interface Case<Op extends Operation = Operation> {
  op: Op;
  url: string;
  base: () => Record<string, unknown>;
  field: FieldOf<Op>;
  opts?: FieldOpts;
  refused: unknown[];
  accepted: unknown[];
}
/** A case typed by its own operation (the field must be one of that operation's). */
const def = <Op extends Operation>(c: Case<Op>) => c as unknown as Case<Operation> & { field: string };

const unique = () => `${Date.now() % 1e6}${Math.floor(Math.random() * 1e3)}`;
const CASES: Case[] = [
  def({ op: 'POST /api/hq/stores', url: '/api/hq/stores', base: () => ({ name: '静安店', code: `S${unique()}`, city: '上海' }), field: 'code', refused: ['静安', 'a b', 'x'.repeat(21), undefined], accepted: ['JA-01', 'x'.repeat(20)] }),
  def({ op: 'POST /api/hq/stores', url: '/api/hq/stores', base: () => ({ name: '静安店', code: `S${unique()}`, city: '上海' }), field: 'name', refused: ['店'.repeat(41), undefined], accepted: ['店'.repeat(40)] }),
  def({ op: 'POST /api/hq/accounts', url: '/api/hq/accounts', base: () => ({ username: `u${unique()}`, password: 'long-enough-pw', role: 'operator' }), field: 'password', refused: ['short1', 'p'.repeat(128) + '1', 'pppppppppp', '1234567890'], accepted: ['p'.repeat(9) + '1', `${'p'.repeat(126)}12`] }),
  def({ op: 'POST /api/hq/accounts', url: '/api/hq/accounts', base: () => ({ username: `u${unique()}`, password: 'long-enough-pw', role: 'operator' }), field: 'role', refused: ['boss', undefined], accepted: ['finance'] }),
  def({ op: 'POST /api/hq/points/grant', url: '/api/hq/points/grant', base: () => ({ memberId: 999_999, points: 10, reason: '补偿' }), field: 'points', refused: [0, 10_000_001, 1.5, '十'], accepted: [1, 10_000_000] }),
  def({ op: 'POST /api/hq/points/grant', url: '/api/hq/points/grant', base: () => ({ memberId: 999_999, points: 10, reason: '补偿' }), field: 'reason', refused: ['因'.repeat(65), undefined], accepted: ['因'.repeat(64)] }),
  def({ op: 'POST /api/hq/orders/{id}/refunds', url: '/api/hq/orders/999999/refunds', base: () => ({ amountFen: 100, reason: '破损' }), field: 'amountFen', opts: { unit: 'yuan' }, refused: ['0', '0.001', '-1', '1000000', 'abc'], accepted: ['0.01', '12.5', '999999.99'] }),
  def({ op: 'PUT /api/hq/commission-rates', url: '/api/hq/commission-rates', base: () => ({ scope: 'category', refId: 999_999, rateBp: 100 }), field: 'rateBp', opts: { unit: 'percent' }, refused: [50.01, -1, 1.234], accepted: [0, 12.5, 50] }),
  def({ op: 'POST /api/hq/groupbuy/campaigns', url: '/api/hq/groupbuy/campaigns', base: () => ({ title: '2人团', skuId: 999_999, groupPriceFen: 990, groupSize: 2, stock: 10, startAt: new Date(Date.now() + 3600_000).toISOString(), endAt: new Date(Date.now() + 86_400_000).toISOString(), groupHours: 24, perShopperLimit: 1 }), field: 'groupSize', refused: [1, 11], accepted: [2, 10] }),
  def({ op: 'POST /api/hq/orders/{id}/ship', url: '/api/hq/orders/999999/ship', base: () => ({ carrier: 'SF', trackingNo: 'SF1234' }), field: 'trackingNo', refused: ['SF 12', '单号', 'x'.repeat(65), undefined], accepted: ['SF1234567890', 'x'.repeat(64)] }),
  def({ op: 'PUT /api/hq/metrics/roi/plan', url: '/api/hq/metrics/roi/plan', base: () => ({ softwareFen: 0, materialsFen: 0, operatorFen: 0, incentivesFen: 0, visitorsPerMonth: 1000, joinBp: 1000, activeBp: 3000, conversionBp: 1500, aovFen: 10_000 }), field: 'joinBp', opts: { unit: 'percent' }, refused: [100.01, -1, 1.234, undefined], accepted: [0, 12.5, 100] }),
  def({ op: 'PUT /api/hq/metrics/targets', url: '/api/hq/metrics/targets', base: () => ({}), field: 'aovFen', opts: { unit: 'yuan' }, refused: ['-1', '10000000.01', 'abc'], accepted: ['0', '12.5', '10000000'] }),
  def({ op: 'PUT /api/hq/insight/thresholds', url: '/api/hq/insight/thresholds', base: () => ({ recencyDays: null, frequency: null, monetaryFen: null }), field: 'monetaryFen', opts: { unit: 'yuan' }, refused: ['0', '1000000.01'], accepted: ['0.01', '1000000'] }),
  def({ op: 'PUT /api/hq/insight/thresholds', url: '/api/hq/insight/thresholds', base: () => ({ recencyDays: null, frequency: null, monetaryFen: null }), field: 'recencyDays', refused: [3651, -1, 1.5], accepted: [0, 3650] }),
  def({ op: 'POST /api/hq/insight/pushes', url: '/api/hq/insight/pushes', base: () => ({ batchKey: 'rules-test', templateId: 999_999, target: { kind: 'segment', segment: 'potential' } }), field: 'batchKey', refused: ['a b', '批次', 'x'.repeat(33), undefined], accepted: ['seg-1', 'x'.repeat(32)] }),
  def({ op: 'POST /api/hq/stores/{id}/pos-keys', url: '/api/hq/stores/999999/pos-keys', base: () => ({ label: '收银台' }), field: 'label', refused: ['x'.repeat(41), undefined], accepted: ['收银台 1', 'x'.repeat(40)] }),
  // Member ids pasted as text: the rule checks the list the form sends.
  def({ op: 'POST /api/hq/coupon-templates/{id}/push', url: '/api/hq/coupon-templates/999999/push', base: () => ({ memberIds: [1], batchKey: 'rules-test' }), field: 'memberIds', opts: { parse: (v) => parseMemberIds(String(v)).ids }, refused: [Array.from({ length: 501 }, (_, i) => i + 1).join(',')], accepted: ['1, 2，3', Array.from({ length: 500 }, (_, i) => i + 1).join('\n')] }),
];

async function send(c: Case, value: unknown) {
  const body = { ...c.base() };
  const apiValue = toApiValue(value, c.opts);
  if (apiValue === undefined) delete body[c.field];
  else body[c.field] = apiValue;
  const method = c.op.split(' ')[0];
  const res = await app.api.call(method, c.url, { body, token: hq });
  const fields = ((res.body.issues ?? (res.body.field ? [{ field: res.body.field }] : [])) as { field: string }[]).map((i) => i.field);
  return { status: res.status, fields };
}

test.each(CASES.map((c) => [`${c.op} ${c.field}`, c] as const))('%s: the form refuses what the API refuses, by the same field', async (_name, c) => {
  const spec = fieldSpec(c.op, c.field as never);
  for (const value of c.refused) {
    const problem = checkField(spec, value, c.opts);
    const res = await send(c, value);
    expect({ value, formRefuses: !!problem, status: res.status, apiNames: res.fields.includes(c.field) }).toEqual({ value, formRefuses: true, status: 400, apiNames: true });
  }
  for (const value of c.accepted) {
    const problem = checkField(spec, value, c.opts);
    const res = await send(c, value);
    expect({ value, problem, apiNames: res.fields.includes(c.field), status: res.status < 500 }).toEqual({ value, problem: null, apiNames: false, status: true });
  }
});

test('a refusal reads in Chinese and names the limit in the unit the form shows', () => {
  expect(checkField(fieldSpec('POST /api/hq/orders/{id}/refunds', 'amountFen'), '0', { unit: 'yuan', label: '退款金额' })).toBe('退款金额不能小于 0.01 元');
  expect(checkField(fieldSpec('PUT /api/hq/commission-rates', 'rateBp'), 60, { unit: 'percent', label: '佣金比例' })).toBe('佣金比例不能大于 50%');
  expect(checkField(fieldSpec('POST /api/hq/stores', 'city'), '', { label: '城市' })).toBe('请输入城市');
  expect(checkField(fieldSpec('POST /api/hq/orders/{id}/ship', 'carrier'), undefined, { label: '快递公司' })).toBe('请选择快递公司');
  expect(checkField(fieldSpec('POST /api/hq/guides', 'storeId'), undefined, { label: '门店', pick: true })).toBe('请选择门店');
  expect(checkField(fieldSpec('POST /api/hq/stores', 'code'), 'a b', { label: '门店编码', hint: '1–20 位字母、数字、-、_' })).toBe('门店编码格式不对：1–20 位字母、数字、-、_');
  // A field the API does not require is not asked for, unless the form says so.
  expect(checkField(fieldSpec('POST /api/hq/refunds/{id}/approve', 'amountFen'), '', { unit: 'yuan' })).toBeNull();
  expect(checkField(fieldSpec('POST /api/hq/refunds/{id}/approve', 'amountFen'), '', { unit: 'yuan', required: true, label: '金额' })).toBe('请输入金额');
});
