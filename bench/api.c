/*
 * bench/api: the API server as users meet it, a real `ckube server` child process on
 * loopback with the etcd member it starts, against that same etcd as the raw baseline,
 * measured in one run (absolute rates drift on shared machines; ratios travel better).
 *
 *   creates/s   POST of ~1.2 KB pods (distinct names) over keep-alive TLS connections with
 *               the admin client certificate, N in flight, vs etcd puts of the same bodies
 *               (distinct keys) through etcd's JSON gateway, N in flight
 *   GET         one pod with resourceVersion=0 (served from the watch cache) vs a
 *               linearizable range of the same key in etcd
 *   LIST        a namespace of 100 pods with resourceVersion=0 (from the cache) vs a
 *               linearizable range of the same prefix in etcd
 *   RSS         the server's VmRSS with 10,000 pods stored, after a full LIST, while the
 *               process that created them still runs and again after a restart
 *   watch       1,000 TLS watch streams on pods, then a paced series of updates and
 *               creates; for every delivery the delay from the write's reply (and from its
 *               send) to the watcher's receipt, p50/p99 over all deliveries
 *
 * Both sides of each ratio are driven by the same generator below (libevent, one request
 * in flight per keep-alive connection), HTTPS for ckube and plain HTTP for etcd's gateway,
 * as each is served; throughput pairs alternate baseline and ckube rounds so that drift
 * hits both alike, and a ratio is of the sums. A benchmark, not a test: it prints figures
 * and fails only when a request fails. The server is stopped (SIGTERM, then SIGKILL; its
 * etcd follows through PDEATHSIG) and the temporary directory removed on every exit.
 *
 * Usage: build/bench/api [--seconds S] [--rounds R] [--conns N] [--pods N] [--list-pods N]
 *                        [--watchers N] [--changes N] [--rate PER_S] [--ckube PATH]
 *                        [--creates-only]
 *        (run from the repository root, after make)
 */
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <jansson.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "cluster/etcd-proc.h"
#include "pki/pki.h"
#include "store/etcd.h"

#define HOST "127.0.0.1"
/* Connections being set up at once: the server's listen backlog is 511. */
#define MAX_CONNECTING 64
/* How long the watchers may take to receive every change after the last write. */
#define DELIVERY_WAIT_NS (15 * 1000000000LL)

struct bench {
	struct event_base *base;
	const char *ckube_bin;
	char *dir, *data_dir, *log_path;
	int api_port, etcd_port;
	SSL_CTX *ssl;
	int seconds, rounds, conns, pods, list_pods, watchers, changes, rate;
	bool creates_only; /* --creates-only: stop after the creates */
	uint64_t create_seq, put_seq;
	char *get_path, *list_path; /* the API's GET and LIST */
	char *get_body, *list_body; /* etcd range requests of the same key and prefix */
	struct ck_buf scratch;      /* the request being written */
	uint64_t progress;          /* read callbacks, for the watchdog */
};

/* ---- the server process, and cleaning up on every way out ------------------------- */

/* Process-wide so that die() and the signal handler can stop the server and clean up. */
static volatile pid_t server_pid;
static char *tmp_dir;

