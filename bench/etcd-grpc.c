/*
 * bench/etcd-grpc: what the same writes cost etcd 3.4 through its v3 JSON gateway (the
 * transport ckube's store client uses, DESIGN.md §2) and through native gRPC (what
 * kube-apiserver uses), measured against one etcd member in the same run.
 *
 *   gw put       POST /v3/kv/put over HTTP/1.1, N keep-alive connections, one request each
 *   gw txn       POST /v3/kv/txn: ckube's create (compare create_revision = 0, put, no
 *                failure branch), same connections
 *   grpc put     etcdserverpb.KV/Put over HTTP/2 cleartext, N concurrent streams on one
 *                connection (as clientv3 multiplexes one), --h2-conns to spread them
 *   grpc txn     etcdserverpb.KV/Txn, the same create
 *   ... +watch   each of the above again with a watch open on the written prefix, over
 *                the same transport (gateway: POST /v3/watch; gRPC: a Watch/Watch stream),
 *                as the API server's watch cache keeps one; the phase ends when the watch
 *                has seen every write, so its cost falls inside the phase
 *   wrk put      optional cross-check (--wrk): bench/store's wrk baseline
 *
 * Every write has a distinct key under /registry/pods/bench/ and the same pod-sized value.
 * For each phase it prints ops/s, etcd's CPU per op (/proc/<pid>/stat utime + stime) and
 * the benchmark's own CPU per op, and at the end ratios against the gateway put of the
 * same run. Phases run in order on odd rounds and in reverse on even ones, so that drift
 * within a round hits all of them alike. Between phases, off the clock, ckube's own client
 * checks that every write landed and then deletes the prefix and compacts, so that every
 * phase writes into a database of the same size.
 *
 * The HTTP/2 side is libnghttp2 in client mode on plain non-blocking sockets (h2c with
 * prior knowledge, as gRPC speaks it); the protobuf messages are encoded and decoded by
 * hand for the few fields used (field numbers from etcd's api/etcdserverpb/rpc.proto and
 * api/mvccpb/kv.proto). Benchmark-quality: a failed request ends the run.
 *
 * Usage: build/bench/etcd-grpc [--seconds S] [--rounds R] [--conns N] [--h2-conns N]
 *        [--no-watch] [--wrk] [--server-us U] [--gen-us U]
 *        (run from the repository root: --wrk reads bench/wrk/etcd-put.lua)
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <nghttp2/nghttp2.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "cluster/etcd-proc.h"
#include "store/etcd.h"

#include <event2/event.h>

#define KEY_PREFIX "/registry/pods/bench/"

/* ---- the run ------------------------------------------------------------------------- */

struct bench {
	int seconds, rounds, conns, h2_conns;
	bool watch, wrk;
	double server_us, gen_us; /* for the projection: ckube's server and generator per create */
	struct event_base *base;  /* ckube's client, between phases only */
	struct ck_etcd *etcd;
	char host[64];
	int port;
	pid_t etcd_pid;
	int epfd;
	char *value;
	size_t value_len;
	char *value_b64;
	uint64_t key_seq;
};

/* What one phase is doing: the load, and the watch that must see all of it. */
struct load {
	struct bench *b;
	bool txn;
	int64_t deadline_ns;
	uint64_t done;
	int in_flight;
	uint64_t watch_events; /* events seen by the phase's watch, if any */
	bool watch_created;
};

static struct ck_etcd_proc *g_etcd;
static volatile sig_atomic_t g_stop; /* Ctrl-C: end the run, stop etcd, remove the directory */
static char g_dir[] = "/tmp/ckube-bench-grpc-XXXXXX";
static bool g_dir_made;

static void cleanup(void)
{
	ck_etcd_proc_free(g_etcd);
	g_etcd = NULL;
	if (g_dir_made) {
		ck_autofree char *rm = ck_xasprintf("rm -rf '%s'", g_dir);
		if (system(rm) != 0)
			fprintf(stderr, "bench/etcd-grpc: cannot remove %s\n", g_dir);
		g_dir_made = false;
	}
}

__attribute__((noreturn, format(printf, 1, 2))) static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench/etcd-grpc: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cleanup();
	exit(1);
}

/* A pod as a client creates it, 1.2 KB of JSON: bench/api's raw put value. */
static char *pod_json(size_t *len)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(
	        &b,
	        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pod-000000\","
	        "\"namespace\":\"default\",\"labels\":{\"app\":\"web\",\"pod-template-hash\":"
	        "\"5d4f8b7c9\",\"bench-seq\":\"0\"},\"annotations\":{"
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
	        "\"nodeName\":\"node-0\",\"schedulerName\":\"default-scheduler\","
	        "\"tolerations\":[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":"
	        "\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300},{\"key\":"
	        "\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"effect\":"
	        "\"NoExecute\",\"tolerationSeconds\":300}]}}");
	*len = b.len;
	return ck_buf_detach(&b, NULL);
}

static size_t next_key(struct bench *b, char *key, size_t size)
{
	int n = snprintf(key, size, KEY_PREFIX "pod-%010" PRIu64, ++b->key_seq);

	return (size_t)n;
}

/* CPU seconds (user + system) a process has used so far, or 0 when it is gone. */
static double proc_cpu_s(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long ut = 0, st = 0;
	ssize_t n;
	int fd;

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

static double rusage_s(int who)
{
	struct rusage ru;

	getrusage(who, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* ---- sockets and the loop ------------------------------------------------------------ */

/* Every connection starts with this, so that one epoll loop can dispatch them all. */
struct io {
	int fd;
	uint32_t events;
	void (*on_event)(struct io *io, uint32_t events);
};

static int tcp_connect(struct bench *b)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)b->port)};
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0 || inet_pton(AF_INET, b->host, &sa.sin_addr) != 1 ||
	    connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("cannot connect to etcd at %s:%d: %s", b->host, b->port, strerror(errno));
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

