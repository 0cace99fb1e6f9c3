/*
 * Fuzz target: label selectors as ?labelSelector= carries them (src/base/selector.h),
 * e.g. "app=web,tier!=cache", "env in (prod,staging),!canary", "x>5".
 *
 * Invariants: a rejected selector gives a 400 with a message and leaves *out alone; an
 * accepted one has its requirements sorted by key and each value list sorted without
 * duplicates; its canonical string parses again to the same requirements and the same
 * string (K8S: Selector.String() round-trips); matching through a JSON labels object and
 * through a lookup callback agree, on labels made from the selector's own values.
 */
#include <jansson.h>

#include "base/compat.h"

#include "base/error.h"
#include "base/selector.h"

#include "fuzz.h"

static bool has_values(enum ck_label_op op)
{
	return op != CK_LABEL_OP_EXISTS && op != CK_LABEL_OP_DOES_NOT_EXIST;
}

static void check_shape(const struct ck_label_selector *sel)
{
	for (size_t i = 0; i < sel->nreqs; i++) {
		const struct ck_label_requirement *r = &sel->reqs[i];

		FUZZ_CHECK(r->key && *r->key);
		if (i)
			FUZZ_CHECK(strcmp(sel->reqs[i - 1].key, r->key) <= 0);
		if (!has_values(r->op)) {
			FUZZ_CHECK(r->nvalues == 0);
			continue;
		}
		if (r->op != CK_LABEL_OP_IN && r->op != CK_LABEL_OP_NOT_IN)
			FUZZ_CHECK(r->nvalues == 1);
		else
			FUZZ_CHECK(r->nvalues >= 1);
		for (size_t j = 1; j < r->nvalues; j++)
			FUZZ_CHECKF(strcmp(r->values[j - 1], r->values[j]) < 0, "'%s' before '%s'",
			            r->values[j - 1], r->values[j]);
	}
}

static void check_same(const struct ck_label_selector *a, const struct ck_label_selector *b)
{
	FUZZ_CHECK(a->nreqs == b->nreqs);
	for (size_t i = 0; i < a->nreqs; i++) {
		FUZZ_CHECK(!strcmp(a->reqs[i].key, b->reqs[i].key));
		FUZZ_CHECK(a->reqs[i].op == b->reqs[i].op);
		FUZZ_CHECK(a->reqs[i].nvalues == b->reqs[i].nvalues);
		for (size_t j = 0; j < a->reqs[i].nvalues; j++)
			FUZZ_CHECK(!strcmp(a->reqs[i].values[j], b->reqs[i].values[j]));
	}
}

static const char *get_label(const char *key, void *ctx)
{
	return json_string_value(json_object_get(ctx, key));
}

/* K8S: RequiresExactMatch: the first requirement on key decides. */
static void check_exact(const struct ck_label_selector *sel, const char *key)
{
	const char *ex = ck_label_selector_requires_exact(sel, key);
	const struct ck_label_requirement *r = NULL;
	bool exact;

	for (size_t i = 0; i < sel->nreqs && !r; i++)
		if (!strcmp(sel->reqs[i].key, key))
			r = &sel->reqs[i];
	FUZZ_CHECK(r);
	exact = (r->op == CK_LABEL_OP_EQUALS || r->op == CK_LABEL_OP_DOUBLE_EQUALS ||
	         r->op == CK_LABEL_OP_IN) &&
	        r->nvalues == 1;
	FUZZ_CHECK(exact == (ex != NULL));
	if (ex)
		FUZZ_CHECK(!strcmp(ex, r->values[0]));
}

/* Labels from the selector's own keys and values: the first value, or the last, or none. */
static void check_matching(const struct ck_label_selector *sel, unsigned pick)
{
	json_t *labels = json_object();

	for (size_t i = 0; i < sel->nreqs; i++) {
		const struct ck_label_requirement *r = &sel->reqs[i];

		check_exact(sel, r->key);
		if ((pick >> (i % 8)) & 1)
			continue;
		json_object_set_new(
		        labels, r->key,
		        json_string(r->nvalues ? r->values[(pick & 256) ? r->nvalues - 1 : 0]
		                               : "x"));
	}
	FUZZ_CHECK(ck_label_selector_matches(sel, labels) ==
	           ck_label_selector_matches_fn(sel, get_label, labels));
	if (ck_label_selector_empty(sel))
		FUZZ_CHECK(ck_label_selector_matches(sel, labels));
	(void)ck_label_selector_matches(sel, NULL);
	json_decref(labels);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ck_label_selector *sel = (void *)&sel, *sel2 = NULL;
	struct ck_error *err = NULL;
	char *s = fuzz_cstr(data, size), *canon, *canon2;

	if (!s)
		return -1;
	if (ck_label_selector_parse(s, &sel, &err) < 0) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
		FUZZ_CHECK(sel == (void *)&sel);
		ck_error_free(err);
		free(s);
		return 0;
	}
	FUZZ_CHECK(!err && sel);
	check_shape(sel);
	canon = ck_label_selector_string(sel);
	if (ck_label_selector_parse(canon, &sel2, &err) < 0)
		FUZZ_CHECKF(0, "'%s' gave '%s', which does not parse: %s", s, canon, err->msg);
	check_same(sel, sel2);
	canon2 = ck_label_selector_string(sel2);
	FUZZ_CHECKF(!strcmp(canon, canon2), "'%s' gave '%s', then '%s'", s, canon, canon2);
	check_matching(sel, size ? (unsigned)data[0] | (unsigned)(size & 1) << 8 : 0);
	free(canon);
	free(canon2);
	ck_label_selector_free(sel2);
	ck_label_selector_free(sel);
	free(s);
	return 0;
}
