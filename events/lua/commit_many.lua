-- Commit one entry or several of one partition, each all or nothing: its effects, its
-- chat's checkpoint and its XACK, or, applied before (a redelivery), only its XACK. The
-- lease fence is checked once for them all; one entry's failing effect fails that entry
-- alone.
-- KEYS[1]: fencing counter; KEYS[2]: checkpoint hash (chat -> last applied id);
-- KEYS[3]: partition stream; KEYS[4]: attempt marks; KEYS[5..]: the keys the effects name
-- ARGV[1]: fencing token; ARGV[2]: group; ARGV[3]: the entries, as one MessagePack array
--   (one argument instead of dozens per entry: the client's work per argument is what
--   costs): per entry {chat, entry id, commands}, a command being its parts in order, a
--   part that is a number standing for KEYS[-n] when negative and for ARGV[n] (a binary
--   value, which Redis's MessagePack reader cannot take) when positive.
-- Returns, per entry in order, 1 when applied, 0 when applied before (redelivery), or the
-- error text of the effect that failed (its earlier effects stay, as a script's writes
-- do; its checkpoint does not move and it is not acknowledged).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('FENCED partition lease lost')
end

local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end

local function applied_before(chat, id)
  local last = redis.call('HGET', KEYS[2], chat)
  if not last then
    return false
  end
  local lms, lseq = parse(last)
  local ems, eseq = parse(id)
  return ems < lms or (ems == lms and eseq <= lseq)
end

local function apply(commands)
  for _, command in ipairs(commands) do
    local parts = {}
    for j, part in ipairs(command) do
      if type(part) == 'number' then
        if part < 0 then
          part = KEYS[-part]
        else
          part = ARGV[part]
        end
      end
      parts[j] = part
    end
    local reply = redis.pcall(unpack(parts))
    if type(reply) == 'table' and reply.err then
      return reply.err
    end
  end
  return nil
end

local results = {}
for n, entry in ipairs(cmsgpack.unpack(ARGV[3])) do
  local chat, id = entry[1], entry[2]
  local result = 0
  if not applied_before(chat, id) then
    result = apply(entry[3]) or 1
  end
  if result == 1 then
    redis.call('HSET', KEYS[2], chat, id)
  end
  if type(result) == 'number' then
    redis.call('XACK', KEYS[3], ARGV[2], id)
    redis.call('HDEL', KEYS[4], id)
  end
  results[n] = result
end
return results
