/*
 * The metrics registry: the exact exposition text of counters, gauges and histograms
 * (label and series order, number spellings, cumulative buckets with +Inf equal to the
 * count), escaping of HELP and label values, folding of label sets over the cap or unfit
 * to write, programmer errors aborting (in a forked child), no allocation on the recording
 * path once a label set exists, the process metrics from a fake /proc tree and from the
 * real one, Kubernetes' families, and a parse-back of a full scrape by a small Prometheus
 * text-format parser that checks it is well-formed and that label values read back.
 */
#include <fcntl.h>
#include <malloc.h>
#include <math.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "base/metrics.h"
#include "base/time.h"
#include "support/tmpdir.h"

/* The whole exposition of m; malloc'ed. */
static char *scrape(struct ck_metrics *m)
{
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;

	if (ck_metrics_write(m, &b, &err) < 0)
		fail_msg("ck_metrics_write: %s", err->msg);
	return ck_buf_detach(&b, NULL);
}

static void expect_text(struct ck_metrics *m, const char *want)
{
	ck_autofree char *got = scrape(m);

	if (strcmp(got, want))
		fail_msg("exposition differs\n--- got:\n%s--- want:\n%s---", got, want);
}

/* Counters */

static const struct ck_metrics_desc requests_desc = {
        .type = CK_METRICS_COUNTER,
        .name = "test_requests_total",
        .help = "Requests by verb and code.",
        .labels = (const char *const[]){"verb", "code", NULL},
};

static const struct ck_metrics_desc plain_desc = {
        .type = CK_METRICS_COUNTER,
        .name = "test_plain_total",
        .help = "A counter without labels.",
};

static const struct ck_metrics_desc unused_desc = {
        .type = CK_METRICS_COUNTER,
        .name = "test_unused_total",
        .help = "Labels, never recorded: not written.",
        .labels = (const char *const[]){"x", NULL},
};

static void test_counter(void **state)
{
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *req, *plain;
	struct ck_metrics_series *s;

	(void)state;
	/* Registered out of name order: written in name order. */
	req = ck_metrics_register(m, &requests_desc);
	ck_metrics_register(m, &unused_desc);
	plain = ck_metrics_register(m, &plain_desc);

	ck_metrics_inc(req, CK_METRICS_VALUES("GET", "200"));
	ck_metrics_inc(req, CK_METRICS_VALUES("POST", "201"));
	ck_metrics_add(req, CK_METRICS_VALUES("GET", "404"), 2.5);
	ck_metrics_inc(req, CK_METRICS_VALUES("DELETE", "200"));
	s = ck_metrics_get(req, CK_METRICS_VALUES("GET", "200"));
	ck_metrics_series_inc(s);
	/* The same handle every time, valid for the registry's life. */
	assert_ptr_equal(ck_metrics_get(req, CK_METRICS_VALUES("GET", "200")), s);
	assert_true(ck_metrics_series_value(s) == 2);
	ck_metrics_series_add(s, 0);

	/* Labels in name order (code before verb), label sets in the order of those values. */
	expect_text(m, "# HELP test_plain_total A counter without labels.\n"
	               "# TYPE test_plain_total counter\n"
	               "test_plain_total 0\n"
	               "# HELP test_requests_total Requests by verb and code.\n"
	               "# TYPE test_requests_total counter\n"
	               "test_requests_total{code=\"200\",verb=\"DELETE\"} 1\n"
	               "test_requests_total{code=\"200\",verb=\"GET\"} 2\n"
	               "test_requests_total{code=\"201\",verb=\"POST\"} 1\n"
	               "test_requests_total{code=\"404\",verb=\"GET\"} 2.5\n");

	/* Writing resets nothing; a label-less family takes NULL. */
	ck_metrics_inc(plain, NULL);
	ck_metrics_series_add(ck_metrics_get(plain, NULL), 1e6);
	ck_autofree char *text = scrape(m);
	assert_non_null(strstr(text, "\ntest_plain_total 1000001\n"));
	assert_non_null(strstr(text, "test_requests_total{code=\"200\",verb=\"GET\"} 2\n"));
	ck_metrics_free(m);
	ck_metrics_free(NULL);
}

/* Gauges and numbers */

static const struct ck_metrics_desc gauge_desc = {
        .type = CK_METRICS_GAUGE,
        .name = "test_gauge",
        .help = "Values of every shape.",
        .labels = (const char *const[]){"v", NULL},
};

struct number_case {
	const char *label;
	double v;
	const char *want;
};

static void test_gauge_and_numbers(void **state)
{
	static const struct number_case cases[] = {
	        {"a_int", 3, "3"},
	        {"b_neg", -1.5, "-1.5"},
	        {"c_tenth", 0.1, "0.1"},
	        {"d_sum", 0.1 + 0.2, "0.30000000000000004"},
	        {"e_third", 1.0 / 3, "0.3333333333333333"},
	        {"f_big_int", 123456789012, "123456789012"},
	        {"g_1e15", 1e15, "1e+15"},
	        {"h_small", 1e-7, "1e-07"},
	        {"i_inf", INFINITY, "+Inf"},
	        {"j_ninf", -INFINITY, "-Inf"},
	        {"k_nan", NAN, "NaN"},
	        {"l_zero", 0, "0"},
	        {"m_max", 1.7976931348623157e308, "1.7976931348623157e+308"},
	        {"n_time", 1795258200.53, "1795258200.53"},
	};
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *g = ck_metrics_register(m, &gauge_desc);
	struct ck_buf want = CK_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(cases); i++)
		ck_metrics_set(g, CK_METRICS_VALUES(cases[i].label), cases[i].v);
	/* inc, dec and add on a gauge; set replaces. */
	ck_metrics_inc(g, CK_METRICS_VALUES("o_updown"));
	ck_metrics_inc(g, CK_METRICS_VALUES("o_updown"));
	ck_metrics_inc(g, CK_METRICS_VALUES("o_updown"));
	ck_metrics_dec(g, CK_METRICS_VALUES("o_updown"));
	ck_metrics_add(g, CK_METRICS_VALUES("o_updown"), -0.5);
	ck_metrics_set(g, CK_METRICS_VALUES("p_set"), 99);
	ck_metrics_set(g, CK_METRICS_VALUES("p_set"), 7);

	ck_buf_adds(&want, "# HELP test_gauge Values of every shape.\n# TYPE test_gauge gauge\n");
	for (size_t i = 0; i < CK_ARRAY_SIZE(cases); i++)
		ck_buf_addf(&want, "test_gauge{v=\"%s\"} %s\n", cases[i].label, cases[i].want);
	ck_buf_adds(&want, "test_gauge{v=\"o_updown\"} 1.5\ntest_gauge{v=\"p_set\"} 7\n");
	expect_text(m, want.data);
	ck_buf_release(&want);
	ck_metrics_free(m);
}

/* Histograms */

static const double latency_bounds[] = {0.1, 1, 10, INFINITY /* implied, dropped */};

static const struct ck_metrics_desc latency_desc = {
        .type = CK_METRICS_HISTOGRAM,
        .name = "test_latency_seconds",
        .help = "Latency.",
        .labels = (const char *const[]){"op", NULL},
        .buckets = latency_bounds,
        .nbuckets = CK_ARRAY_SIZE(latency_bounds),
};

static const struct ck_metrics_desc sizes_desc = {
        .type = CK_METRICS_HISTOGRAM,
        .name = "test_sizes_bytes",
        .buckets = (const double[]){-1, 1024},
        .nbuckets = 2,
};

