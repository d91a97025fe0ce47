-- wrk script: POST pre-signed WAHA webhooks, each body once until the file is exhausted.
-- The file holds pairs of lines: signature, body.
local requests = {}
local index = 0

function init(args)
  local file = assert(io.open(os.getenv("BENCH_BODIES"), "r"))
  while true do
    local signature = file:read("*l")
    local body = file:read("*l")
    if not body then break end
    requests[#requests + 1] = wrk.format("POST", "/webhooks/waha", {
      ["Content-Type"] = "application/json",
      ["X-Webhook-Hmac"] = signature,
      ["X-Webhook-Hmac-Algorithm"] = "sha512",
    }, body)
  end
  file:close()
end

function request()
  index = index % #requests + 1
  return requests[index]
end
