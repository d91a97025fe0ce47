-- Book an appointment's time with its professional, once.
-- KEYS[1]: appointment hash; KEYS[2]: slot holder (the professional's, by start);
-- KEYS[3]: the professional's booked starts (zset); KEYS[4]: the subject's appointments
-- (set); KEYS[5]: the professional's booked ends (zset: appointment -> the end of the
-- time it keeps, its buffer included); KEYS[6], KEYS[7]: the booked starts and ends of
-- the one professional of before a clinic file (""), whose bookings keep their time from
-- every professional; the same as KEYS[3], KEYS[5] for that professional; KEYS[8]: the
-- hash of the appointment this one replaces (KEYS[1] when none)
-- (all under one hash tag)
-- ARGV: appointment id, subject, start, end, kept until, the earliest start a booking
-- overlapping this one can have (all epoch s), the length (s) of a booking with no end
-- kept (booked before ends were), professional, service, the appointment this one
-- replaces (a move: its time is no obstacle; "" for none)
-- Returns {"booked"|"existing", start, end} or {"taken", holder}.
-- The check and the claim are one script: two chats taking overlapping times with one
-- professional at the same moment, on any number of replicas, cannot both get them.
if redis.call('EXISTS', KEYS[1]) == 1 then
  local existing = redis.call('HMGET', KEYS[1], 'start', 'end')
  return {'existing', existing[1], existing[2]}
end
-- Only the subject's own appointment may be set aside for it.
local moved = ARGV[10]
if moved ~= '' and redis.call('HGET', KEYS[8], 'subject') ~= ARGV[2] then
  moved = ''
end
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= moved then
  return {'taken', holder}
end
local start, kept = tonumber(ARGV[3]), tonumber(ARGV[5])
-- Every booking starting before this one's time is over, from as early as one can start
-- and still reach it; taken if it is kept until after this one starts.
-- ``starts`` and ``ends`` are indexes into KEYS.
local function overlapping(starts, ends)
  local near = redis.call('ZRANGEBYSCORE', KEYS[starts], ARGV[6], '(' .. ARGV[5], 'WITHSCORES')
  for i = 1, #near, 2 do
    local other = redis.call('ZSCORE', KEYS[ends], near[i])
    local other_until = other and tonumber(other) or tonumber(near[i + 1]) + tonumber(ARGV[7])
    if other_until > start and near[i] ~= moved then
      return near[i]
    end
  end
  return nil
end
local other = overlapping(3, 5)
if not other and KEYS[6] ~= KEYS[3] then
  other = overlapping(6, 7)
end
if other then
  return {'taken', other}
end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'subject', ARGV[2], 'start', ARGV[3], 'end', ARGV[4],
           'status', 'booked', 'until', ARGV[5], 'professional', ARGV[8], 'service', ARGV[9])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return {'booked', ARGV[3], ARGV[4]}