static void test_histogram(void **state)
{
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *lat = ck_metrics_register(m, &latency_desc);
	struct ck_metrics_family *sizes = ck_metrics_register(m, &sizes_desc);
	struct ck_metrics_series *s;

	(void)state;
	/* A bound is inclusive (le): 0.1 counts in le="0.1", 10 in le="10". */
	ck_metrics_observe(lat, CK_METRICS_VALUES("get"), 0.05);
	ck_metrics_observe(lat, CK_METRICS_VALUES("get"), 0.1);
	ck_metrics_observe(lat, CK_METRICS_VALUES("get"), 0.5);
	ck_metrics_observe(lat, CK_METRICS_VALUES("get"), 10);
	ck_metrics_observe(lat, CK_METRICS_VALUES("get"), 11);
	s = ck_metrics_get(lat, CK_METRICS_VALUES("put"));
	ck_metrics_series_observe(s, 2);
	ck_metrics_series_observe(s, 1e9);
	assert_true(ck_metrics_series_value(s) == 2);
	/* NaN goes to +Inf and makes the sum NaN, as in Prometheus' Go client. */
	ck_metrics_observe(lat, CK_METRICS_VALUES("nan"), NAN);
	ck_metrics_observe(lat, CK_METRICS_VALUES("nan"), -INFINITY);
	ck_metrics_series_observe(ck_metrics_get(sizes, NULL), -5);

	/* No labels and no observation: written with zeros; the empty le buckets too. */
	expect_text(m, "# HELP test_latency_seconds Latency.\n"
	               "# TYPE test_latency_seconds histogram\n"
	               "test_latency_seconds_bucket{op=\"get\",le=\"0.1\"} 2\n"
	               "test_latency_seconds_bucket{op=\"get\",le=\"1\"} 3\n"
	               "test_latency_seconds_bucket{op=\"get\",le=\"10\"} 4\n"
	               "test_latency_seconds_bucket{op=\"get\",le=\"+Inf\"} 5\n"
	               "test_latency_seconds_sum{op=\"get\"} 21.65\n"
	               "test_latency_seconds_count{op=\"get\"} 5\n"
	               "test_latency_seconds_bucket{op=\"nan\",le=\"0.1\"} 1\n"
	               "test_latency_seconds_bucket{op=\"nan\",le=\"1\"} 1\n"
	               "test_latency_seconds_bucket{op=\"nan\",le=\"10\"} 1\n"
	               "test_latency_seconds_bucket{op=\"nan\",le=\"+Inf\"} 2\n"
	               "test_latency_seconds_sum{op=\"nan\"} NaN\n"
	               "test_latency_seconds_count{op=\"nan\"} 2\n"
	               "test_latency_seconds_bucket{op=\"put\",le=\"0.1\"} 0\n"
	               "test_latency_seconds_bucket{op=\"put\",le=\"1\"} 0\n"
	               "test_latency_seconds_bucket{op=\"put\",le=\"10\"} 1\n"
	               "test_latency_seconds_bucket{op=\"put\",le=\"+Inf\"} 2\n"
	               "test_latency_seconds_sum{op=\"put\"} 1000000002\n"
	               "test_latency_seconds_count{op=\"put\"} 2\n"
	               "# TYPE test_sizes_bytes histogram\n"
	               "test_sizes_bytes_bucket{le=\"-1\"} 1\n"
	               "test_sizes_bytes_bucket{le=\"1024\"} 1\n"
	               "test_sizes_bytes_bucket{le=\"+Inf\"} 1\n"
	               "test_sizes_bytes_sum -5\n"
	               "test_sizes_bytes_count 1\n");
	ck_metrics_free(m);
}

/* Escaping and folding of label values */

static const struct ck_metrics_desc escape_desc = {
        .type = CK_METRICS_COUNTER,
        .name = "test_escape_total",
        .help = "Help with \\ a backslash,\na newline and \"quotes\".",
        .labels = (const char *const[]){"path", NULL},
};

static void test_escaping(void **state)
{
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *f = ck_metrics_register(m, &escape_desc);
	char long_ok[CK_METRICS_MAX_VALUE_LEN + 1], too_long[CK_METRICS_MAX_VALUE_LEN + 2];
	struct ck_buf want = CK_BUF_INIT;

	(void)state;
	memset(long_ok, 'x', sizeof(long_ok) - 1);
	long_ok[sizeof(long_ok) - 1] = '\0';
	memset(too_long, 'y', sizeof(too_long) - 1);
	too_long[sizeof(too_long) - 1] = '\0';

	ck_metrics_inc(f, CK_METRICS_VALUES("a\\b"));
	ck_metrics_inc(f, CK_METRICS_VALUES("say \"hi\""));
	ck_metrics_inc(f, CK_METRICS_VALUES("two\nlines"));
	ck_metrics_inc(f, CK_METRICS_VALUES("\xc3\xbc"
	                                    "ber \xe2\x9c\x93 {a=b},"));
	ck_metrics_inc(f, CK_METRICS_VALUES(""));
	ck_metrics_inc(f, CK_METRICS_VALUES(long_ok));
	/* Not UTF-8 (a stray byte, an overlong '/', a surrogate) or too long: folded. */
	ck_metrics_inc(f, CK_METRICS_VALUES("\xff"));
	ck_metrics_inc(f, CK_METRICS_VALUES("\xc0\xaf"));
	ck_metrics_inc(f, CK_METRICS_VALUES("\xed\xa0\x80"));
	ck_metrics_inc(f, CK_METRICS_VALUES("cut \xe2\x9c"));
	ck_metrics_inc(f, CK_METRICS_VALUES(too_long));

	ck_buf_adds(&want, "# HELP ckube_metrics_folded_total Lookups of label sets that were "
	                   "recorded in the family's label set whose values are all \"other\": "
	                   "over the family's cap, too long or not UTF-8.\n"
	                   "# TYPE ckube_metrics_folded_total counter\n"
	                   "ckube_metrics_folded_total{family=\"test_escape_total\"} 5\n"
	                   "# HELP test_escape_total Help with \\\\ a backslash,\\na newline and "
	                   "\"quotes\".\n"
	                   "# TYPE test_escape_total counter\n"
	                   "test_escape_total{path=\"\"} 1\n"
	                   "test_escape_total{path=\"a\\\\b\"} 1\n"
	                   "test_escape_total{path=\"other\"} 5\n"
	                   "test_escape_total{path=\"say \\\"hi\\\"\"} 1\n"
	                   "test_escape_total{path=\"two\\nlines\"} 1\n");
	ck_buf_addf(&want, "test_escape_total{path=\"%s\"} 1\n", long_ok);
	ck_buf_adds(&want, "test_escape_total{path=\"\xc3\xbc"
	                   "ber \xe2\x9c\x93 {a=b},\"} 1\n");
	expect_text(m, want.data);
	ck_buf_release(&want);
	ck_metrics_free(m);
}

/* Names and programmer errors */

static void test_names(void **state)
{
	static const char *const metric_ok[] = {"a",
	                                        "_",
	                                        ":",
	                                        "apiserver_request_total",
	                                        "job:rate5m",
	                                        "A9_:z",
	                                        "__reserved_is_fine"};
	static const char *const metric_bad[] = {"", "9a", "a-b", "a b", "a.b", "é", "a\n"};
	static const char *const label_ok[] = {"a", "_", "verb", "dry_run", "A9", "_x"};
	static const char *const label_bad[] = {"", "__name__", "__x", "9a", "a:b", "a-b", "é"};

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(metric_ok); i++)
		if (!ck_metrics_name_valid(metric_ok[i]))
			fail_msg("metric name '%s' rejected", metric_ok[i]);
	for (size_t i = 0; i < CK_ARRAY_SIZE(metric_bad); i++)
		if (ck_metrics_name_valid(metric_bad[i]))
			fail_msg("metric name '%s' accepted", metric_bad[i]);
	for (size_t i = 0; i < CK_ARRAY_SIZE(label_ok); i++)
		if (!ck_metrics_label_name_valid(label_ok[i]))
			fail_msg("label name '%s' rejected", label_ok[i]);
	for (size_t i = 0; i < CK_ARRAY_SIZE(label_bad); i++)
		if (ck_metrics_label_name_valid(label_bad[i]))
			fail_msg("label name '%s' accepted", label_bad[i]);
	assert_false(ck_metrics_name_valid(NULL));
	assert_false(ck_metrics_label_name_valid(NULL));
}

static struct ck_metrics *bug_m;

