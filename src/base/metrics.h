/*
 * A small metrics registry for /metrics: counters, gauges and histograms with labels,
 * written in the Prometheus text exposition format 0.0.4 (the format kube-apiserver
 * serves and Prometheus scrapes), plus the process_* metrics read from /proc at scrape
 * time.
 *
 * K8S/Prometheus (exposition_formats.md, text format 0.0.4): a family is
 *   # HELP name text       ('\' and newline escaped as \\ and \n)
 *   # TYPE name counter|gauge|histogram
 *   name{label="value",...} number
 * where label values escape '\', '"' and newline; a histogram writes, per label set,
 * cumulative name_bucket{...,le="bound"} lines in increasing bound order ending with
 * le="+Inf" (equal to name_count), then name_sum and name_count. Metric names match
 * [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]* and must not start with
 * "__" (reserved); a histogram may not have a label "le".
 *
 * Output is stable so that tests can compare exact text: families in name order; inside
 * a family, labels in name order and label sets ordered by their values in that order
 * (as Prometheus' Go client writes them), "le" last. Numbers are written as the shortest
 * decimal that reads back to the same double (%g style: "0.005", "42", "1e+15"), and
 * "+Inf", "-Inf", "NaN". A family with labels appears once it has a label set; one
 * without labels appears from its registration, at 0.
 *
 * Errors. Metric and label names come from descriptors in ckube's own source, never from
 * clients, so a bad name, a duplicate family, unsorted histogram bounds, the wrong number
 * of label values or the wrong operation for a type (set on a counter, a negative counter
 * increment) is a programmer bug: CK_BUG_ON, which aborts on the first start of any test
 * that registers it. Label values do come from clients (resource names, paths) and are
 * never an error: they are escaped on output, and folded (below) when unsuitable.
 *
 * Cardinality. Each family holds at most max_series label sets (descriptor, default
 * CK_METRICS_MAX_SERIES_DEFAULT). A new label set beyond that, or one with a value longer
 * than CK_METRICS_MAX_VALUE_LEN bytes or not valid UTF-8, is folded into the label set
 * whose every value is CK_METRICS_OTHER ("other", the value Kubernetes reports for verbs
 * it does not know), which is created for it even over the cap; totals (sum over the
 * family) stay right, only the breakdown is lost. Each folded lookup is counted in
 * ckube_metrics_folded_total{family="<name>"}, so a dashboard can see that it happens.
 * Label sets are never removed: a gauge that no longer applies is set to 0.
 *
 * Cost. Looking a label set up hashes its values (FNV-1a over the bytes), follows a
 * chain of a few entries and compares the values: O(bytes of the values), no allocation
 * once the set has been seen. A histogram observation adds a binary search over the
 * bounds. A caller that records the same label set often can keep the series handle
 * (valid until the registry is freed) and skip the lookup. Memory per label set: one
 * allocation of 48 bytes + 8 per label + the value strings, + 8 per bucket for a
 * histogram, plus a pointer in the family's hash table and one in its sorted index
 * (an apiserver_request_total set: about 160 bytes; an
 * apiserver_request_duration_seconds set, 8 labels and 23 bounds: about 340 bytes).
 *
 * Threads. A registry is not locked: it belongs to one loop (the API server's), which
 * makes every call, observations and scrapes alike. Work on another thread hands its
 * figures back to the loop with its result. There is no global registry (CONVENTIONS.md
 * "Context is passed"): each server creates its own, so several can run in one test.
 */
#ifndef CK_BASE_METRICS_H
#define CK_BASE_METRICS_H

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"

/* The Content-Type of ck_metrics_write's output, for the /metrics response. */
#define CK_METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/* Label sets per family when the descriptor does not say. */
#define CK_METRICS_MAX_SERIES_DEFAULT 1000
/* A longer label value is folded (see above); paths as subresource stay well under it. */
#define CK_METRICS_MAX_VALUE_LEN 256
/* The label value of the fold label set. */
#define CK_METRICS_OTHER "other"
/* The family counting folded lookups, with one label "family". */
#define CK_METRICS_FOLDED_NAME "ckube_metrics_folded_total"

enum ck_metrics_type {
	CK_METRICS_COUNTER,
	CK_METRICS_GAUGE,
	CK_METRICS_HISTOGRAM,
};

