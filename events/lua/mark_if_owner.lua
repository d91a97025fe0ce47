-- A mark written only by the partition's owner: KEYS[1] the partition's fencing key,
-- KEYS[2] the hash of marks (same slot); ARGV token, field, value, the hash's lifetime (ms).
-- HSET's answer (1: a new field, 0: marked before), or FENCED when the token is no longer
-- the partition's.
if tonumber(redis.call('GET', KEYS[1]) or '0') ~= tonumber(ARGV[1]) then
  return redis.error_reply('FENCED partition lease lost')
end
local added = redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return added