static void io_watch(struct bench *b, struct io *io, uint32_t events)
{
	struct epoll_event ev = {.events = events, .data.ptr = io};

	if (io->events == events)
		return;
	if (epoll_ctl(b->epfd, io->events ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, io->fd, &ev) < 0)
		die("epoll_ctl: %s", strerror(errno));
	io->events = events;
}

/* Write what is pending from out; true when all of it went. */
static bool write_out(int fd, struct ck_buf *out, size_t *off)
{
	while (*off < out->len) {
		ssize_t n = write(fd, out->data + *off, out->len - *off);

		if (n < 0 && errno == EAGAIN)
			return false;
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("write to etcd: %s", strerror(errno));
		*off += (size_t)n;
	}
	ck_buf_reset(out);
	*off = 0;
	return true;
}

/* Read what is there onto in; false at end of stream. */
static bool read_in(int fd, struct ck_buf *in)
{
	for (;;) {
		ck_buf_grow(in, 65536);
		ssize_t n = read(fd, in->data + in->len, 65536);

		if (n < 0 && errno == EAGAIN)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("read from etcd: %s", strerror(errno));
		if (n == 0)
			return false;
		in->len += (size_t)n;
		in->data[in->len] = '\0';
		if (n < 65536)
			return true;
	}
}

/* ---- the JSON gateway over HTTP/1.1 ---------------------------------------------------- */

struct h1 {
	struct io io;
	struct load *l;
	bool watch;
	struct ck_buf out, in;
	size_t out_off;
	char tail[8]; /* the watch's last bytes, for a match across reads */
	size_t tail_len;
};

/*
 * A complete HTTP/1.1 response at the start of p[0..n)? Returns its length, 0 when more
 * is needed; *status and the body's bounds are set when complete.
 */
static size_t h1_response(const char *p, size_t n, int *status, const char **body, size_t *body_len)
{
	const char *end = memmem(p, n, "\r\n\r\n", 4);
	const char *h;
	size_t hdr;

	if (!end)
		return 0;
	hdr = (size_t)(end - p) + 4;
	if (n < 12 || sscanf(p, "HTTP/1.1 %d", status) != 1)
		die("bad HTTP response from the gateway");
	h = strcasestr(p, "\r\ncontent-length:");
	if (h && h < end) {
		size_t cl = strtoul(h + 17, NULL, 10);

		if (n < hdr + cl)
			return 0;
		*body = p + hdr;
		*body_len = cl;
		return hdr + cl;
	}
	/* Chunked: walk the chunks to the last one; the body is left unparsed (not needed). */
	size_t off = hdr;
	for (;;) {
		const char *crlf = memmem(p + off, n - off, "\r\n", 2);
		size_t sz;

		if (!crlf)
			return 0;
		sz = strtoul(p + off, NULL, 16);
		off = (size_t)(crlf - p) + 2;
		if (n < off + sz + 2)
			return 0;
		off += sz + 2;
		if (!sz) {
			*body = p + hdr;
			*body_len = off - hdr;
			return off;
		}
	}
}

static void h1_send(struct h1 *c, const char *path, const char *body, size_t len)
{
	ck_buf_addf(&c->out,
	            "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
	            "Content-Length: %zu\r\n\r\n",
	            path, c->l->b->host, c->l->b->port, len);
	ck_buf_add(&c->out, body, len);
	if (!write_out(c->io.fd, &c->out, &c->out_off))
		io_watch(c->l->b, &c->io, EPOLLIN | EPOLLOUT);
}

static void h1_next(struct h1 *c)
{
	struct bench *b = c->l->b;
	char key[64];
	size_t klen;
	ck_autofree char *k64 = NULL;
	struct ck_buf body = CK_BUF_INIT;

	if (ck_time_mono_ns() >= c->l->deadline_ns)
		return;
	klen = next_key(b, key, sizeof(key));
	k64 = ck_base64_encode(key, klen);
	/* The bodies ckube's client sends (src/store/etcd-ops.c), field for field. */
	if (c->l->txn)
		ck_buf_addf(&body,
		            "{\"compare\":[{\"key\":\"%s\",\"target\":\"CREATE\",\"result\":"
		            "\"EQUAL\",\"create_revision\":\"0\"}],\"success\":[{\"request_put\":"
		            "{\"key\":\"%s\",\"value\":\"%s\"}}],\"failure\":[]}",
		            k64, k64, b->value_b64);
	else
		ck_buf_addf(&body, "{\"key\":\"%s\",\"value\":\"%s\"}", k64, b->value_b64);
	c->l->in_flight++;
	h1_send(c, c->l->txn ? "/v3/kv/txn" : "/v3/kv/put", body.data, body.len);
	ck_buf_release(&body);
}

/* Count the events in a gateway watch stream: each is an object with a "kv". */
static void h1_watch_data(struct h1 *c)
{
	static const char pat[] = "\"kv\":";
	struct ck_buf scan = CK_BUF_INIT;
	const char *p;

	ck_buf_add(&scan, c->tail, c->tail_len);
	ck_buf_add(&scan, c->in.data, c->in.len);
	if (!c->l->watch_created && strstr(scan.data, "\"created\":true"))
		c->l->watch_created = true;
	for (p = scan.data; (p = memmem(p, scan.len - (size_t)(p - scan.data), pat, 5)); p += 5)
		c->l->watch_events++;
	c->tail_len = scan.len < 4 ? scan.len : 4;
	memcpy(c->tail, scan.data + scan.len - c->tail_len, c->tail_len);
	ck_buf_release(&scan);
	ck_buf_reset(&c->in);
}

