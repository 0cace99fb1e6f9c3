/*
 * The API client (client.h): TLS connections on bufferevent_openssl, a small keep-alive
 * pool for unary requests, a dedicated connection per watch, an HTTP/1.1 response parser
 * (status line, header fields, Content-Length / chunked / until-close bodies), and the
 * translation of non-2xx replies into ck_errors from their metav1.Status.
 *
 * Life of a call: it is queued on the client (c->calls, in arrival order), handed to an
 * idle connection or to a new one, written, and its response parsed by the connection's
 * read callback; when the response is complete the connection goes back to the idle pool
 * (or is closed) and the call's callback runs. A failure that is found inside a public
 * call (a connection that cannot even be started) is kept in the call and reported from
 * the call's timer, armed at zero, so no callback ever runs inside a public call.
 *
 * Re-entrancy: user callbacks run with call->in_cb raised and the connection's busy count
 * raised; ck_client_call_cancel from inside them only marks the call, and the code that
 * invoked the callback frees it when the callback returns. Connections killed while busy
 * are freed when the outermost of their callbacks unwinds. bufferevents are created with
 * BEV_OPT_DEFER_CALLBACKS, so writing to one never runs our callbacks synchronously.
 */
#include <arpa/inet.h>
#include <libgen.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <yaml.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/client.h"
#include "pki/pki.h"
#include "version.h"

#define CLIENT_LOG "client"
/* Status line plus header fields of one response. */
#define CLIENT_MAX_HEAD (1u << 20)
#define CLIENT_MAX_LINE 8192

struct client_conn;

enum call_state {
	CALL_QUEUED, /* waiting for a connection */
	CALL_SENT,   /* on a connection */
	CALL_FAILED, /* failed before it reached a connection; reported from its timer */
};

struct ck_client_call {
	struct ck_client *c;
	struct ck_client_call *prev, *next; /* c->calls, arrival order */
	struct client_conn *conn;
	enum call_state state;
	bool watch;
	bool cancelled; /* freed by whoever invoked the running callback */
	bool finished;  /* the final callback has begun */
	bool retried;
	bool streaming; /* a watch that got its 2xx header */
	int in_cb;
	char *method;
	char *target;
	char *ctype;
	struct ck_buf body;
	bool has_body;
	int watch_timeout_ms;
	struct event *timer;
	struct ck_error *pending; /* CALL_FAILED: the error to report */
	ck_client_done_fn *done;
	ck_client_event_fn *on_event;
	ck_client_watch_end_fn *on_end;
	void *arg;
	int status;
	struct ck_buf resp; /* unary body, or the body of a watch's non-2xx reply */
	struct ck_buf line; /* a watch's partial event line */
};

enum resp_state {
	RS_STATUS,
	RS_HEADER,
	RS_LENGTH,
	RS_CHUNK_SIZE,
	RS_CHUNK_DATA,
	RS_CHUNK_CRLF,
	RS_TRAILER,
	RS_UNTIL_CLOSE,
};

struct client_conn {
	struct ck_client *c;
	struct client_conn *prev, *next; /* c->conns */
	struct bufferevent *bev;
	struct ck_client_call *call;
	bool watch;     /* a watch's own connection */
	bool connected; /* TLS handshake completed */
	bool reused;    /* has completed a response before the current call */
	bool got_bytes; /* bytes of the current response have arrived */
	bool close_after;
	bool eof; /* the stream ended or failed: whatever completes now is the last response */
	bool dead;
	int busy;
	/* the response parser */
	enum resp_state rs;
	uint64_t left;
	size_t head_bytes;
	bool chunked, has_len;
};

struct ck_client {
	struct event_base *base;
	char *server; /* "https://host:port" */
	char *host;   /* for SNI and verification; no brackets */
	char *hostport;
	uint16_t port;
	bool literal; /* host is an IP literal: connect to addr */
	struct sockaddr_storage addr;
	socklen_t addrlen;
	struct evdns_base *dns;
	SSL_CTX *ssl_ctx;
	char *user_agent;
	size_t max_conns;
	int timeout_ms;
	size_t max_response;
	int idle_ms;
	struct ck_client_call *calls, *calls_tail;
	struct client_conn *conns;
	size_t unary_conns;
	struct ck_client_stats st;
};

static void dispatch(struct ck_client *c);
static void conn_kill(struct client_conn *conn);

/* ---- errors -------------------------------------------------------------------------- */

static const char *const known_reasons[] = {
        CK_REASON_BAD_REQUEST, CK_REASON_UNAUTHORIZED,   CK_REASON_FORBIDDEN,
        CK_REASON_NOT_FOUND,   CK_REASON_ALREADY_EXISTS, CK_REASON_CONFLICT,
        CK_REASON_GONE,        CK_REASON_EXPIRED,        CK_REASON_INVALID,
        CK_REASON_TIMEOUT,     CK_REASON_SERVER_TIMEOUT, CK_REASON_TOO_MANY,
        CK_REASON_TOO_LARGE,   CK_REASON_UNSUPPORTED,    CK_REASON_NOT_ACCEPTABLE,
        CK_REASON_METHOD,      CK_REASON_INTERNAL,       CK_REASON_UNAVAILABLE,
};

/* The literal for a reason string (ck_error keeps literals only), or the code's default. */
static const char *reason_literal(const char *reason, int code)
{
	size_t i;

	if (reason)
		for (i = 0; i < CK_ARRAY_SIZE(known_reasons); i++)
			if (!strcmp(reason, known_reasons[i]))
				return known_reasons[i];
	return ck_error_reason_for(code);
}

/* K8S: apimachinery errors.NewGenericServerResponse's messages for a body that is no Status. */
static const char *generic_message(int code)
{
	switch (code) {
	case 400:
		return "the server rejected our request for an unknown reason";
	case 401:
		return "the server has asked for the client to provide credentials";
	case 403:
		return "the server does not allow access to the requested resource";
	case 404:
		return "the server could not find the requested resource";
	case 405:
		return "the server does not allow this method on the requested resource";
	case 409:
		return "the server reported a conflict";
	case 410:
		return "the server reported that the requested resource is gone";
	case 413:
		return "the server has rejected the request because it is too large";
	case 415:
		return "the server does not support the content type of the request";
	case 422:
		return "the server rejected our request due to an error in our request";
	case 429:
		return "the server has received too many requests and has asked us to try again "
		       "later";
	case 500:
		return "an error on the server has prevented the request from succeeding";
	case 503:
		return "the server is currently unable to handle the request";
	case 504:
		return "the server was unable to return a response in the time allotted, but may "
		       "still be processing the request";
	default:
		return NULL;
	}
}

