-- Unlink a data subject from every booking the calendar holds for them.
-- KEYS[1]: the subject's appointments (set); KEYS[2..]: each of those appointments' hash
-- ARGV[1]: the subject; ARGV[2]: the tombstone that holds the bookings from now on
-- Returns how many bookings were unlinked, or -1 when the set changed since it was read
-- (the caller reads it again): no booking keeps the subject once its index is gone.
if redis.call('SCARD', KEYS[1]) ~= #KEYS - 1 then
  return -1
end
local unlinked = 0
for i = 2, #KEYS do
  if redis.call('HGET', KEYS[i], 'subject') == ARGV[1] then
    redis.call('HSET', KEYS[i], 'subject', ARGV[2])
    unlinked = unlinked + 1
  end
end
redis.call('DEL', KEYS[1])
return unlinked
