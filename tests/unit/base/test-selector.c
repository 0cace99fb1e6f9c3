/*
 * Label and field selectors: the parse tables of Kubernetes' labels/selector_test.go
 * (TestSelectorParse, TestSetSelectorParser, TestLexerSequence) and fields tests, the
 * selectors kubectl users type every day, the canonical strings, the exact error texts
 * kube-apiserver answers with, and matching against metadata.labels (including absent
 * labels, empty values and the '>'/'<' integer rules) and against field callbacks.
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
#include "base/selector.h"

#define M_VALUE                                                                                    \
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "   \
	"or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "      \
	"'my_value',  or '12345', regex used for validation is "                                   \
	"'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
#define M_KEY_NAME                                                                                 \
	"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "  \
	"end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "  \
	"used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
#define M_KEY_SLASHES                                                                              \
	"a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must "    \
	"start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "         \
	"'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') "     \
	"with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
#define M_KEY_PREFIX                                                                               \
	"prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "      \
	"characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "     \
	"'example.com', regex used for validation is "                                             \
	"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
#define UNABLE     "unable to parse requirement: "
#define BINARY_OPS ", expected: in, notin, =, ==, !=, gt, lt"
#define GT_LT      "for 'Gt', 'Lt' operators, the value must be an integer"

/* ---- label selectors: parsing ---------------------------------------------------------- */

struct label_ok {
	const char *in;
	const char *canonical;
};

static const struct label_ok label_ok[] = {
        /* K8S: TestSelectorParse */
        {"", ""},
        {"x=a,y=b,z=c", "x=a,y=b,z=c"},
        {"x!=a,y=b", "x!=a,y=b"},
        {"x=", "x="},
        {"x= ", "x="},
        {"x=,z= ", "x=,z="},
        {"x= ,z= ", "x=,z="},
        {"!x", "!x"},
        {"x>1", "x>1"},
        {"x>1,z<5", "x>1,z<5"},
        /* K8S: TestSetSelectorParser */
        {"\rx", "x"},
        {"this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"},
        {"this-is-another-dns.domain.com/key-with-dash in (so,what)",
         "this-is-another-dns.domain.com/key-with-dash in (so,what)"},
        {"0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
         "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"},
        {"foo  in\t (abc)", "foo in (abc)"},
        {"x notin\n (abc)", "x notin (abc)"},
        {"x  notin\t\t\t(abc,def)", "x notin (abc,def)"},
        {"x in (abc,def)", "x in (abc,def)"},
        {"x in (abc,)", "x in (,abc)"},
        {"x in (abc,abc)", "x in (abc)"},
        {"x in ()", "x in ()"},
        {"x in (a,,)", "x in (,a)"},
        {"x in (a,,,)", "x in (,a)"},
        {"x in (a,,,,,,)", "x in (,a)"},
        {"x in (a,,a,,a,,a,,)", "x in (,a)"},
        {"x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"},
        {"x,y in (a)", "x,y in (a)"},
        {"x=a", "x=a"},
        {"x<7", "x<7"},
        {"x=a,y!=b", "x=a,y!=b"},
        {"x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"},
        {"x notin ( )", "x notin ()"},
        {"x notin (, a)", "x notin (,a)"},
        {"a ", "a"},
        {"a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"},
        {"notin=in", "notin=in"},
        {"in,notin", "in,notin"},
        {"x==a", "x==a"},
        {"x=a,a=x", "a=x,x=a"}, /* K8S: TestDeterministicParse */
        /* what kubectl users send */
        {"app=web,tier!=cache", "app=web,tier!=cache"},
        {"environment in (production, qa)", "environment in (production,qa)"},
        {"!canary", "!canary"},
        {"app.kubernetes.io/name=nginx", "app.kubernetes.io/name=nginx"},
        {"tier notin (frontend,backend)", "tier notin (backend,frontend)"},
        {"environment=production,tier!=frontend", "environment=production,tier!=frontend"},
        {"app.kubernetes.io/instance=my-release,app.kubernetes.io/component in (server, worker)",
         "app.kubernetes.io/component in (server,worker),app.kubernetes.io/instance=my-release"},
        {"node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/control-plane"},
        /* sorted by key: the '!' is no part of it */
        {"!node-role.kubernetes.io/control-plane,kubernetes.io/os=linux",
         "kubernetes.io/os=linux,!node-role.kubernetes.io/control-plane"},
        {"  app = web ,  tier != cache  ", "app=web,tier!=cache"},
        {"pod-template-hash=5d59d67564", "pod-template-hash=5d59d67564"},
        /* requirements on one key keep their written order */
        {"x=a,x!=b", "x=a,x!=b"},
        {"x!=b,x=a", "x!=b,x=a"},
        {"x<10,x>1", "x<10,x>1"},
        {"x in (b,a),x notin (c)", "x in (a,b),x notin (c)"},
};

