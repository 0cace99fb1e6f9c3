/*
 * Server-side printing (reference §3): the meta.k8s.io Table that kubectl asks for with
 * "Accept: application/json;as=Table;v=v1;g=meta.k8s.io". Each kind's cells are computed
 * as kube-apiserver's printers compute them (K8S: pkg/printers/internalversion/printers.go,
 * print<Kind> with Wide: true, since the server always sends every column and kubectl
 * hides those of priority 1 unless -o wide), and each row carries the object's metadata as
 * a PartialObjectMetadata for the NAMESPACE and LABELS columns.
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "base/json.h"
#include "base/mem.h"
#include "base/selector.h"
#include "base/time.h"

/* ---- helpers ------------------------------------------------------------------------ */

void ck_api_human_duration(int64_t s, char *buf, size_t size)
{
	/* K8S: apimachinery util/duration.HumanDuration. */
	int64_t m, h;

	if (s < -1) {
		snprintf(buf, size, "<invalid>");
		return;
	}
	if (s < 0) {
		snprintf(buf, size, "0s");
		return;
	}
	if (s < 120) {
		snprintf(buf, size, "%" PRId64 "s", s);
		return;
	}
	m = s / 60;
	if (m < 10) {
		if (s % 60 == 0)
			snprintf(buf, size, "%" PRId64 "m", m);
		else
			snprintf(buf, size, "%" PRId64 "m%" PRId64 "s", m, s % 60);
		return;
	}
	if (m < 180) {
		snprintf(buf, size, "%" PRId64 "m", m);
		return;
	}
	h = s / 3600;
	if (h < 8) {
		if (m % 60 == 0)
			snprintf(buf, size, "%" PRId64 "h", h);
		else
			snprintf(buf, size, "%" PRId64 "h%" PRId64 "m", h, m % 60);
	} else if (h < 48) {
		snprintf(buf, size, "%" PRId64 "h", h);
	} else if (h < 24 * 8) {
		if (h % 24 == 0)
			snprintf(buf, size, "%" PRId64 "d", h / 24);
		else
			snprintf(buf, size, "%" PRId64 "d%" PRId64 "h", h / 24, h % 24);
	} else if (h < 24 * 365 * 2) {
		snprintf(buf, size, "%" PRId64 "d", h / 24);
	} else if (h < 24 * 365 * 8) {
		int64_t dy = (h / 24) % 365;

		if (dy == 0)
			snprintf(buf, size, "%" PRId64 "y", h / 24 / 365);
		else
			snprintf(buf, size, "%" PRId64 "y%" PRId64 "d", h / 24 / 365, dy);
	} else {
		snprintf(buf, size, "%" PRId64 "y", h / 24 / 365);
	}
}

static bool parse_time(const char *s, time_t *out)
{
	struct timespec ts;

	if (!s || !*s || ck_time_parse_rfc3339(s, &ts, NULL) < 0)
		return false;
	*out = ts.tv_sec;
	return true;
}

/* K8S: translateTimestampSince: "<unknown>" for a zero time. */
static json_t *since(const char *ts, time_t now)
{
	char buf[32];
	time_t t;

	if (!parse_time(ts, &t))
		return json_string("<unknown>");
	ck_api_human_duration((int64_t)(now - t), buf, sizeof(buf));
	return json_string(buf);
}

static const char *path_str(const json_t *obj, const char *path)
{
	return ck_json_path_str(obj, path);
}

static const char *str_or(const json_t *obj, const char *path, const char *dflt)
{
	const char *s = ck_json_path_str(obj, path);

	return s && *s ? s : dflt;
}

static json_int_t path_int(const json_t *obj, const char *path)
{
	return json_integer_value(ck_json_path(obj, path));
}

static json_t *age(const json_t *obj, time_t now)
{
	return since(path_str(obj, "metadata.creationTimestamp"), now);
}

