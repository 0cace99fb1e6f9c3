/*
 * PATCH for the API server (see patch.h): the Content-Type to patch type mapping, and the
 * part of applying a patch that is the same for every type: parsing the body, copying the
 * original so that it is never modified, and checking that the result is an object that
 * can be stored and parsed again. The engines are in patch-json.c, patch-merge.c and
 * patch-strategic.c.
 */
#include <math.h>

#include "base/compat.h"

#include "api/patch-int.h"
#include "api/patch.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"

/* K8S: the order kube-apiserver lists them in its 415 message (endpoints/installer.go). */
static const enum ck_patch_type type_order[] = {
        CK_PATCH_JSON,
        CK_PATCH_MERGE,
        CK_PATCH_STRATEGIC,
        CK_PATCH_APPLY_YAML,
};

const char *ck_patch_media_type(enum ck_patch_type type)
{
	switch (type) {
	case CK_PATCH_JSON:
		return "application/json-patch+json";
	case CK_PATCH_MERGE:
		return "application/merge-patch+json";
	case CK_PATCH_STRATEGIC:
		return "application/strategic-merge-patch+json";
	case CK_PATCH_APPLY_YAML:
		return "application/apply-patch+yaml";
	}
	return "";
}

int ck_patch_parse_type(const char *content_type, unsigned accepted, enum ck_patch_type *out,
                        struct ck_error **err)
{
	const char *ct = content_type ? content_type : "";
	const char *semi = strchr(ct, ';');
	/* K8S: "Remove "; charset=" if included in header", only when ';' is not first. */
	size_t len = semi && semi > ct ? (size_t)(semi - ct) : strlen(ct);
	struct ck_buf list = CK_BUF_INIT;

	for (size_t i = 0; i < CK_ARRAY_SIZE(type_order); i++) {
		const char *mt = ck_patch_media_type(type_order[i]);

		if (!(accepted & CK_PATCH_ACCEPT(type_order[i])))
			continue;
		if (strlen(mt) == len && memcmp(mt, ct, len) == 0) {
			ck_buf_release(&list);
			*out = type_order[i];
			return 0;
		}
		ck_buf_adds(&list, list.len ? ", " : "");
		ck_buf_adds(&list, mt);
	}
	/* K8S: negotiation.NewUnsupportedMediaTypeError(patchTypes), 415 UnsupportedMediaType. */
	ck_error_set(err, 415, CK_REASON_UNSUPPORTED,
	             "the body of the request was in an unknown format - accepted media types "
	             "include: %s",
	             list.data);
	ck_buf_release(&list);
	return -1;
}

bool ck_patch_depth_exceeds(const json_t *v, size_t limit)
{
	const char *key;
	json_t *child;
	size_t i;

	/* Every value is one level, as jansson's parser counts them: a scalar too. */
	if (limit == 0)
		return true;
	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, child)
		{
			if (ck_patch_depth_exceeds(child, limit - 1))
				return true;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
		{
			if (ck_patch_depth_exceeds(child, limit - 1))
				return true;
		}
	}
	return false;
}

json_t *ck_patch_prune_nulls(const json_t *v)
{
	const char *key;
	size_t key_len, i;
	json_t *child, *copy;

	if (json_is_object(v)) {
		copy = json_object();
		json_object_keylen_foreach((json_t *)v, key, key_len, child)
		{
			if (!json_is_null(child))
				json_object_setn_new_nocheck(copy, key, key_len,
				                             ck_patch_prune_nulls(child));
		}
		return copy;
	}
	if (json_is_array(v)) {
		copy = json_array();
		json_array_foreach(v, i, child)
		{
			json_array_append_new(copy, ck_patch_prune_nulls(child));
		}
		return copy;
	}
	return json_deep_copy(v);
}

void ck_patch_quote(struct ck_buf *b, const char *s, size_t len)
{
	enum { MAX_QUOTE = 200 };

	ck_buf_add_utf8(b, s, len > MAX_QUOTE ? MAX_QUOTE : len);
	if (len > MAX_QUOTE)
		ck_buf_adds(b, "...");
}

