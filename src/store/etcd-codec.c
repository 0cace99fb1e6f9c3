/*
 * The etcd client's JSON: writing request fields the way etcd's gateway reads them (bytes
 * as base64, 64-bit numbers as strings), reading the reply header and key-values, and
 * turning the gateway's error replies into ck_errors with the HTTP code an API server
 * answers and a verdict on whether another endpoint may be tried. The reply shapes are
 * recorded in /work/shared/reference/etcd-3.4-json-gateway.md.
 */
#include <openssl/evp.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/mem.h"
#include "store/etcd-int.h"

size_t etcd_len(const void *p, size_t len)
{
	if (!p)
		return 0;
	return len ? len : strlen(p);
}

static void field_name(struct ck_buf *b, bool *first, const char *name)
{
	if (!*first)
		ck_buf_addch(b, ',');
	*first = false;
	ck_buf_addch(b, '"');
	ck_buf_adds(b, name);
	ck_buf_adds(b, "\":");
}

void etcd_json_bytes(struct ck_buf *b, bool *first, const char *name, const void *data, size_t len)
{
	size_t out = 4 * ((len + 2) / 3);

	CK_BUG_ON(len > INT32_MAX);
	field_name(b, first, name);
	ck_buf_addch(b, '"');
	/* EVP_EncodeBlock writes out bytes and a NUL, which ck_buf_grow leaves room for. */
	ck_buf_grow(b, out);
	EVP_EncodeBlock((unsigned char *)b->data + b->len, data, (int)len);
	b->len += out;
	ck_buf_addch(b, '"');
}

void etcd_json_int(struct ck_buf *b, bool *first, const char *name, int64_t v)
{
	field_name(b, first, name);
	ck_buf_addf(b, "\"%" PRId64 "\"", v);
}

void etcd_json_true(struct ck_buf *b, bool *first, const char *name)
{
	field_name(b, first, name);
	ck_buf_adds(b, "true");
}

int etcd_json_range_keys(struct ck_buf *b, bool *first, const void *key, size_t key_len,
                         bool prefix, const void *range_end, size_t range_end_len,
                         struct ck_error **err)
{
	size_t klen = etcd_len(key, key_len);

	if (prefix) {
		size_t elen;
		ck_autofree char *end = NULL;

		if (klen == 0) {
			/* Every key: from "\0" to the end of the keyspace ("\0"). */
			etcd_json_bytes(b, first, "key", "", 1);
			etcd_json_bytes(b, first, "range_end", "", 1);
			return 0;
		}
		end = ck_etcd_prefix_end(key, klen, &elen);
		etcd_json_bytes(b, first, "key", key, klen);
		etcd_json_bytes(b, first, "range_end", end, elen);
		return 0;
	}
	if (klen == 0)
		return ck_error_set(err, 400, NULL, "etcd request without a key");
	etcd_json_bytes(b, first, "key", key, klen);
	if (range_end)
		etcd_json_bytes(b, first, "range_end", range_end,
		                etcd_len(range_end, range_end_len));
	return 0;
}

char *ck_etcd_prefix_end(const void *key, size_t key_len, size_t *len)
{
	const unsigned char *k = key;
	char *end;

	for (size_t i = key_len; i > 0; i--) {
		if (k[i - 1] < 0xff) {
			end = ck_xmalloc(i + 1);
			memcpy(end, k, i);
			end[i - 1] = (char)(k[i - 1] + 1);
			end[i] = '\0';
			*len = i;
			return end;
		}
	}
	/* No byte can be incremented: the range goes to the end of the keyspace. */
	end = ck_xcalloc(1, 2);
	*len = 1;
	return end;
}

/* ---- reading ---------------------------------------------------------------------- */

int etcd_get_i64(const json_t *obj, const char *key, int64_t *out, struct ck_error **err)
{
	int r = ck_json_get_int64_str(obj, key, out, err);

	/* A malformed reply from etcd is the server's fault (500), not the client's (400). */
	if (r < 0 && err && *err) {
		(*err)->http_status = 500;
		(*err)->reason = CK_REASON_INTERNAL;
	}
	return r;
}

int etcd_get_u64(const json_t *obj, const char *key, uint64_t *out, struct ck_error **err)
{
	json_t *v = json_object_get(obj, key);
	const char *s;
	char *end;

	if (!v || json_is_null(v))
		return 1;
	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		*out = (uint64_t)json_integer_value(v);
		return 0;
	}
	s = json_string_value(v);
	if (s && *s >= '0' && *s <= '9') {
		unsigned long long u;

		errno = 0;
		u = strtoull(s, &end, 10);
		if (!errno && !*end) {
			*out = u;
			return 0;
		}
	}
	return ck_error_set(err, 500, NULL, "field '%s': expected an unsigned 64-bit integer", key);
}

static int get_bytes(const json_t *obj, const char *key, char **out, size_t *len,
                     struct ck_error **err)
{
	json_t *v = json_object_get(obj, key);
	struct ck_error *e = NULL;
	char *data;