static json_t *name_cell(const json_t *obj)
{
	return json_string(str_or(obj, "metadata.name", ""));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* K8S: labels.FormatLabels: sorted "k=v" pairs joined by ',', "<none>" when empty. */
static json_t *format_labels(const json_t *m)
{
	size_t n = json_object_size(m), i = 0;
	const char **keys;
	struct ck_buf b = CK_BUF_INIT;
	const char *k;
	json_t *v, *out;

	if (!n)
		return json_string("<none>");
	keys = ck_xcalloc(n, sizeof(*keys));
	json_object_foreach((json_t *)m, k, v)
	{
		keys[i++] = k;
	}
	qsort(keys, n, sizeof(*keys), cmp_str);
	for (i = 0; i < n; i++) {
		const char *val = json_string_value(json_object_get(m, keys[i]));

		ck_buf_addf(&b, "%s%s=%s", i ? "," : "", keys[i], val ? val : "");
	}
	free(keys);
	out = json_string(b.data);
	ck_buf_release(&b);
	return out;
}

/*
 * K8S: metav1.LabelSelectorAsSelector(sel).String(): the selector's requirements in
 * canonical form; "" for an empty one. NULL when the selector does not convert.
 */
static char *selector_string(const json_t *sel)
{
	struct ck_buf b = CK_BUF_INIT;
	struct ck_label_selector *ls = NULL;
	const char *k;
	json_t *v, *e;
	size_t i;
	char *out;

	json_object_foreach(json_object_get(sel, "matchLabels"), k, v)
	{
		ck_buf_addf(&b, "%s%s=%s", b.len ? "," : "", k,
		            json_string_value(v) ? json_string_value(v) : "");
	}
	json_array_foreach(json_object_get(sel, "matchExpressions"), i, e)
	{
		const char *key = json_string_value(json_object_get(e, "key"));
		const char *op = json_string_value(json_object_get(e, "operator"));
		json_t *vals = json_object_get(e, "values");
		size_t j;

		if (!key || !op)
			continue;
		if (b.len)
			ck_buf_addch(&b, ',');
		if (!strcmp(op, "Exists")) {
			ck_buf_adds(&b, key);
		} else if (!strcmp(op, "DoesNotExist")) {
			ck_buf_addf(&b, "!%s", key);
		} else {
			ck_buf_addf(&b, "%s %s (", key, !strcmp(op, "In") ? "in" : "notin");
			json_array_foreach(vals, j, v)
			{
				ck_buf_addf(&b, "%s%s", j ? "," : "",
				            json_string_value(v) ? json_string_value(v) : "");
			}
			ck_buf_addch(&b, ')');
		}
	}
	if (ck_label_selector_parse(b.data, &ls, NULL) < 0) {
		ck_buf_release(&b);
		return NULL;
	}
	ck_buf_release(&b);
	out = ck_label_selector_string(ls);
	ck_label_selector_free(ls);
	return out;
}

/* K8S: metav1.FormatLabelSelector: "<none>" for an empty selector. */
static json_t *format_selector(const json_t *sel, const char *invalid)
{
	char *s;
	json_t *out;

	if (!json_is_object(sel))
		return json_string("<none>");
	s = selector_string(sel);
	if (!s)
		return json_string(invalid);
	out = json_string(*s ? s : "<none>");
	free(s);
	return out;
}

/* K8S: layoutContainerCells: names and images joined by ','. */
static void containers_cells(const json_t *spec, json_t *cells)
{
	struct ck_buf names = CK_BUF_INIT, images = CK_BUF_INIT;
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(spec, "containers"), i, c)
	{
		const char *n = json_string_value(json_object_get(c, "name"));
		const char *im = json_string_value(json_object_get(c, "image"));

		ck_buf_addf(&names, "%s%s", i ? "," : "", n ? n : "");
		ck_buf_addf(&images, "%s%s", i ? "," : "", im ? im : "");
	}
	json_array_append_new(cells, json_string(names.data));
	json_array_append_new(cells, json_string(images.data));
	ck_buf_release(&names);
	ck_buf_release(&images);
}

static json_t *int_cell(json_int_t v)
{
	return json_integer(v);
}

static json_t *str_cell(const char *s)
{
	return json_string(s ? s : "");
}

#define ADD(cells, v) json_array_append_new((cells), (v))

/* ---- one row function per kind -------------------------------------------------------- */

void ck_api_row_namespace(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, str_cell(path_str(obj, "status.phase")));
	ADD(cells, age(obj, now));
}

void ck_api_row_configmap(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, int_cell((json_int_t)(json_object_size(json_object_get(obj, "data")) +
	                                 json_object_size(json_object_get(obj, "binaryData")))));
	ADD(cells, age(obj, now));
}

void ck_api_row_secret(const json_t *obj, json_t *cells, time_t now)
{
	/* K8S: printSecret counts Data; the internal type has folded stringData into it. */
	ADD(cells, name_cell(obj));
	ADD(cells, str_cell(path_str(obj, "type")));
	ADD(cells, int_cell((json_int_t)(json_object_size(json_object_get(obj, "data")) +
	                                 json_object_size(json_object_get(obj, "stringData")))));
	ADD(cells, age(obj, now));
}

void ck_api_row_serviceaccount(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, int_cell((json_int_t)json_array_size(json_object_get(obj, "secrets"))));
	ADD(cells, age(obj, now));
}

