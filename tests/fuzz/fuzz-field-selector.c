/*
 * Fuzz target: field selectors as ?fieldSelector= carries them (src/base/selector.h),
 * e.g. "spec.nodeName=node-1,status.phase!=Failed", "metadata.name=a\,b".
 *
 * Invariants: a rejected selector gives a 400 with a message and leaves *out alone; the
 * canonical string of an accepted one parses again to the same requirements (in an order
 * that may differ: K8S: terms are sorted by their text, and "a==x" sorts apart from its
 * canonical "a=x", so only the second canonical string is a fixed point); the exact-match
 * value is the first "=" term's; matching is callable on fields made from the selector.
 */
#include <jansson.h>

#include "base/compat.h"

#include "base/error.h"
#include "base/selector.h"

#include "fuzz.h"

static int cmp_req(const void *a, const void *b)
{
	const struct ck_field_requirement *x = *(const struct ck_field_requirement *const *)a;
	const struct ck_field_requirement *y = *(const struct ck_field_requirement *const *)b;
	int c = strcmp(x->field, y->field);

	if (c)
		return c;
	if (x->op != y->op)
		return x->op < y->op ? -1 : 1;
	return strcmp(x->value, y->value);
}

/* The requirements of a and b as multisets. */
static void check_same(const struct ck_field_selector *a, const struct ck_field_selector *b)
{
	const struct ck_field_requirement **x, **y;

	FUZZ_CHECK(a->nreqs == b->nreqs);
	if (!a->nreqs)
		return;
	x = ck_xcalloc(a->nreqs, sizeof(*x));
	y = ck_xcalloc(a->nreqs, sizeof(*y));
	for (size_t i = 0; i < a->nreqs; i++) {
		x[i] = &a->reqs[i];
		y[i] = &b->reqs[i];
	}
	qsort(x, a->nreqs, sizeof(*x), cmp_req);
	qsort(y, a->nreqs, sizeof(*y), cmp_req);
	for (size_t i = 0; i < a->nreqs; i++)
		FUZZ_CHECK(cmp_req(&x[i], &y[i]) == 0);
	free(x);
	free(y);
}

static const char *get_field(const char *field, void *ctx)
{
	return json_string_value(json_object_get(ctx, field));
}

static void check_lookups(const struct ck_field_selector *sel, unsigned pick)
{
	json_t *fields = json_object();

	for (size_t i = 0; i < sel->nreqs; i++) {
		const struct ck_field_requirement *r = &sel->reqs[i];
		const char *ex = ck_field_selector_requires_exact(sel, r->field);
		const struct ck_field_requirement *first = NULL;

		for (size_t j = 0; j < sel->nreqs && !first; j++)
			if (sel->reqs[j].op == CK_FIELD_OP_EQUALS &&
			    !strcmp(sel->reqs[j].field, r->field))
				first = &sel->reqs[j];
		FUZZ_CHECK((ex != NULL) == (first != NULL));
		if (ex)
			FUZZ_CHECK(!strcmp(ex, first->value));
		if (!((pick >> (i % 8)) & 1))
			json_object_set_new(fields, r->field, json_string(r->value));
	}
	(void)ck_field_selector_matches(sel, get_field, fields);
	if (ck_field_selector_empty(sel))
		FUZZ_CHECK(ck_field_selector_matches(sel, get_field, fields));
	json_decref(fields);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ck_field_selector *sel = (void *)&sel, *sel2 = NULL, *sel3 = NULL;
	struct ck_error *err = NULL;
	char *s = fuzz_cstr(data, size), *canon, *canon2, *canon3;

	if (!s)
		return -1;
	if (ck_field_selector_parse(s, &sel, &err) < 0) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
		FUZZ_CHECK(sel == (void *)&sel);
		ck_error_free(err);
		free(s);
		return 0;
	}
	FUZZ_CHECK(!err && sel);
	canon = ck_field_selector_string(sel);
	if (ck_field_selector_parse(canon, &sel2, &err) < 0)
		FUZZ_CHECKF(0, "'%s' gave '%s', which does not parse: %s", s, canon, err->msg);
	check_same(sel, sel2);
	canon2 = ck_field_selector_string(sel2);
	if (ck_field_selector_parse(canon2, &sel3, &err) < 0)
		FUZZ_CHECKF(0, "'%s' gave '%s', which does not parse: %s", s, canon2, err->msg);
	canon3 = ck_field_selector_string(sel3);
	FUZZ_CHECKF(!strcmp(canon2, canon3), "'%s' gave '%s', then '%s'", canon, canon2, canon3);
	check_lookups(sel, size ? data[0] : 0);
	free(canon);
	free(canon2);
	free(canon3);
	ck_field_selector_free(sel3);
	ck_field_selector_free(sel2);
	ck_field_selector_free(sel);
	free(s);
	return 0;
}
