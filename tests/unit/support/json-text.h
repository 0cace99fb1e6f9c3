/*
 * JSON written in C test tables with ' for ", so that tables read as JSON does:
 * "{'a':1}" stands for {"a":1}.
 */
#ifndef CK_TEST_JSON_TEXT_H
#define CK_TEST_JSON_TEXT_H

#include <jansson.h>

/* text with every ' turned into "; the caller frees. */
char *ck_test_dq(const char *text);

/* Parse such text; fails the running test on a typo in the table. Caller decrefs. */
json_t *ck_test_jq(const char *text);

#endif
