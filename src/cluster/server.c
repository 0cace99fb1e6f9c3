/*
 * The `ckube server` process: data directory, local etcd member under supervision, and
 * the control-plane components (see server.h). Runs one event_base on the main thread.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/event.h>
#include <openssl/rand.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "api/apiserver.h"
#include "cluster/etcd-supervisor.h"
#include "client/client.h"
#include "client/leader.h"
#include "cluster/server.h"
#include "controllers/ctrl.h"
#include "pki/pki.h"
#include "store/etcd.h"

struct server {
	const struct ck_server_config *cfg;
	struct event_base *base;
	struct event *sigint, *sigterm;
	struct ck_pki *pki;
	struct ck_etcd_supervisor *etcd;
	struct ck_etcd *etcd_client;
	struct ck_apiserver *api;
	struct ck_client *client;    /* the controllers' */
	struct ck_client *le_client; /* leader election's own (K8S: its renewals never queue) */
	struct ck_leader *leader;    /* for the kube-controller-manager Lease */
	struct ck_controllers *ctrl;
	struct event *stop_timer;
	int lock_fd;
};

/* How long a stopping server waits for requests in progress and watch streams to end. */
#define STOP_GRACE_MS 5000

/* The host clients dial: the bind address, or loopback when bound to every address. */
static const char *dial_host(const struct ck_server_config *cfg)
{
	if (!strcmp(cfg->bind_address, "0.0.0.0"))
		return "127.0.0.1";
	if (!strcmp(cfg->bind_address, "::"))
		return "::1";
	return cfg->bind_address;
}

/*
 * The cluster PKI under DIR/pki (created on first start, reused and renewed after), and
 * DIR/admin.kubeconfig, rewritten on every start so that a renewed admin certificate
 * reaches it.
 */
static int start_pki(struct server *s, struct ck_error **err)
{
	char hostname[256] = "";
	const char *sans[4] = {s->cfg->bind_address, NULL, NULL, NULL};
	size_t n = 1;
	struct ck_pki_config pc = {.sans = sans};
	ck_autofree char *path = ck_xasprintf("%s/admin.kubeconfig", s->cfg->data_dir);
	ck_autofree char *url = NULL;
	const char *host = dial_host(s->cfg);

	if (strcmp(host, s->cfg->bind_address))
		sans[n++] = host;
	if (gethostname(hostname, sizeof(hostname) - 1) == 0 && hostname[0])
		sans[n++] = hostname;
	if (ck_pki_ensure(s->cfg->data_dir, &pc, &s->pki, err) < 0)
		return ck_error_wrap(err, "cannot set up the cluster certificates");
	url = strchr(host, ':') ? ck_xasprintf("https://[%s]:%d", host, s->cfg->https_port)
	                        : ck_xasprintf("https://%s:%d", host, s->cfg->https_port);
	struct ck_pki_kubeconfig kc = {
	        .server = url,
	        .cluster = "ckube",
	        .user = CK_PKI_ADMIN_USER,
	        .ca_pem = s->pki->ca.cert_pem,
	        .cert_pem = s->pki->admin.cert_pem,
	        .key_pem = s->pki->admin.key_pem,
	};
	if (ck_pki_write_kubeconfig(path, &kc, err) < 0)
		return ck_error_wrap(err, "cannot write the admin kubeconfig");
	ck_info("server", "admin kubeconfig: %s (server %s)", path, url);
	return 0;
}

/* The etcd client every component shares, on the server's loop. */
static int connect_etcd(struct server *s, struct ck_error **err)
{
	char **urls;
	int r;

	if (s->etcd)
		urls = ck_str_split(ck_etcd_supervisor_client_url(s->etcd), ',', NULL);
	else
		urls = ck_str_split(s->cfg->etcd_endpoints, ',', NULL);
	struct ck_etcd_config ec = {.endpoints = (const char *const *)urls};
	r = ck_etcd_new(s->base, &ec, &s->etcd_client, err);
	ck_str_list_free(urls);
	if (r < 0)
		return ck_error_wrap(err, "invalid --etcd-endpoints");
	return 0;
}

/*
 * Take an exclusive lock on DIR/lock, so that two servers never share a data directory
 * (two etcd members on one data directory corrupt it).
 */
