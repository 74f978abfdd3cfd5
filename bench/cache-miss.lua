-- Makes every request's target unique (…&miss=N), so Lijian's list cache never answers and
-- each request runs the query and renders the page.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&miss=" .. counter .. "-" .. math.random(1, 1e9))
end