static void h1_event(struct io *io, uint32_t events)
{
	struct h1 *c = (struct h1 *)io;

	if ((events & EPOLLOUT) && write_out(io->fd, &c->out, &c->out_off))
		io_watch(c->l->b, io, EPOLLIN);
	if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
		return;
	if (!read_in(io->fd, &c->in))
		die("the gateway closed a connection");
	if (c->watch) {
		h1_watch_data(c);
		return;
	}
	for (;;) {
		const char *body = NULL;
		size_t body_len = 0;
		int status = 0;
		size_t n = h1_response(c->in.data, c->in.len, &status, &body, &body_len);

		if (!n)
			return;
		if (status != 200)
			die("gateway %s: HTTP %d: %.*s", c->l->txn ? "txn" : "put", status,
			    (int)body_len, body);
		if (c->l->txn && !memmem(body, body_len, "\"succeeded\":true", 16))
			die("gateway txn did not succeed: %.*s", (int)body_len, body);
		ck_buf_consume(&c->in, n);
		c->l->in_flight--;
		c->l->done++;
		h1_next(c);
	}
}

static struct h1 *h1_open(struct load *l, bool watch)
{
	struct h1 *c = ck_xcalloc(1, sizeof(*c));

	c->l = l;
	c->watch = watch;
	c->out = (struct ck_buf)CK_BUF_INIT;
	c->in = (struct ck_buf)CK_BUF_INIT;
	c->io.fd = tcp_connect(l->b);
	c->io.on_event = h1_event;
	io_watch(l->b, &c->io, EPOLLIN);
	if (watch) {
		char end[sizeof(KEY_PREFIX)];
		ck_autofree char *k64 = ck_base64_encode(KEY_PREFIX, strlen(KEY_PREFIX));
		ck_autofree char *e64 = NULL;
		ck_autofree char *body = NULL;

		/* The prefix's range end: its last byte plus one ('/' + 1 = '0'). */
		memcpy(end, KEY_PREFIX, sizeof(end));
		end[sizeof(end) - 2]++;
		e64 = ck_base64_encode(end, strlen(end));
		body = ck_xasprintf("{\"create_request\":{\"key\":\"%s\",\"range_end\":\"%s\","
		                    "\"progress_notify\":true}}",
		                    k64, e64);
		h1_send(c, "/v3/watch", body, strlen(body));
	}
	return c;
}

static void h1_close(struct h1 *c)
{
	close(c->io.fd);
	ck_buf_release(&c->out);
	ck_buf_release(&c->in);
	free(c);
}

/* ---- protobuf, by hand, for the few etcd messages used -------------------------------- */

/* Wire types. */
enum { PB_VARINT = 0, PB_I64 = 1, PB_LEN = 2, PB_I32 = 5 };

static void pb_varint(struct ck_buf *b, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;

	do {
		tmp[n++] = (unsigned char)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
		v >>= 7;
	} while (v);
	ck_buf_add(b, tmp, n);
}

static void pb_uint(struct ck_buf *b, unsigned field, uint64_t v)
{
	pb_varint(b, (uint64_t)field << 3 | PB_VARINT);
	pb_varint(b, v);
}

static void pb_bytes(struct ck_buf *b, unsigned field, const void *data, size_t len)
{
	pb_varint(b, (uint64_t)field << 3 | PB_LEN);
	pb_varint(b, len);
	ck_buf_add(b, data, len);
}

/* A field read off a message: a varint's value, or a length-delimited field's bytes. */
struct pb_field {
	unsigned num, type;
	uint64_t v;
	const unsigned char *data;
	size_t len;
};

static bool pb_read_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64 && *p < end; shift += 7) {
		unsigned char c = *(*p)++;

		*v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return true;
	}
	return false;
}

/* The next field of [*p, end): 1, 0 at the end, -1 on malformed input. */
static int pb_next(const unsigned char **p, const unsigned char *end, struct pb_field *f)
{
	uint64_t tag;

	if (*p >= end)
		return 0;
	if (!pb_read_varint(p, end, &tag))
		return -1;
	f->num = (unsigned)(tag >> 3);
	f->type = (unsigned)(tag & 7);
	switch (f->type) {
	case PB_VARINT:
		return pb_read_varint(p, end, &f->v) ? 1 : -1;
	case PB_LEN:
		if (!pb_read_varint(p, end, &f->v) || f->v > (uint64_t)(end - *p))
			return -1;
		f->data = *p;
		f->len = (size_t)f->v;
		*p += f->len;
		return 1;
	case PB_I64:
	case PB_I32:
		if ((uint64_t)(end - *p) < (f->type == PB_I64 ? 8u : 4u))
			return -1;
		*p += f->type == PB_I64 ? 8 : 4;
		return 1;
	default:
		return -1;
	}
}

/* ResponseHeader.revision (field 3) of a message's header (field 1); 0 when absent. */
static int64_t pb_header_revision(const unsigned char *p, const unsigned char *end)
{
	struct pb_field f, h;

	while (pb_next(&p, end, &f) > 0) {
		if (f.num == 1 && f.type == PB_LEN) {
			const unsigned char *q = f.data;

			while (pb_next(&q, f.data + f.len, &h) > 0)
				if (h.num == 3 && h.type == PB_VARINT)
					return (int64_t)h.v;
		}
	}
	return 0;
}

/* PutRequest {key = 1, value = 2}. */
static void pb_put_request(struct ck_buf *b, const char *key, size_t klen, const char *value,
                           size_t vlen)
{
	pb_bytes(b, 1, key, klen);
	pb_bytes(b, 2, value, vlen);
}

