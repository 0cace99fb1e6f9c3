/*
 * Name and label validation: the good and bad values of Kubernetes' own tests
 * (util/validation/validation_test.go, api/validate/content/kube_test.go), and the exact
 * messages, in order, that kube-apiserver puts into a 422 Status for each kind of
 * mistake. The expected messages are written out here in full rather than built from the
 * implementation's pieces, so a wrong word there fails here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/mem.h"
#include "base/validate.h"

typedef size_t check_fn(const char *value, const char **msgs);

static const char m_label[] =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
        "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
static const char m_subdomain[] =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
        "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
        "regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
static const char m_dns1035[] =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
        "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
        "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
static const char m_key_name[] =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "
        "end "
        "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
        "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
static const char m_key_prefix[] =
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
        "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
        "'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
static const char m_key_slashes[] =
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must "
        "start "
        "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
        "regex "
        "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS "
        "subdomain prefix and '/' (e.g. 'example.com/MyName')";
static const char m_value[] =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
        "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
        "'my_value',  or '12345', regex used for validation is "
        "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

static char *rep(char c, size_t n)
{
	char *s = ck_xmalloc(n + 1);

	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void expect_valid(check_fn *fn, const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *msgs[CK_VALIDATE_MAX_MSGS];
		size_t got = fn(values[i], msgs);

		if (got)
			fail_msg("'%s': want valid, got '%s'", values[i], msgs[0]);
		assert_int_equal(fn(values[i], NULL), 0);
	}
}

static void expect_invalid(check_fn *fn, const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (fn(values[i], NULL) == 0)
			fail_msg("'%s': want invalid", values[i]);
	}
}

/* K8S: TestIsDNS1123Label */
static void test_dns1123_label(void **state)
{
	static const char *const good[] = {
	        "a",   "ab", "abc", "a1",         "a-1",     "a--1--2--b", "0",           "01",
	        "012", "1a", "1-a", "1--a--b--2", "my-name", "123-abc",    "kube-system", "default",
	};
	static const char *const bad[] = {
	        "",    "A",  "ABC", "aBc", "A1",  "A-1", "1-A", "-",           "a-",
	        "-a",  "1-", "-1",  "_",   "a_",  "_a",  "a_b", "1_",          "_1",
	        "1_2", ".",  "a.",  ".a",  "a.b", "1.",  ".1",  "1.2",         " ",
	        "a ",  " a", "a b", "1 ",  " 1",  "1 2", "a\n", "caf\xc3\xa9", "a/b",
	};
	char *max = rep('a', 63), *over = rep('a', 64);

	(void)state;
	expect_valid(ck_validate_dns1123_label, good, CK_ARRAY_SIZE(good));
	expect_invalid(ck_validate_dns1123_label, bad, CK_ARRAY_SIZE(bad));
	assert_int_equal(ck_validate_dns1123_label(max, NULL), 0);
	assert_int_equal(ck_validate_dns1123_label(over, NULL), 1);
	free(max);
	free(over);
}

/* K8S: TestIsDNS1123Subdomain */
static void test_dns1123_subdomain(void **state)
{
	static const char *const good[] = {
	        "a",
	        "ab",
	        "abc",
	        "a1",
	        "a-1",
	        "a--1--2--b",
	        "0",
	        "01",
	        "012",
	        "1a",
	        "1-a",
	        "1--a--b--2",
	        "a.a",
	        "ab.a",
	        "abc.a",
	        "a1.a",
	        "a-1.a",
	        "a--1--2--b.a",
	        "a.1",
	        "ab.1",
	        "abc.1",
	        "a1.1",
	        "a-1.1",
	        "a--1--2--b.1",
	        "0.a",
	        "01.a",
	        "012.a",
	        "1a.a",
	        "1-a.a",
	        "0.1",
	        "01.1",
	        "012.1",
	        "1a.1",
	        "1-a.1",
	        "1--a--b--2.1",
	        "a.b.c.d.e",
	        "aa.bb.cc.dd.ee",
	        "1.2.3.4.5",
	        "11.22.33.44.55",
	        "example.com",
	};
	static const char *const bad[] = {
	        "",
	        "A",
	        "ABC",
	        "aBc",
	        "A1",
	        "A-1",
	        "1-A",
	        "-",
	        "a-",
	        "-a",
	        "1-",
	        "-1",
	        "_",
	        "a_",
	        "_a",
	        "a_b",
	        "1_",
	        "_1",
	        "1_2",
	        ".",
	        "a.",
	        ".a",
	        "a..b",
	        "1.",
	        ".1",
	        "1..2",
	        " ",
	        "a ",
	        " a",
	        "a b",
	        "1 ",
	        " 1",
	        "1 2",
	        "A.a",
	        "aB.a",
	        "ab.A",
	        "A1.a",
	        "a1.A",
	        "A.1",
	        "aB.1",
	        "A1.1",
	        "1A.1",
	        "0.A",
	        "01.A",
	        "012.A",
	        "1A.a",
	        "1a.A",
	        "A.B.C.D.E",
	        "AA.BB.CC.DD.EE",
	        "a.B.c.d.e",
	        "aa.bB.cc.dd.ee",
	        "a@b",
	        "a,b",
	        "a;b",
	        "a:b",
	        "a%b",
	        "a?b",
	        "a$b",
	        "a.-b",
	        "a-.b",
	};
	char *max = rep('a', 253), *over = rep('a', 254);

	(void)state;
	expect_valid(ck_validate_dns1123_subdomain, good, CK_ARRAY_SIZE(good));
	expect_invalid(ck_validate_dns1123_subdomain, bad, CK_ARRAY_SIZE(bad));
	assert_int_equal(ck_validate_dns1123_subdomain(max, NULL), 0);
	assert_int_equal(ck_validate_dns1123_subdomain(over, NULL), 1);
	free(max);
	free(over);
}

