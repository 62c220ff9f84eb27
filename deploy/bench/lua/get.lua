-- GETs the paths of the file $LINES (one per line) round-robin with the bearer token $TOKEN for
-- wrk's duration; $RATE (requests per second over all connections), if set, paces each
-- connection as in lines.lua. done() prints one JSON line like lines.lua.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LINES")) do table.insert(paths, line) end
  nxt = id % #paths + 1
  errors = 0
  token = os.getenv("TOKEN")
  local rate = tonumber(os.getenv("RATE") or "0")
  local connections = tonumber(os.getenv("CONNECTIONS") or "1")
  pause = rate > 0 and (1000 * connections / rate) or 0
end

function delay()
  return pause
end

function request()
  local path = paths[nxt]
  nxt = nxt % #paths + 1
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end

function response(status, headers, body)
  if status >= 400 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local errs = 0
  for _, t in ipairs(threads) do errs = errs + (t:get("errors") or 0) end
  io.write(string.format('{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"p999_ms":%.2f,"max_ms":%.2f,"errors":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    errs, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
