/*
 * Private parts of the patch module (patch.h): the entry point of each patch type, which
 * patch.c calls after it has parsed the body and copied the original, and the helpers the
 * three share.
 */
#ifndef CK_API_PATCH_INT_H
#define CK_API_PATCH_INT_H

#include <jansson.h>

#include "base/compat.h"

#include "api/patch.h"
#include "base/buf.h"
#include "base/error.h"

/*
 * K8S: what NewGenericServerResponse(422, ...) says, which is all kube-apiserver tells a
 * client whose JSON patch operation cannot apply (handlers/patch.go applyJSPatch). ckube
 * keeps it as the prefix and appends the cause.
 */
#define CK_PATCH_MSG_UNPROCESSABLE "the server rejected our request due to an error in our request"
/* K8S: metav1.StatusReasonUnknown, the reason of errors kube-apiserver did not classify. */
#define CK_PATCH_REASON_UNKNOWN ""

/*
 * Each patch type's engine. *doc is a private, mutable copy of the original object that
 * the engine may change in place or replace; on success *doc is the result (still owned
 * by the caller, any JSON type: patch.c checks it is an object); on failure *doc is still
 * the caller's to free, in whatever state the engine left it. The patch is the parsed
 * body, owned by the caller; only the strategic engine modifies it.
 */
int ck_patch_apply_json(json_t **doc, const json_t *ops, struct ck_error **err);
int ck_patch_apply_merge(json_t **doc, const json_t *patch, struct ck_error **err);
int ck_patch_apply_strategic(json_t **doc, json_t *patch, const struct ck_patch_schema *schema,
                             struct ck_error **err);

/*
 * True when v is more than limit levels deep, every value counting one level (a scalar in
 * an object is two), as jansson's parser counts them. Recursion is at most limit deep.
 */
bool ck_patch_depth_exceeds(const json_t *v, size_t limit);

/* Copy v dropping every null member of every object in it (arrays keep null elements). */
json_t *ck_patch_prune_nulls(const json_t *v);

/*
 * Append s (len bytes of client input) to b for a message: at most 200 bytes, cut and
 * "..." after that, ill-formed UTF-8 replaced, so the message stays valid in a Status.
 */
void ck_patch_quote(struct ck_buf *b, const char *s, size_t len);

#endif
