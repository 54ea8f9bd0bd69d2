import { CARRIER_CODES, CARRIERS, carrierName, isCarrierCode } from './carriers';

describe('carriers', () => {
  it('has the WeChat delivery ids, each once, each with a Chinese name', () => {
    expect([...CARRIER_CODES].sort()).toEqual(['EMS', 'JD', 'JTSD', 'SF', 'STO', 'YD', 'YTO', 'ZTO']);
    expect(new Set(CARRIERS.map((c) => c.name)).size).toBe(CARRIERS.length);
    for (const c of CARRIERS) expect(c.name).toMatch(/[\u4e00-\u9fff]/);
  });

  it('isCarrierCode accepts exactly the codes (case-sensitive), not names or other values', () => {
    for (const code of CARRIER_CODES) expect(isCarrierCode(code)).toBe(true);
    for (const x of ['顺丰速运', 'sf', ' SF', 'SF ', '', 'UNKNOWN', null, undefined, 1, {}]) expect(isCarrierCode(x)).toBe(false);
  });

  it('carrierName maps a code to its name and leaves an unknown code as is', () => {
    expect(carrierName('SF')).toBe('顺丰速运');
    expect(carrierName('ZTO')).toBe('中通快递');
    expect(carrierName('JTSD')).toBe('极兔速递');
    expect(carrierName('顺丰速运')).toBe('顺丰速运');
  });
});
