-- Apply a consumer's effects, advance its per-chat checkpoint and XACK, all or nothing.
-- KEYS[1]: fencing counter; KEYS[2]: checkpoint hash (chat -> last applied id);
-- KEYS[3]: partition stream; KEYS[4]: attempt marks (entry id -> handling attempts);
-- KEYS[5..]: the keys the effect commands name, in their order
-- ARGV[1]: fencing token; ARGV[2]: group; ARGV[3]: chat; ARGV[4]: entry id;
-- ARGV[5]: number of effect commands, then for each: its length (name and arguments),
-- how many of its arguments are keys, their positions (the name is 1), and the rest of
-- the command in order. Every key comes from KEYS, so the caller declares each one (on
-- Redis Cluster a key not declared may live on another node).
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
local k = 5
for _ = 1, tonumber(ARGV[5]) do
  local length, nkeys = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
  local is_key = {}
  for j = 1, nkeys do
    is_key[tonumber(ARGV[i + 1 + j])] = true
  end
  i = i + 2 + nkeys
  local command = {}
  for position = 1, length do
    if is_key[position] then
      command[position] = KEYS[k]
      k = k + 1
    else
      command[position] = ARGV[i]
      i = i + 1
    end
  end
  redis.call(unpack(command))
end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('XACK', KEYS[3], ARGV[2], ARGV[4])
redis.call('HDEL', KEYS[4], ARGV[4])
return 1
