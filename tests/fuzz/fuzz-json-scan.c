/*
 * Fuzz target: the store's JSON scanner (src/store/json-scan.h) and the watch cache's fast
 * path that rests on it (obj_build_fast in src/store/watch-cache.c, included here to reach
 * it), both checked against jansson, which stays the reference: every etcd value the
 * cache publishes and every watch message goes through them.
 *
 * Input: a stored value, as an etcd watch event or a list carries it.
 *
 * Invariants: a text the scanner accepts is one jansson parses (with and without
 * JSON_REJECT_DUPLICATES), to a value of the root's type whose members and elements the
 * nodes count; one it calls canonical dumps back (compact) to the same bytes; a string
 * node's value is jansson's; the value ck_json_scan_build makes of the nodes is jansson's,
 * members in the same order; and the watch cache builds the same object from the value
 * with and without its fast path: same JSON bytes (and the same fieldsV1 shared), name,
 * namespace, uid, creationTimestamp, labels and configured fields, or an error both ways.
 */
#include "store/watch-cache.c"

#include <jansson.h>

#include "fuzz.h"

static struct event_base *base;
static struct ck_watch_cache *cache;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const fields[] = {"spec.nodeName", "status.phase", "metadata.name",
	                                     "spec.replicas", NULL};
	struct ck_watch_cache_config cfg = {
	        .prefix = "/registry/pods/", .namespaced = true, .fields = fields};

	(void)argc;
	(void)argv;
	base = event_base_new();
	cache = ck_watch_cache_new(base, &cfg);
	return 0;
}

static size_t count_children(const struct ck_json_scan *s, const struct ck_json_scan_node *n)
{
	size_t k = 0;

	for (uint32_t i = n->child; i; i = s->nodes[i].next)
		k++;
	return k;
}

/*
 * key as the scanner compares it: as written in JSON. The scanner accepts only the escapes
 * with one spelling (\u and "\/" are declined), so this is the text it saw. Malloc'ed.
 */
