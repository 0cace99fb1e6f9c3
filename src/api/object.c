/*
 * Objects as the API server handles them: stored values and their resourceVersion,
 * ObjectMeta's field order, uids and generated names, the small parsers of request
 * parameters, and the metadata validation every kind gets.
 */
#include <sys/random.h>

#include <jansson.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "base/json.h"
#include "base/mem.h"
#include "base/validate.h"
#include "store/json-scan.h"

json_t *ck_api_obj_from_kv(const char *value, size_t len, int64_t rv)
{
	json_t *obj = ck_json_scan_load(value, len);

	if (!obj)
		obj = json_loadb(value, len, JSON_REJECT_DUPLICATES, NULL);

	if (!json_is_object(obj)) {
		json_decref(obj);
		return NULL;
	}
	ck_api_obj_set_rv(obj, rv);
	return obj;
}

void ck_api_obj_set_rv(json_t *obj, int64_t rv)
{
	json_t *md = json_object_get(obj, "metadata");
	char buf[24];

	if (!json_is_object(md)) {
		md = json_object();
		json_object_set_new(obj, "metadata", md);
	}
	if (!rv) {
		json_object_del(md, "resourceVersion");
		return;
	}
	/* K8S: metadata.resourceVersion is the etcd revision, as a decimal string. */
	snprintf(buf, sizeof(buf), "%" PRId64, rv);
	json_object_set_new(md, "resourceVersion", json_string(buf));
}

/* K8S: the JSON field order of metav1.ObjectMeta. */
static const char *const meta_order[] = {
        "name",
        "generateName",
        "namespace",
        "selfLink",
        "uid",
        "resourceVersion",
        "generation",
        "creationTimestamp",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "labels",
        "annotations",
        "ownerReferences",
        "finalizers",
        "managedFields",
};

static json_t *ordered(json_t *src, const char *const *order, size_t n)
{
	json_t *dst = json_object();
	const char *k;
	json_t *v;

	for (size_t i = 0; i < n; i++) {
		v = json_object_get(src, order[i]);
		if (v)
			json_object_set(dst, order[i], v);
	}
	json_object_foreach(src, k, v)
	{
		if (!json_object_get(dst, k))
			json_object_set(dst, k, v);
	}
	return dst;
}

/* K8S: the order of a top-level object's first fields. */
static const char *const top_order[] = {"kind", "apiVersion", "metadata"};

/* ObjectMeta's place of resourceVersion in meta_order. */
#define RV_RANK 5

/* key's place in order[0, n), or n. */
static size_t rank_in(const char *key, const char *const *order, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(key, order[i]))
			return i;
	return n;
}

/* ObjectMeta's place of managedFields in meta_order. */
#define MF_RANK 14

/*
 * Open the next member of an object being dumped: its comma, and in metadata (rv_at not
 * NULL, still SIZE_MAX) the offset of the first member after resourceVersion's place.
 */
static void next_member(struct ck_buf *out, size_t *count, size_t rank, size_t *rv_at)
{
	if ((*count)++)
		ck_buf_addch(out, ',');
	if (rv_at && *rv_at == SIZE_MAX && rank > RV_RANK)
		*rv_at = out->len;
}

/*
 * Append o as ck_api_obj_dump writes ck_api_obj_normalize's tree of it, without building
 * that tree: the members the order names (top_order, or meta_order for metadata), then the
 * others as they come. In metadata, managed (when not empty) is written as managedFields,
 * and *rv_at (when rv_at is not NULL and it is still SIZE_MAX) becomes the offset of the
 * first member after resourceVersion's place.
 */
static void dump_ordered(const json_t *o, bool meta, const struct ck_buf *managed,
                         struct ck_buf *out, size_t *rv_at)
{
	const char *const *order = meta ? meta_order : top_order;
	size_t n = meta ? CK_ARRAY_SIZE(meta_order) : CK_ARRAY_SIZE(top_order), count = 0;

	ck_buf_addch(out, '{');
	for (size_t i = 0; i <= n; i++) {
		if (meta && i == MF_RANK && managed && managed->len) {
			next_member(out, &count, i, rv_at);
			ck_buf_adds(out, "\"managedFields\":");
			ck_buf_add(out, managed->data, managed->len);
			continue;
		}
		void *it = i < n ? json_object_iter_at((json_t *)o, order[i])
		                 : json_object_iter((json_t *)o);

		for (; it; it = i < n ? NULL : json_object_iter_next((json_t *)o, it)) {
			const char *k = json_object_iter_key(it);
			json_t *v = json_object_iter_value(it);

			if (i == n && rank_in(k, order, n) < n)
				continue;
			next_member(out, &count, i, meta ? rv_at : NULL);
			/* Strings come from jansson's parser or from ckube: always valid UTF-8. */
			CK_BUG_ON(ck_json_dump_string(out, k, json_object_iter_key_len(it)) < 0);
			ck_buf_addch(out, ':');
			if (!meta && i == 2 && json_is_object(v))
				dump_ordered(v, true, managed, out, rv_at);
			else
				ck_api_obj_dump(v, out);
		}
	}
	ck_buf_addch(out, '}');
}

