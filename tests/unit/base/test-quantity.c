/*
 * Resource quantities: the parse -> canonical string tables of Kubernetes' own tests
 * (quantity_test.go TestQuantityParse, TestQuantityString, TestQuantityParseEmit,
 * TestParseQuantity), the strings Kubernetes keeps as written, rounding of Value() and
 * MilliValue(), comparison, the BinarySI cap, ckube's size limit, and malformed input
 * with the exact error each gets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "base/quantity.h"

#define DSI CK_QUANTITY_DECIMAL_SI
#define BSI CK_QUANTITY_BINARY_SI
#define DEX CK_QUANTITY_DECIMAL_EXPONENT

/* cmocka names only the line of a failed assert; these also name the table row. */
#define CHECK_STR(row, got, want)                                                                  \
	do {                                                                                       \
		const char *got_ = (got), *want_ = (want);                                         \
		if (strcmp(got_, want_))                                                           \
			fail_msg("'%s': got '%s', want '%s'", (row), got_, want_);                 \
	} while (0)
#define CHECK_INT(row, got, want)                                                                  \
	do {                                                                                       \
		long long got_ = (long long)(got), want_ = (long long)(want);                      \
		if (got_ != want_)                                                                 \
			fail_msg("'%s': got %lld, want %lld", (row), got_, want_);                 \
	} while (0)

#define ERR_FORMAT                                                                                 \
	"quantities must match the regular expression "                                            \
	"'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
#define ERR_NUMERIC "unable to parse numeric part of quantity"
#define ERR_SUFFIX  "unable to parse quantity's suffix"
#define ERR_LIMIT   "magnitude must be below 10^29 (the most ckube holds)"

struct parse_case {
	const char *in;
	const char *canonical; /* ck_quantity_format: Kubernetes' CanonicalizeBytes */
	const char *stored;    /* ck_quantity_normalize: what kube-apiserver writes back */
	enum ck_quantity_format format;
};

