/*
 * An etcd member as a child process of ckube: the stacked topology's local member
 * (DESIGN.md §1), and the real etcd every store test runs against. Starts Debian's
 * etcd-server binary on loopback or given addresses, waits until it answers /health,
 * stops it with SIGTERM then SIGKILL, and lets a supervisor notice that it died.
 *
 * The child gets PR_SET_PDEATHSIG(SIGKILL): when the process that started it dies, even
 * by a crash or an abort in a test, the member dies too and no etcd is left behind.
 *
 * Not thread-safe; call from the thread that started the member (the death signal is
 * tied to that thread).
 */
#ifndef CK_CLUSTER_ETCD_PROC_H
#define CK_CLUSTER_ETCD_PROC_H

#include "base/compat.h"

#include "base/error.h"

struct ck_etcd_proc_config {
	const char *name;     /* member name; "default" when NULL */
	const char *data_dir; /* required: etcd's --data-dir (created if missing) */
	const char *bin;      /* the etcd binary; "etcd" on PATH when NULL */
	const char *host;     /* address to listen on; "127.0.0.1" when NULL */
	int client_port;      /* 0: pick a free port */
	int peer_port;        /* 0: pick a free port */
	/*
	 * The whole cluster as etcd's --initial-cluster ("a=http://127.0.0.1:2380,b=...");
	 * NULL for a single-member cluster of this member alone.
	 */
	const char *initial_cluster;
	bool join_existing; /* --initial-cluster-state existing (a member added with member add) */
	const char *log_path; /* etcd's stdout and stderr; "<data_dir>.log" when NULL */
	/* Shorter raft timings (heartbeat 50 ms, election 500 ms) for quick failover in tests. */
	bool fast_election;
	const char *const *extra_args; /* NULL-terminated, appended as they are; may be NULL */
};

struct ck_etcd_proc;

/*
 * Pick free ports where asked, fork and exec etcd, and return the handle in *out without
 * waiting for it to be ready (members of a new multi-member cluster only become ready
 * together). Returns 0, or -1 with *err when the data directory cannot be made or the
 * process cannot be started. The handle is the caller's: ck_etcd_proc_free.
 */
int ck_etcd_proc_start(const struct ck_etcd_proc_config *cfg, struct ck_etcd_proc **out,
                       struct ck_error **err);

/*
 * Poll GET /health until it answers {"health":"true"} or timeout_ms passes. Returns 0, or
 * -1 with *err (503) when it did not become healthy in time or the process exited.
 * Blocks the calling thread: for start-up and tests, not for a serving loop.
 */
int ck_etcd_proc_wait_ready(struct ck_etcd_proc *p, int timeout_ms, struct ck_error **err);

/* SIGTERM, up to 5 s for a clean exit, then SIGKILL; reaps the child. Idempotent. */
void ck_etcd_proc_stop(struct ck_etcd_proc *p);

/* SIGKILL at once and reap: a crash, for failure tests. Idempotent. */
void ck_etcd_proc_kill(struct ck_etcd_proc *p);

/* Start the member again with the same configuration, ports and data (after stop/kill). */
int ck_etcd_proc_restart(struct ck_etcd_proc *p, struct ck_error **err);

/*
 * Reap the child without blocking. Returns true when it has exited (now or before), and
 * puts its wait status in *status when given. For a supervisor on SIGCHLD.
 */
bool ck_etcd_proc_exited(struct ck_etcd_proc *p, int *status);

/* Stop the member if it runs and free the handle; NULL-safe. */
void ck_etcd_proc_free(struct ck_etcd_proc *p);

/* "http://127.0.0.1:PORT": the client URL; owned by the handle. */
const char *ck_etcd_proc_client_url(const struct ck_etcd_proc *p);
/* "http://127.0.0.1:PORT": the peer URL; owned by the handle. */
const char *ck_etcd_proc_peer_url(const struct ck_etcd_proc *p);
const char *ck_etcd_proc_name(const struct ck_etcd_proc *p);
/* The child's pid, or 0 when it is not running. */
pid_t ck_etcd_proc_pid(const struct ck_etcd_proc *p);

/*
 * A TCP port on host that nothing listens on right now, chosen at random below the
 * kernel's ephemeral port range (so that no client's source port can take it while the
 * process that listens on it restarts); bind to port 0 when none is free there. Returns
 * the port, or -1 with *err.
 */
int ck_free_port(const char *host, struct ck_error **err);

#endif