static struct ck_metrics_family *reg(enum ck_metrics_type type, const char *name,
                                     const char *const *labels, const double *buckets,
                                     size_t nbuckets)
{
	struct ck_metrics_desc d = {.type = type,
	                            .name = name,
	                            .labels = labels,
	                            .buckets = buckets,
	                            .nbuckets = nbuckets};

	return ck_metrics_register(bug_m, &d);
}

#define L(...) ((const char *const[]){__VA_ARGS__, NULL})

static void bug_metric_name(void)
{
	reg(CK_METRICS_COUNTER, "a-b_total", NULL, NULL, 0);
}
static void bug_empty_name(void)
{
	reg(CK_METRICS_GAUGE, "", NULL, NULL, 0);
}
static void bug_reserved_label(void)
{
	reg(CK_METRICS_COUNTER, "a_total", L("__name__"), NULL, 0);
}
static void bug_label_name(void)
{
	reg(CK_METRICS_COUNTER, "a_total", L("ok", "not-ok"), NULL, 0);
}
static void bug_repeated_label(void)
{
	reg(CK_METRICS_GAUGE, "a", L("x", "y", "x"), NULL, 0);
}
static void bug_le_label(void)
{
	reg(CK_METRICS_HISTOGRAM, "a_seconds", L("le"), (const double[]){1}, 1);
}
static void bug_duplicate(void)
{
	reg(CK_METRICS_COUNTER, "a_total", NULL, NULL, 0);
	reg(CK_METRICS_GAUGE, "a_total", L("x"), NULL, 0);
}
static void bug_histogram_then_suffix(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){1}, 1);
	reg(CK_METRICS_GAUGE, "a_count", NULL, NULL, 0);
}
static void bug_suffix_then_histogram(void)
{
	reg(CK_METRICS_COUNTER, "a_sum", NULL, NULL, 0);
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){1}, 1);
}
static void bug_histogram_clash(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){1}, 1);
	reg(CK_METRICS_HISTOGRAM, "a_bucket", NULL, (const double[]){1}, 1);
}
static void bug_unsorted_bounds(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){1, 0.5}, 2);
}
static void bug_equal_bounds(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){1, 1}, 2);
}
static void bug_nan_bound(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){NAN, 1}, 2);
}
static void bug_inf_inside(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){INFINITY, INFINITY}, 2);
}
static void bug_buckets_on_counter(void)
{
	reg(CK_METRICS_COUNTER, "a", NULL, (const double[]){1}, 1);
}
static void bug_too_few_values(void)
{
	ck_metrics_inc(reg(CK_METRICS_COUNTER, "a", L("x", "y"), NULL, 0), L("1"));
}
static void bug_too_many_values(void)
{
	ck_metrics_inc(reg(CK_METRICS_COUNTER, "a", L("x"), NULL, 0), L("1", "2"));
}
static void bug_no_values(void)
{
	ck_metrics_inc(reg(CK_METRICS_COUNTER, "a", L("x"), NULL, 0), NULL);
}
static void bug_values_without_labels(void)
{
	ck_metrics_inc(reg(CK_METRICS_COUNTER, "a", NULL, NULL, 0), L("1"));
}
static void bug_counter_down(void)
{
	ck_metrics_add(reg(CK_METRICS_COUNTER, "a", NULL, NULL, 0), NULL, -1);
}
static void bug_counter_nan(void)
{
	ck_metrics_add(reg(CK_METRICS_COUNTER, "a", NULL, NULL, 0), NULL, NAN);
}
static void bug_counter_set(void)
{
	ck_metrics_set(reg(CK_METRICS_COUNTER, "a", NULL, NULL, 0), NULL, 1);
}
static void bug_counter_dec(void)
{
	ck_metrics_dec(reg(CK_METRICS_COUNTER, "a", NULL, NULL, 0), NULL);
}
static void bug_gauge_observe(void)
{
	ck_metrics_observe(reg(CK_METRICS_GAUGE, "a", NULL, NULL, 0), NULL, 1);
}
static void bug_histogram_add(void)
{
	ck_metrics_inc(reg(CK_METRICS_HISTOGRAM, "a", NULL, (const double[]){1}, 1), NULL);
}
static void bug_process_twice(void)
{
	ck_metrics_register_process(bug_m, NULL);
	ck_metrics_register_process(bug_m, NULL);
}
static void no_bug(void)
{
	reg(CK_METRICS_HISTOGRAM, "a", L("x"), (const double[]){-INFINITY, 0, INFINITY}, 3);
	reg(CK_METRICS_GAUGE, "a_total", L("x", "le"), NULL, 0);
	ck_metrics_set(reg(CK_METRICS_GAUGE, "b", NULL, NULL, 0), L(NULL), 1);
}

/* Run fn in a child (stderr silenced) with a fresh registry; it must abort. */
static void expect_bug(void (*fn)(void), const char *what, bool aborts)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0)
			dup2(null, 2);
		bug_m = ck_metrics_new();
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (aborts && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT))
		fail_msg("%s: did not abort (status 0x%x)", what, (unsigned)status);
	if (!aborts && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		fail_msg("%s: did not finish (status 0x%x)", what, (unsigned)status);
}

#define EXPECT_BUG(fn) expect_bug(fn, #fn, true)

static void test_programmer_errors(void **state)
{
	(void)state;
	EXPECT_BUG(bug_metric_name);
	EXPECT_BUG(bug_empty_name);
	EXPECT_BUG(bug_reserved_label);
	EXPECT_BUG(bug_label_name);
	EXPECT_BUG(bug_repeated_label);
	EXPECT_BUG(bug_le_label);
	EXPECT_BUG(bug_duplicate);
	EXPECT_BUG(bug_histogram_then_suffix);
	EXPECT_BUG(bug_suffix_then_histogram);
	EXPECT_BUG(bug_histogram_clash);
	EXPECT_BUG(bug_unsorted_bounds);
	EXPECT_BUG(bug_equal_bounds);
	EXPECT_BUG(bug_nan_bound);
	EXPECT_BUG(bug_inf_inside);
	EXPECT_BUG(bug_buckets_on_counter);
	EXPECT_BUG(bug_too_few_values);
	EXPECT_BUG(bug_too_many_values);
	EXPECT_BUG(bug_no_values);
	EXPECT_BUG(bug_values_without_labels);
	EXPECT_BUG(bug_counter_down);
	EXPECT_BUG(bug_counter_nan);
	EXPECT_BUG(bug_counter_set);
	EXPECT_BUG(bug_counter_dec);
	EXPECT_BUG(bug_gauge_observe);
	EXPECT_BUG(bug_histogram_add);
	EXPECT_BUG(bug_process_twice);
	/* The harness itself: a valid sequence (-Inf bound, "le" on a gauge) runs through. */
	expect_bug(no_bug, "no_bug", false);
}

/* Cardinality */

