-- Record a consumer as alive and return the live members of its group, oldest name first.
-- KEYS[1]: members sorted set; ARGV[1]: consumer; ARGV[2]: member ttl in ms
-- Uses the server's clock so that consumers on hosts with skewed clocks agree.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], ARGV[2] * 10)
return redis.call('ZRANGE', KEYS[1], 0, -1)
