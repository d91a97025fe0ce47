-- Read new entries for a consumer of a group (XREADGROUP '>', without blocking), and
-- acknowledge at once those the group does not handle, so that only the others travel
-- back to the client: most of what a filtering group reads it only acknowledges, and the
-- client's work per entry (parsing each reply into a dict) is what costs.
-- KEYS[1]: the partition's stream
-- ARGV[1]: group; ARGV[2]: consumer; ARGV[3]: count; ARGV[4..]: the event types handled
-- An entry is acknowledged unread when it names a type not handled, or was given back to
-- another group ('for'): as the client would decide (``events.partition``). An entry
-- without a type goes back, for the client to dead-letter.
-- Returns {entries read, 1 when the group has entries pending under another consumer
-- (a stray, ``events.strays``) else 0, {{id, {field, value, ...}}, ...} handled}.
local group, me = ARGV[1], ARGV[2]
local handled = {}
for i = 4, #ARGV do
  handled[ARGV[i]] = true
end

local count = ARGV[3]
local reply = redis.call('XREADGROUP', 'GROUP', group, me, 'COUNT', count, 'STREAMS', KEYS[1], '>')
local read, kept, unwanted = 0, {}, {}
if reply then
  for _, entry in ipairs(reply[1][2]) do
    read = read + 1
    local fields = entry[2]
    local kind, target
    for j = 1, #fields, 2 do
      if fields[j] == 'type' then
        kind = fields[j + 1]
      elseif fields[j] == 'for' then
        target = fields[j + 1]
      end
    end
    if (target ~= nil and target ~= group) or (kind ~= nil and not handled[kind]) then
      unwanted[#unwanted + 1] = entry[1]
    else
      kept[#kept + 1] = entry
    end
  end
end
if #unwanted > 0 then
  redis.call('XACK', KEYS[1], group, unpack(unwanted))
end

local strays = 0
local summary = redis.call('XPENDING', KEYS[1], group)
if summary[4] then
  for _, consumer in ipairs(summary[4]) do
    if consumer[1] ~= me and tonumber(consumer[2]) > 0 then
      strays = 1
    end
  end
end
return {read, strays, kept}
