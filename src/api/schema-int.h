/*
 * Private parts of the schema module (schema.h): the tables tools/gen-schema.py generates
 * into schema-tables.c, which schema.c searches.
 */
#ifndef CK_API_SCHEMA_INT_H
#define CK_API_SCHEMA_INT_H

#include "base/compat.h"

#include "api/schema.h"

/* Every type, sorted by (pkg->openapi, name). */
extern const struct ck_schema_type *const ck_schema_tab_types[];
extern const size_t ck_schema_tab_ntypes;

/* Every kind, sorted by (group, version, kind). */
extern const struct ck_schema_kind ck_schema_tab_kinds[];
extern const size_t ck_schema_tab_nkinds;

/* The upstream versions and commits the tables come from. */
extern const char ck_schema_tab_upstream[];

#endif
