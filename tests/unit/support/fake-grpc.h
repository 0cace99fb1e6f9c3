/*
 * A fake gRPC server for tests of what a gRPC client does with a broken or hostile peer:
 * h2c (HTTP/2 with prior knowledge) on 127.0.0.1, nghttp2 in server mode on an
 * evconnlistener of the test's event_base. It answers nothing by itself: a hook decides,
 * per connection and per request, what goes back — response headers, DATA with gRPC's
 * 5-byte prefix (or raw DATA bytes), trailers, a trailers-only response, a reset stream,
 * GOAWAY, bytes that are not HTTP/2, a closed connection, or silence.
 *
 * Everything runs on the event_base given to ck_test_fake_grpc_start, in the test's thread;
 * the hooks run from that loop. Aborts the test process when it cannot listen.
 */
#ifndef CK_TESTS_SUPPORT_FAKE_GRPC_H
#define CK_TESTS_SUPPORT_FAKE_GRPC_H

#include "base/compat.h"

struct event_base;
struct ck_test_fake_grpc;
struct ck_test_fake_grpc_conn;
struct ck_test_fake_grpc_stream;

/* The content-type of a gRPC reply. */
#define CK_TEST_GRPC_CONTENT_TYPE "application/grpc"

/* One request message as the request hook sees it; valid during the hook only. */
struct ck_test_fake_grpc_req {
	struct ck_test_fake_grpc_conn *conn;     /* to close, GOAWAY or write raw bytes on */
	struct ck_test_fake_grpc_stream *stream; /* for the reply functions below */
	int conn_index;                          /* connections accepted before this one */
	int32_t stream_id;
	const char *path; /* ":path", e.g. "/etcdserverpb.KV/Range" */
	/* The message without its prefix; NULL when the request had none. */
	const void *msg;
	size_t len;
	size_t n_msg; /* messages before this one on the stream */
};

/*
 * A connection was accepted (index: connections before it). The hook may write bytes
 * with ck_test_fake_grpc_raw, which makes the connection one that never speaks HTTP/2, and
 * close it. Without a call, the server's SETTINGS go out and the connection speaks HTTP/2.
 */
typedef void ck_test_fake_grpc_accept_fn(struct ck_test_fake_grpc_conn *conn, int index, void *arg);

/*
 * A request message arrived: called for each complete message of a stream, and once when
 * the client ends a stream that carried none. Whatever the reply functions queued goes
 * out when the hook returns; a hook that queues nothing leaves the stream unanswered.
 */
typedef void ck_test_fake_grpc_request_fn(const struct ck_test_fake_grpc_req *req, void *arg);

struct ck_test_fake_grpc_hooks {
	ck_test_fake_grpc_accept_fn *accept;   /* NULL: every connection speaks HTTP/2 */
	ck_test_fake_grpc_request_fn *request; /* NULL: no request is ever answered */
	void *arg;
};

/* Listen on a free loopback port of base; hooks is copied. Free with ck_test_fake_grpc_free. */
struct ck_test_fake_grpc *ck_test_fake_grpc_start(struct event_base *base,
                                                  const struct ck_test_fake_grpc_hooks *hooks);

/* Close every connection and the listener, free; NULL-safe. */
void ck_test_fake_grpc_free(struct ck_test_fake_grpc *f);

/* "http://127.0.0.1:<port>" (owned by f). */
const char *ck_test_fake_grpc_url(const struct ck_test_fake_grpc *f);

/* Connections accepted so far. */
int ck_test_fake_grpc_connections(const struct ck_test_fake_grpc *f);

/* Requests seen so far: the streams on which the request hook was called. */
int ck_test_fake_grpc_requests(const struct ck_test_fake_grpc *f);

/* ---- replies, from the request hook --------------------------------------------------- */

/* Response headers: ":status" status and, when content_type is not NULL, "content-type". */
void ck_test_fake_grpc_headers(const struct ck_test_fake_grpc_req *req, int status,
                               const char *content_type);

/* A DATA payload of one message: gRPC's prefix (not compressed, its length), then msg. */
void ck_test_fake_grpc_message(const struct ck_test_fake_grpc_req *req, const void *msg,
                               size_t len);

/* DATA bytes as given, e.g. a prefix that lies about the length of what follows. */
void ck_test_fake_grpc_data(const struct ck_test_fake_grpc_req *req, const void *data, size_t len);

/*
 * End the stream with trailers "grpc-status" and, unless NULL, "grpc-message" (sent as
 * given: encode it first if it needs it). Without ck_test_fake_grpc_headers before, a
 * trailers-only response: one HEADERS with ":status 200", the content-type and the status,
 * as gRPC servers send errors.
 */
void ck_test_fake_grpc_trailers(const struct ck_test_fake_grpc_req *req, int grpc_status,
                                const char *grpc_message);

/* End the stream without trailers: END_STREAM on the headers or on the last DATA. */
void ck_test_fake_grpc_end(const struct ck_test_fake_grpc_req *req);

/*
 * Reset the stream (RST_STREAM error_code, e.g. NGHTTP2_NO_ERROR or NGHTTP2_CANCEL) once
 * what was queued on it has been sent: without an end, a response aborted; after one, as
 * gRPC servers stop a request still open (not sent when the client had ended it).
 */
void ck_test_fake_grpc_reset(const struct ck_test_fake_grpc_req *req, uint32_t error_code);

/* ---- connections ---------------------------------------------------------------------- */

/*
 * Send GOAWAY (NO_ERROR) naming last_stream_id as the last stream the server processes.
 * From either hook, on a connection that speaks HTTP/2.
 */
void ck_test_fake_grpc_goaway(struct ck_test_fake_grpc_conn *conn, int32_t last_stream_id);

/*
 * Write data[0..len) to the socket as it is, after the HTTP/2 output queued so far. From
 * the accept hook: nothing else is sent there, and what the client sends is dropped.
 */
void ck_test_fake_grpc_raw(struct ck_test_fake_grpc_conn *conn, const void *data, size_t len);

/* Close the connection (FIN both ways) once what is queued has been written; either hook. */
void ck_test_fake_grpc_close(struct ck_test_fake_grpc_conn *conn);

#endif
