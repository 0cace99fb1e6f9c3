/*
 * bench/store: the store layer against the same etcd it talks to, as ratios against a
 * baseline measured in the same run (absolute rates drift on shared machines).
 *
 *   puts/s       ckube's etcd client (async, N calls in flight on its gRPC connection) vs
 *                wrk sending the same PUT bodies to etcd's JSON gateway with N connections
 *   gets/s       linearizable single-key ranges, likewise
 *   LIST         10,000 pod-sized objects: a LIST served from the watch cache (the
 *                references plus one list body assembled from the cached JSON bytes, as
 *                the API server will) vs a linearizable range of the prefix from etcd
 *
 * Each throughput pair runs alternately for several rounds (baseline, ckube, baseline,
 * ckube...) so that drift of the machine hits both sides alike; the ratio is of the sums.
 * A benchmark, not a test: it prints figures and fails only when a request fails.
 *
 * Usage: build/bench/store [--seconds S] [--rounds R] [--conns N] [--objects N]
 *        (run from the repository root: it reads the scripts in bench/wrk/)
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/event.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "cluster/etcd-proc.h"
#include "store/etcd.h"
#include "store/watch-cache-etcd.h"
#include "store/watch-cache.h"

struct bench {
	struct event_base *base;
	struct ck_etcd *etcd;
	const char *url;
	int seconds, rounds, conns, objects;
	char *value; /* a pod-sized JSON object */
	size_t value_len;
	char *value_b64;
};

__attribute__((noreturn)) static void die(const char *what, struct ck_error *err)
{
	fprintf(stderr, "bench/store: %s%s%s\n", what, err ? ": " : "", err ? err->msg : "");
	exit(1);
}

/* A pod as kubectl creates it, about 1 KiB: the size the cache and etcd move. */
static char *pod_json(int i, size_t *len)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_addf(
	        &b,
	        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pod-%05d\","
	        "\"namespace\":\"bench\",\"uid\":\"6f1c2a3e-0000-4000-8000-%012d\","
	        "\"labels\":{\"app\":\"web\",\"pod-template-hash\":\"5d4f8b7c9\"},"
	        "\"creationTimestamp\":\"2026-11-21T10:00:00Z\"},\"spec\":{\"containers\":[{"
	        "\"name\":\"web\",\"image\":\"registry.example/web:1.25.3\",\"ports\":[{"
	        "\"containerPort\":8080,\"protocol\":\"TCP\"}],\"resources\":{\"requests\":{"
	        "\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"cpu\":\"500m\",\"memory\":"
	        "\"256Mi\"}},\"env\":[{\"name\":\"MODE\",\"value\":\"production\"},{\"name\":"
	        "\"LOG_LEVEL\",\"value\":\"info\"}],\"terminationMessagePath\":\"/dev/"
	        "termination-log\",\"terminationMessagePolicy\":\"File\",\"imagePullPolicy\":"
	        "\"IfNotPresent\"}],\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\""
	        ":30,\"dnsPolicy\":\"ClusterFirst\",\"nodeName\":\"node-%d\",\"schedulerName\":"
	        "\"default-scheduler\",\"tolerations\":[{\"key\":\"node.kubernetes.io/not-ready\","
	        "\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300}]},"
	        "\"status\":{\"phase\":\"Running\",\"hostIP\":\"10.0.0.%d\",\"podIP\":\"10.244.%d."
	        "%d\",\"startTime\":\"2026-11-21T10:00:01Z\",\"qosClass\":\"Burstable\"}}",
	        i, i, i % 10, i % 250 + 1, i / 250 % 250, i % 250 + 1);
	*len = b.len;
	return ck_buf_detach(&b, NULL);
}

/* ---- the baseline: wrk straight at etcd --------------------------------------------- */

/* Run wrk with a script for b->seconds; returns requests/s, dies on non-2xx replies. */
static double run_wrk(struct bench *b, const char *script)
{
	ck_autofree char *cmd = NULL;
	char line[512];
	double rate = -1;
	bool bad = false;
	FILE *p;

	cmd = ck_xasprintf("wrk -t2 -c%d -d%ds -s bench/wrk/%s %s 2>&1", b->conns, b->seconds,
	                   script, b->url);
	p = popen(cmd, "r");
	if (!p)
		die("cannot run wrk", NULL);
	while (fgets(line, sizeof(line), p)) {
		if (ck_str_has_prefix(line, "Requests/sec:"))
			rate = strtod(line + strlen("Requests/sec:"), NULL);
		if (strstr(line, "Non-2xx") || strstr(line, "Socket errors")) {
			bad = true;
			fprintf(stderr, "wrk: %s", line);
		}
	}
	if (pclose(p) != 0 || rate < 0 || bad)
		die("wrk failed (is it installed? run make deps)", NULL);
	return rate;
}

/* ---- ckube's client: N calls in flight ------------------------------------------------ */

struct load {
	struct bench *b;
	bool put;
	int64_t deadline_ns;
	uint64_t started, done, failed;
	int in_flight;
	struct ck_error *first_err;
};

static void load_next(struct load *l);

