-- Apply the effects of a run of entries of one partition, advance the per-chat checkpoints
-- and XACK the entries, all or nothing; every key it touches comes in KEYS, in the
-- partition's slot.
-- KEYS[1]: fencing counter; KEYS[2]: checkpoint hash (chat -> last applied id);
-- KEYS[3]: partition stream; KEYS[4]: attempt marks; KEYS[5..]: the keys the effects write
-- ARGV[1]: fencing token; ARGV[2]: group; ARGV[3]: the run, as one MessagePack array
--   (one argument instead of hundreds: the client's work per argument is what costs):
--   [chats, ids, commands], where chats holds, per chat, {chat, the checkpoint the effects
--   were computed after ('' for none), the new checkpoint ('' to leave it)}; ids, the entry
--   ids to acknowledge; commands, per effect, {name, index in KEYS of its one key, args...},
--   an argument that is a number being the index in ARGV of a binary value (ARGV[4..]),
--   which Redis's MessagePack reader cannot take.
-- Returns 1 when applied; 0, having written nothing, when a checkpoint is no longer the
-- one the effects were computed after (an earlier commit landed unseen: compute again).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('FENCED partition lease lost')
end

local run = cmsgpack.unpack(ARGV[3])
local chats, ids, commands = run[1], run[2], run[3]

for _, chat in ipairs(chats) do
  local now = redis.call('HGET', KEYS[2], chat[1]) or ''
  if now ~= chat[2] then
    return 0
  end
end

for _, command in ipairs(commands) do
  local args = {}
  for j = 3, #command do
    local arg = command[j]
    if type(arg) == 'number' then
      arg = ARGV[arg]
    end
    args[j - 2] = arg
  end
  redis.call(command[1], KEYS[command[2]], unpack(args))
end

local positions = {}
for _, chat in ipairs(chats) do
  if chat[3] ~= '' then
    positions[#positions + 1] = chat[1]
    positions[#positions + 1] = chat[3]
  end
end
if #positions > 0 then
  redis.call('HSET', KEYS[2], unpack(positions))
end
if #ids > 0 then
  redis.call('XACK', KEYS[3], ARGV[2], unpack(ids))
  redis.call('HDEL', KEYS[4], unpack(ids))
end
return 1