void ck_api_row_event(const json_t *obj, json_t *cells, time_t now)
{
	json_t *first, *last;
	json_int_t count = path_int(obj, "count");
	const char *kind = str_or(obj, "involvedObject.kind", ""), *iname;
	struct ck_buf target = CK_BUF_INIT;
	const char *comp, *inst;
	struct ck_buf source = CK_BUF_INIT;
	const char *msg = str_or(obj, "message", "");
	size_t ml;

	first = parse_time(path_str(obj, "firstTimestamp"), &(time_t){0})
	                ? since(path_str(obj, "firstTimestamp"), now)
	                : since(path_str(obj, "eventTime"), now);
	last = parse_time(path_str(obj, "lastTimestamp"), &(time_t){0})
	               ? since(path_str(obj, "lastTimestamp"), now)
	               : json_deep_copy(first);
	if (json_is_object(json_object_get(obj, "series"))) {
		json_decref(last);
		last = since(path_str(obj, "series.lastObservedTime"), now);
		count = path_int(obj, "series.count");
	} else if (count == 0) {
		count = 1; /* K8S: singleton events have no count in the new API */
	}
	for (const char *p = kind; *p; p++)
		ck_buf_addch(&target, (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
	iname = path_str(obj, "involvedObject.name");
	if (iname && *iname)
		ck_buf_addf(&target, "/%s", iname);
	comp = str_or(obj, "source.component", str_or(obj, "reportingController", ""));
	inst = str_or(obj, "source.host", str_or(obj, "reportingInstance", ""));
	ck_buf_adds(&source, comp);
	if (*inst)
		ck_buf_addf(&source, ", %s", inst);
	while (*msg == ' ' || *msg == '\t' || *msg == '\n' || *msg == '\r')
		msg++;
	ml = strlen(msg);
	while (ml && (msg[ml - 1] == ' ' || msg[ml - 1] == '\t' || msg[ml - 1] == '\n' ||
	              msg[ml - 1] == '\r'))
		ml--;
	ADD(cells, last);
	ADD(cells, str_cell(path_str(obj, "type")));
	ADD(cells, str_cell(path_str(obj, "reason")));
	ADD(cells, json_string(target.data));
	ADD(cells, str_cell(path_str(obj, "involvedObject.fieldPath")));
	ADD(cells, json_string(source.data));
	ADD(cells, json_stringn(msg, ml));
	ADD(cells, first);
	ADD(cells, int_cell(count));
	ADD(cells, name_cell(obj));
	ck_buf_release(&target);
	ck_buf_release(&source);
}

/* K8S: getServiceExternalIP with wide output. */
static json_t *service_external_ip(const json_t *obj)
{
	const char *type = str_or(obj, "spec.type", "");
	json_t *ext = ck_json_path(obj, "spec.externalIPs");
	struct ck_buf b = CK_BUF_INIT;
	size_t i;
	json_t *v, *out;

	if (!strcmp(type, "ClusterIP") || !strcmp(type, "NodePort")) {
		if (!json_array_size(ext))
			return json_string("<none>");
		json_array_foreach(ext, i, v)
		{
			ck_buf_addf(&b, "%s%s", i ? "," : "",
			            json_string_value(v) ? json_string_value(v) : "");
		}
	} else if (!strcmp(type, "LoadBalancer")) {
		json_array_foreach(ck_json_path(obj, "status.loadBalancer.ingress"), i, v)
		{
			const char *ip = str_or(v, "ip", str_or(v, "hostname", NULL));

			if (ip)
				ck_buf_addf(&b, "%s%s", b.len ? "," : "", ip);
		}
		json_array_foreach(ext, i, v)
		{
			ck_buf_addf(&b, "%s%s", b.len ? "," : "",
			            json_string_value(v) ? json_string_value(v) : "");
		}
		if (!b.len)
			ck_buf_adds(&b, "<pending>");
	} else if (!strcmp(type, "ExternalName")) {
		ck_buf_adds(&b, str_or(obj, "spec.externalName", ""));
	} else {
		ck_buf_adds(&b, "<unknown>");
	}
	out = json_string(b.data);
	ck_buf_release(&b);
	return out;
}

void ck_api_row_service(const json_t *obj, json_t *cells, time_t now)
{
	json_t *ips = ck_json_path(obj, "spec.clusterIPs");
	const char *ip = json_string_value(json_array_get(ips, 0));
	struct ck_buf ports = CK_BUF_INIT;
	size_t i;
	json_t *p;

	if (!ip)
		ip = path_str(obj, "spec.clusterIP");
	/* K8S: makePortString: "port/proto" or "port:nodePort/proto". */
	json_array_foreach(ck_json_path(obj, "spec.ports"), i, p)
	{
		json_int_t np = json_integer_value(json_object_get(p, "nodePort"));
		const char *proto = str_or(p, "protocol", "TCP");

		if (i)
			ck_buf_addch(&ports, ',');
		if (np > 0)
			ck_buf_addf(&ports, "%" JSON_INTEGER_FORMAT ":%" JSON_INTEGER_FORMAT "/%s",
			            json_integer_value(json_object_get(p, "port")), np, proto);
		else
			ck_buf_addf(&ports, "%" JSON_INTEGER_FORMAT "/%s",
			            json_integer_value(json_object_get(p, "port")), proto);
	}
	ADD(cells, name_cell(obj));
	ADD(cells, str_cell(path_str(obj, "spec.type")));
	ADD(cells, json_string(ip && *ip ? ip : "<none>"));
	ADD(cells, service_external_ip(obj));
	ADD(cells, json_string(ports.len ? ports.data : "<none>"));
	ADD(cells, age(obj, now));
	ADD(cells, format_labels(ck_json_path(obj, "spec.selector")));
	ck_buf_release(&ports);
}

/* K8S: formatEndpoints with every port: up to 3 "ip:port", then " + N more...". */
void ck_api_row_endpoints(const json_t *obj, json_t *cells, time_t now)
{
	struct ck_buf b = CK_BUF_INIT;
	size_t i, j, k, listed = 0, count = 0;
	json_t *ss, *addr, *port;
	bool more = false;
	json_t *subsets = json_object_get(obj, "subsets");

	json_array_foreach(subsets, i, ss)
	{
		json_t *addrs = json_object_get(ss, "addresses"),
		       *ports = json_object_get(ss, "ports");

		if (!json_array_size(ports)) {
			count += json_array_size(addrs);
			json_array_foreach(addrs, j, addr)
			{
				if (listed == 3) {
					more = true;
					break;
				}
				ck_buf_addf(&b, "%s%s", listed++ ? "," : "",
				            str_or(addr, "ip", ""));
			}
			continue;
		}
		json_array_foreach(ports, k, port)
		{
			count += json_array_size(addrs);
			json_array_foreach(addrs, j, addr)
			{
				const char *ip = str_or(addr, "ip", "");

				if (listed == 3) {
					more = true;
					break;
				}
				ck_buf_addf(&b,
				            strchr(ip, ':') ? "%s[%s]:%" JSON_INTEGER_FORMAT
				                            : "%s%s:%" JSON_INTEGER_FORMAT,
				            listed++ ? "," : "", ip,
				            json_integer_value(json_object_get(port, "port")));
			}
		}
	}
	ADD(cells, name_cell(obj));
	if (!json_array_size(subsets))
		ADD(cells, json_string("<none>"));
	else if (more) {
		ck_buf_addf(&b, " + %zu more...", count - 3);
		ADD(cells, json_string(b.data));
	} else {
		ADD(cells, json_string(b.data));
	}
	ADD(cells, age(obj, now));
	ck_buf_release(&b);
}

static bool cond_true(const json_t *conds, const char *type)
{
	size_t i;
	json_t *c;

	json_array_foreach((json_t *)conds, i, c)
	{
		if (!strcmp(str_or(c, "type", ""), type))
			return !strcmp(str_or(c, "status", ""), "True");
	}
	return false;
}

static const json_t *init_container(const json_t *spec, const char *name)
{
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(spec, "initContainers"), i, c)
	{
		if (!strcmp(str_or(c, "name", ""), name ? name : ""))
			return c;
	}
	return NULL;
}

/* K8S: podutil.IsRestartableInitContainer: a sidecar (restartPolicy Always). */
static bool restartable(const json_t *c)
{
	return c && !strcmp(str_or(c, "restartPolicy", ""), "Always");
}

static void track_restart(const json_t *cs, time_t *last)
{
	time_t t;

	if (parse_time(path_str(cs, "lastState.terminated.finishedAt"), &t) && t > *last)
		*last = t;
}

/* K8S: printPod. */
void ck_api_row_pod(const json_t *obj, json_t *cells, time_t now)
{
	const json_t *spec = json_object_get(obj, "spec"), *st = json_object_get(obj, "status");
	const json_t *conds = json_object_get(st, "conditions");
	json_int_t restarts = 0, sidecar_restarts = 0;
	size_t total = json_array_size(json_object_get(spec, "containers")), ready = 0, i;
	time_t last = 0, sidecar_last = 0;
	const char *phase = str_or(st, "phase", "");
	char reason[256], buf[64];
	bool initializing = false;
	json_t *c;

	snprintf(reason, sizeof(reason), "%s", str_or(st, "reason", phase));
	json_array_foreach((json_t *)conds, i, c)
	{
		if (!strcmp(str_or(c, "type", ""), "PodScheduled") &&
		    !strcmp(str_or(c, "reason", ""), "SchedulingGated"))
			snprintf(reason, sizeof(reason), "SchedulingGated");
	}
	json_array_foreach(json_object_get(spec, "initContainers"), i, c)
	{
		if (restartable(c))
			total++;
	}
	json_array_foreach(json_object_get(st, "initContainerStatuses"), i, c)
	{
		const json_t *ic = init_container(spec, path_str(c, "name"));
		const json_t *term = ck_json_path(c, "state.terminated");
		const char *waiting = path_str(c, "state.waiting.reason");

		restarts += path_int(c, "restartCount");
		track_restart(c, &last);
		if (restartable(ic)) {
			sidecar_restarts += path_int(c, "restartCount");
			track_restart(c, &sidecar_last);
		}
		if (term && path_int(term, "exitCode") == 0)
			continue;
		if (restartable(ic) && json_is_true(json_object_get(c, "started"))) {
			if (json_is_true(json_object_get(c, "ready")))
				ready++;
			continue;
		}
		if (term) {
			const char *r = path_str(term, "reason");

			if (!r || !*r) {
				if (path_int(term, "signal"))
					snprintf(reason, sizeof(reason),
					         "Init:Signal:%" JSON_INTEGER_FORMAT,
					         path_int(term, "signal"));
				else
					snprintf(reason, sizeof(reason),
					         "Init:ExitCode:%" JSON_INTEGER_FORMAT,
					         path_int(term, "exitCode"));
			} else {
				snprintf(reason, sizeof(reason), "Init:%s", r);
			}
		} else if (waiting && *waiting && strcmp(waiting, "PodInitializing")) {
			snprintf(reason, sizeof(reason), "Init:%s", waiting);
		} else {
			snprintf(reason, sizeof(reason), "Init:%zu/%zu", i,
			         json_array_size(json_object_get(spec, "initContainers")));
		}
		initializing = true;
		break;
	}
	if (!initializing || cond_true(conds, "Initialized")) {
		json_t *css = json_object_get(st, "containerStatuses");
		bool running = false;

		restarts = sidecar_restarts;
		last = sidecar_last;
		for (size_t k = json_array_size(css); k-- > 0;) {
			const json_t *cs = json_array_get(css, k);
			const char *w = path_str(cs, "state.waiting.reason");
			const json_t *term = ck_json_path(cs, "state.terminated");
			const char *tr = path_str(cs, "state.terminated.reason");

			restarts += path_int(cs, "restartCount");
			track_restart(cs, &last);
			if (w && *w) {
				snprintf(reason, sizeof(reason), "%s", w);
			} else if (term && tr && *tr) {
				snprintf(reason, sizeof(reason), "%s", tr);
			} else if (term) {
				if (path_int(term, "signal"))
					snprintf(reason, sizeof(reason),
					         "Signal:%" JSON_INTEGER_FORMAT,
					         path_int(term, "signal"));
				else
					snprintf(reason, sizeof(reason),
					         "ExitCode:%" JSON_INTEGER_FORMAT,
					         path_int(term, "exitCode"));
			} else if (json_is_true(json_object_get(cs, "ready")) &&
			           ck_json_path(cs, "state.running")) {
				running = true;
				ready++;
			}
		}
		if (!strcmp(reason, "Completed") && running)
			snprintf(reason, sizeof(reason), "%s",
			         cond_true(conds, "Ready") ? "Running" : "NotReady");
	}
	if (path_str(obj, "metadata.deletionTimestamp") &&
	    !strcmp(str_or(st, "reason", ""), "NodeLost"))
		snprintf(reason, sizeof(reason), "Unknown");
	else if (path_str(obj, "metadata.deletionTimestamp") && strcmp(phase, "Succeeded") &&
	         strcmp(phase, "Failed"))
		snprintf(reason, sizeof(reason), "Terminating");

	ADD(cells, name_cell(obj));
	snprintf(buf, sizeof(buf), "%zu/%zu", ready, total);
	ADD(cells, json_string(buf));
	ADD(cells, json_string(reason));
	if (restarts && last) {
		char ago[32];

		ck_api_human_duration((int64_t)(now - last), ago, sizeof(ago));
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT " (%s ago)", restarts, ago);
	} else {
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, restarts);
	}
	ADD(cells, json_string(buf));
	ADD(cells, age(obj, now));
	ADD(cells,
	    json_string(str_or(json_array_get(json_object_get(st, "podIPs"), 0), "ip", "<none>")));
	ADD(cells, json_string(str_or(obj, "spec.nodeName", "<none>")));
	ADD(cells, json_string(str_or(obj, "status.nominatedNodeName", "<none>")));
	if (json_array_size(json_object_get(spec, "readinessGates"))) {
		size_t trues = 0;
		json_t *g;

		json_array_foreach(json_object_get(spec, "readinessGates"), i, g)
		{
			if (cond_true(conds, str_or(g, "conditionType", "")))
				trues++;
		}
		snprintf(buf, sizeof(buf), "%zu/%zu", trues,
		         json_array_size(json_object_get(spec, "readinessGates")));
		ADD(cells, json_string(buf));
	} else {
		ADD(cells, json_string("<none>"));
	}
}