static const struct parse_case parse_cases[] = {
        /* the brief's and kubectl's everyday forms */
        {"0", "0", "0", DSI},
        {"100m", "100m", "100m", DSI},
        {"128Mi", "128Mi", "128Mi", BSI},
        {"1.5Gi", "1536Mi", "1536Mi", BSI},
        {"2e3", "2e3", "2e3", DEX},
        {"1E3", "1e3", "1E3", DEX},
        {"0.5", "500m", "500m", DSI},
        {"+1", "1", "+1", DSI},
        {"-1", "-1", "-1", DSI},
        {"1k", "1k", "1k", DSI},
        {"1M", "1M", "1M", DSI},
        {"1Ki", "1Ki", "1Ki", BSI},
        {"500u", "500u", "500u", DSI},
        {"3n", "3n", "3n", DSI},
        {"1000m", "1", "1", DSI},
        {"0.1", "100m", "100m", DSI},
        {"1024Ki", "1Mi", "1Mi", BSI},
        {"1500m", "1500m", "1500m", DSI},
        {"1.5", "1500m", "1500m", DSI},
        {"250m", "250m", "250m", DSI},
        {"2", "2", "2", DSI},
        {"64Mi", "64Mi", "64Mi", BSI},
        {"1Gi", "1Gi", "1Gi", BSI},
        {"10Gi", "10Gi", "10Gi", BSI},
        /* K8S: TestQuantityParse */
        {"0n", "0", "0", DSI},
        {"0Ki", "0", "0", BSI},
        {"-0", "0", "0", DSI},
        {"0.0", "0", "0", DSI},
        {"8Ki", "8Ki", "8Ki", BSI},
        {"7Mi", "7Mi", "7Mi", BSI},
        {"3Ei", "3Ei", "3Ei", BSI},
        {"100Ti", "100Ti", "100Ti", BSI},
        {"50k", "50k", "50k", DSI},
        {"40T", "40T", "40T", DSI},
        {"1E", "1E", "1E", DSI},
        {"1E-3", "1e-3", "1E-3", DEX},
        {"1e9", "1e9", "1e9", DEX},
        {"1e14", "100e12", "100e12", DEX},
        {"100.035k", "100035", "100.035k", DSI},
        {"0.0005k", "500m", "500m", DSI},
        {"0.5e-1", "50e-3", "50e-3", DEX},
        {"10.035M", "10035k", "10.035M", DSI},
        {"1.2e3", "1200", "1200", DEX},
        {"1.3E+6", "1300e3", "1300e3", DEX},
        {"1.7E18", "1700e15", "1700e15", DEX},
        {"9.01", "9010m", "9010m", DSI},
        {"7.123456M", "7123456", "7.123456M", DSI},
        {"6.987654321G", "6987654321", "6.987654321G", DSI},
        {"1.01E", "1010P", "1010P", DSI},
        {"3.001n", "4n", "4n", DSI},
        {"1.1E-9", "2e-9", "2e-9", DEX},
        {"0.0000000005", "1n", "1n", DSI},
        {"0.5e-9", "1e-9", "1e-9", DEX},
        {"0.9n", "1n", "1n", DSI},
        {"-0.9n", "-1n", "-1n", DSI},
        {"0.00000012345", "124n", "124n", DSI},
        {"9Ei", "9223372036854775807", "9223372036854775807", BSI},
        {"-9Ei", "-9223372036854775807", "-9223372036854775807", BSI},
        {"9223372036854775807Ki", "9223372036854775807", "9223372036854775807", BSI},
        {"12E", "12E", "12E", DSI},
        {"100.035Ki", "102435840m", "102435840m", BSI},
        {"0.5Mi", "512Ki", "512Ki", BSI},
        {"0.05Gi", "53687091200m", "53687091200m", BSI},
        {"0.025Ti", "27487790694400m", "27487790694400m", BSI},
        {"0.000000000001Ki", "2n", "2n", DSI},
        {".001", "1m", "1m", DSI},
        {".0001k", "100m", "100m", DSI},
        /* K8S: "things written by trolls" parse, and the fast path keeps the input */
        {"1.", "1", "1.", DSI},
        {"1.G", "1G", "1.G", DSI},
        {"00100m", "100m", "00100m", DSI},
        {"1.500", "1500m", "1.500", DSI},
        {"1e0", "1", "1e0", DEX},
        {"1e+3", "1e3", "1e+3", DEX},
        {"0100Ki", "100Ki", "0100Ki", BSI},
        /* K8S: TestQuantityParseEmit */
        {".001Ki", "1024m", "1024m", BSI},
        {".000001Ki", "1024u", "1024u", DSI},
        {".000000001Ki", "1024n", "1024n", DSI},
        {"1000M", "1G", "1G", DSI},
        /* K8S: TestParseQuantity: around 18 and 19 digits, past int64 */
        {"999999999999999999", "999999999999999999", "999999999999999999", DSI},
        {"-999999999999999999", "-999999999999999999", "-999999999999999999", DSI},
        {"999999999999999999.0", "999999999999999999", "999999999999999999", DSI},
        {"999999999999999999.1", "999999999999999999100m", "999999999999999999100m", DSI},
        {"9999999999999999999", "9999999999999999999", "9999999999999999999", DSI},
        {"1000000000000000000", "1E", "1E", DSI},
        {"1.0000000000000000001E", "1000000000000000000100m", "1000000000000000000100m", DSI},
        {"1.000000000000000001E", "1000000000000000001", "1000000000000000001", DSI},
        {"10E", "10E", "10E", DSI},
        {"10000000000000000000000m", "10E", "10E", DSI},
        {"-9223372036854775808.1", "-9223372036854775808100m", "-9223372036854775808100m", DSI},
        {"9223372036854775808000m", "9223372036854775808", "9223372036854775808", DSI},
        /* K8S: kubernetes/kubernetes#140459: DecimalSI past "E" is written as an exponent */
        {"1000E", "1e21", "1e21", DSI},
        {"10000T", "10P", "10P", DSI},
        /* exponents at and beyond nano; the largest values ckube holds */
        {"1e-12", "1e-9", "1e-9", DEX},
        {"1e-2147483648", "1e-9", "1e-9", DEX},
        {"0e2147483647", "0", "0", DEX},
        {"1e28", "10e27", "10e27", DEX},
        {"99999999999999999999999999999", "99999999999999999999999999999",
         "99999999999999999999999999999", DSI},
        {"0.000000000000000000000000000000000000000001", "1n", "1n", DSI},
};

