/*
 * The request object of the HTTPS server (see http-server.h): what a handler reads (method,
 * path, query, fields, body, identity, pool), and what it answers with (full responses,
 * errors through the server's formatter, chunked streams with back-pressure, abort).
 *
 * A request belongs to its connection while it is read, and to the handler from dispatch
 * until the handler finishes it. Finishing writes the last bytes (when the connection is
 * still there), reports the request to the stats hook, and frees everything at once: the
 * pool, the fields, the body. The connection may go first (req->conn becomes NULL); then
 * every write here is a no-op that reports failure, and finishing only frees.
 */
#include <event2/buffer.h>

#include "base/compat.h"

#include "base/error.h"
#include "base/mem.h"
#include "net/http-int.h"

/* ---- life ------------------------------------------------------------------------- */

struct ck_http_request *http_request_new(struct http_conn *conn)
{
	struct ck_http_request *req = ck_xcalloc(1, sizeof(*req));

	req->srv = conn->srv;
	req->conn = conn;
	req->phase = HTTP_REQ_READING;
	req->start_us = http_now_us();
	req->method = "";
	req->path = "";
	req->target = "";
	req->query = "";
	snprintf(req->remote, sizeof(req->remote), "%s", conn->remote);
	ck_buf_init(&req->body, 0);
	ck_buf_init(&req->out_headers, 0);
	ck_buf_init(&req->pending, 0);
	return req;
}

void http_request_free(struct ck_http_request *req)
{
	if (!req)
		return;
	http_pool_release(&req->pool);
	free(req->headers);
	ck_buf_release(&req->body);
	ck_buf_release(&req->out_headers);
	ck_buf_release(&req->pending);
	free(req);
}

void http_request_finish(struct ck_http_request *req)
{
	struct ck_http_server *srv = req->srv;
	bool streamed = req->phase == HTTP_REQ_STREAM;

	CK_BUG_ON(req->phase == HTTP_REQ_FINISHED || req->phase == HTTP_REQ_READING);
	req->phase = HTTP_REQ_FINISHED;
	if (!srv->owner_gone && srv->on_request) {
		struct ck_http_stats st = {
		        .method = req->method,
		        .path = req->path,
		        .remote = req->remote,
		        .status = req->status,
		        .duration_us = http_now_us() - req->start_us,
		        .bytes_in = req->bytes_in,
		        .bytes_out = req->bytes_out,
		        .streamed = streamed,
		        .aborted = req->aborted,
		        .data = req->data,
		};

		srv->cb_depth++;
		srv->on_request(&st, srv->arg);
		srv->cb_depth--;
	}
	http_request_free(req);
	http_server_unref(srv);
}

void http_request_add_header(struct ck_http_request *req, const char *name, const char *value)
{
	CK_ALLOC_GROW(req->headers, req->nheaders + 1, req->aheaders);
	req->headers[req->nheaders].name = name;
	req->headers[req->nheaders].value = value;
	req->nheaders++;
}

/* ---- accessors -------------------------------------------------------------------- */

const char *ck_http_request_method(const struct ck_http_request *req)
{
	return req->method;
}

const char *ck_http_request_path(const struct ck_http_request *req)
{
	return req->path;
}

const char *ck_http_request_target(const struct ck_http_request *req)
{
	return req->target;
}

const char *ck_http_request_query(const struct ck_http_request *req)
{
	return req->query;
}

const char *ck_http_request_param(const struct ck_http_request *req, const char *name)
{
	size_t i;

	for (i = 0; i < req->nparams; i++)
		if (!strcmp(req->params[i].name, name))
			return req->params[i].value;
	return NULL;
}

const char *const *ck_http_request_params(struct ck_http_request *req, const char *name, size_t *n)
{
	size_t i, count = 0;
	const char **all;

	for (i = 0; i < req->nparams; i++)
		if (!strcmp(req->params[i].name, name))
			count++;
	all = http_pool_alloc(&req->pool, (count + 1) * sizeof(*all));
	count = 0;
	for (i = 0; i < req->nparams; i++)
		if (!strcmp(req->params[i].name, name))
			all[count++] = req->params[i].value;
	all[count] = NULL;
	if (n)
		*n = count;
	return all;
}

size_t ck_http_request_param_count(const struct ck_http_request *req)
{
	return req->nparams;
}

const char *ck_http_request_param_at(const struct ck_http_request *req, size_t i, const char **name)
{
	CK_BUG_ON(i >= req->nparams);
	if (name)
		*name = req->params[i].name;
	return req->params[i].value;
}

const char *ck_http_request_header(const struct ck_http_request *req, const char *name)
{
	size_t i;

	for (i = 0; i < req->nheaders; i++)
		if (!strcasecmp(req->headers[i].name, name))
			return req->headers[i].value;
	return NULL;
}

