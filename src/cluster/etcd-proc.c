/*
 * An etcd member as a child process (see etcd-proc.h). The readiness probe uses libevent's
 * HTTP client on a private event_base, so it shares nothing with a serving loop.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <openssl/rand.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "cluster/etcd-proc.h"

struct ck_etcd_proc {
	char *name;
	char *data_dir;
	char *bin;
	char *host;
	int client_port;
	int peer_port;
	char *client_url;
	char *peer_url;
	char *initial_cluster;
	bool join_existing;
	char *log_path;
	bool fast_election;
	char **extra_args;
	pid_t pid;
	int exit_status;
};

/* The lowest port the kernel hands out for bind(0) and outgoing connections. */
static int ephemeral_low(void)
{
	FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "re");
	int lo = 0, hi = 0;

	if (f) {
		if (fscanf(f, "%d %d", &lo, &hi) != 2)
			lo = 0;
		fclose(f);
	}
	return lo > 1024 ? lo : 32768;
}

/* Bind fd to host:port (0: the kernel's choice); the port bound, or -1 with errno. */
static int try_bind(int fd, struct sockaddr_in *sa, int port)
{
	socklen_t len = sizeof(*sa);

	sa->sin_port = htons((uint16_t)port);
	if (bind(fd, (struct sockaddr *)sa, sizeof(*sa)) < 0 ||
	    getsockname(fd, (struct sockaddr *)sa, &len) < 0)
		return -1;
	return ntohs(sa->sin_port);
}

int ck_free_port(const char *host, struct ck_error **err)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};
	int lo = ephemeral_low(), port = -1;

	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return ck_error_set(err, 400, NULL, "invalid IPv4 address '%s'", host);
	/*
	 * Below the ephemeral range: a port the kernel may hand out is one a client of the
	 * member can take as its own source port (or connect to itself on, TCP's simultaneous
	 * open) while the member is down, and then the member can't listen on it again when
	 * it restarts; the same goes for a port another process asked bind(0) for.
	 */
	for (int tries = 0; tries < 64 && port < 0 && lo > 10001; tries++) {
		uint32_t r = 0;
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

		if (fd < 0)
			return ck_error_set_errno(err, errno, "cannot create socket");
		if (RAND_bytes((unsigned char *)&r, sizeof(r)) != 1)
			r = (uint32_t)getpid() * 2654435761u + (uint32_t)tries;
		port = try_bind(fd, &sa, 10000 + (int)(r % (uint32_t)(lo - 10000)));
		close(fd);
	}
	if (port < 0) {
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

		if (fd < 0)
			return ck_error_set_errno(err, errno, "cannot create socket");
		port = try_bind(fd, &sa, 0);
		if (port < 0) {
			int e = errno;

			close(fd);
			return ck_error_set_errno(err, e, "cannot find a free port on %s", host);
		}
		close(fd);
	}
	return port;
}

static int mkdir_p(const char *path, struct ck_error **err)
{
	ck_autofree char *tmp = ck_xstrdup(path);

	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
			return ck_error_set_errno(err, errno, "cannot create directory '%s'", tmp);
		*p = '/';
	}
	if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
		return ck_error_set_errno(err, errno, "cannot create directory '%s'", tmp);
	return 0;
}

/* The argv for etcd; strings are owned by the returned array (ck_str_list_free). */
static char **build_argv(const struct ck_etcd_proc *p)
{
	char **argv = NULL;
	size_t n = 0, alloc = 0;

#define ARG(...)                                                                                   \
	do {                                                                                       \
		CK_ALLOC_GROW(argv, n + 2, alloc);                                                 \
		argv[n++] = ck_xasprintf(__VA_ARGS__);                                             \
	} while (0)

	ARG("%s", p->bin);
	ARG("--name=%s", p->name);
	ARG("--data-dir=%s", p->data_dir);
	ARG("--listen-client-urls=%s", p->client_url);
	ARG("--advertise-client-urls=%s", p->client_url);
	ARG("--listen-peer-urls=%s", p->peer_url);
	ARG("--initial-advertise-peer-urls=%s", p->peer_url);
	if (p->initial_cluster)
		ARG("--initial-cluster=%s", p->initial_cluster);
	else
		ARG("--initial-cluster=%s=%s", p->name, p->peer_url);
	ARG("--initial-cluster-state=%s", p->join_existing ? "existing" : "new");
	ARG("--initial-cluster-token=ckube");
	ARG("--logger=zap");
	ARG("--log-outputs=stderr");
	/*
	 * Watch caches reach etcd's current revision on a quiet prefix only through progress
	 * notifications; etcd 3.4 sends them every 10 minutes unless told otherwise, and a
	 * consistent LIST waits for that revision, so the interval bounds its added latency.
	 * Ten a second per watch stream cost a few hundred small messages a second in all;
	 * asking for progress on demand (as kube-apiserver does) needs a streaming request
	 * body, which the JSON gateway client does not have.
	 */
	ARG("--experimental-watch-progress-notify-interval=100ms");
	if (p->fast_election) {
		ARG("--heartbeat-interval=50");
		ARG("--election-timeout=500");
	}
	for (char **a = p->extra_args; a && *a; a++)
		ARG("%s", *a);
#undef ARG
	argv[n] = NULL;
	return argv;
}

