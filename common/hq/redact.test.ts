import { REDACTED, redact } from './redact';

describe('redact', () => {
  it('replaces secrets at any depth and keeps everything else', () => {
    const out = redact({
      username: 'mgr',
      password: 'p4ssw0rd!',
      passwordHash: 'scrypt$…',
      nested: { token: 'eyJ…', list: [{ apiKey: 'k', name: 'x' }], when: new Date('2026-12-03T04:00:00Z') },
      idempotencyKey: 'abc',
      rateBp: 500,
    });
    expect(out).toEqual({
      username: 'mgr',
      password: REDACTED,
      passwordHash: REDACTED,
      nested: { token: REDACTED, list: [{ apiKey: REDACTED, name: 'x' }], when: '2026-12-03T04:00:00.000Z' },
      idempotencyKey: REDACTED,
      rateBp: 500,
    });
  });

  it("keeps a revealed phone number out of the log (the member card's reveal answers fullPhone)", () => {
    expect(redact({ memberId: 7, maskedPhone: '138****8000', fullPhone: '13800138000' })).toEqual({ memberId: 7, maskedPhone: '138****8000', fullPhone: REDACTED });
  });

  it('passes scalars and null through', () => {
    expect([redact(null), redact(3), redact('a')]).toEqual([null, 3, 'a']);
  });
});
