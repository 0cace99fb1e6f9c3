/*
 * Fuzz target: JSON request bodies as the API server reads them (src/base/json.h): every
 * create, update and patch body goes through ck_json_parse before anything else sees it.
 *
 * Invariants: a rejected body gives a 400 with a message; an accepted one dumps (compact,
 * and with sorted keys) to text that parses to an equal value; ck_json_parse_object agrees
 * with ck_json_parse on what is an object; the typed getters and dotted paths answer for
 * every member without crashing, and a getter that fails sets a 400. ck_json_dump_buf
 * writes byte for byte what jansson's own dump writes (compact, with and without sorted
 * keys), for every parsed value and for the input taken as one string that jansson has not
 * checked (both refuse invalid UTF-8).
 */
#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/json.h"

#include "fuzz.h"

static void check_getter(int r, struct ck_error **err)
{
	FUZZ_CHECK(r >= -1 && r <= 1);
	FUZZ_CHECK((r < 0) == (*err != NULL));
	if (*err)
		FUZZ_CHECK((*err)->http_status == 400);
	ck_error_clear(err);
}

static void check_members(const json_t *obj)
{
	struct ck_error *err = NULL;
	const char *key, *str;
	json_t *v, *out;
	int64_t i64;
	bool b;

	json_object_foreach((json_t *)obj, key, v)
	{
		check_getter(ck_json_get_str(obj, key, &str, &err), &err);
		check_getter(ck_json_get_bool(obj, key, &b, &err), &err);
		check_getter(ck_json_get_int(obj, key, &i64, &err), &err);
		check_getter(ck_json_get_object(obj, key, &out, &err), &err);
		check_getter(ck_json_get_array(obj, key, &out, &err), &err);
		check_getter(ck_json_get_int64_str(obj, key, &i64, &err), &err);
		/* A key without '.' is a one-step path to the member itself. */
		if (!strchr(key, '.') && *key)
			FUZZ_CHECK(ck_json_path(obj, key) == v);
	}
	(void)ck_json_path_str(obj, "metadata.name");
}

/* ck_json_dump_buf and json_dumpb agree on v: the same bytes, or both refuse. */
static void check_as_jansson(const json_t *v, bool sorted)
{
	size_t flags = JSON_COMPACT | JSON_ENCODE_ANY | (sorted ? JSON_SORT_KEYS : 0);
	size_t want_len = json_dumpb(v, NULL, 0, flags);
	struct ck_buf b = CK_BUF_INIT;
	char *want = want_len ? malloc(want_len) : NULL;
	int r = ck_json_dump_buf(v, &b, sorted, NULL);

	FUZZ_CHECK(!want_len || (want && json_dumpb(v, want, want_len, flags) == want_len));
	FUZZ_CHECKF((r == 0) == (want_len != 0), "ck_json_dump_buf %s where jansson %s",
	            r ? "refuses" : "writes", want_len ? "writes" : "refuses");
	FUZZ_CHECKF(r || (b.len == want_len && !memcmp(b.data, want, want_len)),
	            "ck_json_dump_buf wrote '%s'", b.data);
	free(want);
	ck_buf_release(&b);
}

static void check_dump(const json_t *v, bool sorted)
{
	struct ck_error *err = NULL;
	struct ck_buf b = CK_BUF_INIT;
	json_t *again;

	check_as_jansson(v, sorted);
	if (ck_json_dump_buf(v, &b, sorted, &err) < 0)
		FUZZ_CHECKF(0, "a parsed value does not dump: %s", err->msg);
	again = ck_json_parse(b.data ? b.data : "", b.len, &err);
	FUZZ_CHECKF(again, "'%s' does not parse again: %s", b.data, err->msg);
	FUZZ_CHECKF(json_equal(v, again), "'%s' parses to another value", b.data);
	json_decref(again);
	ck_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ck_error *err = NULL, *err2 = NULL;
	json_t *v = ck_json_parse((const char *)data, size, &err);
	json_t *o = ck_json_parse_object((const char *)data, size, &err2);

	FUZZ_CHECK((o != NULL) == json_is_object(v));
	if (!v) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
	} else {
		FUZZ_CHECK(!err);
		check_dump(v, false);
		check_dump(v, true);
		if (json_is_object(v))
			check_members(v);
	}
	if (!o)
		FUZZ_CHECK(err2 && err2->http_status == 400);
	/* The input as a string nobody checked: any bytes, valid UTF-8 or not. */
	json_t *raw = json_stringn_nocheck((const char *)data, size);

	check_as_jansson(raw, false);
	json_decref(raw);
	json_decref(o);
	json_decref(v);
	ck_error_free(err);
	ck_error_free(err2);
	return 0;
}
