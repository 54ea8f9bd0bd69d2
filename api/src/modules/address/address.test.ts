import { MAX_ADDRESSES, type AddressDto } from '@common/address/types';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { addressesOf, anAddress, ok } from '../../../test/shopping';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('addresses', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const shopper = async () => {
    const s = await loginShopper(app);
    return { ...s, book: addressesOf(app, s.token) };
  };
  const defaults = (list: AddressDto[]) => list.filter((a) => a.isDefault).map((a) => a.id);

  it('needs a shopper token: 401 without one, 403 with an HQ token', async () => {
    expect((await app.api.get('/api/addresses')).status).toBe(401);
    const hq = await loginHq(app);
    expect((await app.api.get('/api/addresses', hq)).status).toBe(403);
    expect((await app.api.post('/api/addresses', anAddress(), hq)).status).toBe(403);
  });

  it('makes the first address the default and keeps exactly one default', async () => {
    const { book } = await shopper();
    const first: AddressDto = ok(await book.create(anAddress({ name: '一号' })), 201);
    expect(first).toMatchObject({ ...anAddress({ name: '一号' }), isDefault: true });
    const second: AddressDto = ok(await book.create(anAddress({ name: '二号' })), 201);
    expect(second.isDefault).toBe(false);
    const third: AddressDto = ok(await book.create(anAddress({ name: '三号', isDefault: true })), 201);
    expect(third.isDefault).toBe(true);
    let list: AddressDto[] = ok(await book.list());
    expect(list[0].id).toBe(third.id);
    expect(defaults(list)).toEqual([third.id]);

    // Setting another default clears the others in the same transaction.
    const updated: AddressDto = ok(await book.update(second.id, anAddress({ name: '二号改', isDefault: true })));
    expect(updated).toMatchObject({ id: second.id, name: '二号改', isDefault: true });
    list = ok(await book.list());
    expect(list[0].id).toBe(second.id);
    expect(defaults(list)).toEqual([second.id]);

    // Un-defaulting hands the flag to the most recently edited other address.
    await sleep(5);
    ok(await book.update(first.id, anAddress({ name: '一号改' })));
    ok(await book.update(second.id, anAddress({ name: '二号改', isDefault: false })));
    expect(defaults(ok(await book.list()))).toEqual([first.id]);

    // Deleting the default promotes the most recently updated remaining address.
    await sleep(5);
    ok(await book.update(third.id, anAddress({ name: '三号改' })));
    expect((await book.remove(first.id)).status).toBe(200);
    list = ok(await book.list());
    expect(list.map((a) => a.id).sort()).toEqual([second.id, third.id].sort());
    expect(defaults(list)).toEqual([third.id]);
    ok(await book.remove(third.id));
    expect(defaults(ok(await book.list()))).toEqual([second.id]);
    // The only address stays the default even when asked otherwise.
    expect((ok(await book.update(second.id, anAddress({ isDefault: false }))) as AddressDto).isDefault).toBe(true);
    ok(await book.remove(second.id));
    expect(ok(await book.list())).toEqual([]);
  });

  it('ends with one default when several are set at once', async () => {
    const { book } = await shopper();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((ok(await book.create(anAddress({ name: `地址${i}` })), 201) as AddressDto).id);
    const results = await Promise.all(ids.map((id) => book.update(id, anAddress({ name: `默认${id}`, isDefault: true }))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(defaults(ok(await book.list()))).toHaveLength(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { book } = await shopper();
    const kept: AddressDto = ok(await book.create(anAddress()), 201);
    const cases: [unknown, string][] = [
      [anAddress({ phone: '12345' }), 'phone'],
      [anAddress({ phone: '1380013800a' }), 'phone'],
      [anAddress({ name: '' }), 'name'],
      [anAddress({ name: '   ' }), 'name'],
      [anAddress({ name: '名'.repeat(21) }), 'name'],
      [anAddress({ province: '' }), 'province'],
      [anAddress({ city: 'x'.repeat(21) }), 'city'],
      [anAddress({ district: '' }), 'district'],
      [anAddress({ detail: '路'.repeat(121) }), 'detail'],
      [{ ...anAddress(), id: 5 }, 'id'],
      [{ ...anAddress(), isDefault: 'yes' }, 'isDefault'],
    ];
    for (const [body, field] of cases) {
      for (const res of [await book.create(body), await book.update(kept.id, body)]) {
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      }
    }
    expect(ok(await book.list())).toEqual([kept]);
    // Landlines are fine.
    expect((ok(await book.create(anAddress({ phone: '010-12345678' })), 201) as AddressDto).phone).toBe('010-12345678');
  });

  it("answers 404 for another shopper's address and changes nothing", async () => {
    const alice = await shopper();
    const bob = await shopper();
    const mine: AddressDto = ok(await alice.book.create(anAddress({ name: '爱丽丝' })), 201);
    const before = ok(await alice.book.list());
    for (const res of [await bob.book.update(mine.id, anAddress({ name: '鲍勃', isDefault: true })), await bob.book.remove(mine.id)]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ADDRESS_NOT_FOUND');
    }
    expect(ok(await bob.book.list())).toEqual([]);
    expect(ok(await alice.book.list())).toEqual(before);
    await expect(app.services.addresses.getOwned(bob.memberId, mine.id)).rejects.toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    await expect(app.services.addresses.getOwned(alice.memberId, 999_999)).rejects.toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    expect(await app.services.addresses.getOwned(alice.memberId, mine.id)).toEqual(mine);
    expect((await alice.book.remove(999_999)).status).toBe(404);
  });

  it(`holds at most ${MAX_ADDRESSES} addresses`, async () => {
    const { book } = await shopper();
    for (let i = 0; i < MAX_ADDRESSES; i++) ok(await book.create(anAddress({ name: `地址${i}` })), 201);
    const over = await book.create(anAddress({ name: '多余' }));
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('ADDRESS_LIMIT_REACHED');
    const list: AddressDto[] = ok(await book.list());
    expect(list).toHaveLength(MAX_ADDRESSES);
    expect(defaults(list)).toHaveLength(1);
    // Room again after a delete.
    ok(await book.remove(list[list.length - 1].id));
    ok(await book.create(anAddress({ name: '补上' })), 201);
  });
});