/*
 * TxnRequest {compare = 1: [Compare {result = 1: EQUAL (0, the default, so omitted),
 * target = 2: CREATE (1), key = 3, create_revision = 5: 0 (a oneof member: sent even
 * though 0)}], success = 2: [RequestOp {request_put = 2: PutRequest}]}.
 */
static void pb_create_txn(struct ck_buf *b, const char *key, size_t klen, const char *value,
                          size_t vlen)
{
	struct ck_buf cmp = CK_BUF_INIT, put = CK_BUF_INIT, op = CK_BUF_INIT;

	pb_uint(&cmp, 2, 1);
	pb_bytes(&cmp, 3, key, klen);
	pb_uint(&cmp, 5, 0);
	pb_put_request(&put, key, klen, value, vlen);
	pb_bytes(&op, 2, put.data, put.len);
	pb_bytes(b, 1, cmp.data, cmp.len);
	pb_bytes(b, 2, op.data, op.len);
	ck_buf_release(&cmp);
	ck_buf_release(&put);
	ck_buf_release(&op);
}

/* WatchRequest {create_request = 1: WatchCreateRequest {key = 1, range_end = 2,
 * progress_notify = 4}}. */
static void pb_watch_create(struct ck_buf *b, const char *key, const char *end)
{
	struct ck_buf wc = CK_BUF_INIT;

	pb_bytes(&wc, 1, key, strlen(key));
	pb_bytes(&wc, 2, end, strlen(end));
	pb_uint(&wc, 4, 1);
	pb_bytes(b, 1, wc.data, wc.len);
	ck_buf_release(&wc);
}

/* ---- gRPC over HTTP/2 (libnghttp2) ---------------------------------------------------- */

struct h2;

struct h2_stream {
	struct h2 *c;
	bool watch;
	struct ck_buf req; /* the gRPC-framed request message */
	size_t req_off;
	struct ck_buf resp; /* gRPC-framed response bytes not yet consumed */
	int grpc_status;    /* -1 until the trailers say */
};

struct h2 {
	struct io io;
	struct load *l;
	nghttp2_session *s;
	struct ck_buf out, in;
	size_t out_off;
};

/* Prepend gRPC's message frame: not compressed, 4-byte big-endian length. */
static void grpc_frame(struct ck_buf *dst, const struct ck_buf *msg)
{
	unsigned char hdr[5] = {0, (unsigned char)(msg->len >> 24), (unsigned char)(msg->len >> 16),
	                        (unsigned char)(msg->len >> 8), (unsigned char)msg->len};

	ck_buf_add(dst, hdr, 5);
	ck_buf_add(dst, msg->data, msg->len);
}

static ssize_t h2_read_body(nghttp2_session *s, int32_t id, uint8_t *buf, size_t length,
                            uint32_t *flags, nghttp2_data_source *src, void *user)
{
	struct h2_stream *st = src->ptr;
	size_t n = st->req.len - st->req_off;

	(void)s, (void)id, (void)user;
	if (!n && st->watch)
		return NGHTTP2_ERR_DEFERRED; /* a watch keeps its request side open */
	if (n > length)
		n = length;
	memcpy(buf, st->req.data + st->req_off, n);
	st->req_off += n;
	if (st->req_off == st->req.len && !st->watch)
		*flags |= NGHTTP2_DATA_FLAG_EOF;
	return (ssize_t)n;
}

static void h2_submit(struct h2 *c, struct h2_stream *st, const char *path)
{
	char authority[96];
	nghttp2_data_provider prd = {.source.ptr = st, .read_callback = h2_read_body};

	snprintf(authority, sizeof(authority), "%s:%d", c->l->b->host, c->l->b->port);
#define NV(n, v) {(uint8_t *)(n), (uint8_t *)(v), strlen(n), strlen(v), NGHTTP2_NV_FLAG_NONE}
	nghttp2_nv nva[] = {
	        NV(":method", "POST"),
	        NV(":scheme", "http"),
	        NV(":path", path),
	        NV(":authority", authority),
	        NV("content-type", "application/grpc"),
	        NV("te", "trailers"),
	};
#undef NV
	if (nghttp2_submit_request(c->s, NULL, nva, CK_ARRAY_SIZE(nva), &prd, st) < 0)
		die("nghttp2_submit_request failed");
}

static void h2_next(struct h2 *c)
{
	struct bench *b = c->l->b;
	struct h2_stream *st;
	struct ck_buf msg = CK_BUF_INIT;
	char key[64];
	size_t klen;

	if (ck_time_mono_ns() >= c->l->deadline_ns)
		return;
	klen = next_key(b, key, sizeof(key));
	st = ck_xcalloc(1, sizeof(*st));
	st->c = c;
	st->grpc_status = -1;
	st->req = (struct ck_buf)CK_BUF_INIT;
	st->resp = (struct ck_buf)CK_BUF_INIT;
	if (c->l->txn)
		pb_create_txn(&msg, key, klen, b->value, b->value_len);
	else
		pb_put_request(&msg, key, klen, b->value, b->value_len);
	grpc_frame(&st->req, &msg);
	ck_buf_release(&msg);
	c->l->in_flight++;
	h2_submit(c, st, c->l->txn ? "/etcdserverpb.KV/Txn" : "/etcdserverpb.KV/Put");
}