static const char *node_address(const json_t *obj, const char *type)
{
	size_t i;
	json_t *a;

	json_array_foreach(ck_json_path(obj, "status.addresses"), i, a)
	{
		if (!strcmp(str_or(a, "type", ""), type))
			return str_or(a, "address", "");
	}
	return "<none>";
}

/* K8S: printNode and findNodeRoles. */
void ck_api_row_node(const json_t *obj, json_t *cells, time_t now)
{
	struct ck_buf status = CK_BUF_INIT, roles = CK_BUF_INIT;
	const json_t *labels = ck_json_path(obj, "metadata.labels");
	const char *rl[64];
	size_t nr = 0, i;
	const char *k;
	json_t *c, *v;
	bool seen = false;

	json_array_foreach(ck_json_path(obj, "status.conditions"), i, c)
	{
		if (!strcmp(str_or(c, "type", ""), "Ready") && !seen) {
			seen = true;
			ck_buf_adds(&status, !strcmp(str_or(c, "status", ""), "True") ? "Ready"
			                                                              : "NotReady");
		}
	}
	if (!seen)
		ck_buf_adds(&status, "Unknown");
	if (json_is_true(ck_json_path(obj, "spec.unschedulable")))
		ck_buf_adds(&status, ",SchedulingDisabled");
	json_object_foreach((json_t *)labels, k, v)
	{
		const char *role = NULL;

		if (ck_str_skip_prefix(k, "node-role.kubernetes.io/", &role) && *role) {
		} else if (!strcmp(k, "kubernetes.io/role") && json_string_value(v) &&
		           *json_string_value(v)) {
			role = json_string_value(v);
		} else {
			role = NULL;
		}
		if (role && nr < CK_ARRAY_SIZE(rl)) {
			bool dup = false;

			for (size_t j = 0; j < nr; j++)
				dup = dup || !strcmp(rl[j], role);
			if (!dup)
				rl[nr++] = role;
		}
	}
	qsort(rl, nr, sizeof(*rl), cmp_str);
	for (i = 0; i < nr; i++)
		ck_buf_addf(&roles, "%s%s", i ? "," : "", rl[i]);
	ADD(cells, name_cell(obj));
	ADD(cells, json_string(status.data));
	ADD(cells, json_string(nr ? roles.data : "<none>"));
	ADD(cells, age(obj, now));
	ADD(cells, str_cell(path_str(obj, "status.nodeInfo.kubeletVersion")));
	ADD(cells, json_string(node_address(obj, "InternalIP")));
	ADD(cells, json_string(node_address(obj, "ExternalIP")));
	ADD(cells, json_string(str_or(obj, "status.nodeInfo.osImage", "<unknown>")));
	ADD(cells, json_string(str_or(obj, "status.nodeInfo.kernelVersion", "<unknown>")));
	ADD(cells,
	    json_string(str_or(obj, "status.nodeInfo.containerRuntimeVersion", "<unknown>")));
	ck_buf_release(&status);
	ck_buf_release(&roles);
}

