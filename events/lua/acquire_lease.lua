-- Take or renew a partition lease, returning its fencing token, or -1 if another holds it.
-- KEYS[1]: lease ("owner|token"); KEYS[2]: fencing counter
-- ARGV[1]: owner; ARGV[2]: ttl in ms
-- A renewal keeps the token; a new acquisition increments the counter, so every write of
-- an earlier holder that checks its token afterwards is refused.
local current = redis.call('GET', KEYS[1])
if current then
  local owner, token = string.match(current, '^(.*)|(%d+)$')
  if owner == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return tonumber(token)
  end
  return -1
end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'PX', ARGV[2])
return token
