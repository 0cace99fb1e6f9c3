/*
 * The `ckube server` process (DESIGN.md §1): one process that, in the stacked topology,
 * supervises the local etcd member and runs the control-plane components over it. Today
 * it runs the etcd member (or uses external etcd endpoints) and the components that exist;
 * later issues add the API server, scheduler and controllers here.
 */
#ifndef CK_CLUSTER_SERVER_H
#define CK_CLUSTER_SERVER_H

#include "base/compat.h"

#include "base/error.h"

struct ck_server_config {
	const char *data_dir;       /* required; created if missing, locked while running */
	const char *bind_address;   /* address to serve on; also the etcd member's address */
	int https_port;             /* the Kubernetes API port (6443) */
	const char *etcd_endpoints; /* comma-separated URLs: external etcd, no local member */
	const char *etcd_bin;       /* the etcd binary; "etcd" on PATH when NULL */
};

#define CK_SERVER_CONFIG_INIT                                                                      \
	{                                                                                          \
		.bind_address = "127.0.0.1", .https_port = 6443                                    \
	}

/*
 * Run the server in the calling thread until SIGINT or SIGTERM, then stop everything it
 * started. Returns 0 after a clean stop, or -1 with *err when it cannot start (data
 * directory unusable or locked by another server, etcd member cannot start).
 */
int ck_server_run(const struct ck_server_config *cfg, struct ck_error **err);

#endif