static json_t *ratio(json_int_t a, json_int_t b)
{
	char buf[48];

	snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT "/%" JSON_INTEGER_FORMAT, a, b);
	return json_string(buf);
}

void ck_api_row_deployment(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, ratio(path_int(obj, "status.readyReplicas"), path_int(obj, "spec.replicas")));
	ADD(cells, int_cell(path_int(obj, "status.updatedReplicas")));
	ADD(cells, int_cell(path_int(obj, "status.availableReplicas")));
	ADD(cells, age(obj, now));
	containers_cells(ck_json_path(obj, "spec.template.spec"), cells);
	ADD(cells, format_selector(ck_json_path(obj, "spec.selector"), "<invalid>"));
}

void ck_api_row_replicaset(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, int_cell(path_int(obj, "spec.replicas")));
	ADD(cells, int_cell(path_int(obj, "status.replicas")));
	ADD(cells, int_cell(path_int(obj, "status.readyReplicas")));
	ADD(cells, age(obj, now));
	containers_cells(ck_json_path(obj, "spec.template.spec"), cells);
	ADD(cells, format_selector(ck_json_path(obj, "spec.selector"), "<error>"));
}

void ck_api_row_daemonset(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, int_cell(path_int(obj, "status.desiredNumberScheduled")));
	ADD(cells, int_cell(path_int(obj, "status.currentNumberScheduled")));
	ADD(cells, int_cell(path_int(obj, "status.numberReady")));
	ADD(cells, int_cell(path_int(obj, "status.updatedNumberScheduled")));
	ADD(cells, int_cell(path_int(obj, "status.numberAvailable")));
	ADD(cells, format_labels(ck_json_path(obj, "spec.template.spec.nodeSelector")));
	ADD(cells, age(obj, now));
	containers_cells(ck_json_path(obj, "spec.template.spec"), cells);
	ADD(cells, format_selector(ck_json_path(obj, "spec.selector"), "<error>"));
}