/* Count the events (field 11) of each complete WatchResponse in the stream's buffer. */
static void h2_watch_messages(struct h2_stream *st)
{
	struct load *l = st->c->l;

	while (st->resp.len >= 5) {
		const unsigned char *p = (const unsigned char *)st->resp.data;
		size_t len = (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];
		const unsigned char *q = p + 5, *end = p + 5 + len;
		struct pb_field f;
		int r;

		if (st->resp.len < 5 + len)
			return;
		while ((r = pb_next(&q, end, &f)) > 0) {
			if (f.num == 3 && f.type == PB_VARINT && f.v)
				l->watch_created = true;
			else if (f.num == 4 && f.type == PB_VARINT && f.v)
				die("etcd canceled the gRPC watch");
			else if (f.num == 11 && f.type == PB_LEN)
				l->watch_events++;
		}
		if (r < 0)
			die("malformed WatchResponse");
		ck_buf_consume(&st->resp, 5 + len);
	}
}

static int h2_on_data(nghttp2_session *s, uint8_t flags, int32_t id, const uint8_t *data,
                      size_t len, void *user)
{
	struct h2_stream *st = nghttp2_session_get_stream_user_data(s, id);

	(void)flags, (void)user;
	if (!st)
		return 0;
	ck_buf_add(&st->resp, data, len);
	if (st->watch)
		h2_watch_messages(st);
	return 0;
}

static int h2_on_header(nghttp2_session *s, const nghttp2_frame *frame, const uint8_t *name,
                        size_t namelen, const uint8_t *value, size_t valuelen, uint8_t flags,
                        void *user)
{
	struct h2_stream *st = nghttp2_session_get_stream_user_data(s, frame->hd.stream_id);

	(void)flags, (void)user;
	if (st && namelen == 11 && !memcmp(name, "grpc-status", 11))
		st->grpc_status = (int)strtol((const char *)value, NULL, 10); /* NUL-terminated */
	(void)valuelen;
	return 0;
}

static int h2_on_close(nghttp2_session *s, int32_t id, uint32_t error_code, void *user)
{
	struct h2_stream *st = nghttp2_session_get_stream_user_data(s, id);
	struct h2 *c = user;
	const unsigned char *p, *end;

	if (!st)
		return 0;
	if (st->watch)
		die("the gRPC watch stream closed (HTTP/2 error %u)", error_code);
	if (error_code || st->grpc_status != 0)
		die("gRPC %s failed: HTTP/2 error %u, grpc-status %d", c->l->txn ? "Txn" : "Put",
		    error_code, st->grpc_status);
	if (st->resp.len < 5)
		die("gRPC %s: no response message", c->l->txn ? "Txn" : "Put");
	p = (const unsigned char *)st->resp.data + 5;
	end = (const unsigned char *)st->resp.data + st->resp.len;
	if (pb_header_revision(p, end) <= 0)
		die("gRPC %s: no revision in the response header", c->l->txn ? "Txn" : "Put");
	if (c->l->txn) {
		struct pb_field f;
		bool ok = false;

		/* TxnResponse.succeeded is field 2. */
		while (pb_next(&p, end, &f) > 0)
			if (f.num == 2 && f.type == PB_VARINT)
				ok = f.v != 0;
		if (!ok)
			die("gRPC create txn did not succeed");
	}
	ck_buf_release(&st->req);
	ck_buf_release(&st->resp);
	free(st);
	c->l->in_flight--;
	c->l->done++;
	h2_next(c);
	return 0;
}

/* Hand nghttp2 what was read, then write what it has to send. */
static void h2_pump(struct h2 *c)
{
	const uint8_t *data;
	ssize_t n;

	if (c->in.len) {
		n = nghttp2_session_mem_recv(c->s, (const uint8_t *)c->in.data, c->in.len);
		if (n < 0)
			die("nghttp2: %s", nghttp2_strerror((int)n));
		ck_buf_reset(&c->in);
	}
	while ((n = nghttp2_session_mem_send(c->s, &data)) > 0)
		ck_buf_add(&c->out, data, (size_t)n);
	if (n < 0)
		die("nghttp2: %s", nghttp2_strerror((int)n));
	io_watch(c->l->b, &c->io,
	         write_out(c->io.fd, &c->out, &c->out_off) ? EPOLLIN : EPOLLIN | EPOLLOUT);
}

static void h2_event(struct io *io, uint32_t events)
{
	struct h2 *c = (struct h2 *)io;

	if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && !read_in(io->fd, &c->in))
		die("etcd closed a gRPC connection");
	h2_pump(c);
}

static struct h2 *h2_open(struct load *l, bool watch)
{
	struct h2 *c = ck_xcalloc(1, sizeof(*c));
	nghttp2_session_callbacks *cbs;
	/* Large receive windows, as grpc-go's client sets them: flow control never waits. */
	nghttp2_settings_entry iv[] = {
	        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
	        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 4 << 20},
	};

	c->l = l;
	c->out = (struct ck_buf)CK_BUF_INIT;
	c->in = (struct ck_buf)CK_BUF_INIT;
	c->io.fd = tcp_connect(l->b);
	c->io.on_event = h2_event;
	nghttp2_session_callbacks_new(&cbs);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, h2_on_data);
	nghttp2_session_callbacks_set_on_header_callback(cbs, h2_on_header);
	nghttp2_session_callbacks_set_on_stream_close_callback(cbs, h2_on_close);
	if (nghttp2_session_client_new(&c->s, cbs, c) < 0)
		die("nghttp2_session_client_new failed");
	nghttp2_session_callbacks_del(cbs);
	nghttp2_submit_settings(c->s, NGHTTP2_FLAG_NONE, iv, CK_ARRAY_SIZE(iv));
	nghttp2_session_set_local_window_size(c->s, NGHTTP2_FLAG_NONE, 0, 16 << 20);
	if (watch) {
		struct h2_stream *st = ck_xcalloc(1, sizeof(*st));
		struct ck_buf msg = CK_BUF_INIT;
		char end[sizeof(KEY_PREFIX)];

		memcpy(end, KEY_PREFIX, sizeof(end));
		end[sizeof(end) - 2]++;
		st->c = c;
		st->watch = true;
		st->grpc_status = -1;
		st->req = (struct ck_buf)CK_BUF_INIT;
		st->resp = (struct ck_buf)CK_BUF_INIT;
		pb_watch_create(&msg, KEY_PREFIX, end);
		grpc_frame(&st->req, &msg);
		ck_buf_release(&msg);
		h2_submit(c, st, "/etcdserverpb.Watch/Watch");
	}
	h2_pump(c);
	return c;
}

