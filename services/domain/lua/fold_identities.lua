-- Fold the chat keys of one person into one identity, and say which chat an event is for.
-- KEYS[1]: member -> identity (hash; an identity has no entry of its own)
-- KEYS[2]: chat key -> the order it was first seen in (hash)
-- KEYS[3]: identity -> its chat keys, space-separated, itself first (hash)
-- KEYS[4]: the order counter
-- KEYS[5]: "a b" pair -> "identity folded" for folds not yet recorded as events (hash)
-- ARGV[1]: '1' to pass over a pair neither of whose keys was ever seen (a person who
-- never wrote: the map learns nothing of them), '0' to fold every pair
-- ARGV[2..]: one or more requests, each: the chat key an event arrived under ('' for
-- none), the count of pairs, then the pairs of chat keys of one person, the one to keep
-- first when both are new. Requests are taken in order, as so many calls would be.
-- Returns, per request, {identity of its chat or '', {pair index, identity, folded}...}:
-- every fold of its pairs not yet recorded, new or left over from an attempt that did not
-- record it.
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

local known_only = ARGV[1] == '1'
local answers = {}
local at = 2
while at <= #ARGV do
  local chat, count = ARGV[at], tonumber(ARGV[at + 1])
  local folds = {}
  for n = 0, count - 1 do
    local a, b = ARGV[at + 2 + 2 * n], ARGV[at + 3 + 2 * n]
    if not known_only or seen(a) or seen(b) then
      local made = fold(n, a, b)
      if made then
        folds[#folds + 1] = made
      end
    end
  end
  at = at + 2 + 2 * count
  if chat == '' then
    answers[#answers + 1] = {'', folds}
  else
    mark(chat)
    answers[#answers + 1] = {identity_of(chat), folds}
  end
end
return answers