void ck_api_row_statefulset(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, ratio(path_int(obj, "status.readyReplicas"), path_int(obj, "spec.replicas")));
	ADD(cells, age(obj, now));
	containers_cells(ck_json_path(obj, "spec.template.spec"), cells);
}

void ck_api_row_lease(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, str_cell(path_str(obj, "spec.holderIdentity")));
	ADD(cells, age(obj, now));
}

/* K8S: IntOrString.String() of minAvailable/maxUnavailable, "N/A" when unset. */
static json_t *int_or_string(const json_t *v)
{
	char buf[32];

	if (json_is_string(v))
		return json_string(json_string_value(v));
	if (json_is_integer(v)) {
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return json_string(buf);
	}
	return json_string("N/A");
}

void ck_api_row_pdb(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, int_or_string(ck_json_path(obj, "spec.minAvailable")));
	ADD(cells, int_or_string(ck_json_path(obj, "spec.maxUnavailable")));
	ADD(cells, int_cell(path_int(obj, "status.disruptionsAllowed")));
	ADD(cells, age(obj, now));
}

/* K8S: hasJobCondition: the first condition of the type decides. */
static bool job_condition(const json_t *obj, const char *type)
{
	size_t i;
	json_t *c;

	json_array_foreach(ck_json_path(obj, "status.conditions"), i, c)
	{
		const char *t = json_string_value(json_object_get(c, "type"));

		if (t && !strcmp(t, type))
			return !strcmp(str_or(c, "status", ""), "True");
	}
	return false;
}

void ck_api_row_job(const json_t *obj, json_t *cells, time_t now)
{
	json_int_t succeeded = path_int(obj, "status.succeeded");
	json_t *completions = ck_json_path(obj, "spec.completions");
	json_int_t parallelism = path_int(obj, "spec.parallelism");
	char buf[96], dur[32] = "";
	time_t start, end;
	const char *status = "Running";

	if (json_is_integer(completions))
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT "/%" JSON_INTEGER_FORMAT,
		         succeeded, json_integer_value(completions));
	else if (parallelism > 1)
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT "/1 of %" JSON_INTEGER_FORMAT,
		         succeeded, parallelism);
	else
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT "/1", succeeded);
	/* K8S: the duration runs from startTime to completionTime, or to now. */
	if (parse_time(path_str(obj, "status.startTime"), &start)) {
		if (!parse_time(path_str(obj, "status.completionTime"), &end))
			end = now;
		ck_api_human_duration((int64_t)(end - start), dur, sizeof(dur));
	}
	if (job_condition(obj, "Complete"))
		status = "Complete";
	else if (job_condition(obj, "Failed"))
		status = "Failed";
	else if (path_str(obj, "metadata.deletionTimestamp"))
		status = "Terminating";
	else if (job_condition(obj, "Suspended"))
		status = "Suspended";
	else if (job_condition(obj, "FailureTarget"))
		status = "FailureTarget";
	ADD(cells, name_cell(obj));
	ADD(cells, json_string(status));
	ADD(cells, json_string(buf));
	ADD(cells, json_string(dur));
	ADD(cells, age(obj, now));
	containers_cells(ck_json_path(obj, "spec.template.spec"), cells);
	ADD(cells, format_selector(ck_json_path(obj, "spec.selector"), "<error>"));
}

