/**
 * The scene of a guide's poster code (getwxacodeunlimit): which product or campaign it opens and
 * the guide's share token, in at most 32 visible characters (WeChat's limit).
 *
 *   <target id in base62>~<share token>      e.g. 1g~g1Z.1kQ7xm.AbCdEfGhIjKlMnOp
 *
 * A token is 25 characters plus the guide id in base62 (`g` + id + `.` + 6-character issue second
 * + `.` + 16-character MAC), so `p=42&t=<token>` would not fit; base62 ids and a one-character
 * separator leave room for a target id and a guide id of up to 6 base62 characters together
 * (both below 238,328, or one of them far larger). The page (product or campaign) is the code's
 * `page`, so the scene needs no kind.
 */

export const MAX_SCENE_LENGTH = 32;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SEPARATOR = '~';
/** The shape of a share token (api/src/modules/share/share-tokens.ts); the server verifies its MAC. */
const TOKEN_SHAPE = /^[gm][0-9A-Za-z]{1,8}\.[0-9A-Za-z]{1,8}\.[0-9A-Za-z]{16}$/;

function toBase62(n: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = ALPHABET[v % 62] + out;
  return out || '0';
}

function fromBase62(s: string): number | null {
  if (!/^[0-9A-Za-z]{1,6}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 62 + ALPHABET.indexOf(ch);
  return n;
}

/** The scene for this target and token, or null when together they exceed 32 characters. */
export function posterScene(targetId: number, token: string): string | null {
  if (!Number.isSafeInteger(targetId) || targetId < 1 || targetId > 2_147_483_647) throw new RangeError(`poster target must be a positive int: ${targetId}`);
  const scene = `${toBase62(targetId)}${SEPARATOR}${token}`;
  return scene.length <= MAX_SCENE_LENGTH ? scene : null;
}

/** The target id and token of a poster scene (raw or URL-encoded, as a page's `scene` param arrives); null for anything else. */
export function parsePosterScene(raw: string | undefined | null): { targetId: number; token: string } | null {
  if (!raw) return null;
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (scene.length > MAX_SCENE_LENGTH) return null;
  const at = scene.indexOf(SEPARATOR);
  if (at < 1) return null;
  const targetId = fromBase62(scene.slice(0, at));
  const token = scene.slice(at + 1);
  if (targetId === null || targetId < 1 || !TOKEN_SHAPE.test(token)) return null;
  return { targetId, token };
}

/** A token's outer shape as pages accept it before the server verifies it. */
const LOOSE_TOKEN = /^[0-9A-Za-z.]{8,32}$/;
type PageParams = Record<string, string | undefined>;

/**
 * The share token a landing page was opened with: a card's `t`, or a code's `scene` — a guide's
 * poster (`<id>~<token>`), `t=<token>` among other pairs, or the bare token.
 */
export function tokenFromParams(params: PageParams): string | null {
  if (params.t && LOOSE_TOKEN.test(params.t)) return params.t;
  if (!params.scene) return null;
  const poster = parsePosterScene(params.scene);
  if (poster) return poster.token;
  let scene: string;
  try {
    scene = decodeURIComponent(params.scene);
  } catch {
    return null;
  }
  const m = /(?:^|&)t=([^&]+)/.exec(scene);
  const candidate = m ? m[1] : scene;
  return LOOSE_TOKEN.test(candidate) ? candidate : null;
}

/** The id a product or campaign page shows: its `id`, else the target of a guide's poster scene. */
export function landingId(params: PageParams): number | null {
  if (params.id !== undefined) {
    if (!/^\d{1,10}$/.test(params.id)) return null;
    const id = Number(params.id);
    return id >= 1 && id <= 2_147_483_647 ? id : null;
  }
  return parsePosterScene(params.scene)?.targetId ?? null;
}