static void load_finish(struct load *l, struct ck_error *err)
{
	l->in_flight--;
	l->done++;
	if (err) {
		l->failed++;
		if (!l->first_err)
			l->first_err = err;
		else
			ck_error_free(err);
	}
	load_next(l);
	if (!l->in_flight)
		event_base_loopbreak(l->b->base);
}

static void put_done(struct ck_etcd_put_result *res, struct ck_error *err, void *arg)
{
	ck_etcd_put_result_free(res);
	load_finish(arg, err);
}

static void get_done(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	if (res && res->n_kvs != 1)
		ck_error_set(&err, 404, NULL, "key '/bench/get' not found");
	ck_etcd_range_result_free(res);
	load_finish(arg, err);
}

static void load_next(struct load *l)
{
	struct ck_error *err = NULL;
	char key[32];
	int r;

	if (ck_time_mono_ns() >= l->deadline_ns)
		return;
	l->in_flight++;
	l->started++;
	if (l->put) {
		snprintf(key, sizeof(key), "/bench/put/%" PRIu64, l->started);
		struct ck_etcd_put_req req = {
		        .key = key, .value = l->b->value, .value_len = l->b->value_len};
		r = ck_etcd_put(l->b->etcd, &req, put_done, l, &err);
	} else {
		struct ck_etcd_range_req req = {.key = "/bench/get"};
		r = ck_etcd_range(l->b->etcd, &req, get_done, l, &err);
	}
	if (r < 0)
		die("cannot start a call", err);
}

/* Run the load for b->seconds; returns completed calls per second. */
static double run_client(struct bench *b, bool put)
{
	struct load l = {.b = b, .put = put};
	int64_t start = ck_time_mono_ns();

	l.deadline_ns = start + (int64_t)b->seconds * 1000000000;
	for (int i = 0; i < b->conns; i++)
		load_next(&l);
	event_base_dispatch(b->base);
	if (l.failed)
		die("calls failed during the load", l.first_err);
	return (double)l.done / ((double)(ck_time_mono_ns() - start) / 1e9);
}

static void compare_rates(struct bench *b, const char *name, const char *script, bool put)
{
	double raw = 0, ck = 0;

	for (int i = 0; i < b->rounds; i++) {
		double r = run_wrk(b, script);
		double c = run_client(b, put);

		printf("  %-5s round %d: wrk %9.0f/s   ckube client %9.0f/s\n", name, i + 1, r, c);
		raw += r;
		ck += c;
	}
	printf("%-26s %9.0f/s vs raw %9.0f/s   ratio %.2f\n",
	       put ? "puts through ckube client" : "linearizable gets", ck / b->rounds,
	       raw / b->rounds, ck / raw);
}

/* ---- LIST: watch cache vs etcd range ----------------------------------------------- */

static void load_objects(struct bench *b)
{
	struct ck_error *err = NULL;

	for (int i = 0; i < b->objects; i++) {
		char key[64];
		size_t len;
		ck_autofree char *obj = pod_json(i, &len);
		struct ck_etcd_put_result *res = NULL;

		snprintf(key, sizeof(key), "/registry/pods/bench/pod-%05d", i);
		struct ck_etcd_put_req req = {.key = key, .value = obj, .value_len = len};
		if (ck_etcd_sync_put(b->etcd, &req, &res, &err) < 0)
			die("cannot store the objects", err);
		ck_etcd_put_result_free(res);
	}
}

/* What the API server does for a LIST from the cache: one body from the cached bytes. */
static size_t cache_list_once(struct ck_watch_cache *cache, struct ck_buf *body)
{
	struct ck_watch_cache_list_opts opts = {.ns = "bench"};
	struct ck_obj_list list = {0};
	struct ck_error *err = NULL;
	size_t n;

	if (ck_watch_cache_list(cache, &opts, &list, &err) < 0)
		die("cache list failed", err);
	ck_buf_reset(body);
	ck_buf_addf(body,
	            "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{"
	            "\"resourceVersion\":\"%" PRId64 "\"},\"items\":[",
	            list.rv);
	for (size_t i = 0; i < list.n; i++) {
		if (i)
			ck_buf_addch(body, ',');
		ck_obj_json_append(list.items[i], body);
	}
	ck_buf_adds(body, "]}");
	n = list.n;
	ck_obj_list_release(&list);
	return n;
}

static size_t etcd_list_once(struct bench *b)
{
	struct ck_etcd_range_req req = {.key = "/registry/pods/bench/", .prefix = true};
	struct ck_etcd_range_result *res = NULL;
	struct ck_error *err = NULL;
	size_t n;

	if (ck_etcd_sync_range(b->etcd, &req, &res, &err) < 0)
		die("etcd range failed", err);
	n = res->n_kvs;
	ck_etcd_range_result_free(res);
	return n;
}

