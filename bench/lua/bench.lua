-- The one wrk script of bench/run. The harness calls
--   wrk -t T -c C -d D --timeout S -s bench.lua URL -- MODE EXPECT FILE ARG THREADS POOLOUT
-- MODE says what each request is (below); EXPECT is the status a correct answer has (others are
-- counted as "bad" and reported, so a run that measured error pages can't pass for a good one);
-- FILE holds one value a line (tokens, codes, sessions), shared out among wrk's threads; ARG is
-- the mode's extra argument (a client's Basic credentials, a form body).
--
--   get          GET URL, nothing else (the bare ceiling)
--   bearer       GET with "Authorization: Bearer <token>", lines of FILE round robin; a line is a
--                token (GET URL) or "path<TAB>token" (GET path: an Installation's own URI)
--   refresh      POST URL grant_type=refresh_token; the refresh token of each answer replaces the
--                one used (rotation: each works once), ARG = "Basic ..." client credentials; the
--                unused tokens are written to POOLOUT at the end, for the next run
--   code         POST URL grant_type=authorization_code, each code of FILE once; ARG = "Basic ...|redirect_uri";
--                the thread stops when its codes are used up
--   introspect   POST URL token=<access token>, FILE round robin, ARG = "Basic ..."
--   login        POST URL username/password/_csrf with the session cookie; FILE lines are
--                "cookie<TAB>csrf<TAB>username<TAB>password", each used once; a redirect to
--                ...?error is a failed login (bad)
--   (bearer with ARG "pace=MS": the same, each connection waiting MS after each answer: a paced row)
--   form         POST URL with the fixed body ARG ("Basic ...|body"), e.g. client_credentials

local threads = {}
local counter = 0

function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local function split(s, sep)
   local out = {}
   for part in string.gmatch(s, "([^" .. sep .. "]+)") do
      table.insert(out, part)
   end
   return out
end

local function urlencode(s)
   return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function lines_of(file, tid, nthreads)
   local out = {}
   local n = 0
   if file == nil or file == "-" then
      return out
   end
   for line in io.lines(file) do
      if line ~= "" then
         if n % nthreads == tid then
            table.insert(out, line)
         end
         n = n + 1
      end
   end
   return out
end

mode = nil
expect = 200
items = {}
head = 1      -- next item to take (queue head)
tail = 0      -- last item (queue tail)
bad = 0       -- answers with another status than EXPECT (or a failed login)
empty = 0     -- requests that found no item left (refresh pool ran dry)
basic = nil
extra = nil
sample = nil  -- the first bad answer, to show what went wrong

function init(args)
   mode = args[1]
   expect = tonumber(args[2])
   local nthreads = tonumber(args[5] or "1")
   poolout = args[6]
   items = lines_of(args[3], tid, nthreads)
   tail = #items
   local arg = args[4]
   if arg ~= nil and string.sub(arg, 1, 5) == "pace=" then
      -- a paced row (bench-paced.lua defines delay()): ms to wait after each answer
      pace = tonumber(string.sub(arg, 6))
      arg = nil
   end
   if arg ~= nil and arg ~= "-" then
      local parts = split(arg, "|")
      basic = parts[1]
      extra = parts[2]
   end
   if mode == "get" then
      request = nil
   end
   if mode == "bearer" then
      -- pre-built requests: the Lua work per request is a table lookup
      local built = {}
      for i, l in ipairs(items) do
         local f = split(l, "\t")
         local path, token = wrk.path, f[1]
         if #f == 2 then
            path, token = f[1], f[2]
         end
         built[i] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token }, nil)
      end
      items = built
   end
end

local function take()
   if head > tail then
      return nil
   end
   local v = items[head]
   items[head] = nil
   head = head + 1
   return v
end

local function put(v)
   tail = tail + 1
   items[tail] = v
end

local rr = 0
local function round_robin()
   rr = rr % tail + 1
   return items[rr]
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function request()
   if mode == "bearer" then
      return round_robin()
   elseif mode == "refresh" then
      local t = take()
      if t == nil then
         empty = empty + 1
         wrk.thread:stop()
         return wrk.format("GET", "/refresh-pool-empty", nil, nil)
      end
      return wrk.format("POST", wrk.path, { ["Content-Type"] = form["Content-Type"], ["Authorization"] = basic },
         "grant_type=refresh_token&refresh_token=" .. urlencode(t))
   elseif mode == "code" then
      local c = take()
      if c == nil then
         empty = empty + 1
         wrk.thread:stop()
         return wrk.format("GET", "/codes-used-up", nil, nil)
      end
      return wrk.format("POST", wrk.path, { ["Content-Type"] = form["Content-Type"], ["Authorization"] = basic },
         "grant_type=authorization_code&code=" .. urlencode(c) .. "&redirect_uri=" .. urlencode(extra))
   elseif mode == "introspect" then
      return wrk.format("POST", wrk.path, { ["Content-Type"] = form["Content-Type"], ["Authorization"] = basic },
         "token=" .. urlencode(round_robin()))
   elseif mode == "login" then
      local l = take()
      if l == nil then
         empty = empty + 1
         wrk.thread:stop()
         return wrk.format("GET", "/login-sessions-used-up", nil, nil)
      end
      local f = split(l, "\t")
      return wrk.format("POST", wrk.path, { ["Content-Type"] = form["Content-Type"], ["Cookie"] = f[1] },
         "username=" .. urlencode(f[3]) .. "&password=" .. urlencode(f[4]) .. "&_csrf=" .. urlencode(f[2]))
   elseif mode == "form" then
      return wrk.format("POST", wrk.path, { ["Content-Type"] = form["Content-Type"], ["Authorization"] = basic },
         extra)
   end
   return wrk.format(nil, wrk.path)
end

function response(status, headers, body)
   local ok = status == expect
   if ok and mode == "login" then
      local location = headers["Location"] or headers["location"] or ""
      ok = string.find(location, "error", 1, true) == nil
   end
   if ok and mode == "refresh" then
      local t = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
      if t ~= nil then
         put(t)
      else
         ok = false
      end
   end
   if not ok then
      bad = bad + 1
      if sample == nil then
         sample = tostring(status) .. " " .. string.sub(body or "", 1, 300)
      end
   end
end

function done(summary, latency, requests)
   local bads, empties = 0, 0
   local first = ""
   for _, t in ipairs(threads) do
      bads = bads + (t:get("bad") or 0)
      empties = empties + (t:get("empty") or 0)
      local s = t:get("sample")
      if s ~= nil and first == "" then
         first = s
      end
   end
   -- refresh: hand the unused (rotated) refresh tokens on to the next run
   local pool = nil
   for _, t in ipairs(threads) do
      local out = t:get("poolout")
      if out ~= nil and out ~= "-" and t:get("mode") == "refresh" then
         pool = pool or io.open(out, "w")
         for _, v in pairs(t:get("items") or {}) do
            pool:write(v, "\n")
         end
      end
   end
   if pool ~= nil then
      pool:close()
   end
   local e = summary.errors
   first = string.gsub(first, '[%c"\\]', " ")
   io.write(string.format('BENCH-RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"p999_us":%d,'
      .. '"max_us":%d,"mean_us":%.1f,"bad":%d,"empty":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,'
      .. '"timeouts":%d,"status_errors":%d,"sample":"%s"}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      latency:percentile(99.9), latency.max, latency.mean, bads, empties, e.connect, e.read, e.write, e.timeout,
      e.status, first))
end