static void test_cardinality_cap(void **state)
{
	const struct ck_metrics_desc capped = {
	        .type = CK_METRICS_COUNTER,
	        .name = "test_capped_total",
	        .labels = (const char *const[]){"k", NULL},
	        .max_series = 3,
	};
	const struct ck_metrics_desc own_other = {
	        .type = CK_METRICS_GAUGE,
	        .name = "test_own_other",
	        .labels = (const char *const[]){"a", "b", NULL},
	        .max_series = 2,
	};
	const struct ck_metrics_desc capped_hist = {
	        .type = CK_METRICS_HISTOGRAM,
	        .name = "test_capped_seconds",
	        .labels = (const char *const[]){"k", NULL},
	        .buckets = (const double[]){1},
	        .nbuckets = 1,
	        .max_series = 1,
	};
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *f = ck_metrics_register(m, &capped);
	struct ck_metrics_family *g = ck_metrics_register(m, &own_other);
	struct ck_metrics_family *h = ck_metrics_register(m, &capped_hist);
	struct ck_metrics_series *other;

	(void)state;
	ck_metrics_inc(f, CK_METRICS_VALUES("a"));
	ck_metrics_inc(f, CK_METRICS_VALUES("b"));
	ck_metrics_inc(f, CK_METRICS_VALUES("c"));
	/* Over the cap: d and e go to k="other", which is the one series over it. */
	other = ck_metrics_get(f, CK_METRICS_VALUES("d"));
	ck_metrics_series_inc(other);
	ck_metrics_inc(f, CK_METRICS_VALUES("e"));
	ck_metrics_inc(f, CK_METRICS_VALUES("e"));
	assert_ptr_equal(ck_metrics_get(f, CK_METRICS_VALUES("other")), other);
	/* Known sets still count on their own. */
	ck_metrics_inc(f, CK_METRICS_VALUES("a"));

	/* The caller's own all-"other" set is the fold set: no duplicate series. */
	ck_metrics_set(g, CK_METRICS_VALUES("other", "other"), 10);
	ck_metrics_set(g, CK_METRICS_VALUES("x", "y"), 1);
	ck_metrics_inc(g, CK_METRICS_VALUES("x", "z"));

	ck_metrics_observe(h, CK_METRICS_VALUES("a"), 0.5);
	ck_metrics_observe(h, CK_METRICS_VALUES("b"), 5);

	expect_text(m, "# HELP ckube_metrics_folded_total Lookups of label sets that were "
	               "recorded in the family's label set whose values are all \"other\": "
	               "over the family's cap, too long or not UTF-8.\n"
	               "# TYPE ckube_metrics_folded_total counter\n"
	               "ckube_metrics_folded_total{family=\"test_capped_seconds\"} 1\n"
	               "ckube_metrics_folded_total{family=\"test_capped_total\"} 3\n"
	               "ckube_metrics_folded_total{family=\"test_own_other\"} 1\n"
	               "# TYPE test_capped_seconds histogram\n"
	               "test_capped_seconds_bucket{k=\"a\",le=\"1\"} 1\n"
	               "test_capped_seconds_bucket{k=\"a\",le=\"+Inf\"} 1\n"
	               "test_capped_seconds_sum{k=\"a\"} 0.5\n"
	               "test_capped_seconds_count{k=\"a\"} 1\n"
	               "test_capped_seconds_bucket{k=\"other\",le=\"1\"} 0\n"
	               "test_capped_seconds_bucket{k=\"other\",le=\"+Inf\"} 1\n"
	               "test_capped_seconds_sum{k=\"other\"} 5\n"
	               "test_capped_seconds_count{k=\"other\"} 1\n"
	               "# TYPE test_capped_total counter\n"
	               "test_capped_total{k=\"a\"} 2\n"
	               "test_capped_total{k=\"b\"} 1\n"
	               "test_capped_total{k=\"c\"} 1\n"
	               "test_capped_total{k=\"other\"} 3\n"
	               "# TYPE test_own_other gauge\n"
	               "test_own_other{a=\"other\",b=\"other\"} 11\n"
	               "test_own_other{a=\"x\",b=\"y\"} 1\n");
	ck_metrics_free(m);
}

/* Many label sets: the hash table grows, every set keeps its count, output stays sorted. */
static void test_many_series(void **state)
{
	const struct ck_metrics_desc many = {
	        .type = CK_METRICS_COUNTER,
	        .name = "test_many_total",
	        .labels = (const char *const[]){"x", "y", NULL},
	        .max_series = 5000,
	};
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *f = ck_metrics_register(m, &many);
	ck_autofree char *text = NULL;
	const char *p, *prev = NULL;
	size_t lines = 0;

	(void)state;
	for (int round = 0; round < 3; round++)
		for (int i = 4999; i >= 0; i--) {
			char x[16], y[16];

			snprintf(x, sizeof(x), "%d", i % 71);
			snprintf(y, sizeof(y), "%d", i);
			ck_metrics_add(f, CK_METRICS_VALUES(x, y), i);
		}
	text = scrape(m);
	assert_null(strstr(text, "ckube_metrics_folded_total"));
	p = strstr(text, "counter\n") + strlen("counter\n");
	for (; *p; p = strchr(p, '\n') + 1) {
		int x, y;
		double v;

		if (sscanf(p, "test_many_total{x=\"%d\",y=\"%d\"} %lf", &x, &y, &v) != 3)
			fail_msg("bad line at %.60s", p);
		if (x != y % 71 || v != 3.0 * y)
			fail_msg("x=%d y=%d v=%g", x, y, v);
		if (prev && strncmp(prev, p, (size_t)(strchr(p, '}') - p)) >= 0)
			fail_msg("not sorted at %.60s", p);
		prev = p;
		lines++;
	}
	assert_int_equal(lines, 5000);
	ck_metrics_free(m);
}

/* The recording path */

static void test_no_allocation_after_first_use(void **state)
{
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *req = ck_metrics_register(m, &ck_metrics_apiserver_request_total);
	struct ck_metrics_family *lat =
	        ck_metrics_register(m, &ck_metrics_apiserver_request_duration_seconds);
	const struct ck_metrics_desc tiny = {
	        .type = CK_METRICS_COUNTER,
	        .name = "test_tiny_total",
	        .labels = (const char *const[]){"k", NULL},
	        .max_series = 1,
	};
	struct ck_metrics_family *capped = ck_metrics_register(m, &tiny);
	static const char *const resources[] = {"pods", "nodes", "deployments", "leases"};
	static const char *const verbs[] = {"GET", "LIST", "WATCH", "POST"};
	const int n = 200000;
	struct mallinfo2 before = mallinfo2(), after;
	int64_t t0 = 0, t1 = 0;

	(void)state;
	/* First use of every label set (and of the fold set) allocates. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			before = mallinfo2();
			t0 = ck_time_mono_ns();
		}
		/* i mod 112 decides the label set: 16 verb-resource pairs by 7 for the code. */
		for (int i = 0; i < (pass ? n : 112); i++) {
			const char *verb = verbs[i % 4], *res = resources[(i / 4) % 4];
			const char *code = ck_metrics_http_code(i % 7 ? 200 : 404);

			ck_metrics_inc(req, CK_METRICS_VALUES(verb, "", "", "v1", res, "",
			                                      "namespace", "apiserver", code));
			ck_metrics_observe(lat,
			                   CK_METRICS_VALUES(verb, "", "", "v1", res, "",
			                                     "namespace", "apiserver"),
			                   (double)(i % 1000) / 1000);
		}
		if (pass == 1)
			t1 = ck_time_mono_ns();
		ck_metrics_inc(capped, CK_METRICS_VALUES("first"));
		ck_metrics_inc(capped, CK_METRICS_VALUES(pass ? "third" : "second"));
	}
	after = mallinfo2();
	/* Under AddressSanitizer mallinfo2 sees glibc's arena only, which stays still. */
	assert_int_equal(after.uordblks, before.uordblks);
	assert_int_equal(after.hblkhd, before.hblkhd);
	print_message("      %.0f ns per request (a counter and a histogram, 9 labels)\n",
	              (double)(t1 - t0) / n);
	ck_metrics_free(m);
}

/* Process metrics */

static void write_file(const char *dir, const char *name, const char *content)
{
	ck_autofree char *path = ck_xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(content, f);
	assert_int_equal(fclose(f), 0);
}

static const char *limits_text(const char *soft)
{
	static char buf[512];

	snprintf(buf, sizeof(buf),
	         "Limit                     Soft Limit           Hard Limit           Units     \n"
	         "Max cpu time              unlimited            unlimited            seconds   \n"
	         "Max open files            %-20s 4096                 files     \n"
	         "Max locked memory         8388608              8388608              bytes     \n",
	         soft);
	return buf;
}

/* A fake /proc: a command name with spaces and ')' in it, 4 fds. */
static char *fake_proc(void)
{
	char *root = ck_test_tmpdir("metrics-proc");
	ck_autofree char *self = ck_xasprintf("%s/self", root);
	ck_autofree char *fd = ck_xasprintf("%s/self/fd", root);

	assert_int_equal(mkdir(self, 0700), 0);
	assert_int_equal(mkdir(fd, 0700), 0);
	write_file(root, "self/stat",
	           "4242 (ck (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 "
	           "12345 1000000 200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0\n");
	write_file(root, "self/statm", "2500 300 100 10 0 500 0\n");
	write_file(root, "stat",
	           "cpu  10 0 10 1000 0 0 0 0 0 0\ncpu0 10 0 10 1000 0 0 0 0 0 0\n"
	           "intr 1 2 3\nctxt 99\nbtime 1700000000\nprocesses 10\n");
	write_file(root, "self/limits", limits_text("1024"));
	write_file(root, "self/fd/0", "");
	write_file(root, "self/fd/1", "");
	write_file(root, "self/fd/2", "");
	write_file(root, "self/fd/7", "");
	return root;
}

