/*
 * The etcd client's small shared rules: request keys, prefix ranges and key-value release,
 * and the one mapping of etcd's failures to ck_errors with the HTTP code an API server
 * answers and a verdict on whether another endpoint may be tried.
 */
#include "base/compat.h"

#include "base/mem.h"
#include "store/etcd-int.h"

size_t etcd_len(const void *p, size_t len)
{
	if (!p)
		return 0;
	return len ? len : strlen(p);
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
        /* etcd's own deadline or cancellation (code 2, Unknown, in 3.4). */
        {"context deadline exceeded", 504, CK_REASON_TIMEOUT, RETRY_IF_READ},
        {"context canceled", 503, CK_REASON_UNAVAILABLE, RETRY_IF_READ},
        {"lease not found", 404, CK_REASON_NOT_FOUND, RETRY_NEVER},
        {"member not found", 404, CK_REASON_NOT_FOUND, RETRY_NEVER},
};

/*
 * The detail of a transport error from grpc.c, without its "grpc <path> at <url>: " (the
 * etcd message names the operation and the endpoint itself).
 */
static const char *transport_detail(const struct ck_error *e, const char *url)
{
	const char *p = e && e->msg ? e->msg : "failed";
	const char *at = strstr(p, url);

	if (!strncmp(p, "grpc ", 5) && at && !strncmp(at + strlen(url), ": ", 2))
		return at + strlen(url) + 2;
	return p;
}

struct ck_error *etcd_rpc_error(const char *url, const char *what, int grpc_status,
                                const char *grpc_message, const struct ck_error *transport,
                                bool unprocessed, enum etcd_retry *retry)
{
	struct ck_error *e = NULL;
	const char *reason = NULL, *detail;
	bool from_member = grpc_message && *grpc_message;
	int status;

	if (from_member) {
		for (size_t i = 0; i < CK_ARRAY_SIZE(known_errors); i++) {
			if (strstr(grpc_message, known_errors[i].text)) {
				*retry = known_errors[i].retry;
				ck_error_set(&e, known_errors[i].status, known_errors[i].reason,
				             "etcd %s at %s: %s", what, url, grpc_message);
				return e;
			}
		}
		detail = grpc_message;
		status = ck_grpc_status_http(grpc_status, &reason);
	} else {
		/* The transport's failure, mapped by grpc.c (a reply too large is 500, not 429). */
		detail = transport_detail(transport, url);
		status = transport ? transport->http_status : 503;
		reason = transport ? transport->reason : CK_REASON_UNAVAILABLE;
	}
	switch (grpc_status) {
	case CK_GRPC_CANCELLED:
	case CK_GRPC_UNAVAILABLE:
	case CK_GRPC_DEADLINE_EXCEEDED:
		*retry = RETRY_IF_READ;
		break;
	case CK_GRPC_RESOURCE_EXHAUSTED:
		/* The member's rate limit is a refusal before raft; ours (too large) is final. */
		*retry = from_member ? RETRY_ALWAYS : RETRY_NEVER;
		break;
	default:
		*retry = RETRY_NEVER;
		break;
	}
	if (!from_member && (!strncmp(detail, "TLS ", 4) || strstr(detail, "does not offer HTTP/2")))
		/* The member's certificate, ours, or not a gRPC server: the same again there. */
		*retry = RETRY_ELSEWHERE;
	else if (unprocessed)
		*retry = RETRY_ALWAYS;
	ck_error_set(&e, status, reason, "etcd %s at %s: %s", what, url, detail);
	return e;
}

struct ck_error *etcd_malformed(const char *url, const char *what, struct ck_error *cause)
{
	struct ck_error *e = NULL;

	const char *why = cause && cause->msg ? cause->msg : "unexpected content";

	/* etcd-pb's errors say "malformed etcd reply: ..." already. */
	if (!strncmp(why, "malformed ", 10))
		ck_error_set(&e, 500, CK_REASON_INTERNAL, "etcd %s at %s: %s", what, url, why);
	else
		ck_error_set(&e, 500, CK_REASON_INTERNAL, "etcd %s at %s: malformed reply: %s",
		             what, url, why);
	ck_error_free(cause);
	return e;
}