static void test_parse_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		char buf[CK_QUANTITY_STRLEN], buf2[CK_QUANTITY_STRLEN];
		struct ck_quantity q, again;
		struct ck_error *err = NULL;
		char *stored = NULL;

		CHECK_INT(c->in, ck_quantity_parse(c->in, &q, &err), 0);
		assert_null(err);
		CHECK_STR(c->in, ck_quantity_format(&q, buf), c->canonical);
		CHECK_STR(c->in, ck_quantity_format_name(q.format),
		          ck_quantity_format_name(c->format));
		CHECK_INT(c->in, ck_quantity_normalize(c->in, &stored, &err), 0);
		CHECK_STR(c->in, stored, c->stored);
		free(stored);

		/* the canonical string is a fixed point with the same value */
		CHECK_INT(c->in, ck_quantity_parse(c->canonical, &again, &err), 0);
		CHECK_INT(c->in, ck_quantity_cmp(&q, &again), 0);
		CHECK_STR(c->in, ck_quantity_format(&again, buf2), c->canonical);
	}
}

/* K8S: TestQuantityParse and TestQuantityParseEmit try every input with '-' and '+'. */
static void test_parse_signs(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		char buf[CK_QUANTITY_STRLEN], *neg, *pos, *want;
		struct ck_quantity q, qn, qp;

		if (c->in[0] == '-' || c->in[0] == '+')
			continue;
		neg = ck_xasprintf("-%s", c->in);
		pos = ck_xasprintf("+%s", c->in);
		CHECK_INT(c->in, ck_quantity_parse(c->in, &q, NULL), 0);
		CHECK_INT(neg, ck_quantity_parse(neg, &qn, NULL), 0);
		CHECK_INT(pos, ck_quantity_parse(pos, &qp, NULL), 0);
		CHECK_INT(neg, qn.nano == -q.nano, 1);
		CHECK_INT(pos, ck_quantity_cmp(&qp, &q), 0);
		CHECK_INT(neg, qn.format, c->format);
		CHECK_INT(pos, qp.format, c->format);
		want = q.nano ? ck_xasprintf("-%s", c->canonical) : ck_xstrdup("0");
		CHECK_STR(neg, ck_quantity_format(&qn, buf), want);
		CHECK_STR(pos, ck_quantity_format(&qp, buf), c->canonical);
		free(want);
		free(neg);
		free(pos);
	}
}

struct bad_case {
	const char *in;
	const char *why;
};

static const struct bad_case bad_cases[] = {
        {"", ERR_FORMAT},
        {" 1", ERR_FORMAT},
        {"1 ", ERR_FORMAT},
        {"1 Mi", ERR_FORMAT},
        {"1.2.3", ERR_FORMAT},
        {"1.1.M", ERR_FORMAT},
        {"1+1.0M", ERR_FORMAT},
        {"1Qi", ERR_FORMAT},
        {"0.1am", ERR_FORMAT},
        {"aoeu", ERR_FORMAT},
        {"Non-Numeric", ERR_FORMAT},
        {"0x10", ERR_FORMAT},
        {"1,5", ERR_FORMAT},
        {"1e3.5", ERR_FORMAT},
        {"1KI", ERR_FORMAT},
        {"\xef\xbc\x91", ERR_FORMAT}, /* a fullwidth digit one */
        {"1Mi1", ERR_SUFFIX},
        {"1e", ERR_SUFFIX},
        {"1E+", ERR_SUFFIX},
        {"-3.01e-", ERR_SUFFIX},
        {"0.1mi", ERR_SUFFIX},
        {".5i", ERR_SUFFIX},
        {"1i", ERR_SUFFIX},
        {"-3.01i", ERR_SUFFIX},
        {"1ki", ERR_SUFFIX},
        {"1kk", ERR_SUFFIX},
        {"1ee3", ERR_SUFFIX},
        {"--1", ERR_SUFFIX},
        {"1e2147483648", ERR_SUFFIX},
        {"1e-2147483649", ERR_SUFFIX},
        {"1e4294967296", ERR_SUFFIX},
        {"1e99999999999999999999", ERR_SUFFIX},
        /* ckube: Kubernetes reads a number without digits as 0 */
        {".", ERR_NUMERIC},
        {"-.", ERR_NUMERIC},
        {"+", ERR_NUMERIC},
        {"-", ERR_NUMERIC},
        {"Mi", ERR_NUMERIC},
        {"k", ERR_NUMERIC},
        {"e3", ERR_NUMERIC},
        {".Ki", ERR_NUMERIC},
        /* ckube's limit */
        {"1e29", ERR_LIMIT},
        {"100000000000000000000000000000", ERR_LIMIT},
        {"-100000000000000000000000000000", ERR_LIMIT},
        {"100000000000E", ERR_LIMIT},
        {"1e2147483647", ERR_LIMIT},
        {"123456789012345678901234567890.5", ERR_LIMIT},
};