static void test_process_fake(void **state)
{
	ck_autofree char *root = fake_proc();
	ck_autofree char *path = NULL;
	double tick = (double)sysconf(_SC_CLK_TCK);
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	struct ck_metrics_process p;
	struct ck_error *err = NULL;
	struct ck_metrics *m;

	(void)state;
	assert_int_equal(ck_metrics_process_read(root, &p, &err), 0);
	assert_true(p.cpu_seconds == 300 / tick);
	assert_true(p.start_time == 1700000000 + 12345 / tick);
	assert_true(p.max_fds == 1024);
	assert_int_equal(p.open_fds, 4);
	assert_int_equal(p.virtual_bytes, 2500 * page);
	assert_int_equal(p.resident_bytes, 300 * page);

	m = ck_metrics_new();
	ck_metrics_register_process(m, root);
	if (tick == 100 && page == 4096)
		expect_text(m,
		            "# HELP process_cpu_seconds_total Total user and system CPU time "
		            "spent in seconds.\n"
		            "# TYPE process_cpu_seconds_total counter\n"
		            "process_cpu_seconds_total 3\n"
		            "# HELP process_max_fds Maximum number of open file descriptors.\n"
		            "# TYPE process_max_fds gauge\n"
		            "process_max_fds 1024\n"
		            "# HELP process_open_fds Number of open file descriptors.\n"
		            "# TYPE process_open_fds gauge\n"
		            "process_open_fds 4\n"
		            "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
		            "# TYPE process_resident_memory_bytes gauge\n"
		            "process_resident_memory_bytes 1228800\n"
		            "# HELP process_start_time_seconds Start time of the process since "
		            "unix epoch in seconds.\n"
		            "# TYPE process_start_time_seconds gauge\n"
		            "process_start_time_seconds 1700000123.45\n"
		            "# HELP process_virtual_memory_bytes Virtual memory size in bytes.\n"
		            "# TYPE process_virtual_memory_bytes gauge\n"
		            "process_virtual_memory_bytes 10240000\n");
	else
		print_message("      clock tick %g, page %" PRIu64 ": exact text skipped\n", tick,
		              page);

	/* Values follow the files at every scrape; "unlimited" is +Inf. */
	write_file(root, "self/limits", limits_text("unlimited"));
	write_file(root, "self/statm", "2500 301 100 10 0 500 0\n");
	ck_autofree char *text = scrape(m);
	assert_non_null(strstr(text, "\nprocess_max_fds +Inf\n"));
	ck_autofree char *rss =
	        ck_xasprintf("\nprocess_resident_memory_bytes %" PRIu64 "\n", 301 * page);
	assert_non_null(strstr(text, rss));

	/* Unreadable or malformed files: -1, a 500 naming the file, out left as it was. */
	path = ck_xasprintf("%s/self/statm", root);
	assert_int_equal(unlink(path), 0);
	{
		struct ck_buf b = CK_BUF_INIT;
		ck_autofree char *want = ck_xasprintf("cannot read process metrics: cannot read "
		                                      "'%s': No such file or directory",
		                                      path);

		ck_buf_adds(&b, "kept\n");
		assert_int_equal(ck_metrics_write(m, &b, &err), -1);
		assert_int_equal(err->http_status, 500);
		assert_int_equal(err->errnum, ENOENT);
		assert_string_equal(err->msg, want);
		assert_string_equal(b.data, "kept\n");
		ck_error_clear(&err);
		ck_buf_release(&b);
	}
	write_file(root, "self/statm", "2500\n");
	assert_int_equal(ck_metrics_process_read(root, &p, &err), -1);
	ck_autofree char *want_statm = ck_xasprintf("cannot parse '%s/self/statm'", root);
	assert_string_equal(err->msg, want_statm);
	ck_error_clear(&err);
	write_file(root, "self/statm", "2500 300\n");
	write_file(root, "self/stat", "4242 (no closing paren S 1 2 3\n");
	assert_int_equal(ck_metrics_process_read(root, &p, &err), -1);
	ck_autofree char *want_stat = ck_xasprintf("cannot parse '%s/self/stat'", root);
	assert_string_equal(err->msg, want_stat);
	ck_error_clear(&err);
	write_file(root, "self/stat", "4242 (short) S 1 2 3\n");
	assert_int_equal(ck_metrics_process_read(root, &p, &err), -1);
	assert_string_equal(err->msg, want_stat);
	ck_error_clear(&err);
	write_file(root, "self/stat",
	           "4242 (a) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19\n");
	write_file(root, "stat", "cpu 1 2\nnobtime 5\n");
	assert_int_equal(ck_metrics_process_read(root, &p, &err), -1);
	ck_autofree char *want_btime = ck_xasprintf("cannot parse '%s/stat'", root);
	assert_string_equal(err->msg, want_btime);
	ck_error_clear(&err);
	write_file(root, "stat", "btime 5\n");
	assert_int_equal(ck_metrics_process_read(root, &p, &err), 0);
	assert_true(p.start_time == 5 + 19 / tick);
	assert_true(p.cpu_seconds == (11 + 12) / tick);

	ck_metrics_free(m);
	ck_test_rmtree(root);
}

static void test_process_real(void **state)
{
	struct ck_metrics_process p, q;
	struct ck_error *err = NULL;
	struct timespec now = ck_time_now();
	int fd;

	(void)state;
	assert_int_equal(ck_metrics_process_read(NULL, &p, &err), 0);
	assert_true(p.resident_bytes > 0);
	assert_true(p.virtual_bytes >= p.resident_bytes);
	assert_true(p.start_time > (double)now.tv_sec - 3600);
	assert_true(p.start_time <= (double)now.tv_sec + 1);
	assert_true(p.cpu_seconds >= 0);
	assert_true(p.open_fds >= 1);
	assert_true(p.max_fds >= (double)p.open_fds);

	/* One more open file is one more fd. */
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(ck_metrics_process_read("/proc", &q, &err), 0);
	close(fd);
	assert_int_equal(q.open_fds, p.open_fds + 1);
	assert_true(q.start_time == p.start_time);
	assert_true(q.cpu_seconds >= p.cpu_seconds);
}

/* Kubernetes' families */

