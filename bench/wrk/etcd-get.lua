-- wrk script: linearizable range of one key through etcd's v3 JSON gateway, the raw
-- baseline for bench/store's "linearizable gets/s through ckube's client".
-- CK_BENCH_KEY_B64 is the base64 key the benchmark wrote before the run.
local key = os.getenv("CK_BENCH_KEY_B64")
wrk.method = "POST"
wrk.path = "/v3/kv/range"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"key":"' .. key .. '"}'