static void test_label_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(label_ok); i++) {
		const struct label_ok *c = &label_ok[i];
		struct ck_label_selector *sel = NULL, *again = NULL;
		struct ck_error *err = NULL;
		char *s, *s2;

		if (ck_label_selector_parse(c->in, &sel, &err) < 0)
			fail_msg("'%s': %s", c->in, err->msg);
		s = ck_label_selector_string(sel);
		if (strcmp(s, c->canonical))
			fail_msg("'%s': got '%s', want '%s'", c->in, s, c->canonical);
		/* the canonical string parses to the same selector */
		assert_int_equal(ck_label_selector_parse(s, &again, &err), 0);
		s2 = ck_label_selector_string(again);
		assert_string_equal(s2, s);
		assert_int_equal(ck_label_selector_empty(sel), !*c->canonical);
		free(s);
		free(s2);
		ck_label_selector_free(sel);
		ck_label_selector_free(again);
	}
}

/* The structure behind a canonical string: operators, sorted unique values. */
static void test_label_structure(void **state)
{
	struct ck_label_selector *sel = NULL;

	(void)state;
	assert_int_equal(ck_label_selector_parse("z in (b,a,b,),!y,x==1,w>3,v", &sel, NULL), 0);
	assert_int_equal(sel->nreqs, 5);
	assert_string_equal(sel->reqs[0].key, "v");
	assert_int_equal(sel->reqs[0].op, CK_LABEL_OP_EXISTS);
	assert_int_equal(sel->reqs[0].nvalues, 0);
	assert_string_equal(sel->reqs[1].key, "w");
	assert_int_equal(sel->reqs[1].op, CK_LABEL_OP_GT);
	assert_string_equal(sel->reqs[1].values[0], "3");
	assert_int_equal(sel->reqs[2].op, CK_LABEL_OP_DOUBLE_EQUALS);
	assert_int_equal(sel->reqs[3].op, CK_LABEL_OP_DOES_NOT_EXIST);
	assert_string_equal(sel->reqs[3].key, "y");
	assert_int_equal(sel->reqs[4].op, CK_LABEL_OP_IN);
	assert_int_equal(sel->reqs[4].nvalues, 3);
	assert_string_equal(sel->reqs[4].values[0], "");
	assert_string_equal(sel->reqs[4].values[1], "a");
	assert_string_equal(sel->reqs[4].values[2], "b");
	ck_label_selector_free(sel);
	ck_label_selector_free(NULL);
	assert_true(ck_label_selector_empty(NULL));
	{
		char *s = ck_label_selector_string(NULL);

		assert_string_equal(s, "");
		free(s);
	}
}

struct label_bad {
	const char *in;
	const char *msg;
};

