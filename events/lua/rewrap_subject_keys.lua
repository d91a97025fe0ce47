-- Re-wrap a partition's subject keys under a new key-encryption key, all in one step.
-- KEYS[1]: the partition's subject keys
-- ARGV: triples of chat, the stored value read, the same key wrapped anew.
-- A value that changed since it was read (erased, or already re-wrapped) is left as it
-- is: an erased key never comes back. Returns how many were re-wrapped.
local rewrapped = 0
for i = 1, #ARGV, 3 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
    rewrapped = rewrapped + 1
  end
end
return rewrapped
