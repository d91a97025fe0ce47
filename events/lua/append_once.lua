-- Append an entry unless its idempotency key was seen within the dedup window.
-- KEYS[1]: partition stream; KEYS[2]: dedup marker of the idempotency key (same slot)
-- ARGV[1]: dedup window in ms; ARGV[2..]: entry field/value pairs
-- Returns {1, new id} or {0, id of the first entry with this key}.
-- The check and the XADD are one script, so two concurrent retries cannot both append.
local first = redis.call('GET', KEYS[2])
if first then
  return {0, first}
end
local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
redis.call('SET', KEYS[2], id, 'PX', ARGV[1])
return {1, id}