/*
 * What a family is: usually a static const in the module that records it, e.g.
 *
 *   static const struct ck_metrics_desc cache_hits = {
 *           .type = CK_METRICS_COUNTER,
 *           .name = "ckube_watch_cache_hits_total",
 *           .help = "Reads served from the watch cache.",
 *           .labels = (const char *const[]){"resource", NULL},
 *   };
 *
 * The registry copies every string and array; the descriptor may go away afterwards.
 */
struct ck_metrics_desc {
	enum ck_metrics_type type;
	const char *name;
	const char *help;          /* NULL: no HELP line */
	const char *const *labels; /* NULL-terminated label names; NULL: no labels */
	const double *buckets;     /* histogram: upper bounds, strictly increasing */
	size_t nbuckets;           /* a trailing +Inf is allowed and dropped */
	size_t max_series;         /* 0: CK_METRICS_MAX_SERIES_DEFAULT */
};

struct ck_metrics;        /* a registry */
struct ck_metrics_family; /* one metric name with its label names */
struct ck_metrics_series; /* one label set of a family */

/*
 * Label values for a lookup, NULL-terminated so that their count is checked against the
 * family's labels: ck_metrics_inc(f, CK_METRICS_VALUES("GET", "pods", "200")).
 */
#define CK_METRICS_VALUES(...) ((const char *const[]){__VA_ARGS__, NULL})

/*
 * A new empty registry (it holds only CK_METRICS_FOLDED_NAME, which is written once
 * something has been folded). Never fails; free with ck_metrics_free. Owned by the loop
 * that records into it.
 */
struct ck_metrics *ck_metrics_new(void);

/* Free a registry with its families and series (handles become invalid); NULL-safe. */
void ck_metrics_free(struct ck_metrics *m);

/*
 * Add a family described by d. Aborts (CK_BUG_ON) on an invalid metric or label name, a
 * repeated label name, a histogram label "le", histogram bounds that are not strictly
 * increasing or are NaN, buckets on a non-histogram, or a name that clashes with a family
 * already there (a histogram also takes name_bucket, name_sum and name_count). Returns
 * the family, owned by m, valid until ck_metrics_free. Loop thread.
 */
struct ck_metrics_family *ck_metrics_register(struct ck_metrics *m,
                                              const struct ck_metrics_desc *d);

/*
 * The series for a label set: values has exactly one string per label of f, in the
 * descriptor's order, then NULL (CK_METRICS_VALUES); NULL for a family without labels.
 * A set not seen before is created (the only allocation on the recording path) or
 * folded into the CK_METRICS_OTHER set (see above). Aborts when the number of values is
 * wrong. The handle is owned by f's registry and stays valid until ck_metrics_free; the
 * values are copied. Loop thread.
 */
struct ck_metrics_series *ck_metrics_get(struct ck_metrics_family *f, const char *const *values);

/*
 * Record into a series. add: a counter by v >= 0 (a negative or NaN v aborts), a gauge
 * by any v. inc/dec: add 1 / -1 (dec only on a gauge). set: a gauge only. observe: a
 * histogram only; v goes to the first bucket whose bound is >= v (NaN to +Inf, as in
 * Prometheus' Go client) and into the sum. Aborts on the wrong type. Loop thread.
 */
void ck_metrics_series_add(struct ck_metrics_series *s, double v);
void ck_metrics_series_inc(struct ck_metrics_series *s);
void ck_metrics_series_dec(struct ck_metrics_series *s);
void ck_metrics_series_set(struct ck_metrics_series *s, double v);
void ck_metrics_series_observe(struct ck_metrics_series *s, double v);

/* The value of a counter or gauge; the number of observations of a histogram. */
double ck_metrics_series_value(const struct ck_metrics_series *s);

/* ck_metrics_get followed by the operation of the same name on the series. */
void ck_metrics_add(struct ck_metrics_family *f, const char *const *values, double v);
void ck_metrics_inc(struct ck_metrics_family *f, const char *const *values);
void ck_metrics_dec(struct ck_metrics_family *f, const char *const *values);
void ck_metrics_set(struct ck_metrics_family *f, const char *const *values, double v);
void ck_metrics_observe(struct ck_metrics_family *f, const char *const *values, double v);

/*
 * Add the process_* families (K8S: what Prometheus' Go process collector exports and
 * kube-apiserver serves): process_cpu_seconds_total, process_max_fds, process_open_fds,
 * process_resident_memory_bytes, process_start_time_seconds and
 * process_virtual_memory_bytes, read by every ck_metrics_write from proc_root (NULL:
 * "/proc"; a test passes a fake tree, see ck_metrics_process_read). Call once per
 * registry (a second call clashes and aborts). Loop thread.
 */
