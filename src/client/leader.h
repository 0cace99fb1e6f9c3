/*
 * Leader election over a coordination.k8s.io/v1 Lease (DESIGN.md §4): every server runs
 * the scheduler and the controller-manager, and one of them — the holder of the Lease
 * kube-system/kube-scheduler or kube-system/kube-controller-manager — is active.
 *
 * K8S: client-go tools/leaderelection, the same algorithm and the same Lease fields, so
 * that `kubectl get lease -n kube-system` reads as on any cluster: holderIdentity,
 * leaseDurationSeconds, acquireTime, renewTime (MicroTime), leaseTransitions. Every
 * retry period each candidate runs tryAcquireOrRenew:
 *   - the leader first PUTs its renewal on the Lease it last saw (optimistic concurrency:
 *     its resourceVersion; a 409 falls back to the slow path);
 *   - otherwise GET the Lease (create it, holding it, when it does not exist); when its
 *     record differs from the one observed last, remember it and the local time of that
 *     observation; when someone else holds it and that observation is younger than the
 *     lease's duration, wait — a candidate acquires only once the holder's lease has
 *     expired by its own clock, never by comparing timestamps across machines;
 *   - else PUT itself as the holder (transitions + 1, acquireTime now) on that
 *     resourceVersion: of several candidates exactly one write succeeds, the others get
 *     409 Conflict and stay candidates.
 * A leader that has not renewed within the renew deadline stops leading (before its lease
 * can expire for the others). On a graceful stop the leader releases the Lease — holder
 * cleared, leaseDurationSeconds 1 — so a standby takes over at its next retry instead of
 * waiting out the lease.
 *
 * Durations: ckube's defaults (lease 4 s, renew deadline 3 s, retry 1 s) are shorter than
 * Kubernetes' 15 s / 10 s / 2 s, so a standby takes over within ~5 s of a crash (DESIGN.md
 * §4); the price is a renewal per second per component, which the API server absorbs.
 *
 * Threading: an elector runs on its client's loop; call everything on that loop. Callbacks
 * run from the loop, never from inside a public call.
 */
#ifndef CK_CLIENT_LEADER_H
#define CK_CLIENT_LEADER_H

#include "base/compat.h"

#include "base/error.h"

struct ck_client;
struct ck_leader;

#define CK_LEADER_DEFAULT_LEASE_MS 4000
#define CK_LEADER_DEFAULT_RENEW_MS 3000
#define CK_LEADER_DEFAULT_RETRY_MS 1000

typedef void ck_leader_fn(struct ck_leader *le, void *arg);
/* identity: the new holder ("" when the lease was released). Borrowed for the call. */
typedef void ck_leader_new_leader_fn(struct ck_leader *le, const char *identity, void *arg);

struct ck_leader_config {
	struct ck_client *client; /* required; shared, must outlive the elector */
	const char *ns;           /* required: the Lease's namespace ("kube-system") */
	const char *name;         /* required: the Lease ("kube-scheduler") */
	const char *identity;     /* required: unique per candidate (hostname + "_" + a uuid) */
	/* leaseDurationSeconds is lease_ms rounded up to seconds. 0: the defaults above. */
	int lease_ms;
	int renew_deadline_ms;
	int retry_ms;
	ck_leader_fn *on_started_leading;       /* may be NULL */
	ck_leader_fn *on_stopped_leading;       /* may be NULL */
	ck_leader_new_leader_fn *on_new_leader; /* may be NULL: K8S OnNewLeader */
	void *arg;
};

/*
 * Start campaigning: the first attempt is made from the loop after this returns. cfg is
 * copied. Rejects (400) missing fields and durations that break client-go's rules: lease
 * > renew deadline > 1.2 x retry (K8S: NewLeaderElector's validation). Returns 0 with *out
 * (ck_leader_free), or -1 with *err. Its loop.
 */
int ck_leader_new(const struct ck_leader_config *cfg, struct ck_leader **out,
                  struct ck_error **err);

/* Called once when a stop is complete (the lease released, or the release failed). */
typedef void ck_leader_stopped_fn(struct ck_leader *le, void *arg);

/*
 * Stop gracefully: no more attempts; if leading, on_stopped_leading runs and the Lease is
 * released (K8S: ReleaseOnCancel) so that a standby takes over at once; then done (may be
 * NULL) runs from the loop. The elector must still be freed (from done is fine). Its loop.
 */
void ck_leader_stop(struct ck_leader *le, ck_leader_stopped_fn *done, void *arg);

/*
 * Free at once, NULL-safe: nothing is released (as a crash: the others wait out the
 * lease) and no callback runs, not even on_stopped_leading. Its loop; allowed from the
 * elector's own callbacks.
 */
void ck_leader_free(struct ck_leader *le);

/* True while this candidate leads (between started- and stopped-leading). */
bool ck_leader_is_leader(const struct ck_leader *le);

/* The holder last observed ("" for none). Borrowed until the next loop iteration. */
const char *ck_leader_holder(const struct ck_leader *le);

#endif
