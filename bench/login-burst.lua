-- wrk script: wrong-password sign-ins for random accounts from random client addresses
-- (the bench server trusts X-Forwarded-For from 127.0.0.1).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time())
request = function()
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  wrk.headers["X-Forwarded-For"] = ip
  local body = '{"email":"victim' .. math.random(1, 100000) .. '@example.test","password":"wrong-password-guess"}'
  return wrk.format(nil, "/auth/login", nil, body)
end
local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary)
  for s, n in pairs(statuses) do io.write(string.format("status %d: %d\n", s, n)) end
end