static const struct label_bad label_bad[] = {
        /* K8S: TestSelectorParse, TestSetSelectorParser, TestParseOperator */
        {"x=a||y=b", UNABLE "values[0][x]: Invalid value: \"a||y\": " M_VALUE},
        {"x==a==b", "found '==', expected: ',' or 'end of string'"},
        {"!x=a", "found '=', expected: ',' or 'end of string'"},
        {"x<a", UNABLE "values[0]: Invalid value: \"a\": " GT_LT},
        {"x,,y", "found ',', expected: identifier after ','"},
        {",x,y", "found ',', expected: !, identifier, or 'end of string'"},
        {"x nott in (y)", UNABLE "found 'nott'" BINARY_OPS},
        {"a in (xyz),", "found '', expected: identifier after ','"},
        {"a in (xyz)b notin ()", "found 'b', expected: ',' or 'end of string'"},
        {"a in (xyz abc)", UNABLE "found 'abc', expected: ',' or ')'"},
        {"a notin(", UNABLE "found '', expected: ',', ')' or identifier"},
        {"a (", UNABLE "found '('" BINARY_OPS},
        {"(", "found '(', expected: !, identifier, or 'end of string'"},
        {"x!", UNABLE "found '!'" BINARY_OPS},
        {"x exists", UNABLE "found 'exists'" BINARY_OPS},
        /* the lexer and parser otherwise */
        {"!", UNABLE "found '', expected: identifier"},
        {"!!x", UNABLE "found '!', expected: identifier"},
        {"x in a", UNABLE "found 'a' expected: '('"},
        {"x in (a", UNABLE "found '', expected: ',' or ')'"},
        {"x in (a,=)", UNABLE "found '=', expected: ',', or identifier"},
        {"x in (a))", "found ')', expected: ',' or 'end of string'"},
        {"x=(a)", UNABLE "found '(', expected: identifier"},
        {"x=a b", "found 'b', expected: ',' or 'end of string'"},
        {"x,", "found '', expected: identifier after ','"},
        {")", "found ')', expected: !, identifier, or 'end of string'"},
        {"=a", "found '=', expected: !, identifier, or 'end of string'"},
        /* invalid keys: Kubernetes prints the parser's nil field path */
        {"-x", UNABLE "<nil>: Invalid value: \"-x\": " M_KEY_NAME},
        {"a/b/c=d", UNABLE "<nil>: Invalid value: \"a/b/c\": " M_KEY_SLASHES},
        {"Example.com/x=y", UNABLE "<nil>: Invalid value: \"Example.com/x\": " M_KEY_PREFIX},
        {"x/=y", UNABLE "<nil>: Invalid value: \"x/\": name part must be non-empty; " M_KEY_NAME},
        {"!-x", UNABLE "<nil>: Invalid value: \"-x\": " M_KEY_NAME},
        /* invalid values, quoted as Go's %q does, several as an aggregate */
        {"x in (-a,-b)", UNABLE "[values[0][x]: Invalid value: \"-a\": " M_VALUE
                                ", values[1][x]: Invalid value: \"-b\": " M_VALUE "]"},
        {"x>", UNABLE "values[0]: Invalid value: \"\": " GT_LT},
        {"x<-1", UNABLE "values[0][x]: Invalid value: \"-1\": " M_VALUE},
        {"x>+1", UNABLE "values[0][x]: Invalid value: \"+1\": " M_VALUE},
        {"x>a-", UNABLE "[values[0]: Invalid value: \"a-\": " GT_LT
                        ", values[0][x]: Invalid value: \"a-\": " M_VALUE "]"},
        {"x>99999999999999999999",
         UNABLE "values[0]: Invalid value: \"99999999999999999999\": " GT_LT},
        {"x=\"q\"", UNABLE "values[0][x]: Invalid value: \"\\\"q\\\"\": " M_VALUE},
        {"x=a\\b", UNABLE "values[0][x]: Invalid value: \"a\\\\b\": " M_VALUE},
        {"x=a\x01", UNABLE "values[0][x]: Invalid value: \"a\\x01\": " M_VALUE},
        {"x=caf\xc3\xa9", UNABLE "values[0][x]: Invalid value: \"caf\xc3\xa9\": " M_VALUE},
        {"x=\xff", UNABLE "values[0][x]: Invalid value: \"\\xff\": " M_VALUE},
        {"\xff", UNABLE "<nil>: Invalid value: \"\\xff\": " M_KEY_NAME},
        {"x=a,\xc3(", UNABLE "<nil>: Invalid value: \"\\xc3\": " M_KEY_NAME},
        {"x=a \xc3", "found '\xef\xbf\xbd', expected: ',' or 'end of string'"},
};

static void test_label_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(label_bad); i++) {
		const struct label_bad *c = &label_bad[i];
		struct ck_label_selector *sel = (void *)&sel;
		struct ck_error *err = NULL;

		if (ck_label_selector_parse(c->in, &sel, &err) != -1)
			fail_msg("'%s': parsed", c->in);
		assert_true(sel == (void *)&sel); /* *out untouched */
		assert_non_null(err);
		assert_int_equal(err->http_status, 400);
		assert_string_equal(err->reason, "BadRequest");
		if (strcmp(err->msg, c->msg))
			fail_msg("'%s':\n got  '%s'\n want '%s'", c->in, err->msg, c->msg);
		ck_error_clear(&err);
		assert_int_equal(ck_label_selector_parse(c->in, &sel, NULL), -1);
	}
}