/* From a parsed metav1.Status (or anything else) and the HTTP status. */
static int status_error_json(int status, const json_t *j, struct ck_error **err)
{
	const char *kind = j ? ck_json_path_str(j, "kind") : NULL;
	const char *msg, *reason;
	json_int_t code = status;

	if (kind && !strcmp(kind, "Status")) {
		json_t *cj = json_object_get(j, "code");

		if (json_is_integer(cj) && json_integer_value(cj) > 0)
			code = json_integer_value(cj);
		msg = ck_json_path_str(j, "message");
		reason = ck_json_path_str(j, "reason");
		return ck_error_set(err, (int)code, reason_literal(reason, (int)code), "%s",
		                    msg && *msg ? msg : generic_message((int)code) ?: "unknown error");
	}
	msg = generic_message(status);
	if (msg)
		return ck_error_set(err, status, ck_error_reason_for(status), "%s", msg);
	return ck_error_set(err, status, ck_error_reason_for(status),
	                    "the server responded with the status code %d but did not return "
	                    "more information",
	                    status);
}

int ck_client_status_error(int status, const char *body, size_t len, struct ck_error **err)
{
	json_t *j = body && len ? json_loadb(body, len, 0, NULL) : NULL;
	int rc = status_error_json(status, j, err);

	json_decref(j);
	return rc;
}

void ck_client_query_escape(struct ck_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	/* K8S (Go url.QueryEscape): unreserved bytes stay, ' ' is '+', the rest %XX. */
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
			ck_buf_addch(b, (char)ch);
		} else if (ch == ' ') {
			ck_buf_addch(b, '+');
		} else {
			ck_buf_addch(b, '%');
			ck_buf_addch(b, hex[ch >> 4]);
			ck_buf_addch(b, hex[ch & 15]);
		}
	}
}

/* ---- calls --------------------------------------------------------------------------- */

static void call_unlink(struct ck_client_call *call)
{
	struct ck_client *c = call->c;

	if (call->prev)
		call->prev->next = call->next;
	else if (c->calls == call)
		c->calls = call->next;
	if (call->next)
		call->next->prev = call->prev;
	else if (c->calls_tail == call)
		c->calls_tail = call->prev;
	call->prev = call->next = NULL;
}

static void call_free(struct ck_client_call *call)
{
	call_unlink(call);
	event_free(call->timer);
	ck_error_free(call->pending);
	free(call->method);
	free(call->target);
	free(call->ctype);
	ck_buf_release(&call->body);
	ck_buf_release(&call->resp);
	ck_buf_release(&call->line);
	free(call);
}

/* Take the call off its connection; the connection is closed unless keep is set. */
static void call_detach(struct ck_client_call *call, bool keep)
{
	struct client_conn *conn = call->conn;

	if (!conn)
		return;
	call->conn = NULL;
	conn->call = NULL;
	if (!keep)
		conn_kill(conn);
}

/*
 * The final callback: the call leaves its connection (which the caller has already put
 * back or marked for closing), then done/on_end runs, then the call is freed.
 */
static void call_finish(struct ck_client_call *call, int status, struct ck_error *err)
{
	if (call->finished)
		return;
	call->finished = true;
	event_del(call->timer);
	call_unlink(call); /* no longer the client's: cancel from the callback only frees it */
	call->in_cb++;
	if (call->watch) {
		call->on_end(call, err, call->arg);
	} else {
		ck_buf_addch(&call->resp, '\0'); /* keep data valid and terminated */
		call->resp.len--;
		call->done(call, status, call->resp.data, call->resp.len, err, call->arg);
	}
	call->in_cb--;
	if (!call->in_cb)
		call_free(call);
}

