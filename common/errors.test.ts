import { ERROR_GROUPS, ERROR_MESSAGES, errorMessage, isErrorCode } from './errors';

describe('error codes', () => {
  it('gives every code Chinese copy', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('merges the features\' copy with no code claimed by two of them', () => {
    const all = ERROR_GROUPS.flatMap((g) => Object.keys(g));
    expect(all.filter((code, i) => all.indexOf(code) !== i)).toEqual([]);
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...all].sort());
  });

  it('falls back to the generic line for codes it does not know', () => {
    expect(isErrorCode('PRODUCT_NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(errorMessage('toString')).toBe(ERROR_MESSAGES.INTERNAL);
    expect(errorMessage('PRODUCT_NOT_FOUND')).toBe(ERROR_MESSAGES.PRODUCT_NOT_FOUND);
  });
});