static int spawn(struct ck_etcd_proc *p, struct ck_error **err)
{
	char **argv;
	pid_t parent = getpid();
	int logfd;
	pid_t pid;

	if (mkdir_p(p->data_dir, err) < 0)
		return -1;
	logfd = open(p->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (logfd < 0)
		return ck_error_set_errno(err, errno, "cannot open etcd log '%s'", p->log_path);
	argv = build_argv(p);
	pid = fork();
	if (pid < 0) {
		int e = errno;
		close(logfd);
		ck_str_list_free(argv);
		return ck_error_set_errno(err, e, "cannot fork etcd");
	}
	if (pid == 0) {
		/* Child: only async-signal-safe calls from here to exec. */
		int devnull = open("/dev/null", O_RDONLY);

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		setpgid(0, 0);
		if (devnull >= 0)
			dup2(devnull, 0);
		dup2(logfd, 1);
		dup2(logfd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(logfd);
	ck_str_list_free(argv);
	p->pid = pid;
	p->exit_status = 0;
	ck_debug("etcd", "started member '%s' (pid %d) on %s", p->name, (int)pid, p->client_url);
	return 0;
}

int ck_etcd_proc_start(const struct ck_etcd_proc_config *cfg, struct ck_etcd_proc **out,
                       struct ck_error **err)
{
	struct ck_etcd_proc *p;
	size_t nextra = 0;

	CK_BUG_ON(!cfg->data_dir);
	p = ck_xcalloc(1, sizeof(*p));
	p->name = ck_xstrdup(cfg->name ? cfg->name : "default");
	p->data_dir = ck_xstrdup(cfg->data_dir);
	p->bin = ck_xstrdup(cfg->bin ? cfg->bin : "etcd");
	p->host = ck_xstrdup(cfg->host ? cfg->host : "127.0.0.1");
	p->client_port = cfg->client_port;
	p->peer_port = cfg->peer_port;
	if (!p->client_port && (p->client_port = ck_free_port(p->host, err)) < 0)
		goto fail;
	if (!p->peer_port && (p->peer_port = ck_free_port(p->host, err)) < 0)
		goto fail;
	p->client_url = ck_xasprintf("http://%s:%d", p->host, p->client_port);
	p->peer_url = ck_xasprintf("http://%s:%d", p->host, p->peer_port);
	p->initial_cluster = cfg->initial_cluster ? ck_xstrdup(cfg->initial_cluster) : NULL;
	p->join_existing = cfg->join_existing;
	p->log_path =
	        cfg->log_path ? ck_xstrdup(cfg->log_path) : ck_xasprintf("%s.log", p->data_dir);
	p->fast_election = cfg->fast_election;
	while (cfg->extra_args && cfg->extra_args[nextra])
		nextra++;
	p->extra_args = ck_xcalloc(nextra + 1, sizeof(char *));
	for (size_t i = 0; i < nextra; i++)
		p->extra_args[i] = ck_xstrdup(cfg->extra_args[i]);
	if (spawn(p, err) < 0)
		goto fail;
	*out = p;
	return 0;
fail:
	ck_etcd_proc_free(p);
	return -1;
}

struct probe {
	struct event_base *base;
	struct ck_buf body;
	bool ok;
};

static void probe_done(struct evhttp_request *req, void *arg)
{
	struct probe *pr = arg;

	if (req && evhttp_request_get_response_code(req) == 200) {
		struct evbuffer *in = evhttp_request_get_input_buffer(req);
		size_t len = evbuffer_get_length(in);

		ck_buf_grow(&pr->body, len);
		evbuffer_remove(in, pr->body.data, len);
		pr->body.len = len;
		pr->body.data[len] = '\0';
		pr->ok = true;
	}
	event_base_loopbreak(pr->base);
}

/* One request with a 1 s timeout; the body of a 200 reply parsed as JSON, else NULL. */
static json_t *probe(const struct ck_etcd_proc *p, enum evhttp_cmd_type method, const char *path)
{
	struct probe pr = {.body = CK_BUF_INIT};
	struct evhttp_connection *conn;
	struct evhttp_request *req;
	json_t *v = NULL;

	pr.base = event_base_new();
	if (!pr.base)
		return NULL;
	conn = evhttp_connection_base_new(pr.base, NULL, p->host, (unsigned short)p->client_port);
	if (conn) {
		evhttp_connection_set_timeout(conn, 1);
		req = evhttp_request_new(probe_done, &pr);
		evhttp_add_header(evhttp_request_get_output_headers(req), "Host", p->host);
		if (method == EVHTTP_REQ_POST)
			evbuffer_add(evhttp_request_get_output_buffer(req), "{}", 2);
		if (evhttp_make_request(conn, req, method, path) == 0)
			event_base_dispatch(pr.base);
		evhttp_connection_free(conn);
	}
	event_base_free(pr.base);
	if (pr.ok)
		v = ck_json_parse(pr.body.data, pr.body.len, NULL);
	ck_buf_release(&pr.body);
	return v;
}

/*
 * Ready means etcd says it is healthy (it has a leader) and the member answering on our
 * client port is this one: another process that holds the port would otherwise pass for
 * ours. Identity is the answering member's ID in member/list, whose peer URL must be ours.
 */
static bool probe_ready(const struct ck_etcd_proc *p)
{
	json_t *health = probe(p, EVHTTP_REQ_GET, "/health");
	bool healthy = ck_str_eq(ck_json_path_str(health, "health"), "true");
	json_t *list, *m;
	const char *self;
	size_t i;
	bool ours = false;

	json_decref(health);
	if (!healthy)
		return false;
	list = probe(p, EVHTTP_REQ_POST, "/v3/cluster/member/list");
	self = ck_json_path_str(list, "header.member_id");
	json_array_foreach(json_object_get(list, "members"), i, m)
	{
		json_t *url;
		size_t j;

		if (!self || !ck_str_eq(json_string_value(json_object_get(m, "ID")), self))
			continue;
		json_array_foreach(json_object_get(m, "peerURLs"), j, url) ours |=
		        ck_str_eq(json_string_value(url), p->peer_url);
	}
	json_decref(list);
	return ours;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ck_etcd_proc_wait_ready(struct ck_etcd_proc *p, int timeout_ms, struct ck_error **err)
{
	int64_t deadline = now_ms() + timeout_ms;

	for (;;) {
		if (ck_etcd_proc_exited(p, NULL))
			return ck_error_set(
			        err, 503, NULL,
			        "etcd member '%s' exited during start-up (status %d); see %s",
			        p->name, p->exit_status, p->log_path);
		if (probe_ready(p))
			return 0;
		if (now_ms() >= deadline)
			return ck_error_set(
			        err, 503, NULL,
			        "etcd member '%s' not healthy at %s after %d ms; see %s", p->name,
			        p->client_url, timeout_ms, p->log_path);
		usleep(50 * 1000);
	}
}

bool ck_etcd_proc_exited(struct ck_etcd_proc *p, int *status)
{
	int st;
	pid_t r;

	if (!p->pid) {
		if (status)
			*status = p->exit_status;
		return true;
	}
	r = waitpid(p->pid, &st, WNOHANG);
	if (r == 0)
		return false;
	if (r == p->pid)
		p->exit_status = st;
	p->pid = 0;
	if (status)
		*status = p->exit_status;
	return true;
}

static void signal_and_reap(struct ck_etcd_proc *p, int sig, int grace_ms)
{
	int64_t deadline;

	if (!p->pid)
		return;
	kill(p->pid, sig);
	deadline = now_ms() + grace_ms;
	while (!ck_etcd_proc_exited(p, NULL)) {
		if (now_ms() >= deadline) {
			kill(p->pid, SIGKILL);
			waitpid(p->pid, &p->exit_status, 0);
			p->pid = 0;
			return;
		}
		usleep(10 * 1000);
	}
}

void ck_etcd_proc_stop(struct ck_etcd_proc *p)
{
	if (p->pid)
		ck_debug("etcd", "stopping member '%s' (pid %d)", p->name, (int)p->pid);
	signal_and_reap(p, SIGTERM, 5000);
}

void ck_etcd_proc_kill(struct ck_etcd_proc *p)
{
	signal_and_reap(p, SIGKILL, 5000);
}

int ck_etcd_proc_restart(struct ck_etcd_proc *p, struct ck_error **err)
{
	ck_etcd_proc_stop(p);
	/* The member already exists now; its data directory carries the cluster. */
	return spawn(p, err);
}

void ck_etcd_proc_free(struct ck_etcd_proc *p)
{
	if (!p)
		return;
	ck_etcd_proc_stop(p);
	free(p->name);
	free(p->data_dir);
	free(p->bin);
	free(p->host);
	free(p->client_url);
	free(p->peer_url);
	free(p->initial_cluster);
	free(p->log_path);
	ck_str_list_free(p->extra_args);
	free(p);
}

const char *ck_etcd_proc_client_url(const struct ck_etcd_proc *p)
{
	return p->client_url;
}

const char *ck_etcd_proc_peer_url(const struct ck_etcd_proc *p)
{
	return p->peer_url;
}

const char *ck_etcd_proc_name(const struct ck_etcd_proc *p)
{
	return p->name;
}

pid_t ck_etcd_proc_pid(const struct ck_etcd_proc *p)
{
	return p->pid;
}
