/**
 * The Lua of the flash-sale admission gate (admission.ts). Each runs atomically in Redis, so a
 * burst from every instance at once is decided one request after another, with no lock.
 * Keys of one campaign (hash-tagged, so they live together on a cluster):
 * - KEYS[1] the campaign: left, start, end (epoch ms), limit (per shopper), open (1 while scheduled or running);
 * - KEYS[2] units per shopper (the database's gb_shopper plus live tickets);
 * - KEYS[3] live tickets: a sorted set of "ticket:member:q", scored by the deadline (epoch ms)
 *   after which the reconciliation forgets an unsettled ticket (its instance died).
 */

/** ARGV: member, q, now, ticket id, ticket deadline. Answers OK, MISS (not loaded), NOT_STARTED, ENDED, SOLD_OUT, GONE, LIMIT, OVER. */
export const ADMIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'MISS' end
local c = redis.call('HMGET', KEYS[1], 'left', 'start', 'end', 'limit', 'open')
local now = tonumber(ARGV[3])
local q = tonumber(ARGV[2])
if c[5] ~= '1' then return 'ENDED' end
if now < tonumber(c[2]) then return 'NOT_STARTED' end
if now >= tonumber(c[3]) then return 'ENDED' end
if q > tonumber(c[4]) then return 'OVER' end
local mine = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if mine + q > tonumber(c[4]) then return 'LIMIT' end
if tonumber(c[1]) < q then
  -- GONE: nothing in flight either, so the database has none left too (the sold-out mark may be set).
  if redis.call('ZCARD', KEYS[3]) == 0 then return 'GONE' end
  return 'SOLD_OUT'
end
redis.call('HINCRBY', KEYS[1], 'left', -q)
redis.call('HINCRBY', KEYS[2], ARGV[1], q)
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4] .. ':' .. ARGV[1] .. ':' .. q)
local expireAt = tonumber(c[3]) + 86400000
redis.call('PEXPIREAT', KEYS[2], expireAt)
redis.call('PEXPIREAT', KEYS[3], expireAt)
return 'OK'
`;

/** ARGV: ticket ("id:member:q"), member, q, give back (1) or settle (0). A ticket counts once whoever ends it. */
export const END_TICKET = `
if redis.call('ZREM', KEYS[3], ARGV[1]) == 0 then return 0 end
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'left', tonumber(ARGV[3]))
  if redis.call('HINCRBY', KEYS[2], ARGV[2], -tonumber(ARGV[3])) <= 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end
end
return 1
`;

/** ARGV: member, q. A committed release gave units back in the database: the copy follows. */
export const RETURNED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'left', tonumber(ARGV[2]))
if redis.call('HINCRBY', KEYS[2], ARGV[1], -tonumber(ARGV[2])) <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
return 1
`;

/**
 * Loads or repairs the copy from the database's figures: left = the database's left minus the
 * units of live tickets (admitted, not yet in the database), shoppers likewise; expired tickets
 * are dropped first. ARGV: now, db left, start, end, limit, open, expire-at, overwrite (0: only
 * when missing, the opening's lazy load), then member, units pairs. Answers {left before (-1:
 * none; -2: left as it was), left after, tickets expired}.
 */
export const SYNC = `
if ARGV[8] == '0' and redis.call('EXISTS', KEYS[1]) == 1 then return {-2, -2, 0} end
local expired = redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1])
local per = {}
local held = 0
for _, t in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local m, q = string.match(t, '^[^:]+:([^:]+):(%d+)$')
  if m then
    held = held + tonumber(q)
    per[m] = (per[m] or 0) + tonumber(q)
  end
end
local before = tonumber(redis.call('HGET', KEYS[1], 'left') or '-1')
local left = tonumber(ARGV[2]) - held
if left < 0 then left = 0 end
redis.call('HSET', KEYS[1], 'left', left, 'start', ARGV[3], 'end', ARGV[4], 'limit', ARGV[5], 'open', ARGV[6])
redis.call('DEL', KEYS[2])
for i = 9, #ARGV, 2 do
  local m = ARGV[i]
  local u = tonumber(ARGV[i + 1]) + (per[m] or 0)
  per[m] = nil
  if u > 0 then redis.call('HSET', KEYS[2], m, u) end
end
for m, u in pairs(per) do redis.call('HSET', KEYS[2], m, u) end
for i = 1, 3 do redis.call('PEXPIREAT', KEYS[i], ARGV[7]) end
return {before, left, expired}
`;