static void h2_close(struct h2 *c)
{
	struct h2_stream *st;

	/* Free the streams still open (only a watch's, when a phase ends normally). */
	for (uint32_t id = 1; id < nghttp2_session_get_next_stream_id(c->s); id += 2) {
		st = nghttp2_session_get_stream_user_data(c->s, (int32_t)id);
		if (st) {
			nghttp2_session_set_stream_user_data(c->s, (int32_t)id, NULL);
			ck_buf_release(&st->req);
			ck_buf_release(&st->resp);
			free(st);
		}
	}
	nghttp2_session_del(c->s);
	close(c->io.fd);
	ck_buf_release(&c->out);
	ck_buf_release(&c->in);
	free(c);
}

/* ---- phases ---------------------------------------------------------------------------- */

enum transport { GW, GRPC };

struct phase {
	const char *name;
	enum transport t;
	bool txn, watch, wrk;
	double rate_sum, etcd_s, self_s, ops; /* over the rounds */
};

static void run_loop(struct bench *b, struct load *l, int64_t until_ns,
                     bool (*done)(struct load *l))
{
	struct epoll_event evs[64];

	while (!done(l)) {
		int64_t left = until_ns - ck_time_mono_ns();
		int n;

		if (g_stop)
			die("interrupted");
		if (left <= 0)
			die("timed out (in flight %d, watch events %" PRIu64 " of %" PRIu64 ")",
			    l->in_flight, l->watch_events, l->done);
		n = epoll_wait(b->epfd, evs, CK_ARRAY_SIZE(evs), (int)(left / 1000000) + 1);
		if (n < 0 && errno != EINTR)
			die("epoll_wait: %s", strerror(errno));
		for (int i = 0; i < n; i++) {
			struct io *io = evs[i].data.ptr;

			io->on_event(io, evs[i].events);
		}
	}
}

static bool watch_ready(struct load *l)
{
	return l->watch_created;
}

/* The load has drained, and the watch (if any) has seen every write. */
static bool load_finished(struct load *l)
{
	return ck_time_mono_ns() >= l->deadline_ns && !l->in_flight &&
	       (!l->watch_created || l->watch_events >= l->done);
}

/* Run wrk as bench/store does; returns requests/s and adds its CPU to *child_s. */
static double run_wrk(struct bench *b, double *child_s)
{
	ck_autofree char *cmd = NULL;
	char line[512];
	double rate = -1, c0 = rusage_s(RUSAGE_CHILDREN);
	FILE *p;

	cmd = ck_xasprintf("wrk -t2 -c%d -d%ds -s bench/wrk/etcd-put.lua http://%s:%d 2>&1",
	                   b->conns, b->seconds, b->host, b->port);
	p = popen(cmd, "r");
	if (!p)
		die("cannot run wrk");
	while (fgets(line, sizeof(line), p)) {
		if (ck_str_has_prefix(line, "Requests/sec:"))
			rate = strtod(line + strlen("Requests/sec:"), NULL);
		if (strstr(line, "Non-2xx") || strstr(line, "Socket errors"))
			die("wrk: %s", line);
	}
	if (pclose(p) != 0 || rate < 0 || g_stop)
		die("wrk failed or was interrupted (is it installed? run make deps)");
	*child_s = rusage_s(RUSAGE_CHILDREN) - c0;
	return rate;
}

static void check_and_clear(struct bench *b, uint64_t writes);

