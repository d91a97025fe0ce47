-- Crypto-shred a data subject: delete their key and record the erasure, in one step, so
-- the log never says "erased" while the key still exists, nor loses the key unrecorded.
-- KEYS[1]: the partition's subject keys; KEYS[2]: partition stream
-- ARGV[1]: chat; ARGV[2..]: fields of the erasure event
-- Returns the erasure's entry id, or false when there was no key (never seen, or erased).
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
  return false
end
return redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