/* Long values and many requirements. */
static void test_label_limits(void **state)
{
	struct ck_label_selector *sel = NULL;
	struct ck_error *err = NULL;
	struct ck_buf b = CK_BUF_INIT;
	char *s;

	(void)state;
	ck_buf_adds(&b, "x=");
	for (int i = 0; i < 63; i++)
		ck_buf_addch(&b, 'v');
	assert_int_equal(ck_label_selector_parse(b.data, &sel, &err), 0);
	ck_label_selector_free(sel);
	ck_buf_addch(&b, 'v');
	assert_int_equal(ck_label_selector_parse(b.data, &sel, &err), -1);
	assert_true(ck_str_has_suffix(err->msg, "\": must be no more than 63 bytes"));
	ck_error_clear(&err);
	ck_buf_truncate(&b, 2);
	for (int i = 0; i < 64; i++)
		ck_buf_addch(&b, '-');
	assert_int_equal(ck_label_selector_parse(b.data, &sel, &err), -1);
	assert_true(ck_str_has_suffix(err->msg, "\": must be no more than 63 bytes; " M_VALUE));
	ck_error_clear(&err);

	/* the aggregate of invalid values stops after 32 */
	ck_buf_reset(&b);
	ck_buf_adds(&b, "x in (");
	for (int i = 0; i < 1000; i++)
		ck_buf_addf(&b, "-v%03d,", i);
	ck_buf_adds(&b, "ok)");
	assert_int_equal(ck_label_selector_parse(b.data, &sel, &err), -1);
	assert_true(
	        ck_str_has_prefix(err->msg, UNABLE "[values[0][x]: Invalid value: \"-v000\": "));
	assert_non_null(strstr(err->msg, "values[31][x]: Invalid value: \"-v031\": "));
	assert_null(strstr(err->msg, "-v032"));
	assert_true(ck_str_has_suffix(err->msg, M_VALUE ", and 968 more]"));
	assert_true(strlen(err->msg) < 16384);
	ck_error_clear(&err);

	ck_buf_reset(&b);
	for (int i = 9999; i >= 0; i--)
		ck_buf_addf(&b, "%sk%05d in (b,a)", i == 9999 ? "" : ",", i);
	assert_int_equal(ck_label_selector_parse(b.data, &sel, &err), 0);
	assert_int_equal(sel->nreqs, 10000);
	assert_string_equal(sel->reqs[0].key, "k00000");
	assert_string_equal(sel->reqs[9999].key, "k09999");
	s = ck_label_selector_string(sel);
	assert_true(ck_str_has_prefix(s, "k00000 in (a,b),k00001 in (a,b),"));
	free(s);
	ck_label_selector_free(sel);
	ck_buf_release(&b);
}

/* ---- label selectors: matching --------------------------------------------------------- */

struct label_match {
	const char *sel;
	const char *labels; /* JSON, or NULL for an object without labels */
	bool match;
};

