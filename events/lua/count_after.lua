-- Count a stream's entries after an id, up to a bound (0: no bound), without sending them.
-- KEYS[1]: stream; ARGV[1]: id (exclusive); ARGV[2]: bound
local bound = tonumber(ARGV[2])
local start = '(' .. ARGV[1]
local counted = 0
while true do
  local page = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', 1000)
  counted = counted + #page
  if bound > 0 and counted >= bound then
    return bound
  end
  if #page < 1000 then
    return counted
  end
  start = '(' .. page[#page][1]
end
