-- Cancel a live appointment and free its time.
-- KEYS[1]: appointment hash; KEYS[2]: slot holder; KEYS[3]: the professional's booked
-- starts (zset); KEYS[4]: the professional's booked ends (zset)
-- ARGV[1]: appointment id. Returns 1 if cancelled, 0 if it was not live.
if redis.call('HGET', KEYS[1], 'status') ~= 'booked' then
  return 0
end
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('DEL', KEYS[2])
end
redis.call('HSET', KEYS[1], 'status', 'cancelled')
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1