void ck_api_obj_dump_normalized(const json_t *obj, const struct ck_buf *managed, struct ck_buf *out)
{
	dump_ordered(obj, false, managed, out, NULL);
}

size_t ck_api_obj_dump_stored(json_t *obj, const struct ck_buf *managed, struct ck_buf *out)
{
	size_t at = SIZE_MAX;

	CK_BUG_ON(strcmp(meta_order[RV_RANK], "resourceVersion") ||
	          strcmp(meta_order[MF_RANK], "managedFields") || strcmp(top_order[2], "metadata"));
	ck_api_obj_set_rv(obj, 0);
	dump_ordered(obj, false, managed, out, &at);
	return at;
}

json_t *ck_api_obj_normalize(json_t *obj)
{
	json_t *out = ordered(obj, top_order, CK_ARRAY_SIZE(top_order));
	json_t *md = json_object_get(out, "metadata");

	if (json_is_object(md))
		json_object_set_new(out, "metadata",
		                    ordered(md, meta_order, CK_ARRAY_SIZE(meta_order)));
	return out;
}

void ck_api_obj_dump(const json_t *obj, struct ck_buf *out)
{
	/* Strings come from jansson's parser or from ckube: always valid UTF-8. */
	CK_BUG_ON(ck_json_dump_buf(obj, out, false, NULL) < 0);
}

static void random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len) {
		ssize_t n = getrandom(p, len, 0);

		if (n < 0) {
			CK_BUG_ON(errno != EINTR);
			continue;
		}
		p += n;
		len -= (size_t)n;
	}
}