static const struct label_match label_match[] = {
        /* K8S: TestSelectorMatches */
        {"", "{\"x\":\"y\"}", true},
        {"x=y", "{\"x\":\"y\"}", true},
        {"x=y,z=w", "{\"x\":\"y\",\"z\":\"w\"}", true},
        {"x!=y,z!=w", "{\"x\":\"z\",\"z\":\"a\"}", true},
        {"notin=in", "{\"notin\":\"in\"}", true},
        {"x", "{\"x\":\"z\"}", true},
        {"!x", "{\"y\":\"z\"}", true},
        {"x>1", "{\"x\":\"2\"}", true},
        {"x<1", "{\"x\":\"0\"}", true},
        {"x=z", "{}", false},
        {"x=y", "{\"x\":\"z\"}", false},
        {"x=y,z=w", "{\"x\":\"w\",\"z\":\"w\"}", false},
        {"x!=y,z!=w", "{\"x\":\"z\",\"z\":\"w\"}", false},
        {"x", "{\"y\":\"z\"}", false},
        {"!x", "{\"x\":\"z\"}", false},
        {"x>1", "{\"x\":\"0\"}", false},
        {"x<1", "{\"x\":\"2\"}", false},
        {"foo=bar,baz=blah", "{\"foo\":\"bar\",\"baz\":\"blah\"}", true},
        {"foo=blah", "{\"foo\":\"bar\",\"baz\":\"blah\"}", false},
        {"foo=bar,foobar=bar,baz=blah", "{\"foo\":\"bar\",\"baz\":\"blah\"}", false},
        /* K8S: TestRequirementSelectorMatching */
        {"x in (foo),y notin (alpha)", "{\"x\":\"foo\",\"y\":\"baz\"}", true},
        {"x in (foo),y in (alpha)", "{\"x\":\"foo\",\"y\":\"baz\"}", false},
        {"x notin (),y", "{\"y\":\"\"}", true},
        {"!x,y", "{\"y\":\"\"}", true},
        {"x notin (),!y", "{\"y\":\"\"}", false},
        {"x in ()", "{\"y\":\"baz\"}", false},
        {"z>1", "{\"z\":\"2\"}", true},
        {"z>1", "{\"z\":\"v2\"}", false},
        /* empty values and sets */
        {"x in ()", "{\"x\":\"\"}", true},
        {"x=", "{\"x\":\"\"}", true},
        {"x=", "{}", false},
        {"x!=", "{}", true},
        {"x!=", "{\"x\":\"\"}", false},
        {"x notin (a,)", "{\"x\":\"\"}", false},
        {"x notin (a,)", "{\"x\":\"b\"}", true},
        /* '>' and '<': base-10 int64 label values only, as strconv.ParseInt */
        {"x>1", "{\"x\":\"+2\"}", true},
        {"x>1", "{\"x\":\" 2\"}", false},
        {"x>1", "{\"x\":\"2 \"}", false},
        {"x>1", "{\"x\":\"0x10\"}", false},
        {"x>1", "{\"x\":\"\"}", false},
        {"x>1", "{}", false},
        {"x<0", "{\"x\":\"-5\"}", true},
        {"x>0", "{\"x\":\"9223372036854775807\"}", true},
        {"x>0", "{\"x\":\"9223372036854775808\"}", false},
        {"x<0", "{\"x\":\"-9223372036854775808\"}", true},
        {"x<0", "{\"x\":\"-9223372036854775809\"}", false},
        {"x>5,x<10", "{\"x\":\"7\"}", true},
        {"x>5,x<10", "{\"x\":\"10\"}", false},
        /* what kubectl users send */
        {"app=web,tier!=cache", "{\"app\":\"web\",\"tier\":\"frontend\"}", true},
        {"app=web,tier!=cache", "{\"app\":\"web\",\"tier\":\"cache\"}", false},
        {"app=web,tier!=cache", "{\"app\":\"web\"}", true},
        {"app=web,tier!=cache", "{\"app\":\"db\"}", false},
        {"environment in (production, qa)", "{\"environment\":\"qa\"}", true},
        {"environment in (production, qa)", "{\"environment\":\"production\"}", true},
        {"environment in (production, qa)", "{\"environment\":\"dev\"}", false},
        {"environment in (production, qa)", "{}", false},
        {"!canary", "{\"canary\":\"true\"}", false},
        {"!canary", "{\"app\":\"web\"}", true},
        {"!canary", NULL, true},
        {"app.kubernetes.io/name=nginx", "{\"app.kubernetes.io/name\":\"nginx\"}", true},
        {"app.kubernetes.io/name=nginx", "{\"app\":\"nginx\"}", false},
        {"app.kubernetes.io/name=nginx", NULL, false},
        {"tier notin (frontend,backend)", "{\"tier\":\"cache\"}", true},
        {"tier notin (frontend,backend)", "{}", true},
        {"tier notin (frontend,backend)", "{\"tier\":\"backend\"}", false},
        {"", NULL, true},
        /* a member that is not a string is no label; a labels value that is no object, none */
        {"x", "{\"x\":1}", false},
        {"!x", "{\"x\":null}", true},
        {"x!=1", "{\"x\":1}", true},
        {"x", "[\"x\"]", false},
        {"!x", "\"x\"", true},
};

