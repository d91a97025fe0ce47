-- Book a slot for an appointment, once.
-- KEYS[1]: appointment hash; KEYS[2]: slot holder; KEYS[3]: booked starts (zset);
-- KEYS[4]: the subject's appointments (set)    (all under one hash tag)
-- ARGV: appointment id, subject, start (epoch s), end (epoch s)
-- Returns {"booked"|"existing", start, end} or {"taken", holder}.
-- The slot check and the claim are one script: two chats taking the same slot at the
-- same moment, on any number of replicas, cannot both get it.
if redis.call('EXISTS', KEYS[1]) == 1 then
  local existing = redis.call('HMGET', KEYS[1], 'start', 'end')
  return {'existing', existing[1], existing[2]}
end
local holder = redis.call('GET', KEYS[2])
if holder then
  return {'taken', holder}
end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'subject', ARGV[2], 'start', ARGV[3], 'end', ARGV[4],
           'status', 'booked')
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return {'booked', ARGV[3], ARGV[4]}