/* K8S: TestIsDNS1035Label */
static void test_dns1035_label(void **state)
{
	static const char *const good[] = {
	        "a", "ab", "abc", "a1", "a-1", "a--1--2--b", "my-service", "z9",
	};
	static const char *const bad[] = {
	        "0",  "01",  "012", "1a", "1-a", "1--a--b--2", "",   "A",  "ABC", "aBc",
	        "A1", "A-1", "1-A", "-",  "a-",  "-a",         "1-", "-1", "_",   "a_",
	        "_a", "a_b", "1_",  "_1", "1_2", ".",          "a.", ".a", "a.b", "1.",
	        ".1", "1.2", " ",   "a ", " a",  "a b",        "1 ", " 1", "1 2",
	};
	char *max = rep('a', 63), *over = rep('a', 64);

	(void)state;
	expect_valid(ck_validate_dns1035_label, good, CK_ARRAY_SIZE(good));
	expect_invalid(ck_validate_dns1035_label, bad, CK_ARRAY_SIZE(bad));
	assert_int_equal(ck_validate_dns1035_label(max, NULL), 0);
	assert_int_equal(ck_validate_dns1035_label(over, NULL), 1);
	free(max);
	free(over);
}

/* K8S: TestIsLabelKey */
static void test_label_key(void **state)
{
	static const char *const good[] = {
	        "simple",
	        "now-with-dashes",
	        "1-starts-with-num",
	        "1234",
	        "simple/simple",
	        "now-with-dashes/simple",
	        "now-with-dashes/now-with-dashes",
	        "now.with.dots/simple",
	        "now-with.dashes-and.dots/simple",
	        "1-num.2-num/3-num",
	        "1234/5678",
	        "1.2.3.4/5678",
	        "Uppercase_Is_OK_123",
	        "example.com/Uppercase_Is_OK_123",
	        "requests.storage-foo",
	        "app.kubernetes.io/name",
	        "kubernetes.io/hostname",
	        "topology.kubernetes.io/zone",
	        "node-role.kubernetes.io/control-plane",
	};
	static const char *const bad[] = {
	        "nospecialchars%^=@",
	        "cantendwithadash-",
	        "-cantstartwithadash-",
	        "only/one/slash",
	        "Example.com/abc",
	        "example_com/abc",
	        "example.com/",
	        "/simple",
	        "",
	        "/",
	        "a b",
	        "app.kubernetes.io/na me",
	};
	char *name63 = rep('a', 63), *name64 = rep('a', 64), *p253 = rep('a', 253);
	char *max = ck_xasprintf("%s/%s", p253, name63);
	char *over = ck_xasprintf("a%s/abc", p253);

	(void)state;
	expect_valid(ck_validate_label_key, good, CK_ARRAY_SIZE(good));
	expect_invalid(ck_validate_label_key, bad, CK_ARRAY_SIZE(bad));
	expect_valid(ck_validate_qualified_name, good, CK_ARRAY_SIZE(good));
	expect_invalid(ck_validate_qualified_name, bad, CK_ARRAY_SIZE(bad));
	assert_int_equal(ck_validate_label_key(name63, NULL), 0);
	assert_int_equal(ck_validate_label_key(max, NULL), 0);
	assert_int_equal(ck_validate_label_key(name64, NULL), 1);
	assert_int_equal(ck_validate_label_key(over, NULL), 1);
	free(name63);
	free(name64);
	free(p253);
	free(max);
	free(over);
}

/* K8S: TestIsLabelValue */
static void test_label_value(void **state)
{
	static const char *const good[] = {
	        "simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234",
	        "",       "MyValue",         "my_value",          "12345",          "v1.2.3",
	        "A",      "a.b_c-d",
	};
	static const char *const bad[] = {
	        "nospecialchars%^=@",
	        "Tama-nui-te-r\xc4\x81.is.M\xc4\x81ori.sun",
	        "\\backslashes\\are\\bad",
	        "-starts-with-dash",
	        "ends-with-dash-",
	        ".starts.with.dot",
	        "ends.with.dot.",
	        "_",
	        "a b",
	        "a/b",
	        "a=b",
	};
	char *max = rep('a', 63), *over = rep('a', 64);

	(void)state;
	expect_valid(ck_validate_label_value, good, CK_ARRAY_SIZE(good));
	expect_invalid(ck_validate_label_value, bad, CK_ARRAY_SIZE(bad));
	assert_int_equal(ck_validate_label_value(max, NULL), 0);
	assert_int_equal(ck_validate_label_value(over, NULL), 1);
	free(max);
	free(over);
}

