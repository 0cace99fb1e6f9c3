/*
 * The work queue on a real event loop: dedup while queued, no key handed to two workers,
 * a key re-added during processing comes back after done, delayed adds keep the earlier
 * time, exponential back-off, and the worker limit.
 */
#include "base/compat.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>
#include <event2/event.h>

#include "base/mem.h"
#include "base/time.h"
#include "client/workqueue.h"

struct rec {
	struct event_base *base;
	char *seen[64];
	int64_t at[64];
	size_t n;
	bool hold; /* don't call done from the callback */
	const char *held[8];
	size_t nheld;
	const char *readd; /* re-add this key from inside its own processing, once */
	unsigned busy, max_busy;
};

static void process(struct ck_workqueue *q, const char *key, void *arg)
{
	struct rec *r = arg;

	assert_true(r->n < CK_ARRAY_SIZE(r->seen));
	r->seen[r->n] = ck_xstrdup(key);
	r->at[r->n++] = ck_time_mono_ms();
	r->busy++;
	if (r->busy > r->max_busy)
		r->max_busy = r->busy;
	if (r->readd && !strcmp(r->readd, key)) {
		r->readd = NULL;
		ck_workqueue_add(q, key);
	}
	if (r->hold) {
		r->held[r->nheld++] = key;
		return;
	}
	r->busy--;
	ck_workqueue_done(q, key);
}

static void rec_release(struct rec *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->seen[i]);
}

/* Run the loop until the queue is idle or 5 s pass. */
static void run_until_idle(struct event_base *base, struct ck_workqueue *q)
{
	int64_t deadline = ck_time_mono_ms() + 5000;

	while (!ck_workqueue_idle(q) && ck_time_mono_ms() < deadline)
		event_base_loop(base, EVLOOP_ONCE | EVLOOP_NONBLOCK);
	assert_true(ck_workqueue_idle(q));
}

static void test_dedup_and_order(void **state)
{
	struct event_base *base = event_base_new();
	struct rec r = {.base = base};
	struct ck_workqueue *q = ck_workqueue_new(base, NULL, process, &r);

	(void)state;
	ck_workqueue_add(q, "a");
	ck_workqueue_add(q, "b");
	ck_workqueue_add(q, "a");
	assert_int_equal(ck_workqueue_len(q), 2);
	/* Nothing runs inside add. */
	assert_int_equal(r.n, 0);
	run_until_idle(base, q);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.seen[0], "a");
	assert_string_equal(r.seen[1], "b");
	rec_release(&r);
	ck_workqueue_free(q);
	event_base_free(base);
}

static void test_readd_while_processing(void **state)
{
	struct event_base *base = event_base_new();
	struct rec r = {.base = base, .readd = "k"};
	struct ck_workqueue *q = ck_workqueue_new(base, NULL, process, &r);

	(void)state;
	ck_workqueue_add(q, "k");
	run_until_idle(base, q);
	/* Processed twice, one after the other, never at once. */
	assert_int_equal(r.n, 2);
	assert_int_equal(r.max_busy, 1);
	rec_release(&r);
	ck_workqueue_free(q);
	event_base_free(base);
}

static void test_worker_limit_and_held_keys(void **state)
{
	struct event_base *base = event_base_new();
	struct rec r = {.base = base, .hold = true};
	struct ck_workqueue_config cfg = {.name = "t", .workers = 2};
	struct ck_workqueue *q = ck_workqueue_new(base, &cfg, process, &r);

	(void)state;
	ck_workqueue_add(q, "a");
	ck_workqueue_add(q, "b");
	ck_workqueue_add(q, "c");
	for (int i = 0; i < 20; i++)
		event_base_loop(base, EVLOOP_ONCE | EVLOOP_NONBLOCK);
	assert_int_equal(r.n, 2);
	/* A key being processed is not handed out again; it waits for done. */
	ck_workqueue_add(q, "a");
	for (int i = 0; i < 20; i++)
		event_base_loop(base, EVLOOP_ONCE | EVLOOP_NONBLOCK);
	assert_int_equal(r.n, 2);
	r.hold = false;
	r.busy -= 2;
	ck_workqueue_done(q, r.held[0]);
	ck_workqueue_done(q, r.held[1]);
	run_until_idle(base, q);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.seen[2], "c");
	assert_string_equal(r.seen[3], "a");
	assert_true(r.max_busy <= 2);
	rec_release(&r);
	ck_workqueue_free(q);
	event_base_free(base);
}

static void test_add_after_keeps_earlier(void **state)
{
	struct event_base *base = event_base_new();
	struct rec r = {.base = base};
	struct ck_workqueue *q = ck_workqueue_new(base, NULL, process, &r);
	int64_t t0 = ck_time_mono_ms();

	(void)state;
	ck_workqueue_add_after(q, "d", 50);
	ck_workqueue_add_after(q, "d", 5000);
	assert_false(ck_workqueue_idle(q));
	assert_int_equal(ck_workqueue_len(q), 0);
	run_until_idle(base, q);
	assert_int_equal(r.n, 1);
	assert_true(r.at[0] - t0 >= 45);
	assert_true(r.at[0] - t0 < 4000);
	rec_release(&r);
	ck_workqueue_free(q);
	event_base_free(base);
}

static void test_backoff_doubles_and_forget_resets(void **state)
{
	struct event_base *base = event_base_new();
	struct rec r = {.base = base};
	struct ck_workqueue_config cfg = {.base_delay_ms = 20, .max_delay_ms = 80};
	struct ck_workqueue *q = ck_workqueue_new(base, &cfg, process, &r);

	(void)state;
	for (int i = 0; i < 4; i++) {
		int64_t t0 = ck_time_mono_ms();
		int64_t want = i < 3 ? 20 << i : 80; /* 20, 40, 80, then capped at 80 */

		ck_workqueue_add_rate_limited(q, "x");
		assert_int_equal(ck_workqueue_requeues(q, "x"), i + 1);
		while (r.n < (size_t)i + 1)
			event_base_loop(base, EVLOOP_ONCE);
		assert_true(r.at[i] - t0 >= want - 5);
	}
	ck_workqueue_forget(q, "x");
	assert_int_equal(ck_workqueue_requeues(q, "x"), 0);
	assert_true(ck_workqueue_idle(q));
	rec_release(&r);
	ck_workqueue_free(q);
	event_base_free(base);
}

static void test_free_with_pending(void **state)
{
	struct event_base *base = event_base_new();
	struct rec r = {.base = base};
	struct ck_workqueue *q = ck_workqueue_new(base, NULL, process, &r);

	(void)state;
	ck_workqueue_add(q, "a");
	ck_workqueue_add_after(q, "b", 10000);
	ck_workqueue_add_rate_limited(q, "c");
	ck_workqueue_free(q);
	event_base_loop(base, EVLOOP_NONBLOCK);
	assert_int_equal(r.n, 0);
	event_base_free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_dedup_and_order),
	        cmocka_unit_test(test_readd_while_processing),
	        cmocka_unit_test(test_worker_limit_and_held_keys),
	        cmocka_unit_test(test_add_after_keeps_earlier),
	        cmocka_unit_test(test_backoff_doubles_and_forget_resets),
	        cmocka_unit_test(test_free_with_pending),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