size_t ck_http_request_header_count(const struct ck_http_request *req)
{
	return req->nheaders;
}

const char *ck_http_request_header_at(const struct ck_http_request *req, size_t i,
                                      const char **name)
{
	CK_BUG_ON(i >= req->nheaders);
	if (name)
		*name = req->headers[i].name;
	return req->headers[i].value;
}

const char *ck_http_request_body(const struct ck_http_request *req, size_t *len)
{
	if (len)
		*len = req->body.len;
	return req->body.data;
}

bool ck_http_request_body_unread(const struct ck_http_request *req)
{
	return req->body_unread;
}

enum ck_http_auth ck_http_request_auth(const struct ck_http_request *req,
                                       const struct ck_pki_identity **id, const char **why)
{
	if (id)
		*id = req->auth == CK_HTTP_AUTH_USER ? &req->id : NULL;
	if (why)
		*why = req->auth == CK_HTTP_AUTH_REJECTED ? req->auth_error : NULL;
	return req->auth;
}

const char *ck_http_request_remote(const struct ck_http_request *req)
{
	return req->remote;
}

struct event_base *ck_http_request_base(const struct ck_http_request *req)
{
	return req->srv->base;
}

bool ck_http_request_connected(const struct ck_http_request *req)
{
	return req->conn != NULL && !req->wire_done;
}

void ck_http_request_set_data(struct ck_http_request *req, void *data)
{
	req->data = data;
}

void *ck_http_request_data(const struct ck_http_request *req)
{
	return req->data;
}

void *ck_http_request_alloc(struct ck_http_request *req, size_t size)
{
	return http_pool_alloc(&req->pool, size);
}

char *ck_http_request_strdup(struct ck_http_request *req, const char *s)
{
	return http_pool_strndup(&req->pool, s, strlen(s));
}