static void test_kube_families(void **state)
{
	struct ck_metrics *m = ck_metrics_new(), *m2 = ck_metrics_new();
	struct ck_metrics_family *req = ck_metrics_register(m, &ck_metrics_apiserver_request_total);
	struct ck_metrics_family *lat =
	        ck_metrics_register(m, &ck_metrics_apiserver_request_duration_seconds);
	struct ck_metrics_family *lr =
	        ck_metrics_register(m, &ck_metrics_apiserver_longrunning_requests);
	struct ck_metrics_family *w =
	        ck_metrics_register(m, &ck_metrics_apiserver_registered_watchers);
	struct ck_metrics_family *etcd =
	        ck_metrics_register(m, &ck_metrics_etcd_request_duration_seconds);
	static const char *const le[] = {"0.005", "0.025", "0.05", "0.1",  "0.2", "0.4",
	                                 "0.6",   "0.8",   "1",    "1.25", "1.5", "2",
	                                 "3",     "4",     "5",    "6",    "8",   "10",
	                                 "15",    "20",    "30",   "45",   "60",  "+Inf"};
	struct ck_buf want = CK_BUF_INIT;
	ck_autofree char *text = NULL;

	(void)state;
	/* Registries are independent: the same descriptors again, in another one. */
	ck_metrics_register(m2, &ck_metrics_apiserver_request_total);
	ck_metrics_free(m2);

	assert_string_equal(ck_metrics_http_code(200), "200");
	assert_string_equal(ck_metrics_http_code(100), "100");
	assert_string_equal(ck_metrics_http_code(422), "422");
	assert_string_equal(ck_metrics_http_code(599), "599");
	assert_string_equal(ck_metrics_http_code(99), "other");
	assert_string_equal(ck_metrics_http_code(600), "other");
	assert_string_equal(ck_metrics_http_code(-1), "other");
	assert_int_equal(ck_metrics_kube_latency_nbuckets, 23);

	ck_metrics_inc(req, CK_METRICS_VALUES("GET", "", "", "v1", "pods", "", "namespace",
	                                      "apiserver", ck_metrics_http_code(200)));
	ck_metrics_inc(req, CK_METRICS_VALUES("POST", "All", "apps", "v1", "deployments", "",
	                                      "namespace", "apiserver", ck_metrics_http_code(201)));
	ck_metrics_observe(
	        lat, CK_METRICS_VALUES("GET", "", "", "v1", "pods", "", "namespace", "apiserver"),
	        0.003);
	ck_metrics_inc(lr,
	               CK_METRICS_VALUES("WATCH", "", "v1", "pods", "", "cluster", "apiserver"));
	ck_metrics_inc(w, CK_METRICS_VALUES("", "v1", "Pod"));
	ck_metrics_observe(etcd, CK_METRICS_VALUES("get", "deployments.apps"), 60);
	text = scrape(m);

	/* Labels in name order, as kube-apiserver writes them. */
	assert_non_null(strstr(text,
	                       "\napiserver_request_total{code=\"200\",component=\"apiserver\","
	                       "dry_run=\"\",group=\"\",resource=\"pods\",scope=\"namespace\","
	                       "subresource=\"\",verb=\"GET\",version=\"v1\"} 1\n"));
	assert_non_null(strstr(text,
	                       "\napiserver_request_total{code=\"201\",component=\"apiserver\","
	                       "dry_run=\"All\",group=\"apps\",resource=\"deployments\","
	                       "scope=\"namespace\",subresource=\"\",verb=\"POST\","
	                       "version=\"v1\"} 1\n"));
	assert_non_null(strstr(text, "\napiserver_longrunning_requests{component=\"apiserver\","
	                             "group=\"\",resource=\"pods\",scope=\"cluster\","
	                             "subresource=\"\",verb=\"WATCH\",version=\"v1\"} 1\n"));
	assert_non_null(strstr(text, "\napiserver_registered_watchers{group=\"\",kind=\"Pod\","
	                             "version=\"v1\"} 1\n"));
	assert_non_null(strstr(text, "# TYPE apiserver_request_duration_seconds histogram\n"));
	assert_non_null(strstr(text, "# TYPE etcd_request_duration_seconds histogram\n"));

	/* Kubernetes' bounds, 5 ms to 60 s; 0.003 is in every bucket, 60 only from le="60". */
	for (size_t i = 0; i < CK_ARRAY_SIZE(le); i++) {
		ck_buf_addf(&want,
		            "apiserver_request_duration_seconds_bucket{component=\"apiserver\","
		            "dry_run=\"\",group=\"\",resource=\"pods\",scope=\"namespace\","
		            "subresource=\"\",verb=\"GET\",version=\"v1\",le=\"%s\"} 1\n",
		            le[i]);
		if (!strstr(text, want.data))
			fail_msg("missing: %s", want.data);
		ck_buf_reset(&want);
		ck_buf_addf(&want,
		            "etcd_request_duration_seconds_bucket{operation=\"get\","
		            "type=\"deployments.apps\",le=\"%s\"} %d\n",
		            le[i], i >= 22);
		if (!strstr(text, want.data))
			fail_msg("missing: %s", want.data);
		ck_buf_reset(&want);
	}
	ck_buf_release(&want);
	ck_metrics_free(m);
}

/*
 * A small parser of the text format 0.0.4, strict where Prometheus is: every line a
 * comment (# HELP name text / # TYPE name type) or a sample `name{l="v",...} value`;
 * names and label names valid; escapes only \\, \" and \n in label values and \\, \n in
 * HELP; a value Go's ParseFloat reads; HELP and TYPE at most once per family and before
 * its samples; a family's samples together; no series twice; histograms with ascending
 * le, cumulative counts, +Inf equal to _count, and _sum. It returns false with the reason
 * in perr, so that test_parser can show it rejects what it should.
 */

#define MAX_LABELS 16

struct sample {
	char *name;   /* sample name (with _bucket etc.) */
	char *family; /* its family */
	size_t nlabels;
	char *lnames[MAX_LABELS];
	char *lvalues[MAX_LABELS]; /* unescaped */
	char *key;                 /* name + labels as written, to find repeats */
	double value;
};

struct parsed {
	struct sample *samples;
	size_t n, alloc;
	char *families[64]; /* in order of appearance */
	char *types[64];
	bool helped[64];
	size_t nfamilies;
};

static char perr[512];

#define PFAIL(...)                                                                                 \
	do {                                                                                       \
		snprintf(perr, sizeof(perr), __VA_ARGS__);                                         \
		return false;                                                                      \
	} while (0)

static bool parse_number(const char *s, double *v)
{
	char *end;

	if (!strcmp(s, "+Inf")) {
		*v = INFINITY;
		return true;
	}
	if (!strcmp(s, "-Inf")) {
		*v = -INFINITY;
		return true;
	}
	if (!strcmp(s, "NaN")) {
		*v = NAN;
		return true;
	}
	/* strtod would also take what Go's ParseFloat does not: blanks, hex, "inf", "nan". */
	if (!*s || strpbrk(s, " \txXnNiI"))
		return false;
	*v = strtod(s, &end);
	return *end == '\0';
}

static size_t family_index(const struct parsed *p, const char *name)
{
	for (size_t i = 0; i < p->nfamilies; i++)
		if (!strcmp(p->families[i], name))
			return i;
	return SIZE_MAX;
}

/* The family of a sample name: a histogram's suffixes belong to it. */
static char *sample_family(const struct parsed *p, const char *name)
{
	static const char *const suffixes[] = {"_bucket", "_sum", "_count"};

	for (size_t i = 0; i < CK_ARRAY_SIZE(suffixes); i++)
		if (ck_str_has_suffix(name, suffixes[i])) {
			ck_autofree char *base =
			        ck_xstrndup(name, strlen(name) - strlen(suffixes[i]));
			size_t k = family_index(p, base);

			if (k != SIZE_MAX && p->types[k] && !strcmp(p->types[k], "histogram"))
				return ck_steal(&base);
		}
	return ck_xstrdup(name);
}

static bool parse_comment(struct parsed *p, const char *line, size_t lineno)
{
	const char *rest, *sp;
	bool help = ck_str_skip_prefix(line, "# HELP ", &rest);
	ck_autofree char *name = NULL;
	size_t k;

	if (!help && !ck_str_skip_prefix(line, "# TYPE ", &rest))
		return true; /* other comments are allowed and ignored */
	sp = strchr(rest, ' ');
	if (!sp)
		PFAIL("line %zu: no text after the name", lineno);
	name = ck_xstrndup(rest, (size_t)(sp - rest));
	if (!ck_metrics_name_valid(name))
		PFAIL("line %zu: bad name '%s'", lineno, name);
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->samples[i].family, name))
			PFAIL("line %zu: comment for '%s' after its samples", lineno, name);
	k = family_index(p, name);
	if (k == SIZE_MAX) {
		if (p->nfamilies == CK_ARRAY_SIZE(p->families))
			PFAIL("line %zu: too many families for this parser", lineno);
		k = p->nfamilies++;
		p->families[k] = ck_xstrdup(name);
	}
	if (help) {
		if (p->helped[k])
			PFAIL("line %zu: second HELP for '%s'", lineno, name);
		p->helped[k] = true;
		for (const char *c = sp + 1; *c; c++) {
			if (*c != '\\')
				continue;
			if (c[1] != '\\' && c[1] != 'n')
				PFAIL("line %zu: bad escape in HELP", lineno);
			c++;
		}
		return true;
	}
	if (p->types[k])
		PFAIL("line %zu: second TYPE for '%s'", lineno, name);
	if (strcmp(sp + 1, "counter") && strcmp(sp + 1, "gauge") && strcmp(sp + 1, "histogram") &&
	    strcmp(sp + 1, "summary") && strcmp(sp + 1, "untyped"))
		PFAIL("line %zu: bad type '%s'", lineno, sp + 1);
	p->types[k] = ck_xstrdup(sp + 1);
	return true;
}

