/*
 * Keeps the stacked topology's local etcd member running (DESIGN.md §1): starts it, and
 * when it dies restarts it on the same ports and data with an exponential back-off
 * (0.5 s doubling to 30 s, reset after a minute of good health), until stopped.
 *
 * Loop-owned: create, use and free it on the thread that runs its event_base. It watches
 * SIGCHLD through that base, so only one supervisor per process.
 */
#ifndef CK_CLUSTER_ETCD_SUPERVISOR_H
#define CK_CLUSTER_ETCD_SUPERVISOR_H

#include <event2/event.h>

#include "base/compat.h"

#include "base/error.h"
#include "cluster/etcd-proc.h"

struct ck_etcd_supervisor;

/*
 * Start the member described by cfg and wait (blocking, up to ready_timeout_ms) until it
 * is ready, then supervise it on base. Returns 0 with *out set, or -1 with *err when the
 * first start fails — a member that cannot start once is a configuration error, not
 * something to retry forever. The supervisor is the caller's: ck_etcd_supervisor_free.
 */
int ck_etcd_supervisor_start(struct event_base *base, const struct ck_etcd_proc_config *cfg,
                             int ready_timeout_ms, struct ck_etcd_supervisor **out,
                             struct ck_error **err);

/* The client URL of the supervised member; owned by the supervisor. */
const char *ck_etcd_supervisor_client_url(const struct ck_etcd_supervisor *s);

/* How many times the member has been restarted after dying. */
unsigned ck_etcd_supervisor_restarts(const struct ck_etcd_supervisor *s);

/* Stop supervising, stop the member (SIGTERM, then SIGKILL) and free; NULL-safe. */
void ck_etcd_supervisor_free(struct ck_etcd_supervisor *s);

#endif
