-- Append entries to one partition, each unless its idempotency key was seen within the
-- dedup window. Several entries per call let a batch cost one command per partition.
-- KEYS[1]: partition stream; KEYS[1 + i]: dedup marker of entry i (same slot)
-- ARGV[1]: dedup window in ms; ARGV[2]: field count F; ARGV[3 .. 2 + F]: field names;
-- then F values per entry, in KEYS order.
-- Returns, per entry, {1, new id} or {0, id of the first entry with that key}.
-- Check and XADD happen in one script, so two concurrent retries cannot both append; a
-- key repeated within one call is seen by its second occurrence too.
local nfields = tonumber(ARGV[2])
local fields = {}
for f = 1, nfields do
  fields[2 * f - 1] = ARGV[2 + f]
end
local results = {}
for i = 2, #KEYS do
  local first = redis.call('GET', KEYS[i])
  if first then
    results[i - 1] = {0, first}
  else
    local base = 2 + nfields + (i - 2) * nfields
    for f = 1, nfields do
      fields[2 * f] = ARGV[base + f]
    end
    local id = redis.call('XADD', KEYS[1], '*', unpack(fields))
    redis.call('SET', KEYS[i], id, 'PX', ARGV[1])
    results[i - 1] = {1, id}
  end
end
return results