static void remove_dir(const char *dir)
{
	pid_t pid;

	if (!dir)
		return;
	/* fork, exec and waitpid only: also used from the signal handler. */
	pid = fork();
	if (pid == 0) {
		execlp("rm", "rm", "-rf", dir, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

/* SIGTERM, up to 15 s for the graceful stop, then SIGKILL; reaps the server. */
static void stop_server(void)
{
	pid_t pid = server_pid;

	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	for (int i = 0; i < 300; i++) {
		if (waitpid(pid, NULL, WNOHANG) == pid) {
			server_pid = 0;
			return;
		}
		usleep(50000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	server_pid = 0;
}

static void cleanup(void)
{
	stop_server();
	remove_dir(tmp_dir);
	free(tmp_dir);
	tmp_dir = NULL;
}

static void on_signal(int sig)
{
	pid_t pid = server_pid;

	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	remove_dir(tmp_dir);
	_exit(128 + sig);
}

static void print_log_tail(const char *path)
{
	ck_autofree char *cmd = NULL;

	if (!path)
		return;
	cmd = ck_xasprintf("tail -n 15 '%s' 1>&2", path);
	fprintf(stderr, "--- the end of the server's log (%s) ---\n", path);
	fflush(stderr);
	if (system(cmd) != 0)
		fprintf(stderr, "(cannot read it)\n");
}

static const char *log_path_for_die;

__attribute__((noreturn, format(printf, 1, 2))) static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench/api: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	print_log_tail(log_path_for_die);
	cleanup();
	exit(1);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	struct ck_buf b = CK_BUF_INIT;
	char chunk[4096];
	size_t n;

	if (!f)
		die("cannot read '%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ck_buf_add(&b, chunk, n);
	fclose(f);
	return ck_buf_detach(&b, NULL);
}

/* A field of /proc/<pid>/status in kB ("VmRSS", "VmHWM"), or -1. */
static long proc_status_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	size_t flen = strlen(field);
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, field, flen) && line[flen] == ':') {
			kb = strtol(line + flen + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return kb;
}

/* CPU seconds (user + system) a process has used so far, or 0 when it is gone. */
static double proc_cpu_s(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long ut = 0, st = 0;
	ssize_t n;
	int fd;

	if (pid <= 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	/* After "pid (comm) ": state is field 3, utime 14, stime 15. */
	p = strrchr(buf, ')');
	if (!p ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
		return 0;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static double self_cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* The server's etcd member: its child (through /proc/<pid>/task/<pid>/children). */
static pid_t child_of(pid_t pid)
{
	char path[96], buf[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)pid, (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return (pid_t)strtol(buf, NULL, 10);
}

/* CPU used by the server, its etcd and the bench: a snapshot, and the difference. */
struct cpu {
	double server, etcd, bench;
};

static pid_t etcd_pid;

static struct cpu cpu_now(void)
{
	struct cpu c = {proc_cpu_s(server_pid), proc_cpu_s(etcd_pid), self_cpu_s()};

	return c;
}

static void cpu_add_since(struct cpu *sum, const struct cpu *t0)
{
	struct cpu t1 = cpu_now();

	sum->server += t1.server - t0->server;
	sum->etcd += t1.etcd - t0->etcd;
	sum->bench += t1.bench - t0->bench;
}

/* ---- a small HTTP/1.1 client on libevent: the generator for both sides -------------- */

enum rstate { R_IDLE, R_HEAD, R_BODY, R_CHUNK_SIZE, R_CHUNK_DATA, R_CHUNK_CRLF, R_CHUNK_END };

struct hconn;

/* What a connection's owner does with its responses; every callback runs on b->base. */
struct hconn_ops {
	void (*on_head)(struct hconn *c);                          /* may be NULL */
	void (*on_body)(struct hconn *c, const char *p, size_t n); /* NULL: keep or drop */
	void (*on_done)(struct hconn *c);                          /* a response is complete */
	void (*on_error)(struct hconn *c, const char *why);        /* NULL: die */
};

struct pool;

struct hconn {
	struct bench *b;
	const struct hconn_ops *ops;
	void *owner;
	struct pool *pool;
	size_t idx;
	bool tls;
	struct bufferevent *bev;
	enum rstate st;
	int status;
	int want_status; /* a body is kept when the status differs; 0: always kept */
	bool chunked, keep;
	size_t left;
	int64_t t_read; /* when the bytes being parsed were read */
	struct ck_buf body;
};

/* Connections opened together, MAX_CONNECTING at a time, before any timing starts. */
struct pool {
	struct bench *b;
	struct hconn **c;
	size_t n, next, connected;
	bool tls, tolerant, failed;
	int port;
};

static void conn_fail(struct hconn *c, const char *why)
{
	if (c->pool && c->pool->tolerant) {
		c->pool->failed = true;
		event_base_loopbreak(c->b->base);
		return;
	}
	if (c->ops && c->ops->on_error) {
		c->ops->on_error(c, why);
		return;
	}
	die("connection to port %d: %s", c->pool ? c->pool->port : 0, why);
}

static void parse_head(struct hconn *c, const char *h, size_t len)
{
	const char *end = h + len, *p, *eol;

	c->status = 0;
	c->chunked = false;
	c->left = 0;
	if (len < 12 || strncmp(h, "HTTP/1.1 ", 9))
		die("not an HTTP/1.1 response: '%.*s'", (int)(len < 40 ? len : 40), h);
	c->status = (int)strtol(h + 9, NULL, 10);
	for (p = h; p < end; p = eol + 2) {
		eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		if (!eol)
			break;
		if (!strncasecmp(p, "content-length:", 15))
			c->left = strtoul(p + 15, NULL, 10);
		else if (!strncasecmp(p, "transfer-encoding:", 18) &&
		         memmem(p, (size_t)(eol - p), "chunked", 7))
			c->chunked = true;
	}
	c->keep = !c->want_status || c->status != c->want_status;
	ck_buf_reset(&c->body);
}

static void body_bytes(struct hconn *c, struct evbuffer *in, size_t n)
{
	if (c->ops->on_body)
		c->ops->on_body(c, (const char *)evbuffer_pullup(in, (ev_ssize_t)n), n);
	else if (c->keep)
		ck_buf_add(&c->body, evbuffer_pullup(in, (ev_ssize_t)n), n);
	evbuffer_drain(in, n);
}

static void response_done(struct hconn *c)
{
	c->st = R_IDLE;
	c->ops->on_done(c);
}

/* One step of the response parser; false when it needs more bytes. */
static bool parse_step(struct hconn *c, struct evbuffer *in)
{
	size_t avail = evbuffer_get_length(in), n;
	struct evbuffer_ptr p;
	char line[32];

	switch (c->st) {
	case R_IDLE:
		if (avail)
			die("bytes from the server with no request in flight");
		return false;
	case R_HEAD:
		p = evbuffer_search(in, "\r\n\r\n", 4, NULL);
		if (p.pos < 0)
			return false;
		n = (size_t)p.pos + 4;
		parse_head(c, (const char *)evbuffer_pullup(in, (ev_ssize_t)n), n);
		evbuffer_drain(in, n);
		if (c->ops->on_head)
			c->ops->on_head(c);
		if (c->chunked)
			c->st = R_CHUNK_SIZE;
		else if (c->left)
			c->st = R_BODY;
		else
			response_done(c);
		return true;
	case R_BODY:
	case R_CHUNK_DATA:
		n = avail < c->left ? avail : c->left;
		if (!n)
			return false;
		body_bytes(c, in, n);
		c->left -= n;
		if (!c->left) {
			if (c->st == R_BODY)
				response_done(c);
			else
				c->st = R_CHUNK_CRLF;
		}
		return true;
	case R_CHUNK_SIZE:
		p = evbuffer_search(in, "\r\n", 2, NULL);
		if (p.pos < 0)
			return false;
		if ((size_t)p.pos >= sizeof(line))
			die("chunk size line too long");
		evbuffer_remove(in, line, (size_t)p.pos + 2);
		line[p.pos] = '\0';
		c->left = strtoul(line, NULL, 16);
		c->st = c->left ? R_CHUNK_DATA : R_CHUNK_END;
		return true;
	case R_CHUNK_CRLF:
	case R_CHUNK_END:
		if (avail < 2)
			return false;
		evbuffer_drain(in, 2);
		if (c->st == R_CHUNK_END)
			response_done(c);
		else
			c->st = R_CHUNK_SIZE;
		return true;
	}
	return false;
}

static void conn_read_cb(struct bufferevent *bev, void *arg)
{
	struct hconn *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);

	c->t_read = ck_time_mono_ns();
	c->b->progress++;
	while (parse_step(c, in))
		;
}

static void pool_start_next(struct pool *p);
static void pool_free(struct pool *p);

static void conn_event_cb(struct bufferevent *bev, short what, void *arg)
{
	struct hconn *c = arg;
	unsigned long e;
	char why[256];

	if (what & BEV_EVENT_CONNECTED) {
		int one = 1;

		setsockopt(bufferevent_getfd(bev), IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		c->pool->connected++;
		pool_start_next(c->pool);
		if (c->pool->connected == c->pool->n)
			event_base_loopbreak(c->b->base);
		return;
	}
	e = c->tls ? bufferevent_get_openssl_error(bev) : 0;
	if (e)
		ERR_error_string_n(e, why, sizeof(why));
	else if (what & BEV_EVENT_TIMEOUT)
		snprintf(why, sizeof(why), "timed out");
	else if (what & BEV_EVENT_EOF)
		snprintf(why, sizeof(why), "closed by the server");
	else
		snprintf(why, sizeof(why), "%s", strerror(EVUTIL_SOCKET_ERROR()));
	conn_fail(c, why);
}

static void conn_connect(struct hconn *c)
{
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons(c->pool->port)};
	struct ck_error *err = NULL;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (c->tls) {
		SSL *ssl = SSL_new(c->b->ssl);

		if (!ssl || ck_pki_ssl_set_host(ssl, HOST, &err) < 0)
			die("cannot make a TLS connection: %s", err ? err->msg : "SSL_new");
		c->bev = bufferevent_openssl_socket_new(
		        c->b->base, -1, ssl, BUFFEREVENT_SSL_CONNECTING, BEV_OPT_CLOSE_ON_FREE);
		bufferevent_openssl_set_allow_dirty_shutdown(c->bev, 1);
	} else {
		c->bev = bufferevent_socket_new(c->b->base, -1, BEV_OPT_CLOSE_ON_FREE);
	}
	if (!c->bev)
		die("cannot make a bufferevent");
	bufferevent_setcb(c->bev, conn_read_cb, NULL, conn_event_cb, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	if (bufferevent_socket_connect(c->bev, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		conn_fail(c, "connect failed");
}

static void pool_start_next(struct pool *p)
{
	while (p->next < p->n && p->next - p->connected < MAX_CONNECTING && !p->failed)
		conn_connect(p->c[p->next++]);
}

/*
 * Open n connections to port (TLS with the admin certificate, or plain) and run the loop
 * until all are up, so that handshakes stay out of the timed part. Tolerant: return NULL
 * when one fails (the server is not up yet); otherwise a failure dies. The pool is the
 * caller's: pool_free.
 */
static struct pool *pool_open(struct bench *b, size_t n, bool tls, int port,
                              const struct hconn_ops *ops, void *owner, bool tolerant)
{
	struct pool *p = ck_xcalloc(1, sizeof(*p));

	p->b = b;
	p->n = n;
	p->tls = tls;
	p->port = port;
	p->tolerant = tolerant;
	p->c = ck_xcalloc(n, sizeof(*p->c));
	for (size_t i = 0; i < n; i++) {
		struct hconn *c = ck_xcalloc(1, sizeof(*c));

		c->b = b;
		c->ops = ops;
		c->owner = owner;
		c->pool = p;
		c->idx = i;
		c->tls = tls;
		c->body = (struct ck_buf)CK_BUF_INIT;
		p->c[i] = c;
	}
	pool_start_next(p);
	while (p->connected < n && !p->failed)
		event_base_dispatch(b->base);
	if (p->failed) {
		pool_free(p);
		return NULL;
	}
	return p;
}

/* Close every connection abruptly (as a client that goes away) and free the pool. */
static void pool_free(struct pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		if (p->c[i]->bev)
			bufferevent_free(p->c[i]->bev);
		ck_buf_release(&p->c[i]->body);
		free(p->c[i]);
	}
	free(p->c);
	/* libevent frees TLS bufferevents from the loop: one more pass. */
	event_base_loop(p->b->base, EVLOOP_NONBLOCK);
	free(p);
}

/* Queue one request; the response goes to c->ops. */
static void conn_send(struct hconn *c, const char *method, const char *path, const void *body,
                      size_t len, int want_status)
{
	struct ck_buf *r = &c->b->scratch;

	CK_BUG_ON(c->st != R_IDLE);
	ck_buf_reset(r);
	ck_buf_addf(r, "%s %s HTTP/1.1\r\nHost: " HOST ":%d\r\nUser-Agent: ckube-bench-api\r\n",
	            method, path, c->pool->port);
	if (body)
		ck_buf_addf(r, "Content-Type: application/json\r\nContent-Length: %zu\r\n", len);
	ck_buf_adds(r, "Accept: application/json\r\n\r\n");
	if (body)
		ck_buf_add(r, body, len);
	c->want_status = want_status;
	c->st = R_HEAD;
	/* One write, so that TLS sends one record. */
	bufferevent_write(c->bev, r->data, r->len);
}

/* ---- one request at a time, for setting up and checking ------------------------------ */

static void sync_done(struct hconn *c)
{
	*(bool *)c->owner = true;
	event_base_loopbreak(c->b->base);
}

static const struct hconn_ops sync_ops = {.on_done = sync_done};

static bool sync_flag;

static struct pool *sync_open(struct bench *b, bool api, bool tolerant)
{
	return pool_open(b, 1, api, api ? b->api_port : b->etcd_port, &sync_ops, &sync_flag,
	                 tolerant);
}

/* Send one request and wait for its response: the status and the body in c->body, or -1. */
static int sync_do(struct pool *p, const char *method, const char *path, const char *body)
{
	struct hconn *c = p->c[0];

	sync_flag = false;
	conn_send(c, method, path, body, body ? strlen(body) : 0, 0);
	while (!sync_flag && !p->failed)
		event_base_dispatch(p->b->base);
	return p->failed ? -1 : c->status;
}

/* sync_do, dying unless the status is want. */
static void sync_expect(struct pool *p, const char *method, const char *path, const char *body,
                        int want)
{
	int st = sync_do(p, method, path, body);

	if (st != want)
		die("%s %s: HTTP %d, expected %d: %.400s", method, path, st, want,
		    p->c[0]->body.data);
}

/* ---- the objects -------------------------------------------------------------------- */

/*
 * A pod as a client creates it, about 1.2 KB of JSON (what kubectl sends for a
 * Deployment's pod, give or take): the body of every create and update, and the value of
 * every raw etcd put. The label bench-seq tells the watch phase which change it sees.
 */
static void pod_json(struct ck_buf *b, const char *ns, const char *name, uint64_t seq)
{
	ck_buf_addf(
	        b,
	        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\","
	        "\"namespace\":\"%s\",\"labels\":{\"app\":\"web\",\"pod-template-hash\":"
	        "\"5d4f8b7c9\",\"bench-seq\":\"%" PRIu64 "\"},\"annotations\":{"
	        "\"kubectl.kubernetes.io/default-container\":\"web\"}},\"spec\":{\"containers\":[{"
	        "\"name\":\"web\",\"image\":\"registry.example/web:1.25.3\",\"ports\":[{"
	        "\"containerPort\":8080,\"protocol\":\"TCP\"}],\"resources\":{\"requests\":{"
	        "\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"cpu\":\"500m\",\"memory\":"
	        "\"256Mi\"}},\"env\":[{\"name\":\"MODE\",\"value\":\"production\"},{\"name\":"
	        "\"LOG_LEVEL\",\"value\":\"info\"}],\"readinessProbe\":{\"httpGet\":{\"path\":"
	        "\"/healthz\",\"port\":8080},\"periodSeconds\":10},\"terminationMessagePath\":"
	        "\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\","
	        "\"imagePullPolicy\":\"IfNotPresent\"}],\"restartPolicy\":\"Always\","
	        "\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":\"ClusterFirst\","
	        "\"nodeName\":\"node-%" PRIu64 "\",\"schedulerName\":\"default-scheduler\","
	        "\"tolerations\":[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":"
	        "\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300},{\"key\":"
	        "\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"effect\":"
	        "\"NoExecute\",\"tolerationSeconds\":300}]}}",
	        name, ns, seq, seq % 10);
}

/* An etcd gateway range request of [key, key+1) or, with prefix, of every key under it. */
static char *etcd_range_body(const char *key, bool prefix)
{
	size_t end_len;
	ck_autofree char *k64 = ck_base64_encode(key, strlen(key));
	ck_autofree char *end = prefix ? ck_etcd_prefix_end(key, strlen(key), &end_len) : NULL;
	ck_autofree char *e64 = end ? ck_base64_encode(end, end_len) : NULL;

	if (e64)
		return ck_xasprintf("{\"key\":\"%s\",\"range_end\":\"%s\"}", k64, e64);
	return ck_xasprintf("{\"key\":\"%s\"}", k64);
}

/* ---- throughput: N requests in flight, baseline and ckube alternately ----------------- */

enum job { JOB_ETCD_PUT, JOB_API_CREATE, JOB_ETCD_GET, JOB_API_GET, JOB_ETCD_LIST, JOB_API_LIST };

static const char *const job_names[] = {"etcd put", "create",    "etcd get",
                                        "get",      "etcd list", "list"};

struct load {
	struct bench *b;
	enum job job;
	uint64_t count; /* a fixed number of requests, or 0 for b->seconds */
	int64_t deadline_ns;
	uint64_t started, done;
	size_t in_flight;
	struct ck_buf obj, req;
};

static bool job_is_api(enum job j)
{
	return j == JOB_API_CREATE || j == JOB_API_GET || j == JOB_API_LIST;
}

static bool load_more(struct load *l)
{
	return l->count ? l->started < l->count : ck_time_mono_ns() < l->deadline_ns;
}

static void load_send(struct load *l, struct hconn *c)
{
	struct bench *b = l->b;
	char name[32], key[64];

	l->started++;
	l->in_flight++;
	switch (l->job) {
	case JOB_API_CREATE:
		snprintf(name, sizeof(name), "pod-%06" PRIu64, b->create_seq);
		ck_buf_reset(&l->obj);
		pod_json(&l->obj, "default", name, b->create_seq++);
		conn_send(c, "POST", "/api/v1/namespaces/default/pods", l->obj.data, l->obj.len,
		          201);
		break;
	case JOB_ETCD_PUT: {
		snprintf(name, sizeof(name), "pod-%06" PRIu64, b->put_seq);
		snprintf(key, sizeof(key), "/bench/raw/pod-%010" PRIu64, b->put_seq);
		ck_buf_reset(&l->obj);
		pod_json(&l->obj, "default", name, b->put_seq++);
		ck_autofree char *k64 = ck_base64_encode(key, strlen(key));
		ck_autofree char *v64 = ck_base64_encode(l->obj.data, l->obj.len);
		ck_buf_reset(&l->req);
		ck_buf_addf(&l->req, "{\"key\":\"%s\",\"value\":\"%s\"}", k64, v64);
		conn_send(c, "POST", "/v3/kv/put", l->req.data, l->req.len, 200);
		break;
	}
	case JOB_API_GET:
		conn_send(c, "GET", b->get_path, NULL, 0, 200);
		break;
	case JOB_ETCD_GET:
		conn_send(c, "POST", "/v3/kv/range", b->get_body, strlen(b->get_body), 200);
		break;
	case JOB_API_LIST:
		conn_send(c, "GET", b->list_path, NULL, 0, 200);
		break;
	case JOB_ETCD_LIST:
		conn_send(c, "POST", "/v3/kv/range", b->list_body, strlen(b->list_body), 200);
		break;
	}
}

static void load_done(struct hconn *c)
{
	struct load *l = c->owner;

	if (c->status != c->want_status)
		die("%s: HTTP %d, expected %d: %.400s", job_names[l->job], c->status,
		    c->want_status, c->body.data);
	l->done++;
	l->in_flight--;
	if (load_more(l))
		load_send(l, c);
	else if (!l->in_flight)
		event_base_loopbreak(l->b->base);
}

static const struct hconn_ops load_ops = {.on_done = load_done};

/* Run one round: count requests (or b->seconds); returns completed requests per second. */
static double run_load(struct bench *b, enum job job, uint64_t count, struct cpu *cpu,
                       uint64_t *requests)
{
	struct load l = {.b = b, .job = job, .count = count};
	bool api = job_is_api(job);
	struct pool *p = pool_open(b, (size_t)b->conns, api, api ? b->api_port : b->etcd_port,
	                           &load_ops, &l, false);
	struct cpu c0 = cpu_now();
	int64_t t0 = ck_time_mono_ns(), t1;

	l.obj = (struct ck_buf)CK_BUF_INIT;
	l.req = (struct ck_buf)CK_BUF_INIT;
	l.deadline_ns = t0 + (int64_t)b->seconds * 1000000000;
	for (size_t i = 0; i < p->n && load_more(&l); i++)
		load_send(&l, p->c[i]);
	while (l.in_flight)
		event_base_dispatch(b->base);
	t1 = ck_time_mono_ns();
	cpu_add_since(cpu, &c0);
	*requests += l.done;
	pool_free(p);
	ck_buf_release(&l.obj);
	ck_buf_release(&l.req);
	return (double)l.done / ((double)(t1 - t0) / 1e9);
}

/*
 * Alternate baseline and ckube rounds; total > 0: that many requests per side in all
 * (split over the rounds), else b->seconds per round. Prints each round; returns the
 * ratio of the sums and the mean rates.
 */
static double compare(struct bench *b, enum job raw_job, enum job ck_job, uint64_t total,
                      double *raw_rate, double *ck_rate)
{
	struct cpu raw_cpu = {0}, ck_cpu = {0};
	uint64_t raw_n = 0, ck_n = 0;
	double raw = 0, ck = 0;

	for (int i = 0; i < b->rounds; i++) {
		uint64_t n = total / (uint64_t)b->rounds;

		if (total && i == b->rounds - 1)
			n = total - n * (uint64_t)(b->rounds - 1);
		double r = run_load(b, raw_job, n, &raw_cpu, &raw_n);
		double c = run_load(b, ck_job, n, &ck_cpu, &ck_n);

		printf("  %-6s round %d: etcd %9.0f/s   ckube %9.0f/s   (%.2f)\n",
		       job_names[ck_job], i + 1, r, c, c / r);
		raw += r;
		ck += c;
	}
	/* Where the CPU goes, per request: on 2 shared cores, CPU is what bounds the rates. */
	printf("  CPU per request: etcd side: etcd %.0f us, bench %.0f us;   ckube side: server "
	       "%.0f us, etcd %.0f us, bench %.0f us\n",
	       raw_cpu.etcd / (double)raw_n * 1e6, raw_cpu.bench / (double)raw_n * 1e6,
	       ck_cpu.server / (double)ck_n * 1e6, ck_cpu.etcd / (double)ck_n * 1e6,
	       ck_cpu.bench / (double)ck_n * 1e6);
	*raw_rate = raw / b->rounds;
	*ck_rate = ck / b->rounds;
	return ck / raw;
}

/* ---- the server --------------------------------------------------------------------- */

static void load_pki(struct bench *b)
{
	ck_autofree char *ca_path = ck_xasprintf("%s/pki/ca.crt", b->data_dir);
	ck_autofree char *crt_path = ck_xasprintf("%s/pki/admin.crt", b->data_dir);
	ck_autofree char *key_path = ck_xasprintf("%s/pki/admin.key", b->data_dir);
	ck_autofree char *ca = read_file(ca_path);
	ck_autofree char *crt = read_file(crt_path);
	ck_autofree char *key = read_file(key_path);
	struct ck_error *err = NULL;

	b->ssl = ck_pki_client_ctx_new(ca, crt, key, &err);
	if (!b->ssl)
		die("cannot make the client TLS context: %s", err->msg);
}

static void read_etcd_port(struct bench *b)
{
	ck_autofree char *path = ck_xasprintf("%s/etcd-member.json", b->data_dir);
	json_error_t je;
	json_t *v = json_load_file(path, 0, &je);
	json_int_t port = 0;

	if (!v || json_unpack(v, "{s:I}", "clientPort", &port) < 0 || port < 1 || port > 65535)
		die("cannot read the etcd client port from '%s'", path);
	json_decref(v);
	b->etcd_port = (int)port;
}

/* Start `ckube server` and wait until /readyz answers 200 (every watch cache loaded). */
static void start_server(struct bench *b)
{
	ck_autofree char *kubeconfig = ck_xasprintf("%s/admin.kubeconfig", b->data_dir);
	int64_t t0 = ck_time_mono_ns();
	pid_t parent = getpid(), pid;
	char port[16];
	int status;

	snprintf(port, sizeof(port), "%d", b->api_port);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("cannot fork: %s", strerror(errno));
	if (pid == 0) {
		int fd = open(b->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

		/* The server, and through its own PDEATHSIG its etcd, die with the bench. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent || fd < 0 || null < 0)
			_exit(126);
		signal(SIGPIPE, SIG_DFL);
		dup2(null, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		execl(b->ckube_bin, b->ckube_bin, "server", "--data-dir", b->data_dir,
		      "--https-port", port, (char *)NULL);
		_exit(127);
	}
	server_pid = pid;
	log_path_for_die = b->log_path;
	for (;;) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			server_pid = 0;
			die("ckube server exited while starting (wait status %d)", status);
		}
		if (ck_time_mono_ns() - t0 > 60 * 1000000000LL)
			die("ckube server not ready after 60 s");
		if (!b->ssl && access(kubeconfig, F_OK) == 0)
			load_pki(b);
		if (b->ssl) {
			struct pool *p = sync_open(b, true, true);
			int st = p ? sync_do(p, "GET", "/readyz", NULL) : -1;

			pool_free(p);
			if (st == 200)
				break;
		}
		usleep(50000);
	}
	read_etcd_port(b);
	etcd_pid = child_of(pid);
	printf("  ckube server pid %d ready in %.1f s (https %d; its etcd pid %d, port %d)\n",
	       (int)pid, (double)(ck_time_mono_ns() - t0) / 1e9, b->api_port, (int)etcd_pid,
	       b->etcd_port);
}

/* ---- memory: RSS with the pods stored, after a full LIST ---------------------------- */

/* GET every pod in one LIST (as `kubectl get pods -A` without chunking) and count them. */
static void full_list(struct bench *b, size_t expect)
{
	struct pool *p = sync_open(b, true, false);
	int64_t t0 = ck_time_mono_ns();
	json_error_t je;
	json_t *j;
	size_t n, bytes;

	sync_expect(p, "GET", "/api/v1/pods", NULL, 200);
	bytes = p->c[0]->body.len;
	j = json_loadb(p->c[0]->body.data, bytes, 0, &je);
	n = json_array_size(json_object_get(j, "items"));
	json_decref(j);
	if (n != expect)
		die("full LIST returned %zu pods, expected %zu", n, expect);
	printf("  full LIST: %zu pods, %.1f MiB in %.0f ms\n", n, (double)bytes / (1 << 20),
	       (double)(ck_time_mono_ns() - t0) / 1e6);
	pool_free(p);
	/* Let the server see the connection go and free it before RSS is read. */
	usleep(300000);
}

static long report_rss(const char *when)
{
	long rss = proc_status_kb(server_pid, "VmRSS"), hwm = proc_status_kb(server_pid, "VmHWM");

	printf("  server RSS %s: %.1f MiB (VmRSS %ld kB, peak VmHWM %ld kB)\n", when,
	       (double)rss / 1024, rss, hwm);
	return rss;
}

/* ---- watches ------------------------------------------------------------------------ */

#define WATCH_NS "bench-watch"

/*
 * The watch phase. The watchers run on the main loop; the writer runs on a thread of its
 * own with its own loop, so that a reply is timed when it arrives, not after the main
 * loop has read a thousand watch streams that became readable at the same moment.
 */
struct watch_run {
	struct bench *b;
	struct pool *w; /* the watchers: main loop */
	size_t heads, n_w;
	int64_t *recv; /* [change * n_w + watcher]: when it arrived; 0: not yet */
	size_t delivered, expected, stray, dup;
	int64_t end_deadline;
	bool finished;
	/* The writer's, on its thread; read by the main thread after the join. */
	struct bench wb; /* a copy of *b with the writer's own loop and scratch buffer */
	struct pool *writer;
	int64_t *t_send, *t_reply;
	int next, replied;
	bool busy, pending;
	int64_t first_send, last_send;
	struct ck_buf obj;
	/* Set by the writer when every write has its reply. */
	bool writes_done; /* __atomic */
};

static bool writes_done(struct watch_run *wr)
{
	return __atomic_load_n(&wr->writes_done, __ATOMIC_ACQUIRE);
}

static void watcher_head(struct hconn *c)
{
	struct watch_run *wr = c->owner;

	if (c->status != 200)
		die("watch: HTTP %d", c->status);
	if (++wr->heads == wr->n_w)
		event_base_loopbreak(c->b->base);
}

static void maybe_finished(struct watch_run *wr)
{
	if (wr->delivered == wr->expected && writes_done(wr)) {
		wr->finished = true;
		event_base_loopbreak(wr->b->base);
	}
}

static void watcher_line(struct watch_run *wr, struct hconn *c, const char *line, size_t n)
{
	static const char seq_key[] = "\"bench-seq\":\"";
	const char *k = memmem(line, n, seq_key, sizeof(seq_key) - 1);
	long seq;
	int64_t *slot;

	if (memmem(line, n < 40 ? n : 40, "\"type\":\"ERROR\"", 14))
		die("watch ended with an error event: %.*s", (int)(n < 400 ? n : 400), line);
	if (!k) {
		wr->stray++;
		return;
	}
	/* The value ends with '"' inside the line, so strtol stops there. */
	seq = strtol(k + sizeof(seq_key) - 1, NULL, 10);
	if (seq < 0 || seq >= wr->b->changes) {
		wr->stray++;
		return;
	}
	slot = &wr->recv[(size_t)seq * wr->n_w + c->idx];
	if (*slot) {
		wr->dup++;
		return;
	}
	*slot = c->t_read;
	wr->delivered++;
	maybe_finished(wr);
}

/* Split the stream into its newline-terminated events; copies only a partial last one. */
static void watcher_body(struct hconn *c, const char *p, size_t n)
{
	struct watch_run *wr = c->owner;
	const char *end = p + n, *nl;

	if (c->body.len) {
		nl = memchr(p, '\n', n);
		if (!nl) {
			ck_buf_add(&c->body, p, n);
			return;
		}
		ck_buf_add(&c->body, p, (size_t)(nl - p));
		watcher_line(wr, c, c->body.data, c->body.len);
		ck_buf_reset(&c->body);
		p = nl + 1;
	}
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p)))) {
		watcher_line(wr, c, p, (size_t)(nl - p));
		p = nl + 1;
	}
	if (p < end)
		ck_buf_add(&c->body, p, (size_t)(end - p));
}

static void watcher_done(struct hconn *c)
{
	(void)c;
	die("a watch stream ended early");
}

static void watcher_error(struct hconn *c, const char *why)
{
	die("watch connection %zu: %s", c->idx, why);
}

static const struct hconn_ops watcher_ops = {
        .on_head = watcher_head,
        .on_body = watcher_body,
        .on_done = watcher_done,
        .on_error = watcher_error,
};

/*
 * Change n: even ones update the pod w-base (PUT), odd ones create the pod w-<n>. Runs on
 * the writer's thread.
 */
static void writer_send(struct watch_run *wr)
{
	struct hconn *c = wr->writer->c[0];
	int n = wr->next++;
	char name[32];

	ck_buf_reset(&wr->obj);
	wr->busy = true;
	if (n % 2 == 0) {
		pod_json(&wr->obj, WATCH_NS, "w-base", (uint64_t)n);
		wr->t_send[n] = ck_time_mono_ns();
		conn_send(c, "PUT", "/api/v1/namespaces/" WATCH_NS "/pods/w-base", wr->obj.data,
		          wr->obj.len, 200);
	} else {
		snprintf(name, sizeof(name), "w-%06d", n);
		pod_json(&wr->obj, WATCH_NS, name, (uint64_t)n);
		wr->t_send[n] = ck_time_mono_ns();
		conn_send(c, "POST", "/api/v1/namespaces/" WATCH_NS "/pods", wr->obj.data,
		          wr->obj.len, 201);
	}
	if (!n)
		wr->first_send = wr->t_send[n];
	wr->last_send = wr->t_send[n];
}

static void writer_done(struct hconn *c)
{
	struct watch_run *wr = c->owner;

	if (c->status != c->want_status)
		die("watch phase write: HTTP %d: %.400s", c->status, c->body.data);
	wr->t_reply[wr->next - 1] = c->t_read;
	wr->busy = false;
	if (++wr->replied == wr->b->changes) {
		__atomic_store_n(&wr->writes_done, true, __ATOMIC_RELEASE);
		event_base_loopbreak(wr->wb.base);
	} else if (wr->pending) {
		wr->pending = false;
		writer_send(wr);
	}
}

static const struct hconn_ops writer_ops = {.on_done = writer_done};

/* The pacing timer: one change per tick (later when the previous one has no reply yet). */
static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	struct watch_run *wr = arg;

	(void)fd, (void)what;
	if (wr->next >= wr->b->changes)
		return;
	if (wr->busy)
		wr->pending = true;
	else
		writer_send(wr);
}

/* The writer's thread: its own connection and loop, b->rate changes a second. */
static void *writer_main(void *arg)
{
	struct watch_run *wr = arg;
	struct timeval tv = {0, 1000000 / wr->b->rate};
	struct event_config *evcfg = event_config_new();
	struct event *tick;

	event_config_set_flag(evcfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	wr->wb.base = event_base_new_with_config(evcfg);
	event_config_free(evcfg);
	wr->writer = pool_open(&wr->wb, 1, true, wr->b->api_port, &writer_ops, wr, false);
	if (wr->b->rate == 1)
		tv = (struct timeval){1, 0};
	tick = event_new(wr->wb.base, -1, EV_PERSIST, tick_cb, wr);
	evtimer_add(tick, &tv);
	while (!writes_done(wr))
		event_base_dispatch(wr->wb.base);
	event_free(tick);
	pool_free(wr->writer);
	event_base_free(wr->wb.base);
	return NULL;
}

/* The main loop's check: every write has its reply, and every delivery came or is late. */
static void check_cb(evutil_socket_t fd, short what, void *arg)
{
	struct watch_run *wr = arg;

	(void)fd, (void)what;
	if (!writes_done(wr))
		return;
	if (!wr->end_deadline)
		wr->end_deadline = ck_time_mono_ns() + DELIVERY_WAIT_NS;
	if (wr->delivered == wr->expected || ck_time_mono_ns() > wr->end_deadline) {
		wr->finished = true;
		event_base_loopbreak(wr->b->base);
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The p-th quantile (0..1) of sorted v, nearest rank. */
static double quantile_ms(const int64_t *v, size_t n, double p)
{
	size_t i = (size_t)(p * (double)n + 0.999999);

	if (!n)
		return 0;
	i = i ? i - 1 : 0;
	return (double)v[i < n ? i : n - 1] / 1e6;
}

struct watch_figures {
	double p50, p99, max, send_p50, send_p99;
	size_t missing;
};

static void watch_phase(struct bench *b, struct watch_figures *f)
{
	struct watch_run wr = {.b = b, .n_w = (size_t)b->watchers};
	struct pool *p = sync_open(b, true, false);
	size_t n_changes = (size_t)b->changes, k = 0, early = 0;
	ck_autofree char *path = NULL;
	ck_autofree int64_t *from_reply = NULL, *from_send = NULL, *spread = NULL;
	int64_t t0;
	json_t *j;
	json_int_t rv = 0;
	const char *rvs;

	wr.obj = (struct ck_buf)CK_BUF_INIT;
	sync_expect(
	        p, "POST", "/api/v1/namespaces",
	        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" WATCH_NS
	        "\"}}",
	        201);
	pod_json(&wr.obj, WATCH_NS, "w-base", 999999999);
	sync_expect(p, "POST", "/api/v1/namespaces/" WATCH_NS "/pods", wr.obj.data, 201);
	/* The current resourceVersion: a consistent LIST's. */
	sync_expect(p, "GET", "/api/v1/namespaces/" WATCH_NS "/pods", NULL, 200);
	j = json_loadb(p->c[0]->body.data, p->c[0]->body.len, 0, NULL);
	if (json_unpack(j, "{s:{s:s}}", "metadata", "resourceVersion", &rvs) < 0 ||
	    !(rv = strtoll(rvs, NULL, 10)))
		die("no resourceVersion in the LIST of " WATCH_NS);
	json_decref(j);
	pool_free(p);

	wr.recv = ck_xcalloc(n_changes * wr.n_w, sizeof(*wr.recv));
	wr.t_send = ck_xcalloc(n_changes, sizeof(int64_t));
	wr.t_reply = ck_xcalloc(n_changes, sizeof(int64_t));
	wr.expected = n_changes * wr.n_w;
	path = ck_xasprintf("/api/v1/namespaces/" WATCH_NS "/pods?watch=1&resourceVersion=%lld",
	                    (long long)rv);
	t0 = ck_time_mono_ns();
	wr.w = pool_open(b, wr.n_w, true, b->api_port, &watcher_ops, &wr, false);
	for (size_t i = 0; i < wr.n_w; i++)
		conn_send(wr.w->c[i], "GET", path, NULL, 0, 200);
	while (wr.heads < wr.n_w)
		event_base_dispatch(b->base);
	printf("  %zu watch streams open (TLS) in %.1f s, from resourceVersion %lld\n", wr.n_w,
	       (double)(ck_time_mono_ns() - t0) / 1e9, (long long)rv);
	report_rss("with the watches open");

	struct cpu cpu = {0}, c0 = cpu_now();
	struct timeval every = {0, 10000};
	struct event *check = event_new(b->base, -1, EV_PERSIST, check_cb, &wr);
	pthread_t writer;

	wr.wb = *b;
	wr.wb.scratch = (struct ck_buf)CK_BUF_INIT;
	if (pthread_create(&writer, NULL, writer_main, &wr))
		die("cannot start the writer thread");
	evtimer_add(check, &every);
	while (!wr.finished)
		event_base_dispatch(b->base);
	event_free(check);
	pthread_join(writer, NULL);
	ck_buf_release(&wr.wb.scratch);
	cpu_add_since(&cpu, &c0);

	/* Every delivery, from the write's reply and from its send. */
	from_reply = ck_xcalloc(wr.delivered + 1, sizeof(int64_t));
	from_send = ck_xcalloc(wr.delivered + 1, sizeof(int64_t));
	spread = ck_xcalloc(n_changes, sizeof(int64_t));
	for (size_t c = 0; c < n_changes; c++) {
		int64_t lo = INT64_MAX, hi = 0;

		for (size_t w = 0; w < wr.n_w; w++) {
			int64_t t = wr.recv[c * wr.n_w + w];

			if (!t)
				continue;
			lo = t < lo ? t : lo;
			hi = t > hi ? t : hi;
			from_send[k] = t - wr.t_send[c];
			if (t < wr.t_reply[c])
				early++;
			from_reply[k++] = t > wr.t_reply[c] ? t - wr.t_reply[c] : 0;
		}
		spread[c] = hi >= lo ? hi - lo : 0;
	}
	qsort(from_reply, k, sizeof(int64_t), cmp_i64);
	qsort(from_send, k, sizeof(int64_t), cmp_i64);
	qsort(spread, n_changes, sizeof(int64_t), cmp_i64);
	f->p50 = quantile_ms(from_reply, k, 0.50);
	f->p99 = quantile_ms(from_reply, k, 0.99);
	f->max = k ? (double)from_reply[k - 1] / 1e6 : 0;
	f->send_p50 = quantile_ms(from_send, k, 0.50);
	f->send_p99 = quantile_ms(from_send, k, 0.99);
	f->missing = wr.expected - wr.delivered;
	printf("  %d changes (updates and creates alternately) at %.1f/s: %zu deliveries, %zu "
	       "missing, %zu other events\n",
	       b->changes,
	       n_changes > 1
	               ? (double)(n_changes - 1) / ((double)(wr.last_send - wr.first_send) / 1e9)
	               : 0,
	       wr.delivered, f->missing, wr.stray + wr.dup);
	printf("  from the write's reply: p50 %.1f ms   p99 %.1f ms   max %.1f ms   (%zu of them "
	       "arrived before the reply)\n",
	       f->p50, f->p99, f->max, early);
	printf("  from the write's send:  p50 %.1f ms   p99 %.1f ms   max %.1f ms\n", f->send_p50,
	       f->send_p99, k ? (double)from_send[k - 1] / 1e6 : 0);
	printf("  fan-out (first to last watcher of one change): p50 %.1f ms   max %.1f ms\n",
	       quantile_ms(spread, n_changes, 0.5),
	       n_changes ? (double)spread[n_changes - 1] / 1e6 : 0);

	printf("  CPU per delivery: server %.1f us, bench %.1f us (etcd %.1f ms per change)\n",
	       cpu.server / (double)wr.delivered * 1e6, cpu.bench / (double)wr.delivered * 1e6,
	       cpu.etcd / (double)n_changes * 1e3);
	pool_free(wr.w);
	free(wr.recv);
	free(wr.t_send);
	free(wr.t_reply);
	ck_buf_release(&wr.obj);
}

/* ---- reads: the namespace to GET and LIST from -------------------------------------- */

#define LIST_NS "bench-list"

static void setup_reads(struct bench *b)
{
	struct pool *p = sync_open(b, true, false);
	struct ck_buf obj = CK_BUF_INIT;
	ck_autofree char *key = NULL;
	json_t *j;
	size_t n;

	sync_expect(
	        p, "POST", "/api/v1/namespaces",
	        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" LIST_NS
	        "\"}}",
	        201);
	for (int i = 0; i < b->list_pods; i++) {
		char name[32];

		snprintf(name, sizeof(name), "pod-%06d", i);
		ck_buf_reset(&obj);
		pod_json(&obj, LIST_NS, name, (uint64_t)i);
		sync_expect(p, "POST", "/api/v1/namespaces/" LIST_NS "/pods", obj.data, 201);
	}
	ck_buf_release(&obj);
	b->get_path =
	        ck_xstrdup("/api/v1/namespaces/" LIST_NS "/pods/pod-000000?resourceVersion=0");
	b->list_path = ck_xstrdup("/api/v1/namespaces/" LIST_NS "/pods?resourceVersion=0");
	/* The keys the API server wrote: the raw side reads exactly those. */
	b->get_body = etcd_range_body("/registry/pods/" LIST_NS "/pod-000000", false);
	b->list_body = etcd_range_body("/registry/pods/" LIST_NS "/", true);

	/*
	 * Both sides return what they should before anything is timed. K8S: resourceVersion=0
	 * is "any state", which may lag the last create; a consistent LIST first waits until
	 * the cache has caught up with etcd.
	 */
	sync_expect(p, "GET", "/api/v1/namespaces/" LIST_NS "/pods", NULL, 200);
	sync_expect(p, "GET", b->get_path, NULL, 200);
	sync_expect(p, "GET", b->list_path, NULL, 200);
	j = json_loadb(p->c[0]->body.data, p->c[0]->body.len, 0, NULL);
	n = json_array_size(json_object_get(j, "items"));
	json_decref(j);
	if (n != (size_t)b->list_pods)
		die("LIST of " LIST_NS " returned %zu pods, expected %d", n, b->list_pods);
	printf("  LIST of %d pods from the cache: %zu bytes\n", b->list_pods, p->c[0]->body.len);
	pool_free(p);

	p = sync_open(b, false, false);
	sync_expect(p, "POST", "/v3/kv/range", b->get_body, 200);
	if (!strstr(p->c[0]->body.data, "\"count\":\"1\""))
		die("etcd range of one pod: %.300s", p->c[0]->body.data);
	sync_expect(p, "POST", "/v3/kv/range", b->list_body, 200);
	key = ck_xasprintf("\"count\":\"%d\"", b->list_pods);
	if (!strstr(p->c[0]->body.data, key))
		die("etcd range of " LIST_NS " does not hold %d keys", b->list_pods);
	printf("  etcd range of the same prefix: %zu bytes\n", p->c[0]->body.len);
	pool_free(p);
}

/* ---- main ----------------------------------------------------------------------------- */

/* Counts bytes read, for the watchdog: a phase that reads nothing for a minute is hung. */
static void watchdog_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bench *b = arg;
	static uint64_t last;
	static int idle;

	(void)fd, (void)what;
	if (b->progress != last) {
		last = b->progress;
		idle = 0;
	} else if (++idle >= 6) {
		die("no response for 60 s");
	}
}

static int int_arg(const char *flag, const char *v, int64_t min, int64_t max)
{
	int64_t n;

	if (!v || ck_str_to_int64(v, min, max, &n) < 0) {
		fprintf(stderr, "bench/api: %s needs an integer in [%" PRId64 ", %" PRId64 "]\n",
		        flag, min, max);
		exit(2);
	}
	return (int)n;
}

static const char *mark(bool ok)
{
	return ok ? "" : "   <- misses its aim";
}

int main(int argc, char **argv)
{
	struct bench b = {.ckube_bin = "build/ckube",
	                  .seconds = 5,
	                  .rounds = 2,
	                  .conns = 32,
	                  .pods = 10000,
	                  .list_pods = 100,
	                  .watchers = 1000,
	                  .changes = 200,
	                  .rate = 20};
	struct sigaction sa = {.sa_handler = on_signal};
	struct ck_error *err = NULL;
	struct watch_figures wf = {0};
	double create_ratio, get_ratio, list_ratio, raw, ck_rate;
	double raw_get, ck_get, raw_list, ck_list;
	struct timeval ten = {10, 0};
	struct event_config *evcfg;
	struct event *watchdog;
	struct rlimit rl;
	long rss, rss_restart;
	size_t need_fds;

	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(argv[i], "--seconds"))
			b.seconds = int_arg(argv[i], v, 1, 3600), i++;
		else if (!strcmp(argv[i], "--rounds"))
			b.rounds = int_arg(argv[i], v, 1, 100), i++;
		else if (!strcmp(argv[i], "--conns"))
			b.conns = int_arg(argv[i], v, 1, 1000), i++;
		else if (!strcmp(argv[i], "--pods"))
			b.pods = int_arg(argv[i], v, 1, 1000000), i++;
		else if (!strcmp(argv[i], "--list-pods"))
			b.list_pods = int_arg(argv[i], v, 1, 100000), i++;
		else if (!strcmp(argv[i], "--watchers"))
			b.watchers = int_arg(argv[i], v, 1, 100000), i++;
		else if (!strcmp(argv[i], "--changes"))
			b.changes = int_arg(argv[i], v, 2, 1000000), i++;
		else if (!strcmp(argv[i], "--rate"))
			b.rate = int_arg(argv[i], v, 1, 1000), i++;
		else if (!strcmp(argv[i], "--ckube") && v)
			b.ckube_bin = v, i++;
		else if (!strcmp(argv[i], "--creates-only"))
			b.creates_only = true;
		else {
			fprintf(stderr,
			        "usage: build/bench/api [--seconds S] [--rounds R] [--conns N] "
			        "[--pods N] [--list-pods N] [--watchers N] [--changes N] "
			        "[--rate PER_S] [--ckube PATH] [--creates-only]\n");
			return 2;
		}
	}
	if (b.pods < b.rounds)
		b.pods = b.rounds;
	setvbuf(stdout, NULL, _IOLBF, 0);
	ck_log_set_level(CK_LOG_WARN);
	if (access(b.ckube_bin, X_OK) < 0) {
		fprintf(stderr, "bench/api: no %s: run make first (from the repository root)\n",
		        b.ckube_bin);
		return 1;
	}

	/* One descriptor per watch stream, plus the load's and the server's own. */
	need_fds = (size_t)b.watchers + (size_t)b.conns + 64;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < need_fds) {
		rl.rlim_cur = rl.rlim_max < need_fds ? rl.rlim_max : need_fds;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur < need_fds) {
		fprintf(stderr, "bench/api: %zu file descriptors needed, the limit is %llu\n",
		        need_fds, (unsigned long long)rl.rlim_cur);
		return 1;
	}
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	tmp_dir = ck_xstrdup("/tmp/ckube-bench-api-XXXXXX");
	if (!mkdtemp(tmp_dir)) {
		free(tmp_dir);
		tmp_dir = NULL;
		die("cannot make a temporary directory: %s", strerror(errno));
	}
	b.dir = tmp_dir;
	b.data_dir = ck_xasprintf("%s/data", tmp_dir);
	b.log_path = ck_xasprintf("%s/server.log", tmp_dir);
	b.scratch = (struct ck_buf)CK_BUF_INIT;
	b.api_port = ck_free_port(HOST, &err);
	if (b.api_port < 0)
		die("no free port: %s", err->msg);
	evcfg = event_config_new();
	/* As the server and bench/store do: fewer epoll_ctl calls per request. */
	event_config_set_flag(evcfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	b.base = event_base_new_with_config(evcfg);
	event_config_free(evcfg);
	watchdog = event_new(b.base, -1, EV_PERSIST, watchdog_cb, &b);
	evtimer_add(watchdog, &ten);

	printf("bench/api: %s server in %s; %d in flight, %d s x %d rounds, %d pods, %d "
	       "watchers\n",
	       b.ckube_bin, tmp_dir, b.conns, b.seconds, b.rounds, b.pods, b.watchers);
	start_server(&b);

	printf("creates: %d pods through the API vs as many etcd puts of the same bodies\n",
	       b.pods);
	pod_json(&b.scratch, "default", "pod-000000", 0);
	printf("  pod body %zu bytes (the etcd side puts the same bytes, base64 in the gateway's "
	       "JSON)\n",
	       b.scratch.len);
	create_ratio = compare(&b, JOB_ETCD_PUT, JOB_API_CREATE, (uint64_t)b.pods, &raw, &ck_rate);
	printf("pod creates/s through the API %9.0f/s vs raw etcd puts %9.0f/s   ratio %.2f "
	       "(aim >= 0.6)\n",
	       ck_rate, raw, create_ratio);
	if (b.creates_only) {
		/* Profiling and quick comparisons of the write path need nothing more. */
		event_free(watchdog);
		SSL_CTX_free(b.ssl);
		event_base_free(b.base);
		cleanup();
		free(b.data_dir);
		free(b.log_path);
		ck_buf_release(&b.scratch);
		return 0;
	}

	printf("memory: %d pods stored\n", b.pods);
	full_list(&b, (size_t)b.pods);
	rss = report_rss("after creating them and a full LIST");
	printf("  restarting the server (its cache then loads the pods from etcd)\n");
	stop_server();
	start_server(&b);
	full_list(&b, (size_t)b.pods);
	rss_restart = report_rss("after a restart and a full LIST");

	printf("reads: from the cache (resourceVersion=0) vs linearizable etcd ranges\n");
	setup_reads(&b);
	get_ratio = compare(&b, JOB_ETCD_GET, JOB_API_GET, 0, &raw_get, &ck_get);
	printf("GET of one pod %9.0f/s vs etcd range of its key %9.0f/s   ratio %.1fx (aim >= "
	       "3x)\n",
	       ck_get, raw_get, get_ratio);
	list_ratio = compare(&b, JOB_ETCD_LIST, JOB_API_LIST, 0, &raw_list, &ck_list);
	printf("LIST of %d pods %9.0f/s vs etcd range of the prefix %9.0f/s   ratio %.1fx (aim >= "
	       "3x)\n",
	       b.list_pods, ck_list, raw_list, list_ratio);

	printf("watch: %d watch streams on pods, %d changes at %d/s\n", b.watchers, b.changes,
	       b.rate);
	watch_phase(&b, &wf);

	printf("\nsummary\n");
	printf("  pod creates/s, API / raw etcd puts        %6.2f      aim >= 0.6%s\n",
	       create_ratio, mark(create_ratio >= 0.6));
	printf("  GET rv=0 / linearizable etcd range        %6.1fx     aim >= 3x%s\n", get_ratio,
	       mark(get_ratio >= 3));
	printf("  LIST %d rv=0 / etcd prefix range         %6.1fx     aim >= 3x%s\n", b.list_pods,
	       list_ratio, mark(list_ratio >= 3));
	printf("  watch delivery p99 from the reply (%d)  %6.1f ms   aim <= 100 ms%s\n", b.watchers,
	       wf.p99, mark(wf.p99 <= 100 && !wf.missing));
	printf("  watch delivery p99 from the send (%d)   %6.1f ms   aim <= 100 ms%s\n", b.watchers,
	       wf.send_p99, mark(wf.send_p99 <= 100 && !wf.missing));
	printf("  server RSS, %d pods, running            %6.1f MiB  aim <= 40 MB%s\n", b.pods,
	       (double)rss / 1024, mark(rss * 1024 <= 40000000));
	printf("  server RSS, %d pods, after a restart    %6.1f MiB  aim <= 40 MB%s\n", b.pods,
	       (double)rss_restart / 1024, mark(rss_restart * 1024 <= 40000000));

	event_free(watchdog);
	SSL_CTX_free(b.ssl);
	event_base_free(b.base);
	cleanup();
	free(b.data_dir);
	free(b.log_path);
	free(b.get_path);
	free(b.list_path);
	free(b.get_body);
	free(b.list_body);
	ck_buf_release(&b.scratch);
	return 0;
}
