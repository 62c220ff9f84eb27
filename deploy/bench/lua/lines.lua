-- Sends one request per line of the file $LINES ("METHOD PATH<TAB>BODY"), each line once, split
-- over wrk's threads; a thread stops when its lines are used up. With $CYCLE=1 every thread
-- cycles through all lines instead, for wrk's whole duration (reads). $TOKEN, if set, is sent as a
-- bearer token. $RATE (requests per second over all connections), if set, paces each connection
-- (wrk measures latency from the actual send, so at a fixed rate the figures hold while the
-- server keeps up, which is the point of the half-saturation run). done() prints one JSON line.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  local n = 0
  local nthreads = tonumber(os.getenv("THREADS") or "1")
  cycle = os.getenv("CYCLE") == "1"
  for line in io.lines(os.getenv("LINES")) do
    if cycle or n % nthreads == id then
      table.insert(lines, line)
    end
    n = n + 1
  end
  nxt = cycle and (id % #lines + 1) or 1
  errors = 0
  statuses = {}
  token = os.getenv("TOKEN")
  local rate = tonumber(os.getenv("RATE") or "0")
  local connections = tonumber(os.getenv("CONNECTIONS") or "1")
  pause = rate > 0 and (1000 * connections / rate) or 0
end

function delay()
  return pause
end

function request()
  if cycle and nxt > #lines then
    nxt = 1
  end
  if nxt > #lines then
    -- used up: stop this thread; the last call of each connection is a cheap probe, not a repeat
    wrk.thread:stop()
    return wrk.format("GET", "/q/health/live")
  end
  local line = lines[nxt]
  nxt = nxt + 1
  local method, path, body = line:match("^(%u+) ([^\t]+)\t?(.*)$")
  local headers = {["Content-Type"] = "application/json"}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  if body == "" then body = nil end
  return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
  if status >= 400 then
    errors = errors + 1
  end
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local errs = 0
  local codes = {}
  for _, t in ipairs(threads) do
    errs = errs + (t:get("errors") or 0)
    local s = t:get("statuses") or {}
    for k, v in pairs(s) do codes[k] = (codes[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(codes) do table.insert(parts, string.format('"%s":%d', k, v)) end
  io.write(string.format('{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"p999_ms":%.2f,"max_ms":%.2f,"errors":%d,"socket_errors":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    errs, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, table.concat(parts, ",")))
end