static void run_phase(struct bench *b, struct phase *ph, int round)
{
	struct load l = {.b = b, .txn = ph->txn};
	struct h1 **h1s = NULL;
	struct h2 **h2s = NULL;
	struct h1 *w1 = NULL;
	struct h2 *w2 = NULL;
	int n_h2 = b->h2_conns < b->conns ? b->h2_conns : b->conns;
	double e0, s0, e1, s1, secs, ops;
	int64_t t0, t1;

	if (ph->wrk) {
		double child = 0;

		e0 = proc_cpu_s(b->etcd_pid);
		double rate = run_wrk(b, &child);
		e1 = proc_cpu_s(b->etcd_pid);
		ops = rate * b->seconds;
		ph->rate_sum += rate;
		ph->ops += ops;
		ph->etcd_s += e1 - e0;
		ph->self_s += child;
		printf("  round %d %-15s %8.0f/s   etcd %6.0f us/op   client %5.0f us/op\n", round,
		       ph->name, rate, (e1 - e0) / ops * 1e6, child / ops * 1e6);
		return;
	}
	/* Connections and the watch first, outside the clock. */
	if (ph->watch) {
		l.deadline_ns = INT64_MAX;
		if (ph->t == GW)
			w1 = h1_open(&l, true);
		else
			w2 = h2_open(&l, true);
		run_loop(b, &l, ck_time_mono_ns() + 10 * 1000000000LL, watch_ready);
	}
	l.deadline_ns = INT64_MAX;
	if (ph->t == GW) {
		h1s = ck_xcalloc((size_t)b->conns, sizeof(*h1s));
		for (int i = 0; i < b->conns; i++)
			h1s[i] = h1_open(&l, false);
	} else {
		h2s = ck_xcalloc((size_t)n_h2, sizeof(*h2s));
		for (int i = 0; i < n_h2; i++)
			h2s[i] = h2_open(&l, false);
	}

	t0 = ck_time_mono_ns();
	e0 = proc_cpu_s(b->etcd_pid);
	s0 = rusage_s(RUSAGE_SELF);
	l.deadline_ns = t0 + (int64_t)b->seconds * 1000000000;
	if (ph->t == GW) {
		for (int i = 0; i < b->conns; i++)
			h1_next(h1s[i]);
	} else {
		/* conns streams in all, spread over the connections. */
		for (int i = 0; i < b->conns; i++)
			h2_next(h2s[i % n_h2]);
		for (int i = 0; i < n_h2; i++)
			h2_pump(h2s[i]);
	}
	run_loop(b, &l, l.deadline_ns + 30 * 1000000000LL, load_finished);
	t1 = ck_time_mono_ns();
	e1 = proc_cpu_s(b->etcd_pid);
	s1 = rusage_s(RUSAGE_SELF);

	secs = (double)(t1 - t0) / 1e9;
	ops = (double)l.done;
	ph->rate_sum += ops / secs;
	ph->ops += ops;
	ph->etcd_s += e1 - e0;
	ph->self_s += s1 - s0;
	printf("  round %d %-15s %8.0f/s   etcd %6.0f us/op   client %5.0f us/op", round, ph->name,
	       ops / secs, (e1 - e0) / ops * 1e6, (s1 - s0) / ops * 1e6);
	if (ph->watch)
		printf("   (watch saw %" PRIu64 " events)", l.watch_events);
	printf("\n");
	fflush(stdout);

	if (h1s)
		for (int i = 0; i < b->conns; i++)
			h1_close(h1s[i]);
	if (h2s)
		for (int i = 0; i < n_h2; i++)
			h2_close(h2s[i]);
	free(h1s);
	free(h2s);
	if (w1)
		h1_close(w1);
	if (w2)
		h2_close(w2);
	check_and_clear(b, l.done);
}

/*
 * Between phases, outside the clock, through ckube's own client: check that every write of
 * the phase landed (as many keys under the prefix as writes, the last one holding the
 * value byte for byte), then delete them and compact, so that each phase starts from an
 * empty prefix and etcd's database does not grow from phase to phase.
 */
static void check_and_clear(struct bench *b, uint64_t writes)
{
	struct ck_etcd_range_result *res = NULL;
	struct ck_etcd_delete_result *del = NULL;
	struct ck_etcd_put_result *cres = NULL;
	struct ck_error *err = NULL;
	char key[64];

	struct ck_etcd_range_req count = {.key = KEY_PREFIX, .prefix = true, .count_only = true};
	if (ck_etcd_sync_range(b->etcd, &count, &res, &err) < 0)
		die("cannot count the keys: %s", err->msg);
	if (res->count != (int64_t)writes)
		die("%" PRId64 " keys under " KEY_PREFIX " after %" PRIu64 " writes", res->count,
		    writes);
	ck_etcd_range_result_free(res);
	snprintf(key, sizeof(key), KEY_PREFIX "pod-%010" PRIu64, b->key_seq);
	struct ck_etcd_range_req last = {.key = key};
	if (ck_etcd_sync_range(b->etcd, &last, &res, &err) < 0)
		die("cannot read '%s': %s", key, err->msg);
	if (res->n_kvs != 1 || res->kvs[0].value_len != b->value_len ||
	    memcmp(res->kvs[0].value, b->value, b->value_len))
		die("'%s' does not hold the value written", key);
	ck_etcd_range_result_free(res);

	struct ck_etcd_delete_req dr = {.key = KEY_PREFIX, .prefix = true};
	if (ck_etcd_sync_delete(b->etcd, &dr, &del, &err) < 0)
		die("cannot delete the keys: %s", err->msg);
	struct ck_etcd_compact_req cr = {.revision = del->header.revision, .physical = true};
	ck_etcd_delete_result_free(del);
	if (ck_etcd_sync_compact(b->etcd, &cr, &cres, &err) < 0)
		die("cannot compact: %s", err->msg);
	ck_etcd_put_result_free(cres);
}

static void on_signal(int sig)
{
	(void)sig;
	g_stop = 1;
}

static int int_arg(const char *flag, const char *v)
{
	int64_t n;

	if (!v || ck_str_to_int64(v, 1, 1000000, &n) < 0) {
		fprintf(stderr, "bench/etcd-grpc: %s needs a positive integer\n", flag);
		exit(2);
	}
	return (int)n;
}

static double us(const struct phase *ph, double s)
{
	return s / ph->ops * 1e6;
}

