/*
 * Fuzz target: an etcd watch stream as the client reads it (src/store/etcd-watch.c, included
 * here to reach its static framing and message handling): the chunked reply of
 * POST /v3/watch, newline-delimited JSON messages that may be split across chunks or share
 * one, each a created message, an event batch, a progress notification, a cancel (with a
 * compact revision: 410 Expired) or a gateway error. The watch is made with ck_etcd_watch on
 * a client that never runs its loop, so no socket is ever opened; the stream's connection
 * is a stand-in that is dropped, not freed by evhttp, when the watch lets go of it.
 *
 * Input: byte 0 sets how many bytes each chunk carries (1 to 256), byte 1 the revision the
 * watch resumes after (as if events up to it had been delivered on an earlier stream); the
 * rest is the stream.
 *
 * Invariants (etcd.h, etcd-watch.c): each callback has exactly one of a result and an
 * error; "created" comes at most once, without events; events reach the caller once each,
 * in revision order (a transaction's events share one revision, in one message; each
 * message's first event is past every revision delivered before, and past the resume
 * point); after an error nothing else is delivered; keys and values are NUL-terminated at
 * their lengths. (That "created" comes first is etcd's promise, not checked: a progress
 * message before it is delivered as one.)
 */
#include "base/time.h"
#include "store/etcd-watch.c"

#include "fuzz.h"

struct seen {
	int64_t last_rev; /* highest event revision delivered */
	bool created, ended;
	unsigned calls;
};

static struct ck_etcd *client;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const endpoints[] = {"http://127.0.0.1:2379", "http://127.0.0.2:2379",
	                                        NULL};
	struct ck_etcd_config cfg = {.endpoints = endpoints};
	struct ck_error *err = NULL;

	(void)argc;
	(void)argv;
	if (ck_etcd_new(NULL, &cfg, &client, &err) < 0) {
		fprintf(stderr, "fuzz-etcd-watch: %s\n", err->msg);
		abort();
	}
	return 0;
}

static void on_watch(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res,
                     struct ck_error *err, void *arg)
{
	struct seen *s = arg;

	(void)w;
	FUZZ_CHECK((res == NULL) != (err == NULL));
	FUZZ_CHECK(!s->ended);
	s->calls++;
	if (err) {
		FUZZ_CHECK(err->msg && err->http_status >= 400 && err->http_status <= 599);
		s->ended = true;
		ck_error_free(err);
		return;
	}
	if (res->created) {
		FUZZ_CHECK(!s->created && !res->n_events);
		s->created = true;
	}
	for (size_t i = 0; i < res->n_events; i++) {
		const struct ck_etcd_kv *kv = &res->events[i].kv;

		/* One revision's events (a transaction's) share it, and come in one message. */
		if (i == 0)
			FUZZ_CHECKF(kv->mod_revision > s->last_rev,
			            "event at %" PRId64 " after %" PRId64, kv->mod_revision,
			            s->last_rev);
		else
			FUZZ_CHECKF(kv->mod_revision >= s->last_rev,
			            "event at %" PRId64 " after %" PRId64 " in one message",
			            kv->mod_revision, s->last_rev);
		s->last_rev = kv->mod_revision;
		FUZZ_CHECK(kv->key && kv->key[kv->key_len] == '\0');
		FUZZ_CHECK(kv->value && kv->value[kv->value_len] == '\0');
		if (res->events[i].prev_kv)
			FUZZ_CHECK(res->events[i].prev_kv->key && res->events[i].prev_kv->value);
	}
	ck_etcd_watch_result_free(res);
}

/* Free the stand-in connections the watch dropped (the reaper would give them to evhttp). */
static void drop_dead(void)
{
	struct etcd_conn *conn;

	while ((conn = TAILQ_FIRST(&client->dead)) != NULL) {
		TAILQ_REMOVE(&client->dead, conn, link);
		free(conn);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ck_etcd_watch_req req = {.key = "/registry/pods/", .prefix = true, .prev_kv = true};
	struct seen seen = {0};
	struct ck_etcd_watch *w;
	struct etcd_conn *conn;
	struct ck_error *err = NULL;
	size_t chunk, off;

	if (size < 2)
		return -1;
	/* Each input starts from the same client state: the first endpoint, none failed. */
	client->cur = 0;
	for (size_t i = 0; i < client->n_eps; i++)
		client->eps[i].failed_at = 0;
	chunk = (size_t)data[0] + 1;
	if (ck_etcd_watch(client, &req, on_watch, &seen, &w, &err) < 0) {
		fprintf(stderr, "fuzz-etcd-watch: %s\n", err->msg);
		abort();
	}
	/* Resume after revision data[1], as after a reconnection. */
	if (data[1]) {
		w->next_rev = data[1] + 1;
		w->last_event_rev = data[1];
		w->created_reported = true;
		seen.created = true;
		seen.last_rev = data[1];
	}
	/* As watch_connect, up to the request: a stand-in connection, the timer armed. */
	conn = ck_xcalloc(1, sizeof(*conn));
	conn->c = client;
	conn->ep = &client->eps[w->ep];
	conn->stream = true;
	conn->w = w;
	w->conn = conn;
	w->status = 200;
	w->state = WATCH_CONNECTING;
	w->round_tries++;
	ck_time_event_add_ms(w->timer, client->attempt_timeout_ms);

	/* As watch_chunk, one chunk at a time, for as long as the stream lasts. */
	for (off = 2; off < size && w->conn == conn && !seen.ended; off += chunk) {
		size_t n = size - off < chunk ? size - off : chunk;

		w->busy++;
		ck_buf_add(&w->in, data + off, n);
		watch_process(w, conn);
		watch_unbusy(w);
	}
	if (w->conn == conn)
		FUZZ_CHECK(!seen.ended);
	/* Whether the stream ended or not, the watch has now killed conn: it is on the dead list. */
	ck_etcd_watch_free(w);
	drop_dead();
	return 0;
}
