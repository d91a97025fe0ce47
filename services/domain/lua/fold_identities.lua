-- Fold the chat keys of one person into one identity, and say which chat an event is for.
-- KEYS[1]: member -> identity (hash; an identity has no entry of its own)
-- KEYS[2]: chat key -> the order it was first seen in (hash)
-- KEYS[3]: identity -> its chat keys, space-separated, itself first (hash)
-- KEYS[4]: the order counter
-- KEYS[5]: "a b" pair -> "identity folded" for folds not yet recorded as events (hash)
-- ARGV[1]: the chat key an event arrived under, or '' for none
-- ARGV[2]: '1' to pass over a pair neither of whose keys was ever seen (a person who
-- never wrote: the map learns nothing of them), '0' to fold every pair
-- ARGV[3..]: pairs of chat keys of one person, the one to keep first when both are new
-- Returns {identity of ARGV[1] or '', {pair index, identity, folded}...}: every fold of the
-- given pairs not yet recorded, new or left over from an attempt that did not record it.
-- The whole fold is one script, so two gateways learning the same person at once cannot
-- leave a chat key pointing at an identity that was itself folded away.
local function identity_of(chat)
  return redis.call('HGET', KEYS[1], chat) or chat
end

local function mark(chat)
  if redis.call('HEXISTS', KEYS[2], chat) == 0 then
    redis.call('HSET', KEYS[2], chat, redis.call('INCR', KEYS[4]))
  end
end

local function members_of(identity)
  local held = redis.call('HGET', KEYS[3], identity)
  local members = {}
  if not held then
    members[1] = identity
    return members
  end
  for member in string.gmatch(held, '%S+') do
    members[#members + 1] = member
  end
  return members
end

local function seen(chat)
  return redis.call('HEXISTS', KEYS[2], chat) == 1
end

local function fold(index, a, b)
  mark(a)
  mark(b)
  local kept, folded = identity_of(a), identity_of(b)
  local pair = a .. ' ' .. b
  if kept ~= folded then
    -- The conversation seen first keeps its key: its consent and history stay in place.
    local kept_order = tonumber(redis.call('HGET', KEYS[2], kept) or '0')
    local folded_order = tonumber(redis.call('HGET', KEYS[2], folded) or '0')
    if folded_order < kept_order then
      kept, folded = folded, kept
    end
    local joined = members_of(kept)
    for _, member in ipairs(members_of(folded)) do
      redis.call('HSET', KEYS[1], member, kept)
      joined[#joined + 1] = member
    end
    redis.call('HDEL', KEYS[3], folded)
    redis.call('HSET', KEYS[3], kept, table.concat(joined, ' '))
    redis.call('HSET', KEYS[5], pair, kept .. ' ' .. folded)
  end
  local pending = redis.call('HGET', KEYS[5], pair)
  if pending then
    local space = string.find(pending, ' ', 1, true)
    return {index, string.sub(pending, 1, space - 1), string.sub(pending, space + 1)}
  end
  return nil
end

local folds = {}
for i = 3, #ARGV - 1, 2 do
  local a, b = ARGV[i], ARGV[i + 1]
  if ARGV[2] ~= '1' or seen(a) or seen(b) then
    local made = fold((i - 3) / 2, a, b)
    if made then
      folds[#folds + 1] = made
    end
  end
end

local chat = ARGV[1]
if chat == '' then
  return {'', folds}
end
mark(chat)
return {identity_of(chat), folds}
