/** 发券's member list as pasted (pure: the form rule's unit test uses it without a browser). */

/** Member ids from pasted text; anything that is not a positive whole number is reported. */
export function parseMemberIds(text: string): { ids: number[]; bad: string[] } {
  const parts = text.split(/[\s,，;；]+/).filter(Boolean);
  const bad = parts.filter((p) => !/^[1-9]\d{0,11}$/.test(p));
  return { ids: [...new Set(parts.filter((p) => !bad.includes(p)).map(Number))], bad };
}
