/* Test-table JSON with ' for " (json-text.h). */
#include "base/compat.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/json.h"
#include "base/mem.h"
#include "json-text.h"

char *ck_test_dq(const char *text)
{
	char *s = ck_xstrdup(text);

	for (char *p = s; *p; p++)
		if (*p == '\'')
			*p = '"';
	return s;
}

json_t *ck_test_jq(const char *text)
{
	ck_autofree char *s = ck_test_dq(text);
	struct ck_error *err = NULL;
	json_t *v = ck_json_parse(s, strlen(s), &err);

	if (!v)
		fail_msg("bad test JSON %s: %s", text, err->msg);
	return v;
}