/* Finish with an error built from fmt (transport failure class). */
static void call_fail(struct ck_client_call *call, int http_status, const char *reason, int errnum,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void call_fail(struct ck_client_call *call, int http_status, const char *reason, int errnum,
                      const char *fmt, ...)
{
	struct ck_error *err = NULL;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ck_error_set(&err, http_status, reason, "%s %s: %s", call->method, call->target, msg);
	err->errnum = errnum;
	call_detach(call, false);
	call_finish(call, 0, err);
	ck_error_free(err);
}

static void call_timer(evutil_socket_t fd, short what, void *arg)
{
	struct ck_client_call *call = arg;
	struct ck_client *c = call->c;
	struct ck_error *err;

	(void)fd, (void)what;
	if (call->state == CALL_FAILED) {
		err = call->pending;
		call->pending = NULL;
		call_detach(call, false);
		call_finish(call, 0, err);
		ck_error_free(err);
		dispatch(c);
		return;
	}
	if (call->streaming)
		call_fail(call, 504, CK_REASON_TIMEOUT, 0, "watch ended by its client deadline");
	else
		call_fail(call, 504, CK_REASON_TIMEOUT, 0, "request timed out");
	dispatch(c);
}

/* Report err from the loop (the call is in a public function's stack). Takes err. */
static void call_fail_later(struct ck_client_call *call, struct ck_error *err)
{
	call->state = CALL_FAILED;
	call->pending = err;
	ck_time_event_add_ms(call->timer, 0);
}

static struct ck_client_call *call_new(struct ck_client *c, const char *method, const char *target)
{
	struct ck_client_call *call = ck_xcalloc(1, sizeof(*call));

	call->c = c;
	call->method = ck_xstrdup(method);
	call->target = ck_xstrdup(target);
	ck_buf_init(&call->body, 0);
	ck_buf_init(&call->resp, 0);
	ck_buf_init(&call->line, 0);
	call->timer = evtimer_new(c->base, call_timer, call);
	if (!call->timer)
		CK_BUG("cannot create a timer");
	call->prev = c->calls_tail;
	if (c->calls_tail)
		c->calls_tail->next = call;
	else
		c->calls = call;
	c->calls_tail = call;
	return call;
}

void ck_client_call_cancel(struct ck_client_call *call)
{
	if (!call || call->cancelled)
		return;
	call->cancelled = true;
	call_detach(call, false);
	event_del(call->timer);
	call_unlink(call);
	if (!call->in_cb)
		call_free(call);
}

/* ---- connections ----------------------------------------------------------------------- */

static void conn_free(struct client_conn *conn)
{
	struct ck_client *c = conn->c;

	if (conn->prev)
		conn->prev->next = conn->next;
	else
		c->conns = conn->next;
	if (conn->next)
		conn->next->prev = conn->prev;
	if (!conn->watch)
		c->unary_conns--;
	if (conn->bev)
		bufferevent_free(conn->bev); /* frees the SSL and closes the socket */
	free(conn);
}

/* Close a connection: now, or when its callbacks on the stack have returned. */
static void conn_kill(struct client_conn *conn)
{
	if (conn->dead)
		return;
	conn->dead = true;
	if (conn->call) {
		conn->call->conn = NULL;
		conn->call = NULL;
	}
	if (conn->bev)
		bufferevent_disable(conn->bev, EV_READ | EV_WRITE);
	if (!conn->busy)
		conn_free(conn);
}

static void conn_enter(struct client_conn *conn)
{
	conn->busy++;
}

/* Returns false when the connection is gone. */
static bool conn_leave(struct client_conn *conn)
{
	if (--conn->busy == 0 && conn->dead) {
		conn_free(conn);
		return false;
	}
	return !conn->dead;
}

static void conn_set_idle_timeout(struct client_conn *conn, bool idle)
{
	struct timeval tv;

	if (!idle) {
		bufferevent_set_timeouts(conn->bev, NULL, NULL);
		return;
	}
	tv.tv_sec = conn->c->idle_ms / 1000;
	tv.tv_usec = (conn->c->idle_ms % 1000) * 1000;
	bufferevent_set_timeouts(conn->bev, &tv, NULL);
}

/*
 * A short description of why the TLS stream failed. libevent queues OpenSSL's error codes
 * and, for a failed system call, SSL_ERROR_SYSCALL itself; errno is kept for its callback.
 */
static void conn_describe_error(struct client_conn *conn, char *buf, size_t size, int *errnum)
{
	unsigned long e;
	SSL *ssl = bufferevent_openssl_get_ssl(conn->bev);
	long vr = ssl ? SSL_get_verify_result(ssl) : X509_V_OK;
	int sockerr = EVUTIL_SOCKET_ERROR();
	char tls[256] = "";

	*errnum = 0;
	while ((e = bufferevent_get_openssl_error(conn->bev)) != 0)
		if (!tls[0] && ERR_GET_LIB(e))
			ERR_error_string_n(e, tls, sizeof(tls));
	if (ssl && vr != X509_V_OK && !conn->connected) {
		snprintf(buf, size, "certificate verify failed: %s",
		         X509_verify_cert_error_string(vr));
	} else if (tls[0]) {
		snprintf(buf, size, "TLS error: %s", tls);
	} else if (sockerr) {
		*errnum = sockerr;
		snprintf(buf, size, "%s", strerror(sockerr));
	} else {
		snprintf(buf, size, conn->connected ? "connection lost" : "connection failed");
	}
}

static bool method_replayable(const char *m)
{
	/* K8S (Go net/http Request.isReplayable): GET, HEAD, OPTIONS, TRACE without a body. */
	return !strcmp(m, "GET") || !strcmp(m, "HEAD") || !strcmp(m, "OPTIONS");
}

/*
 * The connection failed (or closed) while call was on it. Replay the call once when Go's
 * rules allow it, otherwise fail it.
 */
static void conn_call_failed(struct client_conn *conn, int http_status, int errnum,
                             const char *what)
{
	struct ck_client_call *call = conn->call;
	struct ck_client *c = conn->c;

	if (!call) {
		conn_kill(conn);
		return;
	}
	if (!call->watch && conn->reused && !conn->got_bytes && !call->retried &&
	    method_replayable(call->method)) {
		ck_debug(CLIENT_LOG, "%s %s: kept-alive connection failed (%s), sending again",
		         call->method, call->target, what);
		call->retried = true;
		c->st.retries++;
		call_detach(call, false);
		call->state = CALL_QUEUED;
		dispatch(c);
		return;
	}
	call_fail(call, http_status,
	          http_status == 500 ? CK_REASON_INTERNAL : CK_REASON_UNAVAILABLE, errnum, "%s",
	          what);
	dispatch(c);
}

static void conn_write_request(struct client_conn *conn, struct ck_client_call *call)
{
	struct evbuffer *out = bufferevent_get_output(conn->bev);
	struct ck_client *c = conn->c;

	conn->call = call;
	call->conn = conn;
	call->state = CALL_SENT;
	conn->got_bytes = false;
	conn->rs = RS_STATUS;
	conn->head_bytes = 0;
	conn->chunked = conn->has_len = conn->close_after = false;
	ck_buf_reset(&call->resp);
	ck_buf_reset(&call->line);
	evbuffer_add_printf(out,
	                    "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\n"
	                    "Accept: application/json\r\n",
	                    call->method, call->target, c->hostport, c->user_agent);
	if (call->ctype)
		evbuffer_add_printf(out, "Content-Type: %s\r\n", call->ctype);
	if (call->has_body || !strcmp(call->method, "POST") || !strcmp(call->method, "PUT") ||
	    !strcmp(call->method, "PATCH"))
		evbuffer_add_printf(out, "Content-Length: %zu\r\n", call->body.len);
	evbuffer_add(out, "\r\n", 2);
	if (call->body.len)
		evbuffer_add(out, call->body.data, call->body.len);
	/* Only bodiless requests are ever replayed: the body need not be kept. */
	ck_buf_release(&call->body);
	if (call->watch)
		c->st.watches++;
	else
		c->st.requests++;
	if (conn->reused)
		c->st.reused++;
	conn_set_idle_timeout(conn, false);
	bufferevent_enable(conn->bev, EV_READ | EV_WRITE);
}

static void conn_readcb(struct bufferevent *bev, void *arg);
static void conn_eventcb(struct bufferevent *bev, short what, void *arg);

static struct client_conn *conn_new(struct ck_client *c, bool watch, struct ck_error **err)
{
	struct client_conn *conn;
	SSL *ssl;
	int rc = 0;
	evutil_socket_t fd = -1;
	enum bufferevent_ssl_state state = BUFFEREVENT_SSL_CONNECTING;
	static const unsigned char alpn[] = "\x08http/1.1";

	ssl = SSL_new(c->ssl_ctx);
	if (!ssl)
		return ck_error_set(err, 500, NULL, "cannot create a TLS connection"), NULL;
	if (ck_pki_ssl_set_host(ssl, c->host, err) < 0) {
		SSL_free(ssl);
		return NULL;
	}
	/* The server speaks HTTP/1.1 only; say so, as Go's client does when h2 is off. */
	SSL_set_alpn_protos(ssl, alpn, sizeof(alpn) - 1);
	if (c->literal) {
		/*
		 * Our own connect(2), so that a refusal the kernel reports at once (loopback)
		 * keeps its errno: through bufferevent_socket_connect it surfaces as a bare EOF.
		 */
		fd = socket(c->addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fd < 0 || (connect(fd, (struct sockaddr *)&c->addr, c->addrlen) < 0 &&
		               errno != EINPROGRESS)) {
			int e = errno;

			if (fd >= 0)
				close(fd);
			SSL_free(ssl);
			return ck_error_set_errno(err, e, "cannot connect to %s", c->server), NULL;
		}
	}
	conn = ck_xcalloc(1, sizeof(*conn));
	conn->c = c;
	conn->watch = watch;
	conn->bev = bufferevent_openssl_socket_new(c->base, fd, ssl, state,
	                                           BEV_OPT_CLOSE_ON_FREE | BEV_OPT_DEFER_CALLBACKS);
	if (!conn->bev) {
		if (fd >= 0)
			close(fd);
		SSL_free(ssl);
		free(conn);
		return ck_error_set(err, 500, NULL, "cannot create a TLS stream"), NULL;
	}
	bufferevent_setcb(conn->bev, conn_readcb, NULL, conn_eventcb, conn);
	conn->next = c->conns;
	if (c->conns)
		c->conns->prev = conn;
	c->conns = conn;
	if (!watch)
		c->unary_conns++;
	c->st.connects++;
	if (!c->literal) {
		if (!c->dns)
			c->dns = evdns_base_new(c->base, EVDNS_BASE_INITIALIZE_NAMESERVERS);
		rc = c->dns ? bufferevent_socket_connect_hostname(conn->bev, c->dns, AF_UNSPEC,
		                                                  c->host, c->port)
		            : -1;
	}
	if (rc < 0) {
		int e = errno;

		conn_kill(conn);
		return ck_error_set_errno(err, e, "cannot connect to %s", c->server), NULL;
	}
	return conn;
}

/* Hand queued calls to idle connections or new ones, within max_conns. */
static void dispatch(struct ck_client *c)
{
	struct ck_client_call *call, *next;
	struct client_conn *conn;

	for (call = c->calls; call; call = next) {
		next = call->next;
		if (call->state != CALL_QUEUED)
			continue;
		conn = NULL;
		if (call->watch) {
			/* fall through to a new connection of its own */
		} else if (!call->retried) {
			for (conn = c->conns; conn; conn = conn->next)
				if (!conn->watch && !conn->dead && !conn->call && conn->connected)
					break;
			if (!conn && c->unary_conns >= c->max_conns)
				continue; /* waits for a connection to come back */
		}
		if (!conn) {
			struct ck_error *err = NULL;

			conn = conn_new(c, call->watch, &err);
			if (!conn) {
				ck_error_wrap(&err, "%s %s", call->method, call->target);
				err->http_status = 503;
				err->reason = CK_REASON_UNAVAILABLE;
				call_fail_later(call, err);
				continue;
			}
		} else {
			conn->reused = true;
		}
		conn_write_request(conn, call);
	}
}

/* ---- the response parser ------------------------------------------------------------- */

/* The response (or the stream) is complete: hand it over and recycle the connection. */
static void conn_response_done(struct client_conn *conn)
{
	struct ck_client_call *call = conn->call;
	struct ck_client *c = conn->c;
	bool keep = !conn->close_after && !conn->eof && !conn->watch && conn->rs != RS_UNTIL_CLOSE;
	struct ck_error *err = NULL;

	if (call->watch) {
		if (!call->streaming)
			ck_client_status_error(call->status, call->resp.data, call->resp.len, &err);
		call_detach(call, false);
		call_finish(call, call->status, err);
		ck_error_free(err);
		dispatch(c);
		return;
	}
	if (call->status < 200 || call->status > 299)
		ck_client_status_error(call->status, call->resp.data, call->resp.len, &err);
	/* A body still being written (the server answered early, e.g. 413) ends the connection. */
	if (evbuffer_get_length(bufferevent_get_output(conn->bev)))
		keep = false;
	call_detach(call, keep);
	if (keep) {
		conn->reused = true;
		conn_set_idle_timeout(conn, true);
	}
	call_finish(call, call->status, err);
	ck_error_free(err);
	dispatch(c);
}

/* Dispatch one complete event line of a watch. Returns false when the call is gone. */
static bool watch_line(struct client_conn *conn, const char *line, size_t len)
{
	static const char pre[] = "{\"type\":\"";
	struct ck_client_call *call = conn->call;
	struct ck_client_event ev = {0};
	json_t *whole = NULL, *obj = NULL;
	char type[32];
	char *dumped = NULL;
	const char *p;
	struct ck_error *err = NULL;

	while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
		len--;
	if (!len)
		return true;
	/*
	 * Fast path for the shape kube-apiserver and ckube write, {"type":"T","object":{...}}:
	 * parse only the object, and hand its bytes on as they came.
	 */
	if (len > sizeof(pre) && !memcmp(line, pre, sizeof(pre) - 1) && line[len - 1] == '}') {
		const char *t = line + sizeof(pre) - 1;
		size_t tl = 0;

		while (t + tl < line + len && tl < sizeof(type) - 1 &&
		       ((t[tl] >= 'A' && t[tl] <= 'Z')))
			tl++;
		p = t + tl;
		if (tl && (size_t)(line + len - p) > 12 && !memcmp(p, "\",\"object\":{", 12)) {
			memcpy(type, t, tl);
			type[tl] = '\0';
			ev.raw = p + 11;
			ev.raw_len = (size_t)(line + len - 1 - ev.raw);
			obj = json_loadb(ev.raw, ev.raw_len, JSON_REJECT_DUPLICATES, NULL);
			if (!json_is_object(obj)) {
				json_decref(obj);
				obj = NULL;
			}
		}
	}
	if (!obj) {
		const char *ts;

		whole = ck_json_parse_object(line, len, &err);
		if (!whole) {
			call_fail(call, 500, CK_REASON_INTERNAL, 0, "malformed watch event: %s",
			          err->msg);
			ck_error_free(err);
			return false;
		}
		ts = ck_json_path_str(whole, "type");
		obj = json_object_get(whole, "object");
		if (!ts || !json_is_object(obj) || strlen(ts) >= sizeof(type)) {
			json_decref(whole);
			call_fail(call, 500, CK_REASON_INTERNAL, 0,
			          "malformed watch event: no type or object");
			return false;
		}
		snprintf(type, sizeof(type), "%s", ts);
		json_incref(obj);
		json_decref(whole);
		dumped = json_dumps(obj, JSON_COMPACT);
		if (!dumped)
			CK_BUG("cannot encode a watch object");
		ev.raw = dumped;
		ev.raw_len = strlen(dumped);
	}
	if (!strcmp(type, "ERROR")) {
		/* K8S: reflector.watchHandler turns an ERROR event into apierrors.FromObject. */
		status_error_json(500, obj, &err);
		json_decref(obj);
		free(dumped);
		call_detach(call, false);
		call_finish(call, call->status, err);
		ck_error_free(err);
		return false;
	}
	ev.type = type;
	ev.object = obj;
	call->in_cb++;
	call->on_event(call, &ev, call->arg);
	call->in_cb--;
	json_decref(obj);
	free(dumped);
	if (call->cancelled) {
		if (!call->in_cb)
			call_free(call);
		return false;
	}
	return conn->call == call;
}

/* Body bytes for the current call. Returns false when the call or connection went away. */
static bool body_data(struct client_conn *conn, const char *data, size_t n)
{
	struct ck_client_call *call = conn->call;
	struct ck_client *c = conn->c;
	size_t start, i;

	if (!call->streaming) {
		if (call->resp.len + n > c->max_response) {
			call_fail(call, 500, CK_REASON_INTERNAL, 0,
			          "response body larger than %zu bytes", c->max_response);
			return false;
		}
		ck_buf_add(&call->resp, data, n);
		return true;
	}
	ck_buf_add(&call->line, data, n);
	start = 0;
	for (i = call->line.len - n; i < call->line.len; i++) {
		if (call->line.data[i] != '\n')
			continue;
		if (!watch_line(conn, call->line.data + start, i - start))
			return false;
		start = i + 1;
	}
	ck_buf_consume(&call->line, start);
	if (call->line.len > c->max_response) {
		call_fail(call, 500, CK_REASON_INTERNAL, 0, "watch event larger than %zu bytes",
		          c->max_response);
		return false;
	}
	return true;
}

static bool parse_status_line(struct client_conn *conn, const char *line)
{
	struct ck_client_call *call = conn->call;

	/* "HTTP/1.x SSS reason" */
	if (strncmp(line, "HTTP/1.", 7) || !(line[7] >= '0' && line[7] <= '9') || line[8] != ' ' ||
	    !(line[9] >= '1' && line[9] <= '5') || !(line[10] >= '0' && line[10] <= '9') ||
	    !(line[11] >= '0' && line[11] <= '9') || (line[12] && line[12] != ' '))
		return false;
	call->status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
	if (line[7] == '0')
		conn->close_after = true; /* an HTTP/1.0 server: no keep-alive assumed */
	return true;
}

static bool has_token(const char *list, const char *token)
{
	size_t tl = strlen(token);
	const char *p = list;

	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		const char *e = p;

		while (*e && *e != ',')
			e++;
		const char *t = e;

		while (t > p && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		if ((size_t)(t - p) == tl && !strncasecmp(p, token, tl))
			return true;
		p = e;
	}
	return false;
}

static bool parse_header_line(struct client_conn *conn, char *line)
{
	char *colon = strchr(line, ':');
	char *v;

	if (!colon || colon == line)
		return false;
	*colon = '\0';
	v = colon + 1;
	while (*v == ' ' || *v == '\t')
		v++;
	size_t vl = strlen(v);

	while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
		v[--vl] = '\0';
	if (!strcasecmp(line, "Content-Length")) {
		int64_t n;

		if (ck_str_to_int64(v, 0, INT64_MAX, &n) < 0 || *v == '+' || *v == '-')
			return false;
		if (conn->has_len && conn->left != (uint64_t)n)
			return false;
		conn->has_len = true;
		conn->left = (uint64_t)n;
	} else if (!strcasecmp(line, "Transfer-Encoding")) {
		if (has_token(v, "chunked"))
			conn->chunked = true;
	} else if (!strcasecmp(line, "Connection")) {
		if (has_token(v, "close"))
			conn->close_after = true;
	}
	return true;
}

/* The header fields are complete: decide how the body is framed. Returns false when gone. */
static bool headers_done(struct client_conn *conn)
{
	struct ck_client_call *call = conn->call;
	int st = call->status;

	if (st >= 100 && st <= 199) {
		/* 1xx: an interim response; the real one follows. */
		conn->rs = RS_STATUS;
		conn->chunked = conn->has_len = false;
		return true;
	}
	if (call->watch && st >= 200 && st <= 299) {
		call->streaming = true;
		event_del(call->timer);
		if (call->watch_timeout_ms > 0)
			ck_time_event_add_ms(call->timer, call->watch_timeout_ms);
	}
	if (!strcmp(call->method, "HEAD") || st == 204 || st == 304) {
		conn_response_done(conn);
		return false;
	}
	if (conn->chunked) {
		conn->rs = RS_CHUNK_SIZE;
	} else if (conn->has_len) {
		if (!conn->left) {
			conn_response_done(conn);
			return false;
		}
		conn->rs = RS_LENGTH;
	} else {
		conn->rs = RS_UNTIL_CLOSE;
		conn->close_after = true;
	}
	return true;
}

/* Read a CRLF line (at most max bytes) from in; NULL when incomplete. *bad on overflow. */
static char *read_line(struct evbuffer *in, size_t max, size_t *n, bool *bad)
{
	char *line = evbuffer_readln(in, n, EVBUFFER_EOL_CRLF);

	*bad = false;
	if (!line && evbuffer_get_length(in) > max)
		*bad = true;
	if (line && *n > max) {
		free(line);
		line = NULL;
		*bad = true;
	}
	return line;
}

/* Parse what has arrived for the current call. */
static void conn_parse(struct client_conn *conn)
{
	struct evbuffer *in = bufferevent_get_input(conn->bev);
	struct ck_client *c = conn->c;
	char *line;
	size_t n;
	bool bad;

	while (conn->call && !conn->dead) {
		struct ck_client_call *call = conn->call;

		if (evbuffer_get_length(in))
			conn->got_bytes = true;
		switch (conn->rs) {
		case RS_STATUS:
		case RS_HEADER:
		case RS_TRAILER:
			line = read_line(in, CLIENT_MAX_LINE, &n, &bad);
			if (!line) {
				if (bad)
					call_fail(call, 500, CK_REASON_INTERNAL, 0,
					          "response header line too long");
				return;
			}
			conn->head_bytes += n + 2;
			if (conn->head_bytes > CLIENT_MAX_HEAD) {
				free(line);
				call_fail(call, 500, CK_REASON_INTERNAL, 0,
				          "response header too large");
				return;
			}
			if (conn->rs == RS_STATUS) {
				bad = !parse_status_line(conn, line);
				conn->rs = RS_HEADER;
			} else if (!*line) {
				free(line);
				if (conn->rs == RS_TRAILER) {
					conn_response_done(conn);
					return;
				}
				if (!headers_done(conn))
					return;
				continue;
			} else if (conn->rs == RS_HEADER) {
				bad = !parse_header_line(conn, line);
			}
			if (bad) {
				call_fail(call, 500, CK_REASON_INTERNAL, 0,
				          "malformed response: '%.80s'", line);
				free(line);
				return;
			}
			free(line);
			break;
		case RS_CHUNK_SIZE: {
			char *end;
			unsigned long long sz;

			line = read_line(in, CLIENT_MAX_LINE, &n, &bad);
			if (!line) {
				if (bad)
					call_fail(call, 500, CK_REASON_INTERNAL, 0,
					          "chunk size too long");
				return;
			}
			errno = 0;
			sz = strtoull(line, &end, 16);
			bad = end == line || errno || (*end && *end != ';' && *end != ' ') ||
			      !((*line >= '0' && *line <= '9') || (*line >= 'a' && *line <= 'f') ||
			        (*line >= 'A' && *line <= 'F'));
			free(line);
			if (bad) {
				call_fail(call, 500, CK_REASON_INTERNAL, 0, "malformed chunk size");
				return;
			}
			conn->left = sz;
			conn->rs = sz ? RS_CHUNK_DATA : RS_TRAILER;
			break;
		}
		case RS_LENGTH:
		case RS_CHUNK_DATA:
		case RS_UNTIL_CLOSE: {
			size_t avail = evbuffer_get_length(in);
			size_t take = avail;
			char *data;

			if (!avail)
				return;
			if (conn->rs != RS_UNTIL_CLOSE && take > conn->left)
				take = (size_t)conn->left;
			/* Refuse before copying: a huge Content-Length is caught early. */
			if (!call->streaming && conn->rs == RS_LENGTH &&
			    call->resp.len + conn->left > c->max_response) {
				call_fail(call, 500, CK_REASON_INTERNAL, 0,
				          "response body larger than %zu bytes", c->max_response);
				return;
			}
			data = (char *)evbuffer_pullup(in, (ssize_t)take);
			if (!body_data(conn, data, take))
				return;
			evbuffer_drain(in, take);
			if (conn->rs == RS_UNTIL_CLOSE)
				break;
			conn->left -= take;
			if (conn->left)
				break;
			if (conn->rs == RS_LENGTH) {
				conn_response_done(conn);
				return;
			}
			conn->rs = RS_CHUNK_CRLF;
			break;
		}
		case RS_CHUNK_CRLF:
			if (evbuffer_get_length(in) < 2)
				return;
			{
				char crlf[2];

				evbuffer_remove(in, crlf, 2);
				if (crlf[0] != '\r' || crlf[1] != '\n') {
					call_fail(call, 500, CK_REASON_INTERNAL, 0,
					          "malformed chunk end");
					return;
				}
			}
			conn->rs = RS_CHUNK_SIZE;
			break;
		}
	}
}

static void conn_readcb(struct bufferevent *bev, void *arg)
{
	struct client_conn *conn = arg;
	struct ck_client *c = conn->c;

	(void)bev;
	if (conn->dead)
		return;
	if (!conn->call) {
		/* Bytes on an idle connection: nothing is expected; do not reuse it. */
		ck_debug(CLIENT_LOG, "unexpected bytes from %s on an idle connection", c->server);
		conn_kill(conn);
		return;
	}
	conn_enter(conn);
	conn_parse(conn);
	conn_leave(conn);
}

static void conn_eventcb(struct bufferevent *bev, short what, void *arg)
{
	struct client_conn *conn = arg;
	char why[320];
	int errnum = 0;

	(void)bev;
	if (conn->dead)
		return;
	conn_enter(conn);
	if (what & BEV_EVENT_CONNECTED) {
		evutil_socket_t fd = bufferevent_getfd(conn->bev);
		int one = 1;

		conn->connected = true;
		/*
		 * From now on a close without close_notify is an EOF (servers that drop a
		 * watcher do not send one). Not before: during the handshake libevent would
		 * report a refused or reset connection as a bare EOF and lose its errno.
		 */
		bufferevent_openssl_set_allow_dirty_shutdown(conn->bev, 1);
		/* K8S reference §7: without TCP_NODELAY a request costs ~45 ms (Nagle). */
		if (fd >= 0)
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	} else if (what & BEV_EVENT_EOF) {
		conn->eof = true;
		if (conn->call) {
			/* Bytes may still be buffered: parse them, then see what is left. */
			conn_parse(conn);
			if (conn->call && conn->rs == RS_UNTIL_CLOSE && !conn->dead)
				conn_response_done(conn);
			else if (conn->call && !conn->dead)
				conn_call_failed(conn, 503, 0, "connection closed by the server");
		}
		conn_kill(conn);
	} else if (what & BEV_EVENT_TIMEOUT) {
		conn_kill(conn); /* the idle timeout */
	} else if (what & BEV_EVENT_ERROR) {
		conn_describe_error(conn, why, sizeof(why), &errnum);
		conn->eof = true;
		if (conn->call) {
			conn_parse(
			        conn); /* a response that arrived before the reset still counts */
			if (conn->call && !conn->dead)
				conn_call_failed(conn, 503, errnum, why);
		}
		conn_kill(conn);
	}
	conn_leave(conn);
}

/* ---- public calls -------------------------------------------------------------------- */

struct ck_client_call *ck_client_request(struct ck_client *c, const char *method,
                                         const char *path_query, const char *content_type,
                                         const void *body, size_t len, int timeout_ms,
                                         ck_client_done_fn *done, void *arg)
{
	struct ck_client_call *call;

	CK_BUG_ON(!c || !method || !path_query || *path_query != '/' || !done);
	call = call_new(c, method, path_query);
	call->done = done;
	call->arg = arg;
	if (content_type)
		call->ctype = ck_xstrdup(content_type);
	if (body) {
		call->has_body = true;
		ck_buf_add(&call->body, body, len);
	}
	if (!timeout_ms)
		timeout_ms = c->timeout_ms;
	if (timeout_ms > 0)
		ck_time_event_add_ms(call->timer, timeout_ms);
	dispatch(c);
	return call;
}

struct ck_client_call *ck_client_watch(struct ck_client *c, const char *path_query,
                                       int connect_timeout_ms, int timeout_ms,
                                       ck_client_event_fn *on_event, ck_client_watch_end_fn *on_end,
                                       void *arg)
{
	struct ck_client_call *call;

	CK_BUG_ON(!c || !path_query || *path_query != '/' || !on_event || !on_end);
	call = call_new(c, "GET", path_query);
	call->watch = true;
	call->on_event = on_event;
	call->on_end = on_end;
	call->arg = arg;
	call->watch_timeout_ms = timeout_ms;
	if (!connect_timeout_ms)
		connect_timeout_ms = c->timeout_ms;
	if (connect_timeout_ms > 0)
		ck_time_event_add_ms(call->timer, connect_timeout_ms);
	dispatch(c);
	return call;
}

/* ---- construction -------------------------------------------------------------------- */

/* Split "https://host[:port]" into c->host, c->port, c->hostport, c->addr. */
static int parse_server(struct ck_client *c, const char *url, struct ck_error **err)
{
	const char *rest, *hs, *he, *ps;
	int64_t port = 443;
	unsigned char a4[4], a6[16];

	if (!ck_str_skip_prefix(url, "https://", &rest) || !*rest)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "server '%s' is not an https:// URL", url);
	if (*rest == '[') {
		hs = rest + 1;
		he = strchr(hs, ']');
		if (!he)
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "server '%s': unterminated IPv6 address", url);
		ps = he + 1;
	} else {
		hs = rest;
		he = hs + strcspn(hs, ":/?#");
		ps = he;
	}
	if (he == hs)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "server '%s' has no host",
		                    url);
	if (*ps == ':') {
		char tmp[8];
		size_t pl = strcspn(ps + 1, "/?#");

		if (!pl || pl >= sizeof(tmp))
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "server '%s' has an invalid port", url);
		memcpy(tmp, ps + 1, pl);
		tmp[pl] = '\0';
		if (ck_str_to_int64(tmp, 1, 65535, &port) < 0)
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "server '%s' has an invalid port", url);
		ps += 1 + pl;
	}
	if (*ps && strcmp(ps, "/"))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "server '%s': a path prefix is not supported", url);
	c->host = ck_xstrndup(hs, (size_t)(he - hs));
	c->port = (uint16_t)port;
	memset(&c->addr, 0, sizeof(c->addr));
	if (inet_pton(AF_INET, c->host, a4) == 1) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&c->addr;

		sin->sin_family = AF_INET;
		sin->sin_port = htons(c->port);
		memcpy(&sin->sin_addr, a4, 4);
		c->addrlen = sizeof(*sin);
		c->literal = true;
	} else if (inet_pton(AF_INET6, c->host, a6) == 1) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&c->addr;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(c->port);
		memcpy(&sin6->sin6_addr, a6, 16);
		c->addrlen = sizeof(*sin6);
		c->literal = true;
	}
	if (strchr(c->host, ':'))
		c->hostport = ck_xasprintf("[%s]:%u", c->host, c->port);
	else
		c->hostport = ck_xasprintf("%s:%u", c->host, c->port);
	c->server = ck_xasprintf("https://%s", c->hostport);
	return 0;
}