int main(int argc, char **argv)
{
	struct bench b = {.seconds = 4,
	                  .rounds = 2,
	                  .conns = 32,
	                  .h2_conns = 1,
	                  .watch = true,
	                  .server_us = 225,
	                  .gen_us = 35};
	struct phase phases[] = {
	        {"gw put", GW, false, false, false},
	        {"gw txn", GW, true, false, false},
	        {"grpc put", GRPC, false, false, false},
	        {"grpc txn", GRPC, true, false, false},
	        {"gw put +watch", GW, false, true, false},
	        {"gw txn +watch", GW, true, true, false},
	        {"grpc put +watch", GRPC, false, true, false},
	        {"grpc txn +watch", GRPC, true, true, false},
	        {"wrk gw put", GW, false, false, true},
	};
	size_t n_phases = CK_ARRAY_SIZE(phases);
	struct ck_etcd_proc_config pc = {.name = "bench"};
	struct ck_error *err = NULL;
	ck_autofree char *data = NULL;

	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(argv[i], "--seconds"))
			b.seconds = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--rounds"))
			b.rounds = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--conns"))
			b.conns = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--h2-conns"))
			b.h2_conns = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--server-us"))
			b.server_us = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--gen-us"))
			b.gen_us = int_arg(argv[i], v), i++;
		else if (!strcmp(argv[i], "--no-watch"))
			b.watch = false;
		else if (!strcmp(argv[i], "--wrk"))
			b.wrk = true;
		else {
			fprintf(stderr, "bench/etcd-grpc: unknown argument '%s'\n", argv[i]);
			return 2;
		}
	}
	if (!b.watch)
		n_phases = 4;
	else if (!b.wrk)
		n_phases--;
	if (!b.watch && b.wrk)
		phases[n_phases++] = phases[CK_ARRAY_SIZE(phases) - 1];

	ck_log_set_level(CK_LOG_WARN);
	signal(SIGPIPE, SIG_IGN);
	/* No SA_RESTART: epoll_wait returns EINTR and the loop sees g_stop. */
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (!mkdtemp(g_dir))
		die("cannot make a temporary directory");
	g_dir_made = true;
	data = ck_xasprintf("%s/etcd", g_dir);
	pc.data_dir = data;
	if (ck_etcd_proc_start(&pc, &g_etcd, &err) < 0 ||
	    ck_etcd_proc_wait_ready(g_etcd, 20000, &err) < 0)
		die("cannot start etcd: %s", err->msg);
	b.etcd_pid = ck_etcd_proc_pid(g_etcd);
	if (sscanf(ck_etcd_proc_client_url(g_etcd), "http://%63[^:]:%d", b.host, &b.port) != 2)
		die("cannot read etcd's client URL '%s'", ck_etcd_proc_client_url(g_etcd));
	b.epfd = epoll_create1(EPOLL_CLOEXEC);
	b.base = event_base_new();
	const char *endpoints[] = {ck_etcd_proc_client_url(g_etcd), NULL};
	struct ck_etcd_config ec = {.endpoints = endpoints};
	if (ck_etcd_new(b.base, &ec, &b.etcd, &err) < 0)
		die("cannot make the etcd client: %s", err->msg);
	b.value = pod_json(&b.value_len);
	b.value_b64 = ck_base64_encode(b.value, b.value_len);
	setenv("CK_BENCH_VALUE_B64", b.value_b64, 1);

	printf("bench/etcd-grpc: etcd %s (pid %d), %d in flight (gRPC: on %d connection%s), "
	       "%d s x %d rounds, value %zu bytes\n",
	       ck_etcd_proc_client_url(g_etcd), (int)b.etcd_pid, b.conns,
	       b.h2_conns < b.conns ? b.h2_conns : b.conns, b.h2_conns > 1 ? "s" : "", b.seconds,
	       b.rounds, b.value_len);
	/* Odd rounds in order, even rounds in reverse: drift within a round hits all alike. */
	for (int r = 1; r <= b.rounds; r++)
		for (size_t i = 0; i < n_phases; i++)
			run_phase(&b, &phases[r % 2 ? i : n_phases - 1 - i], r);

	const struct phase *base = &phases[0];
	double base_rate = base->rate_sum / b.rounds, base_etcd = us(base, base->etcd_s);

	printf("\n%-16s %9s %7s %12s %7s %14s\n", "phase", "ops/s", "ratio", "etcd us/op", "ratio",
	       "client us/op");
	for (size_t i = 0; i < n_phases; i++) {
		const struct phase *ph = &phases[i];
		double rate = ph->rate_sum / b.rounds, e = us(ph, ph->etcd_s);

		printf("%-16s %9.0f %7.2f %12.0f %7.2f %14.0f\n", ph->name, rate, rate / base_rate,
		       e, e / base_etcd, us(ph, ph->self_s));
	}
	if (b.watch) {
		/*
		 * On two saturated cores the rate ratio is about the inverse ratio of the CPU
		 * each request costs everyone. A create through ckube costs its server, its
		 * generator, and etcd a create txn with the cache's watch open.
		 */
		const struct phase *gput = &phases[2], *gw_txn_w = &phases[5],
		                   *grpc_txn_w = &phases[7];
		double base_gw = base_etcd + us(base, base->self_s);
		double base_grpc = us(gput, gput->etcd_s) + us(gput, gput->self_s);
		double create_gw = b.server_us + b.gen_us + us(gw_txn_w, gw_txn_w->etcd_s);
		double create_grpc = b.server_us + b.gen_us + us(grpc_txn_w, grpc_txn_w->etcd_s);

		printf("\nprojected create ratio (server %.0f us + generator %.0f us + etcd txn "
		       "with "
		       "a watch, against put CPU incl. its client):\n",
		       b.server_us, b.gen_us);
		printf("  ckube on the gateway %.0f us: vs gateway put (%.0f us) %.2f\n", create_gw,
		       base_gw, base_gw / create_gw);
		printf("  ckube on gRPC        %.0f us: vs gateway put (%.0f us) %.2f, vs gRPC put "
		       "(%.0f us) %.2f\n",
		       create_grpc, base_gw, base_gw / create_grpc, base_grpc,
		       base_grpc / create_grpc);
	}

	ck_etcd_free(b.etcd);
	event_base_free(b.base);
	close(b.epfd);
	free(b.value);
	free(b.value_b64);
	cleanup();
	return 0;
}
