-- Marks written only by the partition's owner, several in one call: KEYS[1] the
-- partition's fencing key, KEYS[2] the hash of marks (same slot); ARGV token, the hash's
-- lifetime (ms), then field and value of each mark. Per mark, HSET's answer (1: a new
-- field, 0: marked before), or FENCED, nothing written, when the token is no longer the
-- partition's.
if tonumber(redis.call('GET', KEYS[1]) or '0') ~= tonumber(ARGV[1]) then
  return redis.error_reply('FENCED partition lease lost')
end
local added = {}
for i = 3, #ARGV, 2 do
  added[#added + 1] = redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return added
