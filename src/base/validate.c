/*
 * Kubernetes' name and label validation (see validate.h). The regular expressions are
 * matched by hand, byte by byte (they are all of the form "first, middle*, last"), and
 * the messages are assembled at compile time from the same pieces Kubernetes joins at
 * run time, so that they read exactly as kube-apiserver's.
 */
#include "base/compat.h"

#include "base/error.h"
#include "base/validate.h"

/* K8S: validation.go / content/errors.go RegexError: "msg (e.g. 'a',  or 'b', regex...)". */
#define REGEX_ERROR1(msg, re, e1) msg " (e.g. '" e1 "', regex used for validation is '" re "')"
#define REGEX_ERROR2(msg, re, e1, e2)                                                              \
	msg " (e.g. '" e1 "',  or '" e2 "', regex used for validation is '" re "')"
#define REGEX_ERROR3(msg, re, e1, e2, e3)                                                          \
	msg " (e.g. '" e1 "',  or '" e2 "',  or '" e3 "', regex used for validation is '" re "')"

#define DNS1123_LABEL_FMT "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
#define DNS1123_LABEL_ERR                                                                          \
	"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "   \
	"and must start and end with an alphanumeric character"
#define DNS1123_SUBDOMAIN_FMT DNS1123_LABEL_FMT "(\\." DNS1123_LABEL_FMT ")*"
#define DNS1123_SUBDOMAIN_ERR                                                                      \
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "  \
	"or '.', and must start and end with an alphanumeric character"
#define DNS1035_LABEL_FMT "[a-z]([-a-z0-9]*[a-z0-9])?"
#define DNS1035_LABEL_ERR                                                                          \
	"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "  \
	"an alphabetic character, and end with an alphanumeric character"
#define LABEL_KEY_FMT "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
#define LABEL_KEY_ERR                                                                              \
	"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "   \
	"an alphanumeric character"
#define LABEL_VALUE_FMT "(" LABEL_KEY_FMT ")?"
#define LABEL_VALUE_ERR                                                                            \
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "   \
	"or '.', and must start and end with an alphanumeric character"

/* K8S: util/validation MaxLenError says "characters", content.MaxLenError says "bytes". */
#define MAX_LEN_CHARS(n) "must be no more than " #n " characters"
#define MAX_LEN_BYTES(n) "must be no more than " #n " bytes"
#define EMPTY_ERROR      "must be non-empty"

