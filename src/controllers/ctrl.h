/*
 * The controllers that run inside `ckube server` (DESIGN.md §4) and what they share.
 *
 * Controllers read objects from the API server's own watch caches (ck_apiserver_cache:
 * the informer store, no second copy of every object) and write through the API with a
 * ck_client over loopback HTTPS, as any client does, so that validation, admission and
 * storage stay in one place. One leader among the servers runs them (leader election on
 * the kube-controller-manager Lease); this module starts and stops them as one.
 *
 * Threading: everything runs on the API server's loop.
 */
#ifndef CK_CONTROLLERS_CTRL_H
#define CK_CONTROLLERS_CTRL_H

#include <jansson.h>

#include "base/compat.h"

#include "base/error.h"

struct event_base;
struct ck_apiserver;
struct ck_client;
struct ck_resource;
struct ck_watch_cache;

/* ---- the set of controllers ------------------------------------------------------------ */

struct ck_controllers;

/*
 * Start every controller on base, reading srv's caches (once they are ready) and writing
 * through client; both must outlive the set. Returns the set (ck_controllers_free).
 */
struct ck_controllers *ck_controllers_start(struct event_base *base, struct ck_apiserver *srv,
                                            struct ck_client *client);

/* Stop every controller (their calls in flight are dropped) and free the set; NULL-safe. */
void ck_controllers_free(struct ck_controllers *c);

/* ---- one controller ------------------------------------------------------------------- */

/*
 * The garbage collector (gc.c) and the namespace controller (namespace.c). _start begins
 * once srv's caches are ready (it polls from base's loop; nothing runs inside the call);
 * srv and client are borrowed and must outlive the controller. _free drops the calls in
 * flight and every watcher and timer; NULL-safe. Both on srv's loop.
 */
struct ck_gc;
struct ck_gc *ck_gc_start(struct event_base *base, struct ck_apiserver *srv,
                          struct ck_client *client);
void ck_gc_free(struct ck_gc *gc);

struct ck_nsctrl;
struct ck_nsctrl *ck_nsctrl_start(struct event_base *base, struct ck_apiserver *srv,
                                  struct ck_client *client);
void ck_nsctrl_free(struct ck_nsctrl *nc);

/* ---- helpers ---------------------------------------------------------------------------- */

struct ck_client_call;

/*
 * The client calls a controller's job has in flight: n of them, so that the job knows
 * when its step is over and can cancel them all when the controller stops.
 */
struct ck_ctrl_calls {
	struct ck_client_call **v;
	size_t n, alloc;
};

/* Add call; remove it (its callback runs); cancel every call and free the array. */
void ck_ctrl_calls_add(struct ck_ctrl_calls *c, struct ck_client_call *call);
void ck_ctrl_calls_remove(struct ck_ctrl_calls *c, struct ck_client_call *call);
void ck_ctrl_calls_cancel(struct ck_ctrl_calls *c);

/*
 * The API path of res's collection in ns ("" or NULL for all namespaces or a
 * cluster-scoped resource), or of one object when name is given:
 * "/apis/apps/v1/namespaces/default/replicasets/web". Caller frees.
 */
char *ck_ctrl_path(const struct ck_resource *res, const char *ns, const char *name);

/*
 * The row an ownerReference's apiVersion and kind name: the same group and kind, the
 * exact version when served, else another served version of it. NULL when ckube does
 * not serve the kind.
 */
const struct ck_resource *ck_ctrl_resource_of(const char *api_version, const char *kind);

/* True when the JSON string array arr holds s. */
bool ck_ctrl_has_string(const json_t *arr, const char *s);

#endif