static void test_label_match(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(label_match); i++) {
		const struct label_match *c = &label_match[i];
		struct ck_label_selector *sel = NULL;
		json_t *labels = NULL;

		assert_int_equal(ck_label_selector_parse(c->sel, &sel, NULL), 0);
		if (c->labels) {
			labels = json_loads(c->labels, JSON_DECODE_ANY, NULL);
			assert_non_null(labels);
		}
		if (ck_label_selector_matches(sel, labels) != c->match)
			fail_msg("'%s' on %s: want %s", c->sel, c->labels ? c->labels : "no labels",
			         c->match ? "a match" : "no match");
		json_decref(labels);
		ck_label_selector_free(sel);
	}
	/* a NULL selector selects everything */
	assert_true(ck_label_selector_matches(NULL, NULL));
}

struct kv {
	const char *k, *v;
};

static const char *lookup_kv(const char *key, void *ctx)
{
	for (const struct kv *p = ctx; p->k; p++)
		if (!strcmp(p->k, key))
			return p->v;
	return NULL;
}

static void test_label_match_fn(void **state)
{
	static const struct kv node[] = {
	        {"kubernetes.io/hostname", "node-1"},
	        {"topology.kubernetes.io/zone", "zone-a"},
	        {"node-role.kubernetes.io/control-plane", ""},
	        {NULL, NULL},
	};
	struct ck_label_selector *sel = NULL;

	(void)state;
	assert_int_equal(ck_label_selector_parse("topology.kubernetes.io/zone in (zone-a,zone-b),"
	                                         "node-role.kubernetes.io/control-plane",
	                                         &sel, NULL),
	                 0);
	assert_true(ck_label_selector_matches_fn(sel, lookup_kv, (void *)node));
	ck_label_selector_free(sel);
	assert_int_equal(
	        ck_label_selector_parse("!node-role.kubernetes.io/control-plane", &sel, NULL), 0);
	assert_false(ck_label_selector_matches_fn(sel, lookup_kv, (void *)node));
	ck_label_selector_free(sel);
	assert_true(ck_label_selector_matches_fn(NULL, lookup_kv, (void *)node));
}

/* K8S: TestRequiresExactMatch */
static void test_label_requires_exact(void **state)
{
	struct ck_label_selector *sel = NULL;

	(void)state;
	assert_int_equal(
	        ck_label_selector_parse("x=a,y in (b),z in (c,d),w!=e,v==f,u,t in ()", &sel, NULL),
	        0);
	assert_string_equal(ck_label_selector_requires_exact(sel, "x"), "a");
	assert_string_equal(ck_label_selector_requires_exact(sel, "y"), "b");
	assert_string_equal(ck_label_selector_requires_exact(sel, "v"), "f");
	assert_string_equal(ck_label_selector_requires_exact(sel, "t"), "");
	assert_null(ck_label_selector_requires_exact(sel, "z"));
	assert_null(ck_label_selector_requires_exact(sel, "w"));
	assert_null(ck_label_selector_requires_exact(sel, "u"));
	assert_null(ck_label_selector_requires_exact(sel, "q"));
	ck_label_selector_free(sel);
	/* the first requirement on the key decides */
	assert_int_equal(ck_label_selector_parse("x!=a,x=b", &sel, NULL), 0);
	assert_null(ck_label_selector_requires_exact(sel, "x"));
	ck_label_selector_free(sel);
	assert_null(ck_label_selector_requires_exact(NULL, "x"));
}

/* ---- field selectors ------------------------------------------------------------------- */

struct field_ok {
	const char *in;
	const char *canonical;
	size_t nreqs;
};

