/*
 * Fuzz target: resource quantities (src/base/quantity.h) as pod specs and node status carry
 * them: "100m", "128Mi", "1.5Gi", "2e3", "+.5", "1E-3".
 *
 * Invariants: a rejected quantity gives a 400 with a message; an accepted one formats to a
 * canonical string that parses to an equal quantity and formats to itself again (a BinarySI
 * one may take one more step, as in Kubernetes: "62.5Ki", "64000", "64k"); the
 * normalized string (what the API server stores) parses to an equal quantity; whole and
 * milli units agree (rounding the milli value up to units gives the unit value, unless
 * either saturated); the sign agrees with a comparison against zero.
 */
#include "base/compat.h"

#include "base/error.h"
#include "base/quantity.h"

#include "fuzz.h"

/* x / 1000 rounded away from zero. */
static int64_t div1000_up(int64_t x)
{
	int64_t q = x / 1000;

	if (x % 1000)
		q += x > 0 ? 1 : -1;
	return q;
}

static void check_units(const struct ck_quantity *q)
{
	int64_t v = ck_quantity_value(q), m = ck_quantity_milli_value(q);

	if (m == INT64_MAX || m == INT64_MIN || v == INT64_MAX || v == INT64_MIN)
		return;
	FUZZ_CHECKF(div1000_up(m) == v, "milli %" PRId64 ", units %" PRId64, m, v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ck_quantity q, q2, zero;
	struct ck_error *err = NULL;
	char buf[CK_QUANTITY_STRLEN], buf2[CK_QUANTITY_STRLEN], *s = fuzz_cstr(data, size), *norm;

	if (!s)
		return -1;
	if (ck_quantity_parse(s, &q, &err) < 0) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
		ck_error_free(err);
		err = NULL;
		FUZZ_CHECK(ck_quantity_normalize(s, &norm, &err) < 0 && err);
		ck_error_free(err);
		free(s);
		return 0;
	}
	ck_quantity_format(&q, buf);
	FUZZ_CHECK(strlen(buf) < CK_QUANTITY_STRLEN);
	if (ck_quantity_parse(buf, &q2, &err) < 0)
		FUZZ_CHECKF(0, "'%s' formats as '%s', which does not parse: %s", s, buf, err->msg);
	FUZZ_CHECKF(ck_quantity_cmp(&q, &q2) == 0, "'%s' formats as '%s', another value", s, buf);
	ck_quantity_format(&q2, buf2);
	/*
	 * K8S: a BinarySI value can format without a suffix ("62.5Ki" is "64000"), which
	 * parses back as DecimalSI ("64k"): the second canonical string is the fixed point.
	 */
	if (q.format == CK_QUANTITY_BINARY_SI && strcmp(buf, buf2)) {
		char buf3[CK_QUANTITY_STRLEN];

		FUZZ_CHECKF(q2.format == CK_QUANTITY_DECIMAL_SI, "'%s' formats as '%s', then '%s'",
		            s, buf, buf2);
		if (ck_quantity_parse(buf2, &q2, &err) < 0)
			FUZZ_CHECKF(0, "'%s' does not parse: %s", buf2, err->msg);
		ck_quantity_format(&q2, buf3);
		FUZZ_CHECKF(!strcmp(buf2, buf3), "'%s' formats as '%s', then '%s', then '%s'", s,
		            buf, buf2, buf3);
	} else {
		FUZZ_CHECKF(!strcmp(buf, buf2), "'%s' formats as '%s', then as '%s'", s, buf, buf2);
	}

	if (ck_quantity_normalize(s, &norm, &err) < 0)
		FUZZ_CHECKF(0, "'%s' parses but does not normalize: %s", s, err->msg);
	if (ck_quantity_parse(norm, &q2, &err) < 0)
		FUZZ_CHECKF(0, "'%s' normalizes to '%s', which does not parse: %s", s, norm,
		            err->msg);
	FUZZ_CHECKF(ck_quantity_cmp(&q, &q2) == 0, "'%s' normalizes to '%s', another value", s,
	            norm);
	free(norm);

	check_units(&q);
	ck_quantity_init_value(&zero, 0, CK_QUANTITY_DECIMAL_SI);
	FUZZ_CHECK(ck_quantity_sign(&q) == ck_quantity_cmp(&q, &zero));
	FUZZ_CHECK(ck_quantity_cmp(&zero, &q) == -ck_quantity_cmp(&q, &zero));
	FUZZ_CHECK(*ck_quantity_format_name(q.format));
	free(s);
	return 0;
}