static int lock_data_dir(struct server *s, struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/lock", s->cfg->data_dir);

	if (mkdir(s->cfg->data_dir, 0700) < 0 && errno != EEXIST)
		return ck_error_set_errno(err, errno, "cannot create data directory '%s'",
		                          s->cfg->data_dir);
	s->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (s->lock_fd < 0)
		return ck_error_set_errno(err, errno, "cannot open '%s'", path);
	if (flock(s->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK)
			return ck_error_set(err, 409, NULL,
			                    "data directory '%s' is in use by another ckube server",
			                    s->cfg->data_dir);
		return ck_error_set_errno(err, errno, "cannot lock '%s'", path);
	}
	return 0;
}

/* Runs on s->base's loop: the API server has no connection left, or the grace is over. */
static void stopped_cb(struct ck_apiserver *api, void *arg)
{
	struct server *s = arg;

	(void)api;
	event_base_loopbreak(s->base);
}

static void stop_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	ck_warn("server", "connections still open after %d ms, stopping anyway", STOP_GRACE_MS);
	stopped_cb(NULL, arg);
}

static void stop_controllers(struct server *s)
{
	ck_leader_free(s->leader);
	s->leader = NULL;
	ck_controllers_free(s->ctrl);
	s->ctrl = NULL;
	ck_client_free(s->client);
	s->client = NULL;
	ck_client_free(s->le_client);
	s->le_client = NULL;
}

static void started_leading(struct ck_leader *le, void *arg)
{
	struct server *s = arg;

	(void)le;
	ck_info("server", "leading kube-system/kube-controller-manager: starting the controllers");
	s->ctrl = ck_controllers_start(s->base, s->api, s->client);
}

static void stopped_leading(struct ck_leader *le, void *arg)
{
	struct server *s = arg;

	(void)le;
	ck_info("server", "no longer leading kube-system/kube-controller-manager: stopping the "
	                  "controllers");
	ck_controllers_free(s->ctrl);
	s->ctrl = NULL;
}

/* K8S: client-go's identity for leader election: the host name, "_", a random uuid. */
static char *leader_identity(void)
{
	char host[256] = "ckube";
	unsigned char r[8];
	char hex[2 * sizeof(r) + 1];

	if (gethostname(host, sizeof(host) - 1) < 0 || !host[0])
		snprintf(host, sizeof(host), "ckube");
	if (RAND_bytes(r, sizeof(r)) != 1)
		memset(r, 0, sizeof(r));
	for (size_t i = 0; i < sizeof(r); i++)
		snprintf(hex + 2 * i, 3, "%02x", r[i]);
	return ck_xasprintf("%s_%s", host, hex);
}

/*
 * The controllers (DESIGN.md §4) on this server's loop, reading its caches and writing
 * through its API over loopback with a certificate of their own, run while this server
 * holds the kube-controller-manager Lease: one active set among all servers.
 *
 * K8S: kube-controller-manager authenticates as system:kube-controller-manager. ckube's
 * authorizer admits only system:masters until RBAC exists, so the certificate carries
 * that group as well; drop it when RBAC grants the controller-manager its roles.
 */
static int start_controllers(struct server *s, struct ck_error **err)
{
	static const char *const groups[] = {"system:masters", NULL};
	struct ck_pki_pair pair = {0};
	const char *host = dial_host(s->cfg);
	ck_autofree char *url =
	        strchr(host, ':') ? ck_xasprintf("https://[%s]:%u", host, ck_apiserver_port(s->api))
	                          : ck_xasprintf("https://%s:%u", host, ck_apiserver_port(s->api));
	ck_autofree char *identity = leader_identity();
	struct ck_client_config cc = {.server = url, .ca_pem = s->pki->ca.cert_pem};
	struct ck_leader_config lc = {
	        .ns = "kube-system",
	        .name = "kube-controller-manager",
	        .identity = identity,
	        .on_started_leading = started_leading,
	        .on_stopped_leading = stopped_leading,
	        .arg = s,
	};
	int r;

	if (ck_pki_issue_client(s->pki, "system:kube-controller-manager", groups, 0, &pair, err) <
	    0)
		return ck_error_wrap(err, "cannot issue the controller-manager's certificate");
	cc.cert_pem = pair.cert_pem;
	cc.key_pem = pair.key_pem;
	cc.user_agent = "ckube-controller-manager";
	/*
	 * K8S: kube-controller-manager renews its Lease through a client of its own, so that
	 * a burst of controller requests never holds a renewal past its deadline.
	 */
	r = ck_client_new(s->base, &cc, &s->client, err);
	if (r == 0) {
		cc.max_conns = 1;
		cc.user_agent = "ckube-controller-manager/leader-election";
		r = ck_client_new(s->base, &cc, &s->le_client, err);
	}
	ck_pki_pair_release(&pair);
	if (r < 0)
		return ck_error_wrap(err, "cannot make the controllers' API client");
	lc.client = s->le_client;
	if (ck_leader_new(&lc, &s->leader, err) < 0)
		return ck_error_wrap(err, "cannot start leader election for the controllers");
	return 0;
}