/* K8S: printBoolPtr: "True", "False", "<unset>". */
static json_t *bool_ptr_cell(const json_t *v)
{
	if (!json_is_boolean(v))
		return json_string("<unset>");
	return json_string(json_is_true(v) ? "True" : "False");
}

void ck_api_row_cronjob(const json_t *obj, json_t *cells, time_t now)
{
	const char *last = path_str(obj, "status.lastScheduleTime");

	ADD(cells, name_cell(obj));
	ADD(cells, str_cell(path_str(obj, "spec.schedule")));
	ADD(cells, json_string(str_or(obj, "spec.timeZone", "<none>")));
	ADD(cells, bool_ptr_cell(ck_json_path(obj, "spec.suspend")));
	ADD(cells, int_cell((json_int_t)json_array_size(ck_json_path(obj, "status.active"))));
	ADD(cells, last ? since(last, now) : json_string("<none>"));
	ADD(cells, age(obj, now));
	containers_cells(ck_json_path(obj, "spec.jobTemplate.spec.template.spec"), cells);
	ADD(cells, format_selector(ck_json_path(obj, "spec.jobTemplate.spec.selector"), "<error>"));
}

/* K8S: formatHosts: up to three hosts, "*" when no rule names one. */
static json_t *ingress_hosts(const json_t *rules)
{
	struct ck_buf b = CK_BUF_INIT;
	size_t i, n = 0;
	json_t *r, *out;
	bool more = false;

	json_array_foreach(rules, i, r)
	{
		const char *h = json_string_value(json_object_get(r, "host"));

		if (n == 3)
			more = true;
		if (!more && h && *h)
			ck_buf_addf(&b, "%s%s", n++ ? "," : "", h);
	}
	if (!n)
		out = json_string("*");
	else if (more)
		out = json_sprintf("%s + %zu more...", b.data, json_array_size(rules) - 3);
	else
		out = json_string(b.data);
	ck_buf_release(&b);
	return out;
}

/*
 * K8S: ingressLoadBalancerStatusStringer with wide (the server prints wide): the sorted,
 * distinct IPs (else hostnames) of status.loadBalancer.ingress joined by ','.
 */
static json_t *ingress_address(const json_t *obj)
{
	json_t *lb = ck_json_path(obj, "status.loadBalancer.ingress"), *e, *out;
	const char *items[64];
	size_t i, n = 0;
	struct ck_buf b = CK_BUF_INIT;

	json_array_foreach(lb, i, e)
	{
		const char *ip = json_string_value(json_object_get(e, "ip"));
		const char *host = json_string_value(json_object_get(e, "hostname"));
		const char *v = ip && *ip ? ip : host && *host ? host : NULL;

		if (v && n < CK_ARRAY_SIZE(items))
			items[n++] = v;
	}
	qsort(items, n, sizeof(*items), cmp_str);
	for (i = 0; i < n; i++)
		if (!i || strcmp(items[i], items[i - 1]))
			ck_buf_addf(&b, "%s%s", b.len ? "," : "", items[i]);
	out = json_string(b.data ? b.data : "");
	ck_buf_release(&b);
	return out;
}

void ck_api_row_ingress(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, json_string(str_or(obj, "spec.ingressClassName", "<none>")));
	ADD(cells, ingress_hosts(ck_json_path(obj, "spec.rules")));
	ADD(cells, ingress_address(obj));
	/* K8S: formatPorts: "80, 443" with TLS, else "80". */
	ADD(cells, json_string(json_array_size(ck_json_path(obj, "spec.tls")) ? "80, 443" : "80"));
	ADD(cells, age(obj, now));
}

void ck_api_row_priorityclass(const json_t *obj, json_t *cells, time_t now)
{
	ADD(cells, name_cell(obj));
	ADD(cells, int_cell(path_int(obj, "value")));
	ADD(cells, json_boolean(json_is_true(ck_json_path(obj, "globalDefault"))));
	ADD(cells, age(obj, now));
	ADD(cells, str_cell(path_str(obj, "preemptionPolicy")));
}

/*
 * K8S: printResourceQuota: "<resource>: <used>/<hard>" for each of status.hard, sorted;
 * resources named limits.* in the Limit column, the others in Request.
 */
void ck_api_row_resourcequota(const json_t *obj, json_t *cells, time_t now)
{
	json_t *hard = ck_json_path(obj, "status.hard"), *used = ck_json_path(obj, "status.used");
	size_t n = json_object_size(hard), i = 0;
	const char **keys = ck_xcalloc(n ? n : 1, sizeof(*keys));
	struct ck_buf req = CK_BUF_INIT, lim = CK_BUF_INIT;
	const char *k;
	json_t *v;

	json_object_foreach(hard, k, v)
	{
		keys[i++] = k;
	}
	qsort(keys, n, sizeof(*keys), cmp_str);
	for (i = 0; i < n; i++) {
		struct ck_buf *w = !strncmp(keys[i], "limits.", 7) ? &lim : &req;
		const char *u = json_string_value(json_object_get(used, keys[i]));
		const char *h = json_string_value(json_object_get(hard, keys[i]));

		ck_buf_addf(w, "%s%s: %s/%s", w->len ? ", " : "", keys[i], u ? u : "0",
		            h ? h : "0");
	}
	free(keys);
	ADD(cells, name_cell(obj));
	ADD(cells, json_string(req.data ? req.data : ""));
	ADD(cells, json_string(lim.data ? lim.data : ""));
	ADD(cells, age(obj, now));
	ck_buf_release(&req);
	ck_buf_release(&lim);
}