static void test_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct ck_quantity q = {.nano = 42, .format = BSI};
		struct ck_error *err = NULL;
		char *want, *out = NULL;

		CHECK_INT(c->in, ck_quantity_parse(c->in, &q, &err), -1);
		assert_non_null(err);
		CHECK_INT(c->in, err->http_status, 400);
		CHECK_STR(c->in, err->reason, "BadRequest");
		want = ck_xasprintf("invalid quantity '%s': %s", c->in, c->why);
		CHECK_STR(c->in, err->msg, want);
		free(want);
		ck_error_clear(&err);
		/* nothing is written on failure */
		assert_true(q.nano == 42);

		assert_int_equal(ck_quantity_normalize(c->in, &out, &err), -1);
		assert_null(out);
		assert_non_null(err);
		ck_error_clear(&err);
		/* a NULL err still fails */
		assert_int_equal(ck_quantity_parse(c->in, &q, NULL), -1);
	}
}

/* Client bytes that are not UTF-8 must not reach a JSON Status as they are. */
static void test_error_message_is_utf8(void **state)
{
	struct ck_error *err = NULL;
	struct ck_quantity q;

	(void)state;
	assert_int_equal(ck_quantity_parse("1\xff", &q, &err), -1);
	assert_string_equal(err->msg, "invalid quantity '1\xef\xbf\xbd': " ERR_FORMAT);
	ck_error_free(err);
}

struct value_case {
	const char *in;
	int64_t value;
	int64_t milli;
};

static const struct value_case value_cases[] = {
        {"0", 0, 0},
        {"100m", 1, 100},
        {"1", 1, 1000},
        {"1.5", 2, 1500},
        {"-1.5", -2, -1500},
        {"1n", 1, 1},
        {"-1n", -1, -1},
        {"999999n", 1, 1},
        {"1000001n", 1, 2},
        {"1.0000001", 2, 1001},
        {"0.0005k", 1, 500},
        {"2e3", 2000, 2000000},
        {"128Mi", 134217728, 134217728000},
        {"1.5Gi", 1610612736, 1610612736000},
        {"9223372036854775807", INT64_MAX, INT64_MAX},
        {"-9223372036854775808", INT64_MIN, INT64_MIN},
        {"9223372036854775807m", 9223372036854776, INT64_MAX},
        {"9Ei", INT64_MAX, INT64_MAX},
        {"-9Ei", -INT64_MAX, INT64_MIN},
        {"12E", INT64_MAX, INT64_MAX},
        {"-12E", INT64_MIN, INT64_MIN},
};

static void test_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(value_cases); i++) {
		const struct value_case *c = &value_cases[i];
		struct ck_quantity q;

		CHECK_INT(c->in, ck_quantity_parse(c->in, &q, NULL), 0);
		CHECK_INT(c->in, ck_quantity_value(&q), c->value);
		CHECK_INT(c->in, ck_quantity_milli_value(&q), c->milli);
	}
}

struct cmp_case {
	const char *a, *b;
	int cmp;
};

static const struct cmp_case cmp_cases[] = {
        /* K8S: TestQuantityCmp */
        {"0", "0", 0},
        {"100m", "50m", 1},
        {"50m", "100m", -1},
        {"10000T", "100Gi", 1},
        /* formats do not matter, only values */
        {"1Gi", "1073741824", 0},
        {"1k", "1000", 0},
        {"1e3", "1k", 0},
        {"0.1", "100m", 0},
        {"1Ki", "1k", 1},
        {"-1", "1", -1},
        {"-2", "-1", -1},
        {"1n", "0", 1},
        {"0.5n", "1n", 0}, /* both round up to 1n */
        {"0Ki", "-0", 0},
        {"12E", "9Ei", 1},
        {"99999999999999999999999999999", "99999999999999999999999999998", 1},
};

static void test_cmp_and_sign(void **state)
{
	struct ck_quantity a, b;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(cmp_cases); i++) {
		const struct cmp_case *c = &cmp_cases[i];

		CHECK_INT(c->a, ck_quantity_parse(c->a, &a, NULL), 0);
		CHECK_INT(c->b, ck_quantity_parse(c->b, &b, NULL), 0);
		CHECK_INT(c->a, ck_quantity_cmp(&a, &b), c->cmp);
		CHECK_INT(c->b, ck_quantity_cmp(&b, &a), -c->cmp);
	}
	assert_int_equal(ck_quantity_parse("-1n", &a, NULL), 0);
	assert_int_equal(ck_quantity_sign(&a), -1);
	assert_int_equal(ck_quantity_parse("0Ki", &a, NULL), 0);
	assert_int_equal(ck_quantity_sign(&a), 0);
	assert_int_equal(ck_quantity_parse("1e-9", &a, NULL), 0);
	assert_int_equal(ck_quantity_sign(&a), 1);
}