static void sample_release(struct sample *s)
{
	for (size_t j = 0; j < s->nlabels; j++) {
		free(s->lnames[j]);
		free(s->lvalues[j]);
	}
	free(s->name);
	free(s->family);
	free(s->key);
}

#define SFAIL(...)                                                                                 \
	do {                                                                                       \
		snprintf(perr, sizeof(perr), __VA_ARGS__);                                         \
		goto fail;                                                                         \
	} while (0)

static bool parse_sample(struct parsed *p, const char *line, size_t lineno)
{
	struct sample s = {0};
	const char *c = line, *start = line;
	struct ck_buf v = CK_BUF_INIT;
	size_t k;

	while (*c && *c != '{' && *c != ' ')
		c++;
	s.name = ck_xstrndup(start, (size_t)(c - start));
	if (!ck_metrics_name_valid(s.name))
		SFAIL("line %zu: bad metric name '%s'", lineno, s.name);
	if (*c == '{') {
		c++;
		while (*c != '}') {
			start = c;
			while (*c && *c != '=')
				c++;
			if (*c != '=' || c[1] != '"')
				SFAIL("line %zu: bad label at '%s'", lineno, start);
			if (s.nlabels == MAX_LABELS)
				SFAIL("line %zu: too many labels for this parser", lineno);
			s.lnames[s.nlabels] = ck_xstrndup(start, (size_t)(c - start));
			s.lvalues[s.nlabels++] = NULL;
			if (!ck_metrics_label_name_valid(s.lnames[s.nlabels - 1]))
				SFAIL("line %zu: bad label name '%s'", lineno,
				      s.lnames[s.nlabels - 1]);
			for (size_t i = 0; i + 1 < s.nlabels; i++)
				if (!strcmp(s.lnames[i], s.lnames[s.nlabels - 1]))
					SFAIL("line %zu: label '%s' twice", lineno, s.lnames[i]);
			ck_buf_reset(&v);
			for (c += 2; *c != '"'; c++) {
				if (!*c)
					SFAIL("line %zu: unterminated value", lineno);
				if (*c != '\\') {
					ck_buf_addch(&v, *c);
					continue;
				}
				c++;
				if (*c == '\\' || *c == '"')
					ck_buf_addch(&v, *c);
				else if (*c == 'n')
					ck_buf_addch(&v, '\n');
				else
					SFAIL("line %zu: bad escape '\\%c'", lineno, *c);
			}
			s.lvalues[s.nlabels - 1] = ck_xstrdup(v.data);
			c++;
			if (*c == ',')
				c++;
			else if (*c != '}')
				SFAIL("line %zu: expected ',' or '}' at '%s'", lineno, c);
		}
		c++;
	}
	s.key = ck_xstrndup(line, (size_t)(c - line));
	if (*c != ' ' || !parse_number(c + 1, &s.value))
		SFAIL("line %zu: bad value in '%s'", lineno, line);
	s.family = sample_family(p, s.name);
	k = family_index(p, s.family);
	if (k == SIZE_MAX || !p->types[k])
		SFAIL("line %zu: sample of '%s' without TYPE", lineno, s.family);
	if (p->n && strcmp(p->samples[p->n - 1].family, s.family))
		for (size_t i = 0; i < p->n; i++)
			if (!strcmp(p->samples[i].family, s.family))
				SFAIL("line %zu: family '%s' split", lineno, s.family);
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->samples[i].key, s.key))
			SFAIL("line %zu: series twice: %s", lineno, s.key);
	ck_buf_release(&v);
	CK_ALLOC_GROW(p->samples, p->n + 1, p->alloc);
	p->samples[p->n++] = s;
	return true;
fail:
	ck_buf_release(&v);
	sample_release(&s);
	return false;
}

/* The label set of s without "le", as text, for grouping a histogram's lines. */
static char *group_key(const struct sample *s)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, s->family);
	for (size_t i = 0; i < s->nlabels; i++)
		if (strcmp(s->lnames[i], "le"))
			ck_buf_addf(&b, "|%s=%s", s->lnames[i], s->lvalues[i]);
	return ck_buf_detach(&b, NULL);
}

static const char *label(const struct sample *s, const char *name)
{
	for (size_t i = 0; i < s->nlabels; i++)
		if (!strcmp(s->lnames[i], name))
			return s->lvalues[i];
	return NULL;
}

/* One histogram label set: the lines of p with the group key key. */
static bool check_histogram(const struct parsed *p, const char *key)
{
	double prev_le = -INFINITY, prev_count = 0, inf = NAN, count = NAN;
	bool sum = false;

	for (size_t j = 0; j < p->n; j++) {
		const struct sample *s = &p->samples[j];
		ck_autofree char *sk = group_key(s);
		const char *le;
		double bound;

		if (strcmp(sk, key))
			continue;
		if (ck_str_has_suffix(s->name, "_sum")) {
			sum = true;
			continue;
		}
		if (ck_str_has_suffix(s->name, "_count")) {
			count = s->value;
			continue;
		}
		le = label(s, "le");
		if (!le || !parse_number(le, &bound))
			PFAIL("bucket without a valid le: %s", s->key);
		if (!(bound > prev_le) || s->value < prev_count)
			PFAIL("buckets not ascending or not cumulative at %s", s->key);
		prev_le = bound;
		prev_count = s->value;
		if (isinf(bound))
			inf = s->value;
	}
	if (isnan(inf) || !sum || inf != count)
		PFAIL("histogram %s: +Inf %g, count %g, sum %s", key, inf, count,
		      sum ? "present" : "missing");
	return true;
}

static bool check_histograms(const struct parsed *p)
{
	for (size_t i = 0; i < p->n; i++) {
		size_t k = family_index(p, p->samples[i].family);
		ck_autofree char *key = NULL;

		if (strcmp(p->types[k], "histogram"))
			continue;
		if (strcmp(p->samples[i].name, p->samples[i].family) == 0)
			PFAIL("histogram sample without a suffix: %s", p->samples[i].key);
		key = group_key(&p->samples[i]);
		if (!check_histogram(p, key))
			return false;
	}
	return true;
}

static void parsed_release(struct parsed *p)
{
	for (size_t i = 0; i < p->n; i++)
		sample_release(&p->samples[i]);
	free(p->samples);
	for (size_t i = 0; i < p->nfamilies; i++) {
		free(p->families[i]);
		free(p->types[i]);
	}
	memset(p, 0, sizeof(*p));
}

/* Parse text into p (released by the caller either way). */
static bool parse(struct parsed *p, const char *text)
{
	ck_autofree char *copy = ck_xstrdup(text);
	size_t lineno = 0;
	char *line = copy;

	memset(p, 0, sizeof(*p));
	if (*text && !ck_str_has_suffix(text, "\n"))
		PFAIL("no final newline");
	while (*line) {
		char *nl = strchr(line, '\n');
		bool ok;

		*nl = '\0';
		lineno++;
		if (!*line)
			PFAIL("line %zu: empty", lineno);
		ok = *line == '#' ? parse_comment(p, line, lineno) : parse_sample(p, line, lineno);
		if (!ok)
			return false;
		line = nl + 1;
	}
	return check_histograms(p);
}

