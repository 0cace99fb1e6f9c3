/*
 * Restart-on-death supervision of the local etcd member (see etcd-supervisor.h).
 */
#include <signal.h>
#include <sys/wait.h>

#include <event2/event.h>

#include "base/compat.h"

#include "base/log.h"
#include "base/mem.h"
#include "cluster/etcd-supervisor.h"

#define BACKOFF_MIN_MS    500
#define BACKOFF_MAX_MS    30000
#define BACKOFF_RESET_SEC 60

struct ck_etcd_supervisor {
	struct event_base *base;
	struct ck_etcd_proc *proc;
	struct event *sigchld;
	struct event *restart_timer;
	int backoff_ms;
	time_t started_at;
	unsigned restarts;
};

static void restart_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_etcd_supervisor *s = arg;
	struct ck_error *err = NULL;

	(void)fd;
	(void)what;
	if (ck_etcd_proc_restart(s->proc, &err) < 0) {
		ck_err("etcd", "cannot restart member '%s': %s", ck_etcd_proc_name(s->proc),
		       err->msg);
		ck_error_free(err);
		/* Try again later: a transient failure (fork, fd limit) must not end supervision. */
		struct timeval tv = {s->backoff_ms / 1000, (s->backoff_ms % 1000) * 1000};
		evtimer_add(s->restart_timer, &tv);
		return;
	}
	s->restarts++;
	s->started_at = time(NULL);
	ck_info("etcd", "restarted member '%s' (pid %d, restart %u)", ck_etcd_proc_name(s->proc),
	        (int)ck_etcd_proc_pid(s->proc), s->restarts);
}

/* Runs on s->base's loop when any child exits. */
static void sigchld_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_etcd_supervisor *s = arg;
	struct timeval tv;
	int status;

	(void)fd;
	(void)what;
	if (!ck_etcd_proc_pid(s->proc) || !ck_etcd_proc_exited(s->proc, &status))
		return;
	if (time(NULL) - s->started_at >= BACKOFF_RESET_SEC)
		s->backoff_ms = BACKOFF_MIN_MS;
	if (WIFSIGNALED(status))
		ck_warn("etcd", "member '%s' killed by signal %d; restarting in %d ms",
		        ck_etcd_proc_name(s->proc), WTERMSIG(status), s->backoff_ms);
	else
		ck_warn("etcd", "member '%s' exited with status %d; restarting in %d ms",
		        ck_etcd_proc_name(s->proc), WEXITSTATUS(status), s->backoff_ms);
	tv.tv_sec = s->backoff_ms / 1000;
	tv.tv_usec = (s->backoff_ms % 1000) * 1000;
	evtimer_add(s->restart_timer, &tv);
	s->backoff_ms = s->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : s->backoff_ms * 2;
}

int ck_etcd_supervisor_start(struct event_base *base, const struct ck_etcd_proc_config *cfg,
                             int ready_timeout_ms, struct ck_etcd_supervisor **out,
                             struct ck_error **err)
{
	struct ck_etcd_supervisor *s = ck_xcalloc(1, sizeof(*s));

	s->base = base;
	s->backoff_ms = BACKOFF_MIN_MS;
	if (ck_etcd_proc_start(cfg, &s->proc, err) < 0 ||
	    ck_etcd_proc_wait_ready(s->proc, ready_timeout_ms, err) < 0) {
		ck_etcd_supervisor_free(s);
		return -1;
	}
	s->started_at = time(NULL);
	s->sigchld = evsignal_new(base, SIGCHLD, sigchld_cb, s);
	s->restart_timer = evtimer_new(base, restart_cb, s);
	if (!s->sigchld || !s->restart_timer || evsignal_add(s->sigchld, NULL) < 0) {
		ck_etcd_supervisor_free(s);
		return ck_error_set(err, 500, NULL, "cannot watch SIGCHLD for the etcd member");
	}
	/* It may have died between the readiness probe and the SIGCHLD watch. */
	sigchld_cb(-1, 0, s);
	*out = s;
	return 0;
}

const char *ck_etcd_supervisor_client_url(const struct ck_etcd_supervisor *s)
{
	return ck_etcd_proc_client_url(s->proc);
}

unsigned ck_etcd_supervisor_restarts(const struct ck_etcd_supervisor *s)
{
	return s->restarts;
}

void ck_etcd_supervisor_free(struct ck_etcd_supervisor *s)
{
	if (!s)
		return;
	if (s->sigchld)
		event_free(s->sigchld);
	if (s->restart_timer)
		event_free(s->restart_timer);
	ck_etcd_proc_free(s->proc);
	free(s);
}