int ck_client_new(struct event_base *base, const struct ck_client_config *cfg,
                  struct ck_client **out, struct ck_error **err)
{
	struct ck_client *c;

	if (!cfg || !cfg->server || !*cfg->server)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "no API server URL given");
	if (!cfg->ca_pem || !*cfg->ca_pem)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "no certificate authority given for '%s'", cfg->server);
	if (!cfg->cert_pem != !cfg->key_pem)
		return ck_error_set(
		        err, 400, CK_REASON_BAD_REQUEST,
		        "a client certificate needs its key, and a key its certificate");
	if (cfg->timeout_ms < 0 || cfg->idle_timeout_ms < 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "negative client timeout");
	c = ck_xcalloc(1, sizeof(*c));
	c->base = base;
	if (parse_server(c, cfg->server, err) < 0) {
		ck_client_free(c);
		return -1;
	}
	c->ssl_ctx = ck_pki_client_ctx_new(cfg->ca_pem, cfg->cert_pem, cfg->key_pem, err);
	if (!c->ssl_ctx) {
		ck_error_wrap(err, "cannot set up the client for '%s'", cfg->server);
		ck_client_free(c);
		return -1;
	}
	c->user_agent = cfg->user_agent ? ck_xstrdup(cfg->user_agent)
	                                : ck_xasprintf("ckube/%s", ck_version);
	c->max_conns = cfg->max_conns ? cfg->max_conns : CK_CLIENT_DEFAULT_MAX_CONNS;
	c->timeout_ms = cfg->timeout_ms ? cfg->timeout_ms : CK_CLIENT_DEFAULT_TIMEOUT_MS;
	c->max_response =
	        cfg->max_response_bytes ? cfg->max_response_bytes : CK_CLIENT_DEFAULT_MAX_RESPONSE;
	c->idle_ms = cfg->idle_timeout_ms ? cfg->idle_timeout_ms : CK_CLIENT_DEFAULT_IDLE_MS;
	*out = c;
	return 0;
}