static void test_parser(void **state)
{
	static const char *const bad[] = {
	        "x 1\n",
	        "# TYPE x counter\nx 1",
	        "# TYPE x counter\n\nx 1\n",
	        "# TYPE 1x counter\n",
	        "# TYPE x countr\n",
	        "# TYPE x counter\n# TYPE x counter\n",
	        "# HELP x a\n# HELP x b\n# TYPE x counter\n",
	        "# HELP x bad \\q escape\n",
	        "# TYPE x counter\nx 1\n# HELP x late\n",
	        "# TYPE x counter\nx{a=\"b\"} 1\nx{a=\"b\"} 2\n",
	        "# TYPE x counter\nx{a=\"b\\q\"} 1\n",
	        "# TYPE x counter\nx{a=\"b\"} one\n",
	        "# TYPE x counter\nx{a=\"b\"} 0x10\n",
	        "# TYPE x counter\nx{a=\"b\"} inf\n",
	        "# TYPE x counter\nx{a=\"b\"}  1\n",
	        "# TYPE x counter\nx{__a=\"b\"} 1\n",
	        "# TYPE x counter\nx{a=\"b\",a=\"c\"} 1\n",
	        "# TYPE x counter\nx{a=b} 1\n",
	        "# TYPE x counter\nx{a=\"b\" 1\n",
	        "# TYPE x counter\nx{a=\"b} 1\n",
	        "# TYPE x counter\nx{a=\"1\"} 1\n# TYPE y gauge\ny 1\nx{a=\"2\"} 1\n",
	        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\n"
	        "h_count 1\n",
	        "# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\n"
	        "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
	        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",
	        "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n",
	        "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n",
	        "# TYPE h histogram\nh_bucket 1\nh_sum 1\nh_count 1\n",
	        "# TYPE h histogram\nh 1\n",
	};
	static const char *const good[] = {
	        "",
	        "# HELP x a \\\\ b\\n c \"q\"\n# TYPE x counter\nx{a=\"\\\"\\\\\\n\"} 1e+06\n",
	        "# just a comment\n# TYPE x gauge\nx -Inf\n# TYPE y gauge\ny{a=\"\"} NaN\n",
	        "# TYPE h histogram\nh_bucket{k=\"a\",le=\"1\"} 1\nh_bucket{k=\"a\",le=\"+Inf\"} "
	        "2\n"
	        "h_sum{k=\"a\"} 3.5\nh_count{k=\"a\"} 2\n",
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		if (parse(&p, bad[i]))
			fail_msg("accepted: %s", bad[i]);
		parsed_release(&p);
	}
	for (size_t i = 0; i < CK_ARRAY_SIZE(good); i++) {
		if (!parse(&p, good[i]))
			fail_msg("rejected (%s): %s", perr, good[i]);
		parsed_release(&p);
	}
}

static const struct sample *find(const struct parsed *p, const char *name, const char *lname,
                                 const char *lvalue)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *v = label(&p->samples[i], lname);

		if (!strcmp(p->samples[i].name, name) && v && !strcmp(v, lvalue))
			return &p->samples[i];
	}
	return NULL;
}

static void test_parse_back(void **state)
{
	static const char *const nasty[] = {
	        "plain",
	        "",
	        "back\\slash",
	        "\"quoted\"",
	        "new\nline",
	        "\\n literally",
	        "end\\",
	        "a=\"b\",c=\"d\"}",
	        "\xe2\x9c\x93 \xc3\xbc",
	        "{}#  x",
	};
	struct ck_metrics *m = ck_metrics_new();
	struct ck_metrics_family *req = ck_metrics_register(m, &ck_metrics_apiserver_request_total);
	struct ck_metrics_family *lat =
	        ck_metrics_register(m, &ck_metrics_apiserver_request_duration_seconds);
	struct ck_metrics_family *etcd =
	        ck_metrics_register(m, &ck_metrics_etcd_request_duration_seconds);
	struct ck_metrics_family *g = ck_metrics_register(m, &gauge_desc);
	struct ck_metrics_family *esc = ck_metrics_register(m, &escape_desc);
	struct ck_metrics_family *hist = ck_metrics_register(m, &latency_desc);
	static const char *const want[] = {
	        "apiserver_request_duration_seconds",
	        "apiserver_request_total",
	        "ckube_metrics_folded_total",
	        "etcd_request_duration_seconds",
	        "process_cpu_seconds_total",
	        "process_max_fds",
	        "process_open_fds",
	        "process_resident_memory_bytes",
	        "process_start_time_seconds",
	        "process_virtual_memory_bytes",
	        "test_escape_total",
	        "test_gauge",
	        "test_latency_seconds",
	        "test_plain_total",
	        "test_sizes_bytes",
	};
	ck_autofree char *text = NULL;
	struct parsed p;

	(void)state;
	ck_metrics_register_process(m, NULL);
	ck_metrics_register(m, &plain_desc);
	ck_metrics_register(m, &sizes_desc);
	for (size_t i = 0; i < CK_ARRAY_SIZE(nasty); i++) {
		ck_metrics_add(esc, CK_METRICS_VALUES(nasty[i]), (double)i + 1);
		ck_metrics_observe(lat,
		                   CK_METRICS_VALUES("GET", "", "", "v1", nasty[i], "", "cluster",
		                                     "apiserver"),
		                   (double)i / 3);
		ck_metrics_inc(req, CK_METRICS_VALUES("GET", "", "", "v1", nasty[i], "", "cluster",
		                                      "apiserver", ck_metrics_http_code(200)));
		ck_metrics_observe(etcd, CK_METRICS_VALUES("list", nasty[i]), (double)i * 7);
	}
	ck_metrics_inc(esc, CK_METRICS_VALUES("\xff folded"));
	ck_metrics_set(g, CK_METRICS_VALUES("inf"), INFINITY);
	ck_metrics_set(g, CK_METRICS_VALUES("nan"), NAN);
	ck_metrics_set(g, CK_METRICS_VALUES("tiny"), 5e-324);
	ck_metrics_set(g, CK_METRICS_VALUES("third"), 1.0 / 3);
	ck_metrics_observe(hist, CK_METRICS_VALUES("x"), 0.2);
	text = scrape(m);

	if (!parse(&p, text))
		fail_msg("%s\n%s", perr, text);
	/* Every family written, in name order; label values and numbers read back exactly. */
	assert_int_equal(p.nfamilies, CK_ARRAY_SIZE(want));
	for (size_t i = 0; i < CK_ARRAY_SIZE(want); i++)
		assert_string_equal(p.families[i], want[i]);
	for (size_t i = 0; i < CK_ARRAY_SIZE(nasty); i++) {
		const struct sample *s = find(&p, "test_escape_total", "path", nasty[i]);

		if (!s)
			fail_msg("value %zu did not read back", i);
		assert_true(s->value == (double)i + 1);
		s = find(&p, "etcd_request_duration_seconds_count", "type", nasty[i]);
		assert_non_null(s);
		assert_true(s->value == 1);
		s = find(&p, "apiserver_request_duration_seconds_sum", "resource", nasty[i]);
		assert_non_null(s);
		assert_true(s->value == (double)i / 3);
		assert_non_null(find(&p, "apiserver_request_total", "resource", nasty[i]));
	}
	assert_non_null(find(&p, "ckube_metrics_folded_total", "family", "test_escape_total"));
	assert_true(find(&p, "test_gauge", "v", "tiny")->value == 5e-324);
	assert_true(find(&p, "test_gauge", "v", "third")->value == 1.0 / 3);
	assert_true(isinf(find(&p, "test_gauge", "v", "inf")->value));
	assert_true(isnan(find(&p, "test_gauge", "v", "nan")->value));
	parsed_release(&p);
	ck_metrics_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_counter),
	        cmocka_unit_test(test_gauge_and_numbers),
	        cmocka_unit_test(test_histogram),
	        cmocka_unit_test(test_escaping),
	        cmocka_unit_test(test_names),
	        cmocka_unit_test(test_programmer_errors),
	        cmocka_unit_test(test_cardinality_cap),
	        cmocka_unit_test(test_many_series),
	        cmocka_unit_test(test_no_allocation_after_first_use),
	        cmocka_unit_test(test_process_fake),
	        cmocka_unit_test(test_process_real),
	        cmocka_unit_test(test_kube_families),
	        cmocka_unit_test(test_parser),
	        cmocka_unit_test(test_parse_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
