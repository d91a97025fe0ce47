-- Forget every chat key of one person (their erasure): the map keeps no link to them.
-- KEYS[1..3]: as in fold_identities.lua (member -> identity, seen, identity -> members)
-- ARGV[1]: any chat key of the person
-- Returns the chat keys forgotten, the identity first.
local identity = redis.call('HGET', KEYS[1], ARGV[1]) or ARGV[1]
local held = redis.call('HGET', KEYS[3], identity)
local members = {}
if held then
  for member in string.gmatch(held, '%S+') do
    members[#members + 1] = member
  end
else
  members[1] = identity
end
for _, member in ipairs(members) do
  redis.call('HDEL', KEYS[1], member)
  redis.call('HDEL', KEYS[2], member)
end
redis.call('HDEL', KEYS[3], identity)
return members