static const char msg_label_too_long[] = MAX_LEN_CHARS(63);
static const char msg_label_dots[] = "must not contain dots";
static const char msg_label_regex[] =
        REGEX_ERROR2(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc");
static const char msg_subdomain_too_long[] = MAX_LEN_CHARS(253);
static const char msg_subdomain_regex[] =
        REGEX_ERROR1(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com");
static const char msg_dns1035_too_long[] = MAX_LEN_CHARS(63);
static const char msg_dns1035_regex[] =
        REGEX_ERROR2(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, "my-name", "abc-123");
/* K8S: IsLabelKey's message for too many '/' wraps the name part's */
#define KEY_REGEX_ERR REGEX_ERROR3(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")
static const char msg_key_many_slashes[] =
        "a valid label key " KEY_REGEX_ERR
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
static const char msg_key_prefix_empty[] = "prefix part " EMPTY_ERROR;
static const char msg_key_prefix_too_long[] = "prefix part " MAX_LEN_BYTES(253);
static const char msg_key_prefix_regex[] =
        "prefix part " REGEX_ERROR1(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com");
static const char msg_key_name_empty[] = "name part " EMPTY_ERROR;
static const char msg_key_name_too_long[] = "name part " MAX_LEN_BYTES(63);
static const char msg_key_name_regex[] = "name part " KEY_REGEX_ERR;
static const char msg_value_too_long[] = MAX_LEN_BYTES(63);
static const char msg_value_regex[] =
        REGEX_ERROR3(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345");

static void add_msg(const char **msgs, size_t *n, const char *msg)
{
	CK_BUG_ON(*n >= CK_VALIDATE_MAX_MSGS);
	if (msgs)
		msgs[*n] = msg;
	(*n)++;
}

static bool is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool is_alnum(char c)
{
	return is_lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

/* [a-z0-9]([-a-z0-9]*[a-z0-9])? over exactly n bytes */
static bool match_dns1123_label(const char *s, size_t n)
{
	if (n == 0 || !is_lower_alnum(s[0]) || !is_lower_alnum(s[n - 1]))
		return false;
	for (size_t i = 1; i + 1 < n; i++)
		if (!is_lower_alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

/* label(\.label)* over exactly n bytes */
static bool match_dns1123_subdomain(const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (!match_dns1123_label(s + start, i - start))
				return false;
			start = i + 1;
		}
	}
	return true;
}

/* [a-z]([-a-z0-9]*[a-z0-9])? */
static bool match_dns1035_label(const char *s, size_t n)
{
	if (n == 0 || !(s[0] >= 'a' && s[0] <= 'z'))
		return false;
	return match_dns1123_label(s, n);
}

/* ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9] */
static bool match_label_name(const char *s, size_t n)
{
	if (n == 0 || !is_alnum(s[0]) || !is_alnum(s[n - 1]))
		return false;
	for (size_t i = 1; i + 1 < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			return false;
	return true;
}

size_t ck_validate_dns1123_label(const char *value, const char **msgs)
{
	size_t len = strlen(value), n = 0;

	if (len > CK_VALIDATE_DNS1123_LABEL_MAX)
		add_msg(msgs, &n, msg_label_too_long);
	if (!match_dns1123_label(value, len)) {
		/* K8S: a valid subdomain that is no label can only be wrong by its dots */
		if (match_dns1123_subdomain(value, len))
			add_msg(msgs, &n, msg_label_dots);
		else
			add_msg(msgs, &n, msg_label_regex);
	}
	return n;
}

size_t ck_validate_dns1123_subdomain(const char *value, const char **msgs)
{
	size_t len = strlen(value), n = 0;

	if (len > CK_VALIDATE_DNS1123_SUBDOMAIN_MAX)
		add_msg(msgs, &n, msg_subdomain_too_long);
	if (!match_dns1123_subdomain(value, len))
		add_msg(msgs, &n, msg_subdomain_regex);
	return n;
}

size_t ck_validate_dns1035_label(const char *value, const char **msgs)
{
	size_t len = strlen(value), n = 0;

	if (len > CK_VALIDATE_DNS1035_LABEL_MAX)
		add_msg(msgs, &n, msg_dns1035_too_long);
	if (!match_dns1035_label(value, len))
		add_msg(msgs, &n, msg_dns1035_regex);
	return n;
}

size_t ck_validate_label_key(const char *value, const char **msgs)
{
	const char *slash = strchr(value, '/');
	const char *name = value;
	size_t n = 0, len;

	if (slash) {
		size_t plen = (size_t)(slash - value);

		/* K8S: IsLabelKey splits on every '/'; three or more parts get one message */
		if (strchr(slash + 1, '/')) {
			add_msg(msgs, &n, msg_key_many_slashes);
			return n;
		}
		if (plen == 0) {
			add_msg(msgs, &n, msg_key_prefix_empty);
		} else {
			if (plen > CK_VALIDATE_DNS1123_SUBDOMAIN_MAX)
				add_msg(msgs, &n, msg_key_prefix_too_long);
			if (!match_dns1123_subdomain(value, plen))
				add_msg(msgs, &n, msg_key_prefix_regex);
		}
		name = slash + 1;
	}
	len = strlen(name);
	if (len == 0)
		add_msg(msgs, &n, msg_key_name_empty);
	else if (len > CK_VALIDATE_LABEL_NAME_MAX)
		add_msg(msgs, &n, msg_key_name_too_long);
	/* K8S: the regex is checked even for an empty name, so "" gets two messages */
	if (!match_label_name(name, len))
		add_msg(msgs, &n, msg_key_name_regex);
	return n;
}

size_t ck_validate_qualified_name(const char *value, const char **msgs)
{
	return ck_validate_label_key(value, msgs);
}

size_t ck_validate_label_value(const char *value, const char **msgs)
{
	size_t len = strlen(value), n = 0;

	if (len > CK_VALIDATE_LABEL_VALUE_MAX)
		add_msg(msgs, &n, msg_value_too_long);
	if (len > 0 && !match_label_name(value, len))
		add_msg(msgs, &n, msg_value_regex);
	return n;
}