int ck_patch_apply(enum ck_patch_type type, const json_t *original, const char *patch, size_t len,
                   const struct ck_patch_schema *schema, json_t **out, struct ck_error **err)
{
	json_t *body, *doc;
	int r;

	if (type == CK_PATCH_APPLY_YAML)
		return ck_error_set(err, 500, NULL,
		                    "server-side apply patches are not applied by ck_patch_apply");
	if (type != CK_PATCH_JSON && type != CK_PATCH_MERGE && type != CK_PATCH_STRATEGIC)
		return ck_error_set(err, 500, NULL, "unknown patch type %d", (int)type);
	if (!json_is_object(original))
		return ck_error_set(err, 500, NULL, "cannot patch: the original is not an object");
	/* The engines recurse over the original: bound that before anything else. */
	if (ck_patch_depth_exceeds(original, CK_PATCH_MAX_DEPTH))
		return ck_error_set(err, 500, NULL,
		                    "cannot patch: the original is nested more than %d levels deep",
		                    CK_PATCH_MAX_DEPTH);

	/*
	 * K8S: a body that is not JSON is 400 "invalid JSON patch" (validateAndTranscodePatch).
	 * ckube's parser also refuses duplicate members, where Go would keep the last one.
	 */
	body = ck_json_parse(patch ? patch : "", patch ? len : 0, err);
	if (!body)
		return ck_error_wrap(err, "invalid JSON patch");

	doc = json_deep_copy(original);
	if (!doc)
		CK_BUG("json_deep_copy failed");
	switch (type) {
	case CK_PATCH_JSON:
		r = ck_patch_apply_json(&doc, body, err);
		break;
	case CK_PATCH_MERGE:
		r = ck_patch_apply_merge(&doc, body, err);
		break;
	default:
		r = ck_patch_apply_strategic(&doc, body, schema, err);
		break;
	}
	json_decref(body);
	if (r < 0)
		goto fail;
	/* K8S: a result that does not decode into the kind is 422 Invalid (applyPatchToObject). */
	if (!json_is_object(doc)) {
		r = ck_error_set(err, 422, CK_REASON_INVALID,
		                 "patch: Invalid value: the patched object is not a JSON object");
		goto fail;
	}
	if (ck_patch_depth_exceeds(doc, CK_PATCH_MAX_DEPTH)) {
		r = ck_error_set(err, 422, CK_REASON_INVALID,
		                 "patch: Invalid value: the patched object is nested more than %d "
		                 "levels deep",
		                 CK_PATCH_MAX_DEPTH);
		goto fail;
	}
	*out = doc;
	return 0;

fail:
	json_decref(doc);
	return r;
}

/* K8S: Go's %v of a float64: the shortest digits that read back, %e form when the exponent
 * is below -4 or at least 6 (strconv's 'g' with precision -1), exponents of two digits or more. */
static void format_go_float(struct ck_buf *b, double d)
{
	char buf[40], digits[24];
	int prec, exp, nd = 0;
	char *e;

	if (isnan(d) || isinf(d)) {
		ck_buf_adds(b, isnan(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf");
		return;
	}
	if (d == 0) {
		ck_buf_adds(b, signbit(d) ? "-0" : "0");
		return;
	}
	for (prec = 0; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	e = strchr(buf, 'e');
	CK_BUG_ON(!e);
	exp = (int)strtol(e + 1, NULL, 10);
	for (const char *p = buf; p < e; p++)
		if (*p >= '0' && *p <= '9')
			digits[nd++] = *p;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	digits[nd] = 0;
	if (d < 0)
		ck_buf_addch(b, '-');
	if (exp < -4 || exp >= 6) {
		ck_buf_addch(b, digits[0]);
		if (nd > 1)
			ck_buf_addf(b, ".%s", digits + 1);
		ck_buf_addf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	} else if (exp >= 0) {
		if (nd <= exp + 1) {
			ck_buf_adds(b, digits);
			for (int i = nd; i < exp + 1; i++)
				ck_buf_addch(b, '0');
		} else {
			ck_buf_add(b, digits, (size_t)exp + 1);
			ck_buf_addf(b, ".%s", digits + exp + 1);
		}
	} else {
		ck_buf_adds(b, "0.");
		for (int i = 0; i < -exp - 1; i++)
			ck_buf_addch(b, '0');
		ck_buf_adds(b, digits);
	}
}

static int cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void ck_patch_format_go(struct ck_buf *b, const json_t *v)
{
	const char **keys;
	const char *key;
	json_t *child;
	size_t i, n;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		n = 0;
		keys = ck_xcalloc(json_object_size(v) + 1, sizeof(*keys));
		json_object_foreach((json_t *)v, key, child)
		{
			keys[n++] = key;
		}
		/* K8S: fmt prints maps with their keys sorted (internal/fmtsort). */
		qsort(keys, n, sizeof(*keys), cmp_keys);
		ck_buf_adds(b, "map[");
		for (i = 0; i < n; i++) {
			if (i)
				ck_buf_addch(b, ' ');
			ck_buf_adds(b, keys[i]);
			ck_buf_addch(b, ':');
			ck_patch_format_go(b, json_object_get(v, keys[i]));
		}
		ck_buf_addch(b, ']');
		free(keys);
		break;
	case JSON_ARRAY:
		ck_buf_addch(b, '[');
		json_array_foreach(v, i, child)
		{
			if (i)
				ck_buf_addch(b, ' ');
			ck_patch_format_go(b, child);
		}
		ck_buf_addch(b, ']');
		break;
	case JSON_STRING:
		ck_buf_add(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		ck_buf_addf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		break;
	case JSON_REAL:
		format_go_float(b, json_real_value(v));
		break;
	case JSON_TRUE:
		ck_buf_adds(b, "true");
		break;
	case JSON_FALSE:
		ck_buf_adds(b, "false");
		break;
	default:
		ck_buf_adds(b, "<nil>");
		break;
	}
}