static void compare_lists(struct bench *b)
{
	struct ck_watch_cache_config cc = {.prefix = "/registry/pods/", .namespaced = true};
	struct ck_watch_cache *cache = ck_watch_cache_new(b->base, &cc);
	struct ck_watch_cache_etcd *feed = NULL;
	struct ck_buf body = CK_BUF_INIT;
	struct ck_error *err = NULL;
	int64_t t0, t_etcd = 0, t_cache = 0;
	int iters_etcd = 0, iters_cache = 0;

	load_objects(b);
	if (ck_watch_cache_etcd_start(cache, b->etcd, NULL, &feed, &err) < 0)
		die("cannot start the watch cache", err);
	while (!ck_watch_cache_ready(cache))
		event_base_loop(b->base, EVLOOP_ONCE);

	/* Alternate a second of each, b->rounds times. */
	for (int r = 0; r < b->rounds; r++) {
		t0 = ck_time_mono_ns();
		do {
			if (etcd_list_once(b) != (size_t)b->objects)
				die("etcd range returned the wrong count", NULL);
			iters_etcd++;
		} while (ck_time_mono_ns() - t0 < 1000000000);
		t_etcd += ck_time_mono_ns() - t0;
		t0 = ck_time_mono_ns();
		do {
			if (cache_list_once(cache, &body) != (size_t)b->objects)
				die("cache list returned the wrong count", NULL);
			iters_cache++;
		} while (ck_time_mono_ns() - t0 < 1000000000);
		t_cache += ck_time_mono_ns() - t0;
	}
	double ms_etcd = (double)t_etcd / iters_etcd / 1e6;
	double ms_cache = (double)t_cache / iters_cache / 1e6;
	printf("LIST %d objects (%zu KiB)   cache %8.2f ms vs etcd range %8.2f ms   ratio %.1fx\n",
	       b->objects, body.len / 1024, ms_cache, ms_etcd, ms_etcd / ms_cache);
	ck_buf_release(&body);
	ck_watch_cache_etcd_free(feed);
	ck_watch_cache_free(cache);
}

static int int_arg(const char *flag, const char *v)
{
	int64_t n;

	if (!v || ck_str_to_int64(v, 1, 1000000, &n) < 0) {
		fprintf(stderr, "bench/store: %s needs a positive integer\n", flag);
		exit(2);
	}
	return (int)n;
}

int main(int argc, char **argv)
{
	struct bench b = {.seconds = 5, .rounds = 2, .conns = 32, .objects = 10000};
	ck_autofree char *dir = ck_xstrdup("/tmp/ckube-bench-store-XXXXXX");
	ck_autofree char *data = NULL;
	struct ck_etcd_proc_config pc = {.name = "bench"};
	struct ck_etcd_proc *etcd = NULL;
	struct ck_error *err = NULL;

	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(argv[i], "--seconds"))
			b.seconds = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--rounds"))
			b.rounds = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--conns"))
			b.conns = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--objects"))
			b.objects = int_arg(argv[i], v), i++;
		else {
			fprintf(stderr, "bench/store: unknown argument '%s'\n", argv[i]);
			return 2;
		}
	}
	ck_log_set_level(CK_LOG_WARN);
	if (!mkdtemp(dir))
		die("cannot make a temporary directory", NULL);
	data = ck_xasprintf("%s/etcd", dir);
	pc.data_dir = data;
	if (ck_etcd_proc_start(&pc, &etcd, &err) < 0 ||
	    ck_etcd_proc_wait_ready(etcd, 20000, &err) < 0)
		die("cannot start etcd", err);
	b.url = ck_etcd_proc_client_url(etcd);
	struct event_config *evcfg = event_config_new();

	/* Fewer epoll_ctl calls per request. */
	event_config_set_flag(evcfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	b.base = event_base_new_with_config(evcfg);
	event_config_free(evcfg);
	const char *endpoints[] = {b.url, NULL};
	struct ck_etcd_config ec = {.endpoints = endpoints};
	if (ck_etcd_new(b.base, &ec, &b.etcd, &err) < 0)
		die("cannot make the etcd client", err);

	b.value = pod_json(0, &b.value_len);
	b.value_b64 = ck_base64_encode(b.value, b.value_len);
	setenv("CK_BENCH_VALUE_B64", b.value_b64, 1);
	ck_autofree char *key_b64 = ck_base64_encode("/bench/get", strlen("/bench/get"));
	setenv("CK_BENCH_KEY_B64", key_b64, 1);
	struct ck_etcd_put_req seed = {
	        .key = "/bench/get", .value = b.value, .value_len = b.value_len};
	struct ck_etcd_put_result *res = NULL;
	if (ck_etcd_sync_put(b.etcd, &seed, &res, &err) < 0)
		die("cannot write the get key", err);
	ck_etcd_put_result_free(res);

	printf("bench/store: etcd %s, %d in flight, %d s x %d rounds, value %zu bytes\n", b.url,
	       b.conns, b.seconds, b.rounds, b.value_len);
	compare_rates(&b, "put", "etcd-put.lua", true);
	compare_rates(&b, "get", "etcd-get.lua", false);
	compare_lists(&b);

	ck_etcd_free(b.etcd);
	event_base_free(b.base);
	ck_etcd_proc_free(etcd);
	free(b.value);
	free(b.value_b64);
	ck_autofree char *rm = ck_xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "bench/store: cannot remove %s\n", dir);
	return 0;
}