void ck_client_free(struct ck_client *c)
{
	if (!c)
		return;
	while (c->calls) {
		struct ck_client_call *call = c->calls;

		CK_BUG_ON(call->in_cb); /* freed from inside one of its callbacks */
		call->cancelled = true;
		call_detach(call, false);
		call_free(call);
	}
	while (c->conns) {
		CK_BUG_ON(c->conns->busy);
		c->conns->dead = true;
		conn_free(c->conns);
	}
	if (c->dns)
		evdns_base_free(c->dns, 1);
	SSL_CTX_free(c->ssl_ctx);
	free(c->server);
	free(c->host);
	free(c->hostport);
	free(c->user_agent);
	free(c);
}

struct event_base *ck_client_base(const struct ck_client *c)
{
	return c->base;
}

const char *ck_client_server(const struct ck_client *c)
{
	return c->server;
}

void ck_client_stats(const struct ck_client *c, struct ck_client_stats *st)
{
	const struct client_conn *conn;
	const struct ck_client_call *call;

	*st = c->st;
	st->conns = st->idle = st->queued = 0;
	for (conn = c->conns; conn; conn = conn->next) {
		st->conns++;
		if (!conn->call && !conn->watch && conn->connected && !conn->dead)
			st->idle++;
	}
	for (call = c->calls; call; call = call->next)
		if (call->state == CALL_QUEUED)
			st->queued++;
}