	if (!v || json_is_null(v)) {
		*out = ck_xcalloc(1, 1);
		*len = 0;
		return 1;
	}
	if (!json_is_string(v))
		return ck_error_set(err, 500, NULL, "field '%s': expected base64 bytes", key);
	data = ck_base64_decode(json_string_value(v), len, &e);
	if (!data) {
		ck_error_set(err, 500, NULL, "field '%s': %s", key, e->msg);
		ck_error_free(e);
		return -1;
	}
	*out = data;
	return 0;
}

int etcd_parse_header(const json_t *obj, struct ck_etcd_header *h, struct ck_error **err)
{
	json_t *hdr = json_object_get(obj, "header");

	memset(h, 0, sizeof(*h));
	if (!hdr)
		return 0;
	if (!json_is_object(hdr))
		return ck_error_set(err, 500, NULL, "field 'header': expected an object");
	if (etcd_get_i64(hdr, "revision", &h->revision, err) < 0 ||
	    etcd_get_u64(hdr, "cluster_id", &h->cluster_id, err) < 0 ||
	    etcd_get_u64(hdr, "member_id", &h->member_id, err) < 0 ||
	    etcd_get_u64(hdr, "raft_term", &h->raft_term, err) < 0)
		return -1;
	return 0;
}

int etcd_parse_kv(const json_t *obj, struct ck_etcd_kv *kv, struct ck_error **err)
{
	memset(kv, 0, sizeof(*kv));
	if (!json_is_object(obj))
		return ck_error_set(err, 500, NULL, "key-value: expected an object");
	if (get_bytes(obj, "key", &kv->key, &kv->key_len, err) < 0)
		return -1;
	if (get_bytes(obj, "value", &kv->value, &kv->value_len, err) < 0 ||
	    etcd_get_i64(obj, "create_revision", &kv->create_revision, err) < 0 ||
	    etcd_get_i64(obj, "mod_revision", &kv->mod_revision, err) < 0 ||
	    etcd_get_i64(obj, "version", &kv->version, err) < 0 ||
	    etcd_get_i64(obj, "lease", &kv->lease, err) < 0) {
		ck_etcd_kv_release(kv);
		return -1;
	}
	return 0;
}

int etcd_parse_kvs(const json_t *arr, struct ck_etcd_kv **kvs, size_t *n, struct ck_error **err)
{
	size_t count, i;

	*kvs = NULL;
	*n = 0;
	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return ck_error_set(err, 500, NULL, "key-values: expected an array");
	count = json_array_size(arr);
	if (!count)
		return 0;
	*kvs = ck_xcalloc(count, sizeof(**kvs));
	for (i = 0; i < count; i++) {
		if (etcd_parse_kv(json_array_get(arr, i), &(*kvs)[i], err) < 0) {
			for (size_t j = 0; j < i; j++)
				ck_etcd_kv_release(&(*kvs)[j]);
			free(*kvs);
			*kvs = NULL;
			return -1;
		}
	}
	*n = count;
	return 0;
}

void ck_etcd_kv_release(struct ck_etcd_kv *kv)
{
	if (!kv)
		return;
	free(kv->key);
	free(kv->value);
	memset(kv, 0, sizeof(*kv));
}

void ck_etcd_kv_free(struct ck_etcd_kv *kv)
{
	ck_etcd_kv_release(kv);
	free(kv);
}

/* ---- errors ----------------------------------------------------------------------- */

/* gRPC status codes (google.golang.org/grpc/codes). */
enum {
	GRPC_CANCELED = 1,
	GRPC_UNKNOWN = 2,
	GRPC_INVALID_ARGUMENT = 3,
	GRPC_DEADLINE_EXCEEDED = 4,
	GRPC_NOT_FOUND = 5,
	GRPC_ALREADY_EXISTS = 6,
	GRPC_PERMISSION_DENIED = 7,
	GRPC_RESOURCE_EXHAUSTED = 8,
	GRPC_FAILED_PRECONDITION = 9,
	GRPC_ABORTED = 10,
	GRPC_OUT_OF_RANGE = 11,
	GRPC_UNIMPLEMENTED = 12,
	GRPC_INTERNAL = 13,
	GRPC_UNAVAILABLE = 14,
	GRPC_UNAUTHENTICATED = 16,
};

/*
 * etcd's own errors that decide the mapping by their text (etcdserver/api/v3rpc/rpctypes):
 * the code alone does not say, e.g., whether an Unavailable was refused before the request
 * reached raft (safe to repeat anywhere) or may have been applied.
 */