char *ck_http_request_printf(struct ck_http_request *req, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	CK_BUG_ON(n < 0);
	s = http_pool_alloc(&req->pool, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* ---- responses -------------------------------------------------------------------- */

const char *ck_http_status_text(int status)
{
	switch (status) {
	case 100:
		return "Continue";
	case 101:
		return "Switching Protocols";
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 202:
		return "Accepted";
	case 204:
		return "No Content";
	case 206:
		return "Partial Content";
	case 301:
		return "Moved Permanently";
	case 302:
		return "Found";
	case 304:
		return "Not Modified";
	case 307:
		return "Temporary Redirect";
	case 308:
		return "Permanent Redirect";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 406:
		return "Not Acceptable";
	case 408:
		return "Request Timeout";
	case 409:
		return "Conflict";
	case 410:
		return "Gone";
	case 411:
		return "Length Required";
	case 412:
		return "Precondition Failed";
	case 413:
		return "Request Entity Too Large";
	case 414:
		return "Request URI Too Long";
	case 415:
		return "Unsupported Media Type";
	case 417:
		return "Expectation Failed";
	case 422:
		return "Unprocessable Entity";
	case 428:
		return "Precondition Required";
	case 429:
		return "Too Many Requests";
	case 431:
		return "Request Header Fields Too Large";
	case 500:
		return "Internal Server Error";
	case 501:
		return "Not Implemented";
	case 502:
		return "Bad Gateway";
	case 503:
		return "Service Unavailable";
	case 504:
		return "Gateway Timeout";
	case 505:
		return "HTTP Version Not Supported";
	default:
		return "";
	}
}

static bool status_has_body(int status)
{
	return status >= 200 && status != 204 && status != 304;
}

/* The status line and the fields every response carries; ends with the blank line. */
static void write_head(struct ck_http_server *srv, struct evbuffer *out, int status,
                       const char *content_type, int64_t content_length, bool chunked, bool close,
                       const char *extra, size_t extra_len)
{
	struct ck_buf h = CK_BUF_INIT;

	CK_BUG_ON(status < 200 || status > 599);
	ck_buf_addf(&h, "HTTP/1.1 %d %s\r\nDate: %s\r\n", status, ck_http_status_text(status),
	            http_server_date(srv));
	if (content_type)
		ck_buf_addf(&h, "Content-Type: %s\r\n", content_type);
	if (content_length >= 0)
		ck_buf_addf(&h, "Content-Length: %" PRId64 "\r\n", content_length);
	if (chunked)
		ck_buf_adds(&h, "Transfer-Encoding: chunked\r\n");
	if (close)
		ck_buf_adds(&h, "Connection: close\r\n");
	ck_buf_add(&h, extra, extra_len);
	ck_buf_adds(&h, "\r\n");
	evbuffer_add(out, h.data, h.len);
	ck_buf_release(&h);
}

void http_write_response(struct ck_http_server *srv, struct evbuffer *out, int status,
                         const char *content_type, const char *extra_headers, size_t extra_len,
                         const void *body, size_t len, bool no_body, bool close)
{
	bool has_body = status_has_body(status);

	write_head(srv, out, status, has_body ? content_type : NULL, has_body ? (int64_t)len : -1,
	           false, close, extra_headers, extra_len);
	if (has_body && !no_body && len)
		evbuffer_add(out, body, len);
}

static const char *default_format(int status, const char *reason, const char *message,
                                  struct ck_buf *body, void *arg)
{
	(void)status, (void)reason, (void)arg;
	ck_buf_addf(body, "%s\n", message);
	return "text/plain; charset=utf-8";
}

const char *http_format_error(struct ck_http_server *srv, int status, const char *reason,
                              const char *message, struct ck_buf *body)
{
	if (!reason)
		reason = ck_error_reason_for(status);
	if (srv->format_error && !srv->owner_gone) {
		const char *ctype;

		srv->cb_depth++;
		ctype = srv->format_error(status, reason, message, body, srv->arg);
		srv->cb_depth--;
		return ctype;
	}
	return default_format(status, reason, message, body, NULL);
}

/* Common checks for the calls that answer: only a dispatched, unanswered request. */
static void check_can_answer(const struct ck_http_request *req)
{
	CK_BUG_ON(req->phase != HTTP_REQ_HANDLER);
}

int ck_http_add_header(struct ck_http_request *req, const char *name, const char *value,
                       struct ck_error **err)
{
	static const char *const reserved[] = {"Content-Length", "Transfer-Encoding", "Connection",
	                                       "Date",           "Content-Type",      NULL};
	size_t i;

	check_can_answer(req);
	if (!http_is_token(name, strlen(name)))
		return ck_error_set(err, 500, CK_REASON_INTERNAL,
		                    "invalid response header field name '%s'", name);
	for (i = 0; reserved[i]; i++)
		if (!strcasecmp(name, reserved[i]))
			return ck_error_set(err, 500, CK_REASON_INTERNAL,
			                    "response header field '%s' is set by the server",
			                    name);
	for (i = 0; value[i]; i++) {
		unsigned char c = (unsigned char)value[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return ck_error_set(err, 500, CK_REASON_INTERNAL,
			                    "invalid character in response header field '%s'",
			                    name);
	}
	ck_buf_addf(&req->out_headers, "%s: %s\r\n", name, value);
	return 0;
}

bool ck_http_reply_has_header(const struct ck_http_request *req, const char *name,
                              const char *value)
{
	const char *p = req->out_headers.data, *end = p + req->out_headers.len;
	size_t nlen = strlen(name), vlen = strlen(value);

	/* Each line is "Name: value\r\n", as ck_http_add_header writes it. */
	while (p < end) {
		const char *eol = memchr(p, '\r', (size_t)(end - p));

		if (!eol)
			break;
		if ((size_t)(eol - p) == nlen + 2 + vlen && !strncasecmp(p, name, nlen) &&
		    p[nlen] == ':' && !memcmp(p + nlen + 2, value, vlen))
			return true;
		p = eol + 2;
	}
	return false;
}

static void reply(struct ck_http_request *req, int status, const char *content_type,
                  const void *body, size_t len)
{
	struct http_conn *conn = req->conn;

	check_can_answer(req);
	CK_BUG_ON(status < 200 || status > 599);
	req->status = status;
	if (conn) {
		struct evbuffer *out = http_conn_output(conn);
		bool send_body = status_has_body(status) && !req->head && len;

		write_head(req->srv, out, status, status_has_body(status) ? content_type : NULL,
		           status_has_body(status) ? (int64_t)len : -1, false, conn->close_after,
		           req->out_headers.data, req->out_headers.len);
		if (send_body) {
			evbuffer_add(out, body, len);
			req->bytes_out = len;
		}
		req->conn = NULL;
		http_conn_response_queued(conn);
	} else {
		req->aborted = true;
	}
	http_request_finish(req);
}

void ck_http_reply(struct ck_http_request *req, int status, const char *content_type,
                   const void *body, size_t len)
{
	reply(req, status, content_type, body, len);
}

static void free_reference(const void *data, size_t len, void *arg)
{
	(void)data, (void)len;
	free(arg);
}

void ck_http_reply_buf(struct ck_http_request *req, int status, const char *content_type,
                       struct ck_buf *body)
{
	struct http_conn *conn = req->conn;
	size_t len;
	char *data = ck_buf_detach(body, &len);

	check_can_answer(req);
	CK_BUG_ON(status < 200 || status > 599);
	if (!conn || !len || req->head || !status_has_body(status)) {
		reply(req, status, content_type, data, len);
		free(data);
		return;
	}
	req->status = status;
	write_head(req->srv, http_conn_output(conn), status, content_type, (int64_t)len, false,
	           conn->close_after, req->out_headers.data, req->out_headers.len);
	/* A large LIST body goes to the socket without another copy. */
	evbuffer_add_reference(http_conn_output(conn), data, len, free_reference, data);
	req->bytes_out = len;
	req->conn = NULL;
	http_conn_response_queued(conn);
	http_request_finish(req);
}

void ck_http_reply_error(struct ck_http_request *req, int status, const char *reason,
                         const char *message)
{
	struct ck_buf body = CK_BUF_INIT;
	const char *ctype;

	check_can_answer(req);
	ctype = http_format_error(req->srv, status, reason, message, &body);
	ck_http_reply(req, status, ctype, body.data, body.len);
	ck_buf_release(&body);
}

/* ---- streams ---------------------------------------------------------------------- */

int ck_http_stream_start(struct ck_http_request *req, int status, const char *content_type)
{
	struct http_conn *conn = req->conn;

	check_can_answer(req);
	CK_BUG_ON(status < 200 || status > 599);
	req->phase = HTTP_REQ_STREAM;
	req->status = status;
	req->no_body = req->head || !status_has_body(status);
	if (!conn)
		return -1;
	req->chunked = req->minor >= 1 && !req->no_body;
	/* HTTP/1.0 has no chunked coding: the end of the connection ends the body. */
	if (!req->chunked && !req->no_body)
		conn->close_after = true;
	write_head(req->srv, http_conn_output(conn), status,
	           status_has_body(status) ? content_type : NULL, -1, req->chunked,
	           conn->close_after, req->out_headers.data, req->out_headers.len);
	http_conn_stream_started(conn);
	return 0;
}

static bool stream_open(const struct ck_http_request *req)
{
	CK_BUG_ON(req->phase != HTTP_REQ_STREAM);
	return req->conn && !req->wire_done;
}

int ck_http_stream_write(struct ck_http_request *req, const void *data, size_t len)
{
	if (!stream_open(req))
		return -1;
	if (!req->no_body)
		ck_buf_add(&req->pending, data, len);
	return 0;
}

/* Frame the pending bytes as one chunk on the connection's output. */
static void stream_emit(struct ck_http_request *req)
{
	struct evbuffer *out;

	if (!req->pending.len)
		return;
	out = http_conn_output(req->conn);
	if (req->chunked) {
		char size[24];
		int n = snprintf(size, sizeof(size), "%zx\r\n", req->pending.len);

		evbuffer_add(out, size, (size_t)n);
		evbuffer_add(out, req->pending.data, req->pending.len);
		evbuffer_add(out, "\r\n", 2);
	} else {
		evbuffer_add(out, req->pending.data, req->pending.len);
	}
	req->bytes_out += req->pending.len;
	ck_buf_reset(&req->pending);
}

int ck_http_stream_flush(struct ck_http_request *req)
{
	if (!stream_open(req))
		return -1;
	stream_emit(req);
	return 0;
}

size_t ck_http_stream_pending(const struct ck_http_request *req)
{
	if (!req->conn || req->wire_done)
		return 0;
	return req->pending.len + evbuffer_get_length(http_conn_output(req->conn));
}

void ck_http_stream_on_drain(struct ck_http_request *req, size_t low, ck_http_drain_fn *fn,
                             void *arg)
{
	CK_BUG_ON(req->phase != HTTP_REQ_STREAM && req->phase != HTTP_REQ_HANDLER);
	req->on_drain = fn;
	req->drain_arg = arg;
	req->drain_low = low;
	if (req->conn)
		http_conn_set_drain_low(req->conn, fn ? low : 0);
}

void http_stream_wire_end(struct ck_http_request *req)
{
	struct http_conn *conn = req->conn;

	stream_emit(req);
	if (req->chunked)
		evbuffer_add(http_conn_output(conn), "0\r\n\r\n", 5);
	req->wire_done = true;
	req->conn = NULL;
	http_conn_response_queued(conn);
}

void ck_http_stream_end(struct ck_http_request *req)
{
	CK_BUG_ON(req->phase != HTTP_REQ_STREAM);
	if (req->conn && !req->wire_done)
		http_stream_wire_end(req);
	else if (!req->wire_done)
		req->aborted = true;
	http_request_finish(req);
}

void ck_http_request_abort(struct ck_http_request *req)
{
	struct http_conn *conn = req->conn;

	CK_BUG_ON(req->phase != HTTP_REQ_HANDLER && req->phase != HTTP_REQ_STREAM);
	req->aborted = true;
	if (conn) {
		req->conn = NULL;
		conn->req = NULL;
		http_conn_abort(conn);
	}
	http_request_finish(req);
}

void ck_http_request_on_close(struct ck_http_request *req, ck_http_close_fn *fn, void *arg)
{
	CK_BUG_ON(req->phase != HTTP_REQ_HANDLER && req->phase != HTTP_REQ_STREAM);
	req->on_close = fn;
	req->close_arg = arg;
}