/* The Lease is released (a standby takes over at once): now stop serving. */
static void stop_serving(evutil_socket_t fd, short what, void *arg)
{
	struct server *s = arg;

	(void)fd;
	(void)what;
	/* The controllers' own connections would keep the server waiting: they go first. */
	stop_controllers(s);
	ck_apiserver_stop(s->api, stopped_cb, s);
}

static void leader_released(struct ck_leader *le, void *arg)
{
	struct server *s = arg;
	struct timeval now = {0, 0};

	(void)le;
	/* From the loop: this runs inside a callback of the client about to be freed. */
	event_base_once(s->base, -1, EV_TIMEOUT, stop_serving, s, &now);
}

/* Runs on s->base's loop: stop gracefully, then leave the loop. */
static void stop_cb(evutil_socket_t sig, short what, void *arg)
{
	struct server *s = arg;
	struct timeval grace = {STOP_GRACE_MS / 1000, (STOP_GRACE_MS % 1000) * 1000};

	(void)what;
	ck_info("server", "received signal %d, stopping", (int)sig);
	if (!s->api || s->stop_timer) {
		event_base_loopbreak(s->base);
		return;
	}
	s->stop_timer = evtimer_new(s->base, stop_timeout_cb, s);
	evtimer_add(s->stop_timer, &grace);
	if (s->leader) {
		ck_leader_stop(s->leader, leader_released, s);
		return;
	}
	stop_serving(-1, 0, s);
}

/* The Kubernetes API on bind_address:https_port, with the cluster PKI's serving pair. */
static int start_api(struct server *s, struct ck_error **err)
{
	SSL_CTX *ctx = ck_pki_server_ctx_new(s->pki->ca.cert_pem, s->pki->serving.cert_pem,
	                                     s->pki->serving.key_pem, err);
	struct ck_apiserver_config ac = {
	        .address = s->cfg->bind_address,
	        .port = (uint16_t)s->cfg->https_port,
	        .ssl_ctx = ctx,
	        .etcd = s->etcd_client,
	        .sa_key_pem = s->pki->sa_key_pem,
	};
	int r;

	if (!ctx)
		return ck_error_wrap(err, "cannot set up TLS");
	r = ck_apiserver_new(s->base, &ac, &s->api, err);
	SSL_CTX_free(ctx);
	if (r < 0)
		return ck_error_wrap(err, "cannot serve the Kubernetes API on %s port %d",
		                     s->cfg->bind_address, s->cfg->https_port);
	ck_info("server", "serving the Kubernetes API on https://%s:%u", s->cfg->bind_address,
	        (unsigned)ck_apiserver_port(s->api));
	return 0;
}

/*
 * The local member's ports are chosen once, on first start, and kept in
 * DIR/etcd-member.json: etcd records its peer URL in its data, and a member that comes
 * back on another port is not the member its data describes.
 */
