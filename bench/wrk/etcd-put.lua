-- wrk script: PUT distinct keys through etcd's v3 JSON gateway, the raw baseline for
-- bench/store's "puts/s through ckube's client". Keys are 8 base64 characters (a thread
-- letter and a 7-digit counter: unique, valid base64 without padding); the value is the
-- same base64 payload bench/store writes through ckube's client (CK_BENCH_VALUE_B64).
local value = os.getenv("CK_BENCH_VALUE_B64")
local threads = {}
local next_id = 0

function setup(thread)
	thread:set("tid", string.char(string.byte("A") + next_id))
	next_id = next_id + 1
	table.insert(threads, thread)
end

function init(args)
	counter = 0
	headers = { ["Content-Type"] = "application/json" }
end

function request()
	counter = counter + 1
	local key = string.format("%s%07d", tid, counter % 10000000)
	local body = '{"key":"' .. key .. '","value":"' .. value .. '"}'
	return wrk.format("POST", "/v3/kv/put", headers, body)
end
