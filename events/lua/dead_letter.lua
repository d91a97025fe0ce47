-- Move a failing entry to the dead-letter stream and acknowledge it, in one step, so the
-- entry is never both lost and acknowledged, nor kept blocking its partition.
-- KEYS[1]: fencing counter; KEYS[2]: partition stream; KEYS[3]: dead-letter stream;
-- KEYS[4]: attempt marks
-- ARGV[1]: fencing token; ARGV[2]: group; ARGV[3]: entry id; ARGV[4..]: dead-letter fields
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('FENCED partition lease lost')
end
local id = redis.call('XADD', KEYS[3], '*', unpack(ARGV, 4))
redis.call('XACK', KEYS[2], ARGV[2], ARGV[3])
redis.call('HDEL', KEYS[4], ARGV[3])
return id