/* ---- kubeconfig ---------------------------------------------------------------------- */

/* The value node of key in mapping node m, or NULL. */
static yaml_node_t *y_get(yaml_document_t *d, yaml_node_t *m, const char *key)
{
	yaml_node_pair_t *p;

	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(d, p->key);

		if (k && k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key))
			return yaml_document_get_node(d, p->value);
	}
	return NULL;
}

static const char *y_str(yaml_document_t *d, yaml_node_t *m, const char *key)
{
	yaml_node_t *n = y_get(d, m, key);

	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The `inner` mapping of the entry called name in the sequence at key ("clusters"). */
static yaml_node_t *y_named(yaml_document_t *d, yaml_node_t *root, const char *key,
                            const char *name, const char *inner)
{
	yaml_node_t *seq = y_get(d, root, key);
	yaml_node_item_t *it;

	if (!seq || seq->type != YAML_SEQUENCE_NODE || !name)
		return NULL;
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *e = yaml_document_get_node(d, *it);
		const char *n = y_str(d, e, "name");

		if (n && !strcmp(n, name))
			return y_get(d, e, inner);
	}
	return NULL;
}

static char *read_file(const char *path, struct ck_error **err)
{
	FILE *f = fopen(path, "rb");
	struct ck_buf b = CK_BUF_INIT;
	char tmp[4096];
	size_t n;

	if (!f)
		return ck_error_set_errno(err, errno, "cannot read '%s'", path), NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		ck_buf_add(&b, tmp, n);
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		ck_buf_release(&b);
		return ck_error_set_errno(err, e, "cannot read '%s'", path), NULL;
	}
	fclose(f);
	return ck_buf_detach(&b, NULL);
}

