-- Books the time a reply may be sent, by the rule of services/conductor/pacing.py
-- (send_at_ms), atomically for every replica: after the typing lead, a gap after the
-- chat's last message, and no 60 s holding more than the session's bound.
-- KEYS[1]: the session's booked sends (sorted set: reply id -> send time, ms)
-- KEYS[2]: the chat's last booked send ("TIME:REPLY_ID", expiring after the gap)
-- ARGV: reply id, lead ms, messages per minute, window ms, chat gap ms
-- Returns {now, send time}, in ms of Redis's clock, the one clock every replica shares.
-- The same reply booked again (its entry redelivered) moves its own booking: it neither
-- counts twice nor waits for itself.
local reply, lead = ARGV[1], tonumber(ARGV[2])
local limit, window, gap = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZREM', KEYS[1], reply)
local at = now + lead
local last = redis.call('GET', KEYS[2])
if last then
  local time, owner = string.match(last, '^(%d+):(.*)$')
  if time and owner ~= reply then
    at = math.max(at, tonumber(time) + gap)
  end
end
local nth = redis.call('ZRANGE', KEYS[1], -limit, -limit, 'WITHSCORES')
if nth[2] then
  at = math.max(at, tonumber(nth[2]) + window)
end

redis.call('ZADD', KEYS[1], at, reply)
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], tonumber(latest[2]) - now + window)
redis.call('SET', KEYS[2], string.format('%d:%s', at, reply), 'PX', at - now + gap + 1)
return {now, at}