static int member_ports(struct server *s, int *client_port, int *peer_port, struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/etcd-member.json", s->cfg->data_dir);
	ck_autofree char *tmp = ck_xasprintf("%s.tmp", path);
	json_error_t je;
	json_t *v = json_load_file(path, 0, &je);
	int64_t c = 0, p = 0;

	if (v) {
		if (ck_json_get_int(v, "clientPort", &c, err) != 0 ||
		    ck_json_get_int(v, "peerPort", &p, err) != 0 || c < 1 || c > 65535 || p < 1 ||
		    p > 65535) {
			json_decref(v);
			ck_error_clear(err);
			return ck_error_set(err, 500, NULL,
			                    "'%s' is damaged: expected clientPort and peerPort",
			                    path);
		}
		json_decref(v);
		*client_port = (int)c;
		*peer_port = (int)p;
		return 0;
	}
	if (access(path, F_OK) == 0)
		return ck_error_set(err, 500, NULL, "cannot read '%s': %s", path, je.text);
	/*
	 * Ports the kernel hands out (bind to port 0) may be the API's own port while it is
	 * not yet bound (the API listens once etcd is up): never take that one, nor one twice.
	 */
	for (int tries = 0;; tries++) {
		if ((*client_port = ck_free_port(s->cfg->bind_address, err)) < 0 ||
		    (*peer_port = ck_free_port(s->cfg->bind_address, err)) < 0)
			return -1;
		if ((*client_port != s->cfg->https_port && *peer_port != s->cfg->https_port &&
		     *client_port != *peer_port) ||
		    tries == 20)
			break;
	}
	v = json_pack("{s:i, s:i}", "clientPort", *client_port, "peerPort", *peer_port);
	if (json_dump_file(v, tmp, JSON_INDENT(2)) < 0 || rename(tmp, path) < 0) {
		json_decref(v);
		return ck_error_set_errno(err, errno, "cannot write '%s'", path);
	}
	json_decref(v);
	return 0;
}

static int start_etcd(struct server *s, struct ck_error **err)
{
	ck_autofree char *dir = ck_xasprintf("%s/etcd", s->cfg->data_dir);
	ck_autofree char *log = ck_xasprintf("%s/etcd.log", s->cfg->data_dir);
	struct ck_etcd_proc_config ec = {
	        .name = "default",
	        .data_dir = dir,
	        .bin = s->cfg->etcd_bin,
	        .host = s->cfg->bind_address,
	        .log_path = log,
	};

	if (s->cfg->etcd_endpoints) {
		ck_info("server", "using external etcd at %s", s->cfg->etcd_endpoints);
		return 0;
	}
	if (member_ports(s, &ec.client_port, &ec.peer_port, err) < 0 ||
	    ck_etcd_supervisor_start(s->base, &ec, 30000, &s->etcd, err) < 0)
		return ck_error_wrap(err, "cannot start the local etcd member");
	ck_info("server", "local etcd member ready at %s (log %s)",
	        ck_etcd_supervisor_client_url(s->etcd), log);
	return 0;
}

int ck_server_run(const struct ck_server_config *cfg, struct ck_error **err)
{
	struct server s = {.cfg = cfg, .lock_fd = -1};
	int ret = -1;

	CK_BUG_ON(!cfg->data_dir);
	if (lock_data_dir(&s, err) < 0)
		goto out;
	struct event_config *evcfg = event_config_new();

	/* Fewer epoll_ctl calls per request (bench/README.md). */
	event_config_set_flag(evcfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	s.base = event_base_new_with_config(evcfg);
	event_config_free(evcfg);
	if (!s.base) {
		ck_error_set(err, 500, NULL, "cannot create event loop");
		goto out;
	}
	s.sigint = evsignal_new(s.base, SIGINT, stop_cb, &s);
	s.sigterm = evsignal_new(s.base, SIGTERM, stop_cb, &s);
	evsignal_add(s.sigint, NULL);
	evsignal_add(s.sigterm, NULL);
	if (start_pki(&s, err) < 0 || start_etcd(&s, err) < 0 || connect_etcd(&s, err) < 0 ||
	    start_api(&s, err) < 0 || start_controllers(&s, err) < 0)
		goto out;
	ck_info("server", "ckube server running with data directory %s", cfg->data_dir);
	event_base_dispatch(s.base);
	ret = 0;
out:
	stop_controllers(&s);
	if (s.api) {
		ck_apiserver_free(s.api);
		/* libevent frees TLS connections from its loop: one more pass (apiserver.h). */
		event_base_loop(s.base, EVLOOP_NONBLOCK);
	}
	if (s.stop_timer)
		event_free(s.stop_timer);
	ck_etcd_free(s.etcd_client);
	ck_etcd_supervisor_free(s.etcd);
	ck_pki_free(s.pki);
	if (s.sigint)
		event_free(s.sigint);
	if (s.sigterm)
		event_free(s.sigterm);
	if (s.base)
		event_base_free(s.base);
	if (s.lock_fd >= 0)
		close(s.lock_fd);
	if (ret == 0)
		ck_info("server", "stopped");
	return ret;
}