static const struct field_ok field_ok[] = {
        {"", "", 0},
        {",", "", 0},
        {",,", "", 0},
        {"spec.nodeName=node-1", "spec.nodeName=node-1", 1},
        {"status.phase!=Running", "status.phase!=Running", 1},
        {"metadata.name==web-0", "metadata.name=web-0", 1},
        {"metadata.namespace=default,status.phase=Running",
         "metadata.namespace=default,status.phase=Running", 2},
        /* K8S: terms are sorted by their text */
        {"status.phase=Running,metadata.namespace=default",
         "metadata.namespace=default,status.phase=Running", 2},
        {"spec.nodeName=,status.phase!=Succeeded,status.phase!=Failed",
         "spec.nodeName=,status.phase!=Failed,status.phase!=Succeeded", 3},
        /* K8S: EscapeValue / UnescapeValue */
        {"a=b\\,c", "a=b\\,c", 1},
        {"a=b\\=c", "a=b\\=c", 1},
        {"a=b\\\\c", "a=b\\\\c", 1},
        {"a=b\\,,c=d", "a=b\\,,c=d", 2},
        {"a=", "a=", 1},
        {"a!=", "a!=", 1},
        {"a=!b", "a=!b", 1},
        {"a=b,,c=d", "a=b,c=d", 2},
        /* the field is taken as written; Transform drops only a term with nothing at all */
        {"=x", "=x", 1},
        {"=", "", 0},
        {"!=", "", 0},
        {"x= y", "x= y", 1},
        {" x=y", " x=y", 1},
        {"metadata.name=caf\xc3\xa9", "metadata.name=caf\xc3\xa9", 1},
};

static void test_field_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(field_ok); i++) {
		const struct field_ok *c = &field_ok[i];
		struct ck_field_selector *sel = NULL, *again = NULL;
		struct ck_error *err = NULL;
		char *s, *s2;

		if (ck_field_selector_parse(c->in, &sel, &err) < 0)
			fail_msg("'%s': %s", c->in, err->msg);
		s = ck_field_selector_string(sel);
		if (strcmp(s, c->canonical))
			fail_msg("'%s': got '%s', want '%s'", c->in, s, c->canonical);
		assert_int_equal(sel->nreqs, c->nreqs);
		assert_int_equal(ck_field_selector_empty(sel), c->nreqs == 0);
		assert_int_equal(ck_field_selector_parse(s, &again, &err), 0);
		s2 = ck_field_selector_string(again);
		assert_string_equal(s2, s);
		free(s);
		free(s2);
		ck_field_selector_free(sel);
		ck_field_selector_free(again);
	}
}

static void test_field_structure(void **state)
{
	struct ck_field_selector *sel = NULL;

	(void)state;
	assert_int_equal(ck_field_selector_parse("b!=x\\,y\\=z\\\\,a==1", &sel, NULL), 0);
	assert_int_equal(sel->nreqs, 2);
	assert_string_equal(sel->reqs[0].field, "a");
	assert_int_equal(sel->reqs[0].op, CK_FIELD_OP_EQUALS);
	assert_string_equal(sel->reqs[0].value, "1");
	assert_string_equal(sel->reqs[1].field, "b");
	assert_int_equal(sel->reqs[1].op, CK_FIELD_OP_NOT_EQUALS);
	assert_string_equal(sel->reqs[1].value, "x,y=z\\");
	ck_field_selector_free(sel);
	ck_field_selector_free(NULL);
	assert_true(ck_field_selector_empty(NULL));
}

struct field_bad {
	const char *in;
	const char *msg;
};

static const struct field_bad field_bad[] = {
        {"a", "invalid selector: 'a'; can't understand 'a'"},
        {"x=a,b", "invalid selector: 'x=a,b'; can't understand 'b'"},
        {"spec.nodeName", "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'"},
        {"a=b=c", "invalid field selector: unescaped character in value: 61"},
        {"a!==b", "invalid field selector: unescaped character in value: 61"},
        {"a===b", "invalid field selector: unescaped character in value: 61"},
        {"a=b\\", "invalid field selector: invalid escape sequence: \\"},
        {"a=b\\x", "invalid field selector: invalid escape sequence: \\x"},
        {"a=b\\\xc3\xa9", "invalid field selector: invalid escape sequence: \\\xc3\xa9"},
        {"a=b\\\xff", "invalid field selector: invalid escape sequence: \\\xef\xbf\xbd"},
        {"\xff", "invalid selector: '\xef\xbf\xbd'; can't understand '\xef\xbf\xbd'"},
        /* the sorted order of terms decides which error is reported */
        {"z=a=b,a", "invalid selector: 'z=a=b,a'; can't understand 'a'"},
};