/* A PEM from "<field>-data" (base64) or "<field>" (a file, relative to dir). Caller frees. */
static char *kc_pem(yaml_document_t *d, yaml_node_t *m, const char *field, const char *dir,
                    const char *path, struct ck_error **err)
{
	ck_autofree char *data_key = ck_xasprintf("%s-data", field);
	const char *data = y_str(d, m, data_key);
	const char *file = y_str(d, m, field);

	if (data && *data) {
		size_t n;
		char *pem = ck_base64_decode(data, &n, err);

		if (!pem)
			ck_error_wrap(err, "kubeconfig '%s': %s", path, data_key);
		return pem;
	}
	if (file && *file) {
		ck_autofree char *full =
		        *file == '/' ? ck_xstrdup(file) : ck_xasprintf("%s/%s", dir, file);
		char *pem = read_file(full, err);

		if (!pem)
			ck_error_wrap(err, "kubeconfig '%s'", path);
		return pem;
	}
	return NULL;
}

int ck_client_new_from_kubeconfig(struct event_base *base, const char *path,
                                  const struct ck_client_config *base_cfg, struct ck_client **out,
                                  struct ck_error **err)
{
	ck_autofree char *text = NULL;
	ck_autofree char *pathcopy = ck_xstrdup(path);
	ck_autofree char *ca = NULL, *cert = NULL, *key = NULL;
	const char *dir = dirname(pathcopy);
	struct ck_client_config cfg = {0};
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root, *ctx, *cluster, *user;
	const char *cur, *server;
	int rc = -1;

