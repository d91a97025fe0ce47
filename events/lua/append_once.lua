-- Append entries to one partition, each unless its idempotency key was seen within the
-- dedup window. Several entries per call let a batch cost one command per partition.
-- KEYS[1]: partition stream; KEYS[2]: the partition's subject keys;
-- KEYS[2 + i]: dedup marker of entry i (same slot)
-- ARGV[1]: dedup window in ms; ARGV[2]: field count F; ARGV[3 .. 2 + F]: field names;
-- then per entry, in KEYS order: its chat, the subject key its personal data is sealed
-- with ("" for none), and its F values.
-- Returns, per entry, {1, new id}, {0, id of the first entry with that key}, or {-1, ""}
-- when the subject key is no longer the chat's (erased meanwhile): nothing is appended,
-- and the caller seals again with the current key.
-- Check and XADD happen in one script, so two concurrent retries cannot both append; a
-- key repeated within one call is seen by its second occurrence too.
local nfields = tonumber(ARGV[2])
local fields = {}
for f = 1, nfields do
  fields[2 * f - 1] = ARGV[2 + f]
end
local results = {}
for i = 3, #KEYS do
  local base = 2 + nfields + (i - 3) * (nfields + 2)
  local first = redis.call('GET', KEYS[i])
  local sealed_with = ARGV[base + 2]
  if first then
    -- Written again, same value and expiry: a WAIT after this call then covers the
    -- first append too (replicated in the same order), which may not have reached the
    -- replicas yet when its own caller was refused.
    redis.call('SET', KEYS[i], first, 'KEEPTTL')
    results[i - 2] = {0, first}
  elseif sealed_with ~= '' and redis.call('HGET', KEYS[2], ARGV[base + 1]) ~= sealed_with then
    results[i - 2] = {-1, ''}
  else
    for f = 1, nfields do
      fields[2 * f] = ARGV[base + 2 + f]
    end
    local id = redis.call('XADD', KEYS[1], '*', unpack(fields))
    redis.call('SET', KEYS[i], id, 'PX', ARGV[1])
    results[i - 2] = {1, id}
  end
end
return results