struct init_case {
	int64_t value;
	enum ck_quantity_format format;
	bool milli;
	const char *want;
};

static const struct init_case init_cases[] = {
        /* K8S: TestNewSet */
        {1, DSI, false, "1"},
        {1000, DSI, false, "1k"},
        {1234000, DSI, false, "1234k"},
        {1024, BSI, false, "1Ki"},
        {1000000, DEX, false, "1e6"},
        {1024 * 1024, BSI, false, "1Mi"},
        /* K8S: TestMilliNewSet */
        {1, DSI, true, "1m"},
        {1000, DSI, true, "1"},
        {1234000, DSI, true, "1234"},
        {1024, BSI, true, "1024m"},
        {1000000, DEX, true, "1e3"},
        {1024 * 1024, BSI, true, "1048576m"},
        /* a node's memory capacity as the kubelet reports it */
        {16318412LL * 1024, BSI, false, "16318412Ki"},
        {-5, BSI, false, "-5"},
        {0, BSI, false, "0"},
        {INT64_MAX, BSI, false, "9223372036854775807"},
        {INT64_MIN, DSI, false, "-9223372036854775808"},
};

static void test_init(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(init_cases); i++) {
		const struct init_case *c = &init_cases[i];
		char buf[CK_QUANTITY_STRLEN];
		struct ck_quantity q, back;

		if (c->milli)
			ck_quantity_init_milli(&q, c->value, c->format);
		else
			ck_quantity_init_value(&q, c->value, c->format);
		assert_false(q.verbatim);
		CHECK_STR(c->want, ck_quantity_format(&q, buf), c->want);
		CHECK_INT(c->want, ck_quantity_parse(buf, &back, NULL), 0);
		CHECK_INT(c->want, ck_quantity_cmp(&q, &back), 0);
		if (c->milli)
			CHECK_INT(c->want, ck_quantity_milli_value(&back), c->value);
		else
			CHECK_INT(c->want, ck_quantity_value(&back), c->value);
	}
	assert_string_equal(ck_quantity_format_name(DSI), "DecimalSI");
	assert_string_equal(ck_quantity_format_name(BSI), "BinarySI");
	assert_string_equal(ck_quantity_format_name(DEX), "DecimalExponent");
}

/* The largest magnitudes fit CK_QUANTITY_STRLEN, and a long input costs linear time. */
static void test_extremes(void **state)
{
	char buf[CK_QUANTITY_STRLEN];
	struct ck_quantity q = {.format = DSI};
	struct ck_buf in = CK_BUF_INIT;

	(void)state;
	q.nano = -((__int128)1 << 126) * 2; /* the most negative __int128 */
	ck_quantity_format(&q, buf);
	assert_string_equal(buf, "-170141183460469231731687303715884105728n");
	q.format = DEX;
	ck_quantity_format(&q, buf);
	assert_string_equal(buf, "-170141183460469231731687303715884105728e-9");
	assert_true(ck_quantity_value(&q) == INT64_MIN);

	/* a million digits of fraction, BinarySI: rounds up to a whole nano unit */
	ck_buf_adds(&in, "1.");
	for (int i = 0; i < 1000000; i++)
		ck_buf_addch(&in, i == 999999 ? '1' : '0');
	ck_buf_adds(&in, "Ki");
	assert_int_equal(ck_quantity_parse(in.data, &q, NULL), 0);
	assert_string_equal(ck_quantity_format(&q, buf), "1024000000001n");
	ck_buf_truncate(&in, in.len - 2);
	assert_int_equal(ck_quantity_parse(in.data, &q, NULL), 0);
	assert_string_equal(ck_quantity_format(&q, buf), "1000000001n");
	ck_buf_release(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parse_table),  cmocka_unit_test(test_parse_signs),
	        cmocka_unit_test(test_parse_errors), cmocka_unit_test(test_error_message_is_utf8),
	        cmocka_unit_test(test_values),       cmocka_unit_test(test_cmp_and_sign),
	        cmocka_unit_test(test_init),         cmocka_unit_test(test_extremes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