	text = read_file(path, err);
	if (!text)
		return -1;
	if (!yaml_parser_initialize(&parser))
		CK_BUG("cannot initialise a YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, strlen(text));
	if (!yaml_parser_load(&parser, &doc)) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "kubeconfig '%s': %s at line %zu",
		             path, parser.problem ? parser.problem : "invalid YAML",
		             parser.problem_mark.line + 1);
		yaml_parser_delete(&parser);
		return -1;
	}
	yaml_parser_delete(&parser);
	root = yaml_document_get_root_node(&doc);
	cur = y_str(&doc, root, "current-context");
	ctx = y_named(&doc, root, "contexts", cur, "context");
	if (!ctx) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		             "kubeconfig '%s': no context '%s' (current-context)", path,
		             cur ? cur : "");
		goto out;
	}
	cluster = y_named(&doc, root, "clusters", y_str(&doc, ctx, "cluster"), "cluster");
	user = y_named(&doc, root, "users", y_str(&doc, ctx, "user"), "user");
	server = y_str(&doc, cluster, "server");
	if (!cluster || !server || !*server) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		             "kubeconfig '%s': the context's cluster has no server", path);
		goto out;
	}
	ca = kc_pem(&doc, cluster, "certificate-authority", dir, path, err);
	if (!ca) {
		if (err && !*err)
			ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			             "kubeconfig '%s': the cluster has no certificate-authority",
			             path);
		goto out;
	}
	if (user) {
		cert = kc_pem(&doc, user, "client-certificate", dir, path, err);
		if (!cert && err && *err)
			goto out;
		key = kc_pem(&doc, user, "client-key", dir, path, err);
		if (!key && err && *err)
			goto out;
	}
	if (base_cfg)
		cfg = *base_cfg;
	cfg.server = server;
	cfg.ca_pem = ca;
	cfg.cert_pem = cert;
	cfg.key_pem = key;
	rc = ck_client_new(base, &cfg, out, err);
out:
	yaml_document_delete(&doc);
	return rc;
}