/* K8S: printRoleBinding / printClusterRoleBinding with rbac.SubjectsStrings. */
void ck_api_row_rolebinding(const json_t *obj, json_t *cells, time_t now)
{
	struct ck_buf users = CK_BUF_INIT, groups = CK_BUF_INIT, sas = CK_BUF_INIT,
	              ref = CK_BUF_INIT;
	size_t i;
	json_t *s;

	ck_buf_addf(&ref, "%s/%s", str_or(obj, "roleRef.kind", ""),
	            str_or(obj, "roleRef.name", ""));
	json_array_foreach(ck_json_path(obj, "subjects"), i, s)
	{
		const char *kind = str_or(s, "kind", ""), *name = str_or(s, "name", "");

		if (!strcmp(kind, "ServiceAccount"))
			ck_buf_addf(&sas, "%s%s/%s", sas.len ? ", " : "",
			            str_or(s, "namespace", ""), name);
		else if (!strcmp(kind, "User"))
			ck_buf_addf(&users, "%s%s", users.len ? ", " : "", name);
		else if (!strcmp(kind, "Group"))
			ck_buf_addf(&groups, "%s%s", groups.len ? ", " : "", name);
	}
	ADD(cells, name_cell(obj));
	ADD(cells, json_string(ref.data));
	ADD(cells, age(obj, now));
	ADD(cells, json_string(users.data ? users.data : ""));
	ADD(cells, json_string(groups.data ? groups.data : ""));
	ADD(cells, json_string(sas.data ? sas.data : ""));
	ck_buf_release(&users);
	ck_buf_release(&groups);
	ck_buf_release(&sas);
	ck_buf_release(&ref);
}

/*
 * K8S: rest.defaultTableConvertor: the name and creationTimestamp in RFC 3339, UTC (a
 * zero time prints as Go's zero time).
 */
void ck_api_row_default(const json_t *obj, json_t *cells, time_t now)
{
	char buf[CK_TIME_RFC3339_LEN];
	time_t t;

	(void)now;
	ADD(cells, name_cell(obj));
	if (parse_time(path_str(obj, "metadata.creationTimestamp"), &t)) {
		ck_time_format_rfc3339(t, buf);
		ADD(cells, json_string(buf));
	} else {
		ADD(cells, json_string("0001-01-01T00:00:00Z"));
	}
}

/* ---- the Table ------------------------------------------------------------------------ */

json_t *ck_api_table_columns(const struct ck_resource *res)
{
	json_t *cols = json_array();

	for (size_t i = 0; i < res->ncolumns; i++) {
		const struct ck_api_column *c = &res->columns[i];

		json_array_append_new(cols,
		                      json_pack("{s:s,s:s,s:s,s:s,s:i}", "name", c->name, "type",
		                                c->type, "format", c->format, "description",
		                                c->description, "priority", c->priority));
	}
	return cols;
}

static json_t *row_with(const struct ck_resource *res, const json_t *obj,
                        enum ck_api_include include, const char *table_version, time_t now)
{
	json_t *row = json_object(), *cells = json_array();

	if (obj)
		res->row(obj, cells, now);
	json_object_set_new(row, "cells", cells);
	switch (include) {
	case CK_API_INCLUDE_NONE:
		break;
	case CK_API_INCLUDE_OBJECT:
		json_object_set(row, "object", (json_t *)obj);
		break;
	case CK_API_INCLUDE_METADATA: {
		/* K8S: meta.AsPartialObjectMetadata. */
		json_t *md = json_deep_copy(json_object_get(obj, "metadata"));

		json_object_del(md, "managedFields");
		json_object_set_new(row, "object",
		                    json_pack("{s:s,s:s,s:o}", "kind", "PartialObjectMetadata",
		                              "apiVersion", table_version, "metadata",
		                              md ? md : json_object()));
		break;
	}
	}
	return row;
}

json_t *ck_api_table_row(const struct ck_resource *res, const json_t *obj,
                         enum ck_api_include include, const char *table_version, time_t now)
{
	return row_with(res, obj, include, table_version, now);
}

void ck_api_table_single(const struct ck_api_op *op, const json_t *obj, bool columns,
                         struct ck_buf *out)
{
	const char *rv = ck_json_path_str(obj, "metadata.resourceVersion");
	json_t *t = json_object(), *rows = json_array();

	json_object_set_new(t, "kind", json_string("Table"));
	json_object_set_new(t, "apiVersion", json_string(ck_api_table_version(op)));
	json_object_set_new(t, "metadata",
	                    rv ? json_pack("{s:s}", "resourceVersion", rv) : json_object());
	json_object_set_new(t, "columnDefinitions",
	                    columns ? ck_api_table_columns(op->res) : json_array());
	json_array_append_new(
	        rows, row_with(op->res, obj, op->include, ck_api_table_version(op), time(NULL)));
	json_object_set_new(t, "rows", rows);
	ck_api_obj_dump(t, out);
	json_decref(t);
}