static const struct {
	const char *text;
	int status;
	const char *reason;
	enum etcd_retry retry;
} known_errors[] = {
        /* K8S: a list or watch at a compacted resourceVersion is 410 Expired. */
        {"required revision has been compacted", 410, CK_REASON_EXPIRED, RETRY_NEVER},
        /* K8S: a resourceVersion newer than the store is 504 "Too large resource version". */
        {"required revision is a future revision", 504, CK_REASON_TIMEOUT, RETRY_NEVER},
        {"request is too large", 413, CK_REASON_TOO_LARGE, RETRY_NEVER},
        {"larger than max", 413, CK_REASON_TOO_LARGE, RETRY_NEVER},
        /* Refused by the require-leader check before the request is handled. */
        {"etcdserver: no leader", 503, CK_REASON_UNAVAILABLE, RETRY_ALWAYS},
        {"etcdserver: not capable", 503, CK_REASON_UNAVAILABLE, RETRY_ALWAYS},
        {"etcdserver: too many requests", 429, CK_REASON_TOO_MANY, RETRY_ALWAYS},
        {"etcdserver: unhealthy cluster", 503, CK_REASON_UNAVAILABLE, RETRY_ALWAYS},
        {"etcdserver: leader changed", 503, CK_REASON_UNAVAILABLE, RETRY_IF_READ},
        {"etcdserver: server stopped", 503, CK_REASON_UNAVAILABLE, RETRY_IF_READ},
        {"request timed out", 504, CK_REASON_TIMEOUT, RETRY_IF_READ},
        /* The gateway's own deadline or cancellation (code 2, Unknown, in 3.4). */
        {"context deadline exceeded", 504, CK_REASON_TIMEOUT, RETRY_IF_READ},
        {"context canceled", 503, CK_REASON_UNAVAILABLE, RETRY_IF_READ},
        {"lease not found", 404, CK_REASON_NOT_FOUND, RETRY_NEVER},
        {"member not found", 404, CK_REASON_NOT_FOUND, RETRY_NEVER},
};

struct ck_error *etcd_gateway_error(const char *url, const char *what, int http_status,
                                    int grpc_code, const char *msg, enum etcd_retry *retry)
{
	struct ck_error *e = NULL;
	const char *reason = NULL;
	int status = 500;

	*retry = RETRY_NEVER;
	if (!msg || !*msg)
		msg = "no message";
	for (size_t i = 0; i < CK_ARRAY_SIZE(known_errors); i++) {
		if (strstr(msg, known_errors[i].text)) {
			status = known_errors[i].status;
			reason = known_errors[i].reason;
			*retry = known_errors[i].retry;
			goto out;
		}
	}
	switch (grpc_code) {
	case GRPC_CANCELED:
	case GRPC_UNAVAILABLE:
		status = 503;
		*retry = RETRY_IF_READ;
		break;
	case GRPC_DEADLINE_EXCEEDED:
		status = 504;
		*retry = RETRY_IF_READ;
		break;
	case GRPC_INVALID_ARGUMENT:
	case GRPC_OUT_OF_RANGE:
		status = 400;
		break;
	case GRPC_NOT_FOUND:
		status = 404;
		break;
	case GRPC_ALREADY_EXISTS:
	case GRPC_FAILED_PRECONDITION:
	case GRPC_ABORTED:
		status = 409;
		break;
	case GRPC_PERMISSION_DENIED:
		status = 403;
		break;
	case GRPC_UNAUTHENTICATED:
		status = 401;
		break;
	case GRPC_RESOURCE_EXHAUSTED:
		status = 429;
		*retry = RETRY_ALWAYS;
		break;
	case GRPC_UNKNOWN:
	case GRPC_UNIMPLEMENTED:
	case GRPC_INTERNAL:
		status = 500;
		break;
	default:
		/* No gRPC code: an HTTP-level failure (a proxy, a member shutting down). */
		if (http_status == 502 || http_status == 503 || http_status == 504) {
			status = 503;
			*retry = RETRY_IF_READ;
		} else if (http_status >= 500) {
			status = 500;
			*retry = RETRY_IF_READ;
		} else if (http_status == 404 || http_status == 405) {
			/* Not etcd's gateway (or a path it does not have). */
			status = 500;
		} else {
			status = 500;
		}
		break;
	}
out:
	ck_error_set(&e, status, reason, "etcd %s at %s: %s", what, url, msg);
	return e;
}

struct ck_error *etcd_gateway_error_json(const char *url, const char *what, int http_status,
                                         const json_t *body, enum etcd_retry *retry)
{
	json_t *error = json_object_get(body, "error");
	const char *msg;
	int64_t code = 0;

	if (json_is_object(error)) {
		/* A stream's error: {"error":{"grpc_code","http_code","message","http_status"}} */
		msg = json_string_value(json_object_get(error, "message"));
		etcd_get_i64(error, "grpc_code", &code, NULL);
		return etcd_gateway_error(url, what, http_status, (int)code, msg, retry);
	}
	if (!json_is_string(error) && !json_is_string(json_object_get(body, "message")))
		return NULL;
	msg = json_string_value(json_object_get(body, "message"));
	if (!msg || !*msg)
		msg = json_string_value(error);
	etcd_get_i64(body, "code", &code, NULL);
	return etcd_gateway_error(url, what, http_status, (int)code, msg, retry);
}

struct ck_error *etcd_malformed(const char *url, const char *what, struct ck_error *cause)
{
	struct ck_error *e = NULL;

	ck_error_set(&e, 500, CK_REASON_INTERNAL, "etcd %s at %s: malformed reply: %s", what, url,
	             cause ? cause->msg : "unexpected content");
	ck_error_free(cause);
	return e;
}
