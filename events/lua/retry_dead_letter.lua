-- Give a dead-lettered entry back to the consumer group it failed in, in one step: it is
-- appended to its partition again, marked for that group only, and leaves the dead letters.
-- KEYS[1]: dead-letter stream; KEYS[2]: partition stream
-- ARGV[1]: dead-letter entry id; ARGV[2..]: the names of the fields that describe the
-- failure (not the entry's own)
-- Returns the new entry id, or false when there is no such dead letter.
local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #found == 0 then
  return false
end
local details = {}
for i = 2, #ARGV do
  details[ARGV[i]] = true
end
local fields = found[1][2]
local entry = {}
local group = nil
for i = 1, #fields, 2 do
  local name, value = fields[i], fields[i + 1]
  if name == 'group' then
    group = value
  end
  if not details[name] then
    entry[#entry + 1] = name
    entry[#entry + 1] = value
  end
end
if not group then
  return redis.error_reply('CORRUPT dead letter without a group')
end
entry[#entry + 1] = 'for'
entry[#entry + 1] = group
local id = redis.call('XADD', KEYS[2], '*', unpack(entry))
redis.call('XDEL', KEYS[1], ARGV[1])
return id