struct msg_case {
	check_fn *fn;
	const char *value; /* "@A64" style: see expand() */
	const char *want[CK_VALIDATE_MAX_MSGS + 1];
};

/*
 * "@<c><n>" stands for n copies of c; a run may be followed by a separator and another
 * such value ("@a32.@a31" is 32 a's, '.', 31 a's). Any other value is literal.
 */
static char *expand(const char *v)
{
	char *end, *run, *rest, *r;
	size_t n;

	if (v[0] != '@')
		return ck_xstrdup(v);
	n = strtoul(v + 2, &end, 10);
	run = rep(v[1], n);
	if (!*end)
		return run;
	rest = expand(end + 1);
	r = ck_xasprintf("%s%c%s", run, *end, rest);
	free(run);
	free(rest);
	return r;
}

static const struct msg_case msg_cases[] = {
        {ck_validate_dns1123_label, "", {m_label}},
        {ck_validate_dns1123_label, "My-Name", {m_label}},
        {ck_validate_dns1123_label, "a.b", {"must not contain dots"}},
        {ck_validate_dns1123_label, "@a64", {"must be no more than 63 characters"}},
        {ck_validate_dns1123_label, "@A64", {"must be no more than 63 characters", m_label}},
        {ck_validate_dns1123_label, "@a30/@a33", {"must be no more than 63 characters", m_label}},
        {ck_validate_dns1123_label,
         "@a32.@a31",
         {"must be no more than 63 characters", "must not contain dots"}},
        {ck_validate_dns1123_subdomain, "", {m_subdomain}},
        {ck_validate_dns1123_subdomain, "a..b", {m_subdomain}},
        {ck_validate_dns1123_subdomain, "@a254", {"must be no more than 253 characters"}},
        {ck_validate_dns1123_subdomain,
         "@-254",
         {"must be no more than 253 characters", m_subdomain}},
        {ck_validate_dns1035_label, "1-svc", {m_dns1035}},
        {ck_validate_dns1035_label, "@a64", {"must be no more than 63 characters"}},
        {ck_validate_label_key, "", {"name part must be non-empty", m_key_name}},
        {ck_validate_label_key, "-bad-", {m_key_name}},
        {ck_validate_label_key, "@a64", {"name part must be no more than 63 bytes"}},
        {ck_validate_label_key, "@-64", {"name part must be no more than 63 bytes", m_key_name}},
        {ck_validate_label_key, "only/one/slash", {m_key_slashes}},
        {ck_validate_label_key, "a/b/", {m_key_slashes}},
        {ck_validate_label_key, "/simple", {"prefix part must be non-empty"}},
        {ck_validate_label_key,
         "/",
         {"prefix part must be non-empty", "name part must be non-empty", m_key_name}},
        {ck_validate_label_key, "example.com/", {"name part must be non-empty", m_key_name}},
        {ck_validate_label_key, "Example.com/abc", {m_key_prefix}},
        {ck_validate_label_key, "@a254/abc", {"prefix part must be no more than 253 bytes"}},
        {ck_validate_label_key,
         "@A254/@-64",
         {"prefix part must be no more than 253 bytes", m_key_prefix,
          "name part must be no more than 63 bytes", m_key_name}},
        {ck_validate_qualified_name, "-x-/-y-", {m_key_prefix, m_key_name}},
        {ck_validate_label_value, "a b", {m_value}},
        {ck_validate_label_value, "@a64", {"must be no more than 63 bytes"}},
        {ck_validate_label_value, "@-64", {"must be no more than 63 bytes", m_value}},
};

static void test_messages(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(msg_cases); i++) {
		const struct msg_case *c = &msg_cases[i];
		const char *msgs[CK_VALIDATE_MAX_MSGS];
		char *value = expand(c->value);
		size_t want = 0, got = c->fn(value, msgs);

		while (c->want[want])
			want++;
		if (got != want)
			fail_msg("case %zu '%s': got %zu messages, want %zu", i, c->value, got,
			         want);
		for (size_t j = 0; j < got; j++)
			if (strcmp(msgs[j], c->want[j]))
				fail_msg("case %zu '%s' message %zu:\n got  '%s'\n want '%s'", i,
				         c->value, j, msgs[j], c->want[j]);
		assert_int_equal(c->fn(value, NULL), want);
		free(value);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_dns1123_label), cmocka_unit_test(test_dns1123_subdomain),
	        cmocka_unit_test(test_dns1035_label), cmocka_unit_test(test_label_key),
	        cmocka_unit_test(test_label_value),   cmocka_unit_test(test_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
