/*
 * JSON and base64 helpers (see json.h).
 */
#include "base/compat.h"

#include <openssl/evp.h>

#include "base/json.h"
#include "base/mem.h"

json_t *ck_json_parse(const char *data, size_t len, struct ck_error **err)
{
	json_error_t je;
	json_t *v = NULL;

	v = json_loadb(data, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	if (!v) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		             "invalid JSON at line %d column %d: %s", je.line, je.column, je.text);
		return NULL;
	}
	return v;
}

json_t *ck_json_parse_object(const char *data, size_t len, struct ck_error **err)
{
	json_t *v = ck_json_parse(data, len, err);

	if (v && !json_is_object(v)) {
		json_decref(v);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid JSON: expected an object");
		return NULL;
	}
	return v;
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
	ck_buf_add(data, buffer, size);
	return 0;
}

int ck_json_dump_buf(const json_t *v, struct ck_buf *b, bool sorted, struct ck_error **err)
{
	size_t start = b->len;
	size_t flags = JSON_COMPACT | JSON_ENCODE_ANY | (sorted ? JSON_SORT_KEYS : 0);

	if (json_dump_callback(v, dump_cb, b, flags) < 0) {
		ck_buf_truncate(b, start);
		return ck_error_set(err, 500, NULL, "cannot encode JSON");
	}
	return 0;
}

char *ck_json_dumps(const json_t *v)
{
	struct ck_buf b = CK_BUF_INIT;

	if (ck_json_dump_buf(v, &b, false, NULL) < 0)
		ck_buf_adds(&b, "<unencodable>");
	return ck_buf_detach(&b, NULL);
}

static int get_typed(const json_t *obj, const char *key, json_type type, const char *tname,
                     json_t **out, struct ck_error **err)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	if (!v || json_is_null(v))
		return 1;
	if (json_typeof(v) != type && !(type == JSON_TRUE && json_is_boolean(v)))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "field '%s': expected %s", key,
		                    tname);
	*out = v;
	return 0;
}

int ck_json_get_str(const json_t *obj, const char *key, const char **out, struct ck_error **err)
{
	json_t *v = NULL;
	int r = get_typed(obj, key, JSON_STRING, "a string", &v, err);

	if (r == 0)
		*out = json_string_value(v);
	return r;
}

int ck_json_get_bool(const json_t *obj, const char *key, bool *out, struct ck_error **err)
{
	json_t *v = NULL;
	int r = get_typed(obj, key, JSON_TRUE, "a boolean", &v, err);

	if (r == 0)
		*out = json_is_true(v);
	return r;
}

int ck_json_get_int(const json_t *obj, const char *key, int64_t *out, struct ck_error **err)
{
	json_t *v = NULL;
	int r = get_typed(obj, key, JSON_INTEGER, "an integer", &v, err);

	if (r == 0)
		*out = json_integer_value(v);
	return r;
}

int ck_json_get_object(const json_t *obj, const char *key, json_t **out, struct ck_error **err)
{
	return get_typed(obj, key, JSON_OBJECT, "an object", out, err);
}

int ck_json_get_array(const json_t *obj, const char *key, json_t **out, struct ck_error **err)
{
	return get_typed(obj, key, JSON_ARRAY, "an array", out, err);
}

int ck_json_get_int64_str(const json_t *obj, const char *key, int64_t *out, struct ck_error **err)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	if (!v || json_is_null(v))
		return 1;
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return 0;
	}
	if (json_is_string(v) &&
	    ck_str_to_int64(json_string_value(v), INT64_MIN, INT64_MAX, out) == 0)
		return 0;
	return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
	                    "field '%s': expected a 64-bit integer", key);
}

json_t *ck_json_path(const json_t *v, const char *path)
{
	const char *p = path;

	while (v && *p) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);

		if (!json_is_object(v))
			return NULL;
		v = json_object_getn(v, p, n);
		p += n + (dot ? 1 : 0);
	}
	return (json_t *)v;
}

const char *ck_json_path_str(const json_t *v, const char *path)
{
	return json_string_value(ck_json_path(v, path));
}

void ck_json_set_int64_str(json_t *obj, const char *key, int64_t v)
{
	char tmp[24];

	snprintf(tmp, sizeof(tmp), "%" PRId64, v);
	json_object_set_new(obj, key, json_string(tmp));
}

char *ck_base64_encode(const void *data, size_t len)
{
	size_t out_len = 4 * ((len + 2) / 3);
	char *out = ck_xmalloc(out_len + 1);

	CK_BUG_ON(len > INT32_MAX);
	EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	out[out_len] = '\0';
	return out;
}

char *ck_base64_decode(const char *s, size_t *len, struct ck_error **err)
{
	size_t n = strlen(s), pad = 0;
	unsigned char *out;
	int r;

	if (n % 4 || n > INT32_MAX) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64: length %zu", n);
		return NULL;
	}
	/* EVP_DecodeBlock skips leading blanks and trailing blanks, CR, LF and '-'. */
	if (strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != n) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64 data");
		return NULL;
	}
	out = ck_xmalloc(n / 4 * 3 + 1);
	r = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n);
	if (r < 0) {
		free(out);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64 data");
		return NULL;
	}
	/* EVP_DecodeBlock counts padding as zero bytes; a '=' may only end the input. */
	if (n && s[n - 1] == '=')
		pad++;
	if (n > 1 && s[n - 2] == '=')
		pad++;
	if (memchr(s, '=', n - pad)) {
		free(out);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64 padding");
		return NULL;
	}
	*len = (size_t)r - pad;
	out[*len] = '\0';
	return (char *)out;
}