static void test_field_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(field_bad); i++) {
		const struct field_bad *c = &field_bad[i];
		struct ck_field_selector *sel = (void *)&sel;
		struct ck_error *err = NULL;

		if (ck_field_selector_parse(c->in, &sel, &err) != -1)
			fail_msg("'%s': parsed", c->in);
		assert_true(sel == (void *)&sel);
		assert_int_equal(err->http_status, 400);
		assert_string_equal(err->reason, "BadRequest");
		if (strcmp(err->msg, c->msg))
			fail_msg("'%s':\n got  '%s'\n want '%s'", c->in, err->msg, c->msg);
		ck_error_clear(&err);
		assert_int_equal(ck_field_selector_parse(c->in, &sel, NULL), -1);
	}
}

struct field_match {
	const char *sel;
	bool match;
};

static void test_field_match(void **state)
{
	static const struct kv pod[] = {
	        {"metadata.name", "web-0"},        {"metadata.namespace", "default"},
	        {"spec.nodeName", "node-1"},       {"status.phase", "Running"},
	        {"spec.schedulerName", "a,b=c\\"}, {NULL, NULL},
	};
	static const struct kv unscheduled[] = {
	        {"metadata.name", "web-1"},
	        {"status.phase", "Pending"},
	        {NULL, NULL},
	};
	static const struct field_match on_pod[] = {
	        {"", true},
	        {"spec.nodeName=node-1", true},
	        {"spec.nodeName==node-1", true},
	        {"spec.nodeName=node-2", false},
	        {"spec.nodeName!=node-2", true},
	        {"status.phase!=Running", false},
	        {"metadata.name=web-0,metadata.namespace=default", true},
	        {"metadata.name=web-0,metadata.namespace=kube-system", false},
	        {"spec.schedulerName=a\\,b\\=c\\\\", true},
	        {"spec.nodeName=,status.phase!=Succeeded,status.phase!=Failed", false},
	        {"spec.unknown=", true},
	        {"spec.unknown!=", false},
	};
	static const struct field_match on_unscheduled[] = {
	        {"spec.nodeName=", true},
	        {"spec.nodeName=node-1", false},
	        {"spec.nodeName!=node-1", true},
	        {"spec.nodeName=,status.phase!=Succeeded,status.phase!=Failed", true},
	};

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(on_pod) + CK_ARRAY_SIZE(on_unscheduled); i++) {
		bool first = i < CK_ARRAY_SIZE(on_pod);
		const struct field_match *c =
		        first ? &on_pod[i] : &on_unscheduled[i - CK_ARRAY_SIZE(on_pod)];
		struct ck_field_selector *sel = NULL;

		assert_int_equal(ck_field_selector_parse(c->sel, &sel, NULL), 0);
		if (ck_field_selector_matches(sel, lookup_kv,
		                              (void *)(first ? pod : unscheduled)) != c->match)
			fail_msg("'%s' on %s: want %s", c->sel, first ? "pod" : "unscheduled",
			         c->match ? "a match" : "no match");
		ck_field_selector_free(sel);
	}
	assert_true(ck_field_selector_matches(NULL, lookup_kv, (void *)pod));
}

static void test_field_requires_exact(void **state)
{
	struct ck_field_selector *sel = NULL;

	(void)state;
	assert_int_equal(ck_field_selector_parse("spec.nodeName=node-1,status.phase!=Running,"
	                                         "metadata.name==",
	                                         &sel, NULL),
	                 0);
	assert_string_equal(ck_field_selector_requires_exact(sel, "spec.nodeName"), "node-1");
	assert_string_equal(ck_field_selector_requires_exact(sel, "metadata.name"), "");
	assert_null(ck_field_selector_requires_exact(sel, "status.phase"));
	assert_null(ck_field_selector_requires_exact(sel, "spec"));
	ck_field_selector_free(sel);
	assert_null(ck_field_selector_requires_exact(NULL, "spec.nodeName"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_label_parse),
	        cmocka_unit_test(test_label_structure),
	        cmocka_unit_test(test_label_parse_errors),
	        cmocka_unit_test(test_label_limits),
	        cmocka_unit_test(test_label_match),
	        cmocka_unit_test(test_label_match_fn),
	        cmocka_unit_test(test_label_requires_exact),
	        cmocka_unit_test(test_field_parse),
	        cmocka_unit_test(test_field_structure),
	        cmocka_unit_test(test_field_parse_errors),
	        cmocka_unit_test(test_field_match),
	        cmocka_unit_test(test_field_requires_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