static char *written_key(const char *key, size_t *len)
{
	static const char plain[] = "\"\\\b\f\n\r\t", escaped[] = "\"\\bfnrt";
	size_t n = strlen(key), o = 0;
	char *out = malloc(2 * n + 1);

	FUZZ_CHECK(out != NULL);
	for (size_t i = 0; i < n; i++) {
		const char *esc = strchr(plain, key[i]);

		if (esc) {
			out[o++] = '\\';
			out[o++] = escaped[esc - plain];
		} else {
			out[o++] = key[i];
		}
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* The node and jansson's value agree on type, size and (for strings) content, recursively. */
static void check_node(const struct ck_json_scan *s, const struct ck_json_scan_node *n,
                       const json_t *v)
{
	const char *key;
	json_t *m;
	size_t i;

	switch (n->type) {
	case CK_JSON_SCAN_OBJECT:
		FUZZ_CHECK(json_is_object(v));
		FUZZ_CHECK(count_children(s, n) == json_object_size(v));
		json_object_foreach((json_t *)v, key, m)
		{
			size_t wlen;
			char *w = written_key(key, &wlen);
			const struct ck_json_scan_node *c = ck_json_scan_get(s, n, w, wlen);

			free(w);
			FUZZ_CHECK(c != NULL);
			check_node(s, c, m);
		}
		break;
	case CK_JSON_SCAN_ARRAY: {
		uint32_t c = n->child;

		FUZZ_CHECK(json_is_array(v));
		FUZZ_CHECK(count_children(s, n) == json_array_size(v));
		json_array_foreach(v, i, m)
		{
			check_node(s, &s->nodes[c], m);
			c = s->nodes[c].next;
		}
		break;
	}
	case CK_JSON_SCAN_STRING: {
		char *buf = ck_xmalloc(n->end - n->start);
		size_t len = ck_json_scan_string(s, n, buf);

		FUZZ_CHECK(json_is_string(v));
		FUZZ_CHECK(len == ck_json_scan_string_len(s, n));
		FUZZ_CHECK(len == json_string_length(v) && !memcmp(buf, json_string_value(v), len));
		FUZZ_CHECK(ck_json_scan_string_is(s, n, json_string_value(v), len));
		free(buf);
		break;
	}
	case CK_JSON_SCAN_INTEGER: {
		int64_t x;

		FUZZ_CHECK(json_is_integer(v));
		FUZZ_CHECK(ck_json_scan_int64(s, n, &x) == 0 && x == json_integer_value(v));
		break;
	}
	case CK_JSON_SCAN_TRUE:
		FUZZ_CHECK(json_is_true(v));
		break;
	case CK_JSON_SCAN_FALSE:
		FUZZ_CHECK(json_is_false(v));
		break;
	case CK_JSON_SCAN_NULL:
		FUZZ_CHECK(json_is_null(v));
		break;
	default:
		FUZZ_CHECKF(0, "node of type %d", n->type);
	}
}

static void check_scan(const char *text, size_t len)
{
	struct ck_json_scan s = CK_JSON_SCAN_INIT;
	json_t *v, *dup;

	if (ck_json_scan(&s, text, len) != 0) {
		ck_json_scan_release(&s);
		return;
	}
	v = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
	dup = json_loadb(text, len, JSON_DECODE_ANY, NULL);
	FUZZ_CHECKF(v && dup, "the scanner accepts what jansson rejects: %.*s", (int)len, text);
	check_node(&s, &s.nodes[0], v);
	if (s.canonical) {
		char *again = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

		FUZZ_CHECKF(strlen(again) == len && !memcmp(again, text, len),
		            "canonical but jansson writes %s", again);
		free(again);
	}
	/* The value built from the nodes is jansson's, members in the same order. */
	json_t *built = ck_json_scan_build(&s);
	char *want = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	char *got = json_dumps(built, JSON_COMPACT | JSON_ENCODE_ANY);

	FUZZ_CHECKF(json_equal(v, built) && !strcmp(want, got), "built %s where jansson has %s",
	            got, want);
	free(want);
	free(got);
	json_decref(built);
	json_decref(v);
	json_decref(dup);
	ck_json_scan_release(&s);
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void check_build(const char *text, size_t len)
{
	static const char key[] = "default/web-0";
	struct ck_error *e1 = NULL, *e2 = NULL;
	struct ck_obj *fast, *slow;

	cache->slow_only = false;
	fast = obj_build(cache, key, strlen(key), text, len, 42, &e1);
	cache->slow_only = true;
	slow = obj_build(cache, key, strlen(key), text, len, 42, &e2);
	cache->slow_only = false;
	FUZZ_CHECKF(!fast == !slow, "fast path %s, jansson %s", fast ? "builds" : e1->msg,
	            slow ? "builds" : e2->msg);
	if (fast) {
		struct ck_buf fj = CK_BUF_INIT, sj = CK_BUF_INIT;

		/* The same JSON, its fieldsV1 shared alike (the same pieces at the same places). */
		ck_obj_json_append(fast, &fj);
		ck_obj_json_append(slow, &sj);
		FUZZ_CHECKF(fast->json_len == fj.len && slow->json_len == sj.len &&
		                    fj.len == sj.len && !strcmp(fj.data, sj.data),
		            "fast %s\njansson %s", fj.data, sj.data);
		FUZZ_CHECK(strlen(fast->text) == fast->text_len);
		FUZZ_CHECK(fast->npieces == slow->npieces && !strcmp(fast->text, slow->text));
		for (uint32_t i = 0; i < fast->npieces; i++)
			FUZZ_CHECK(fast->pieces[i].at == slow->pieces[i].at &&
			           fast->pieces[i].run == slow->pieces[i].run);
		ck_buf_release(&fj);
		ck_buf_release(&sj);
		FUZZ_CHECK(!strcmp(fast->key, slow->key) && !strcmp(fast->name, slow->name) &&
		           !strcmp(fast->ns, slow->ns) && fast->rv == slow->rv);
		FUZZ_CHECK(same_str(fast->uid, slow->uid));
		FUZZ_CHECK(same_str(fast->creation_timestamp, slow->creation_timestamp));
		FUZZ_CHECK(fast->nlabels == slow->nlabels && fast->nfields == slow->nfields);
		for (uint32_t i = 0; i < fast->nlabels; i++)
			FUZZ_CHECK(!strcmp(fast->labels[i].key, slow->labels[i].key) &&
			           !strcmp(fast->labels[i].value, slow->labels[i].value));
		for (uint32_t i = 0; i < fast->nfields; i++)
			FUZZ_CHECKF(same_str(fast->fields[i], slow->fields[i]),
			            "field %u: %s vs %s", i,
			            fast->fields[i] ? fast->fields[i] : "(null)",
			            slow->fields[i] ? slow->fields[i] : "(null)");
		FUZZ_CHECK(obj_size(fast) == obj_size(slow));
	}
	ck_obj_unref(fast);
	ck_obj_unref(slow);
	ck_error_free(e1);
	ck_error_free(e2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_scan((const char *)data, size);
	check_build((const char *)data, size);
	return 0;
}