void ck_metrics_register_process(struct ck_metrics *m, const char *proc_root);

/*
 * Append the exposition of every family to out (see above for the format and the order).
 * With process metrics registered, /proc is read first; when that fails returns -1 with
 * a 500 *err ("cannot read process metrics: cannot read '/proc/self/stat': ...") and out
 * as it was. Otherwise returns 0. Nothing is reset: counters keep counting. Loop thread.
 */
int ck_metrics_write(struct ck_metrics *m, struct ck_buf *out, struct ck_error **err);

/* The process figures behind the process_* families. */
struct ck_metrics_process {
	double cpu_seconds;      /* user + system time (self/stat utime + stime) */
	double start_time;       /* Unix seconds: stat's btime + self/stat starttime */
	double max_fds;          /* soft "Max open files" in self/limits; +Inf if unlimited */
	uint64_t open_fds;       /* entries of self/fd (counting the one reading it) */
	uint64_t resident_bytes; /* self/statm resident pages * page size */
	uint64_t virtual_bytes;  /* self/statm size pages * page size */
};

/*
 * Read the process figures from proc_root (NULL: "/proc"): self/stat, self/statm,
 * self/fd, self/limits and stat (for btime), with the clock tick and page size of this
 * machine. The command name in self/stat may hold spaces and ')'; fields are counted from
 * the last ')'. Returns 0, or -1 with a 500 *err naming the file that could not be read or
 * parsed. Any thread (it touches no registry).
 */
int ck_metrics_process_read(const char *proc_root, struct ck_metrics_process *out,
                            struct ck_error **err);

/* Whether name is a valid metric name: [a-zA-Z_:][a-zA-Z0-9_:]*. */
bool ck_metrics_name_valid(const char *name);

/* Whether name is a valid label name: [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__". */
bool ck_metrics_label_name_valid(const char *name);

/*
 * An HTTP status code as the label value "code" takes it ("200"), from a static table
 * for 100-599 so that the request path does not format it; "other" for anything else.
 * The string is static. Any thread.
 */
const char *ck_metrics_http_code(int code);

/*
 * The kube-apiserver families ckube measures the same way, with Kubernetes' names, help,
 * labels and bucket bounds so that dashboards and alerts written for Kubernetes work
 * (K8S: staging/src/k8s.io/apiserver/pkg/endpoints/metrics/metrics.go and
 * pkg/storage/etcd3/metrics/metrics.go). Label values as Kubernetes writes them: verb
 * upper case as reported (GET, LIST, WATCH, POST, PUT, PATCH, DELETE, DELETECOLLECTION),
 * dry_run "" or "All", group "" for the core group, scope "resource", "namespace" or
 * "cluster" (or "" for a non-resource URL, whose path then goes in subresource),
 * component "apiserver", code from ck_metrics_http_code.
 *
 *   apiserver_request_total             counter   verb dry_run group version resource
 *                                                 subresource scope component code
 *   apiserver_request_duration_seconds  histogram verb dry_run group version resource
 *                                                 subresource scope component
 *   apiserver_longrunning_requests      gauge     verb group version resource
 *                                                 subresource scope component
 *   apiserver_registered_watchers       gauge     group version kind
 *   etcd_request_duration_seconds       histogram operation type
 *
 * etcd_request_duration_seconds keeps the labels Kubernetes has had since 1.20 ("type" is
 * the group-resource, "pods" or "deployments.apps"); Kubernetes PR 131845 (2025) later
 * split "type" into group and resource. The latency bounds are Kubernetes' current ones
 * (5 ms to 60 s). apiserver_registered_watchers is deprecated in Kubernetes (1.23) but
 * still what many watch dashboards read.
 */
extern const struct ck_metrics_desc ck_metrics_apiserver_request_total;
extern const struct ck_metrics_desc ck_metrics_apiserver_request_duration_seconds;
extern const struct ck_metrics_desc ck_metrics_apiserver_longrunning_requests;
extern const struct ck_metrics_desc ck_metrics_apiserver_registered_watchers;
extern const struct ck_metrics_desc ck_metrics_etcd_request_duration_seconds;

/* K8S: the bounds of apiserver_request_duration_seconds and etcd_request_duration_seconds. */
extern const double ck_metrics_kube_latency_buckets[];
extern const size_t ck_metrics_kube_latency_nbuckets;

#endif