void ck_api_uuid(char buf[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	char *p = buf;

	/* K8S: uuid.NewUUID is a random (version 4, RFC 4122 variant) UUID. */
	random_bytes(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	/* 8-4-4-4-12 hex digits; by hand: snprintf's 16 conversions cost more than the rest. */
	for (size_t i = 0; i < sizeof(b); i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 0xf];
	}
	*p = '\0';
}

char *ck_api_generate_name(const char *base)
{
	/* K8S: names.SimpleNameGenerator and utilrand.String's alphabet (no vowels). */
	static const char alphanums[] = "bcdfghjklmnpqrstvwxz2456789";
	unsigned char r[5];
	char suffix[6];
	size_t len = strlen(base);

	if (len > 58)
		len = 58;
	random_bytes(r, sizeof(r));
	for (size_t i = 0; i < 5; i++)
		suffix[i] = alphanums[r[i] % (sizeof(alphanums) - 1)];
	suffix[5] = '\0';
	return ck_xasprintf("%.*s%s", (int)len, base, suffix);
}

int ck_api_parse_rv(const char *s, int64_t *out)
{
	return ck_str_to_int64(s, 0, INT64_MAX, out);
}

int ck_api_parse_bool(const char *s, bool *out)
{
	/* K8S: strconv.ParseBool, which the parameter codec uses (Python sends "True"). */
	static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True"};
	static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False"};

	for (size_t i = 0; i < CK_ARRAY_SIZE(t); i++) {
		if (!strcmp(s, t[i]))
			return *out = true, 0;
		if (!strcmp(s, f[i]))
			return *out = false, 0;
	}
	return -1;
}

const char *ck_api_path_segment_problem(const char *name)
{
	/* K8S: apimachinery api/validation/path IsValidPathSegmentName. */
	if (!strcmp(name, "."))
		return "[may not be '.']";
	if (!strcmp(name, ".."))
		return "[may not be '..']";
	if (strchr(name, '/'))
		return "[may not contain '/']";
	if (strchr(name, '%'))
		return "[may not contain '%']";
	return NULL;
}

/* ---- metadata validation ---------------------------------------------------------- */

static size_t check_name(enum ck_api_name_rule rule, const char *name, const char **msgs)
{
	switch (rule) {
	case CK_API_NAME_LABEL:
		return ck_validate_dns1123_label(name, msgs);
	case CK_API_NAME_DNS1035:
		return ck_validate_dns1035_label(name, msgs);
	case CK_API_NAME_SUBDOMAIN:
		break;
	}
	return ck_validate_dns1123_subdomain(name, msgs);
}

static void validate_labels(const json_t *labels, struct ck_api_errlist *errs)
{
	const char *msgs[CK_VALIDATE_MAX_MSGS];
	const char *k;
	json_t *v;
	size_t n;

	/* K8S: v1validation.ValidateLabels: keys and values, both on "metadata.labels". */
	json_object_foreach((json_t *)labels, k, v)
	{
		n = ck_validate_label_key(k, msgs);
		for (size_t i = 0; i < n; i++)
			ck_api_errlist_invalid(errs, "metadata.labels", k, msgs[i]);
		if (!json_is_string(v)) {
			ck_api_errlist_invalid(errs, "metadata.labels", k,
			                       "label values must be strings");
			continue;
		}
		n = ck_validate_label_value(json_string_value(v), msgs);
		for (size_t i = 0; i < n; i++)
			ck_api_errlist_invalid(errs, "metadata.labels", json_string_value(v),
			                       msgs[i]);
	}
}

static void validate_annotations(const json_t *ann, struct ck_api_errlist *errs)
{
	const char *msgs[CK_VALIDATE_MAX_MSGS];
	const char *k;
	json_t *v;
	size_t total = 0;

	/* K8S: ValidateAnnotations: keys are qualified names in any case; 256 KiB in all. */
	json_object_foreach((json_t *)ann, k, v)
	{
		char *lower = ck_xstrdup(k);
		size_t n;

		for (char *p = lower; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		n = ck_validate_qualified_name(lower, msgs);
		for (size_t i = 0; i < n; i++)
			ck_api_errlist_invalid(errs, "metadata.annotations", k, msgs[i]);
		free(lower);
		total += strlen(k) + (json_is_string(v) ? json_string_length(v) : 0);
	}
	if (total > 256u * 1024) {
		/* K8S: field.TooLong(path, "", TotalAnnotationSizeLimitB). */
		ck_api_errlist_forbidden(errs, "metadata.annotations", NULL);
		errs->v[errs->n - 1].type = CK_CAUSE_TOO_LONG;
		free(errs->v[errs->n - 1].body);
		errs->v[errs->n - 1].body =
		        ck_xasprintf("Too long: may not be more than %d bytes", 256 * 1024);
	}
}

static void validate_owner_refs(const json_t *refs, struct ck_api_errlist *errs)
{
	static const char *const required[] = {"apiVersion", "kind", "name", "uid"};
	char field[96];
	size_t i;
	json_t *ref;

	/* K8S: validateOwnerReference: each of these "must not be empty". */
	json_array_foreach((json_t *)refs, i, ref)
	{
		for (size_t r = 0; r < CK_ARRAY_SIZE(required); r++) {
			const char *s = json_string_value(json_object_get(ref, required[r]));

			if (!s || !*s) {
				snprintf(field, sizeof(field), "metadata.ownerReferences[%zu].%s",
				         i, required[r]);
				ck_api_errlist_required(errs, field, "must not be empty");
			}
		}
	}
}

static void validate_finalizers(const json_t *fin, struct ck_api_errlist *errs)
{
	const char *msgs[CK_VALIDATE_MAX_MSGS];
	size_t i, n;
	json_t *f;

	/* K8S: ValidateFinalizers: each is a qualified name. */
	json_array_foreach((json_t *)fin, i, f)
	{
		const char *s = json_string_value(f);

		if (!s)
			continue;
		n = ck_validate_qualified_name(s, msgs);
		for (size_t m = 0; m < n; m++)
			ck_api_errlist_invalid(errs, "metadata.finalizers", s, msgs[m]);
	}
}

static void immutable(const json_t *md, const json_t *old_md, const char *key,
                      struct ck_api_errlist *errs)
{
	json_t *a = json_object_get(md, key), *b = json_object_get(old_md, key);
	char field[64];

	if ((a || b) && !(a && b && json_equal(a, b))) {
		snprintf(field, sizeof(field), "metadata.%s", key);
		if (json_is_string(a))
			ck_api_errlist_invalid(errs, field, json_string_value(a),
			                       "field is immutable");
		else
			ck_api_errlist_invalid_raw(errs, field, "null", "field is immutable");
	}
}

void ck_api_validate_meta(const struct ck_resource *res, const json_t *obj, const json_t *old,
                          struct ck_api_errlist *errs)
{
	const json_t *md = json_object_get(obj, "metadata");
	const char *name = json_string_value(json_object_get(md, "name"));
	const char *gen = json_string_value(json_object_get(md, "generateName"));
	const char *ns = json_string_value(json_object_get(md, "namespace"));
	const char *msgs[CK_VALIDATE_MAX_MSGS];
	size_t n;

	/* K8S: ValidateObjectMetaAccessor, with the kind's name function. */
	if (!old && gen && *gen) {
		/* K8S: maskTrailingDash: a prefix may end in '-' before the random suffix. */
		char *masked = ck_xstrdup(gen);
		size_t len = strlen(masked);

		if (len > 1 && masked[len - 1] == '-')
			masked[len - 1] = 'a';
		n = check_name(res->name_rule, masked, msgs);
		for (size_t i = 0; i < n; i++)
			ck_api_errlist_invalid(errs, "metadata.generateName", gen, msgs[i]);
		free(masked);
	}
	if (!name || !*name) {
		ck_api_errlist_required(errs, "metadata.name", "name or generateName is required");
	} else {
		n = check_name(res->name_rule, name, msgs);
		for (size_t i = 0; i < n; i++)
			ck_api_errlist_invalid(errs, "metadata.name", name, msgs[i]);
	}
	if (res->namespaced) {
		if (!ns || !*ns) {
			ck_api_errlist_required(errs, "metadata.namespace", "");
		} else {
			n = ck_validate_dns1123_label(ns, msgs);
			for (size_t i = 0; i < n; i++)
				ck_api_errlist_invalid(errs, "metadata.namespace", ns, msgs[i]);
		}
	} else if (ns && *ns) {
		ck_api_errlist_forbidden(errs, "metadata.namespace", "not allowed on this type");
	}
	validate_labels(json_object_get(md, "labels"), errs);
	validate_annotations(json_object_get(md, "annotations"), errs);
	validate_owner_refs(json_object_get(md, "ownerReferences"), errs);
	validate_finalizers(json_object_get(md, "finalizers"), errs);
	if (old) {
		/* K8S: ValidateObjectMetaAccessorUpdate. */
		const json_t *old_md = json_object_get(old, "metadata");

		immutable(md, old_md, "uid", errs);
		immutable(md, old_md, "creationTimestamp", errs);
	}
	if (res->validate)
		res->validate(obj, old, errs);
}

/* Append values (a JSON array of strings) as "(a,b)"; false when one is not a string. */
static bool selector_values(struct ck_buf *b, const json_t *values)
{
	size_t i;
	json_t *v;

	ck_buf_addch(b, '(');
	json_array_foreach(values, i, v)
	{
		if (!json_is_string(v))
			return false;
		if (i)
			ck_buf_addch(b, ',');
		ck_buf_adds(b, json_string_value(v));
	}
	ck_buf_addch(b, ')');
	return true;
}

int ck_api_label_selector_from_json(const json_t *sel, struct ck_label_selector **out,
                                    struct ck_error **err)
{
	struct ck_buf b = CK_BUF_INIT;
	const char *k;
	json_t *v;
	size_t i;
	int rc;

	*out = NULL;
	if (!sel || json_is_null(sel))
		return 0;
	if (!json_is_object(sel))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "a label selector must be an object");
	/* K8S: LabelSelectorAsSelector: matchLabels first, then each expression. */
	json_object_foreach((json_t *)json_object_get(sel, "matchLabels"), k, v)
	{
		if (!json_is_string(v)) {
			ck_buf_release(&b);
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "matchLabels value of '%s' is not a string", k);
		}
		ck_buf_addf(&b, "%s%s=%s", b.len ? "," : "", k, json_string_value(v));
	}
	json_array_foreach(json_object_get(sel, "matchExpressions"), i, v)
	{
		const char *key = json_string_value(json_object_get(v, "key"));
		const char *op = json_string_value(json_object_get(v, "operator"));
		json_t *values = json_object_get(v, "values");
		bool ok = key && op;

		if (ok && b.len)
			ck_buf_addch(&b, ',');
		if (!ok) {
		} else if (!strcmp(op, "In") || !strcmp(op, "NotIn")) {
			ck_buf_addf(&b, "%s %s ", key, !strcmp(op, "In") ? "in" : "notin");
			ok = json_array_size(values) && selector_values(&b, values);
		} else if (!strcmp(op, "Exists") && !json_array_size(values)) {
			ck_buf_adds(&b, key);
		} else if (!strcmp(op, "DoesNotExist") && !json_array_size(values)) {
			ck_buf_addf(&b, "!%s", key);
		} else {
			ok = false;
		}
		if (!ok) {
			ck_buf_release(&b);
			/* K8S: LabelSelectorAsSelector: `"x" is not a valid label selector operator`. */
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "%s is not a valid label selector expression",
			                    op ? op : "(none)");
		}
	}
	rc = ck_label_selector_parse(b.len ? b.data : "", out, err);
	ck_buf_release(&b);
	return rc;
}
