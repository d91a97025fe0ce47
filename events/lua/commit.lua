-- Apply a consumer's effects, advance its per-chat checkpoint and XACK, all or nothing.
-- KEYS[1]: fencing counter; KEYS[2]: checkpoint hash (chat -> last applied id);
-- KEYS[3]: partition stream; KEYS[4]: attempt marks (entry id -> handling attempts)
-- ARGV[1]: fencing token; ARGV[2]: group; ARGV[3]: chat; ARGV[4]: entry id;
-- ARGV[5]: number of effect commands, then for each: its argument count and arguments.
-- Returns 1 when applied, 0 when the entry had already been applied (redelivery).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('FENCED partition lease lost')
end

local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end

local last = redis.call('HGET', KEYS[2], ARGV[3])
if last then
  local lms, lseq = parse(last)
  local ems, eseq = parse(ARGV[4])
  if ems < lms or (ems == lms and eseq <= lseq) then
    redis.call('XACK', KEYS[3], ARGV[2], ARGV[4])
    redis.call('HDEL', KEYS[4], ARGV[4])
    return 0
  end
end

local i = 6
for _ = 1, tonumber(ARGV[5]) do
  local argc = tonumber(ARGV[i])
  redis.call(unpack(ARGV, i + 1, i + argc))
  i = i + argc + 1
end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('XACK', KEYS[3], ARGV[2], ARGV[4])
redis.call('HDEL', KEYS[4], ARGV[4])
return 1
