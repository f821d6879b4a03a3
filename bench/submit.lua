-- wrk script for bench/submit_rate.py: every request POSTs one kiosk submission
-- with a fresh submission id, as kiosk/static/js/queue.js sends one: JSON, with
-- Content-Type and Accept set to application/json, the tablet's token in
-- Authorization: Bearer, no form token, no cookie.
--
--   wrk -t1 -c4 -d10s -s bench/submit.lua http://127.0.0.1:PORT -- SITE RUNTAG TOKEN
--
-- SITE is the site slug, RUNTAG is 6 hex digits that differ between runs, TOKEN
-- a tablet token for SITE (flask --app kiosk enrol-tablet SITE --print-token). An id is
-- 16 random hex digits (so inserts land all over the primary key, as uuid4 ids
-- do), then the thread number and a per-thread counter (so no two requests of
-- a run can share an id), then RUNTAG: 32 lowercase hex digits in all.

local next_thread = 0

function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

local counter = 0
local run_tag = "000000"
local faces = { "yes", "sometimes", "no", "skip" }

function init(args)
  run_tag = args[2]
  math.randomseed(os.time() + tonumber(run_tag, 16) + 7919 * thread_number)
  wrk.method = "POST"
  wrk.path = "/kiosk/" .. args[1] .. "/submissions"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  if args[3] and args[3] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[3]
  end
end

local function random_hex(digits)
  local parts = {}
  for i = 1, digits / 4 do
    parts[i] = string.format("%04x", math.random(0, 65535))
  end
  return table.concat(parts)
end

local function face()
  return faces[math.random(1, 4)]
end

function request()
  counter = counter + 1
  local id = random_hex(16) .. string.format("%02x%08x", thread_number % 256, counter) .. run_tag
  local body = '{"id":"' .. id .. '","answers":{"safe":"' .. face() .. '","talk":"' .. face()
    .. '","team":"' .. face() .. '","ideas":"' .. face() .. '"}}'
  return wrk.format(nil, nil, nil, body)
end

-- One machine-readable line for submit_rate.py; wrk's own report is printed above it.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read,
    errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
