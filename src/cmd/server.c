/*
 * `ckube server`: parse flags into a ck_server_config and run the server until a signal.
 */
#include "base/compat.h"

#include "base/log.h"
#include "cluster/server.h"
#include "cmd/cmd.h"

struct server_opts {
	struct ck_server_config cfg;
	const char *log_level;
};

static const struct ck_flag server_flags[] = {
        {"data-dir", CK_FLAG_STRING, offsetof(struct server_opts, cfg.data_dir),
         "state directory: etcd data, certificates, kubeconfigs (required)", "DIR"},
        {"bind-address", CK_FLAG_STRING, offsetof(struct server_opts, cfg.bind_address),
         "address to listen on (default 127.0.0.1)", "ADDR"},
        {"https-port", CK_FLAG_INT, offsetof(struct server_opts, cfg.https_port),
         "port of the Kubernetes API (default 6443)", "PORT", 1, 65535},
        {"etcd-endpoints", CK_FLAG_STRING, offsetof(struct server_opts, cfg.etcd_endpoints),
         "use these external etcd URLs (comma-separated) instead of a local member", "URLS"},
        {"log-level", CK_FLAG_STRING, offsetof(struct server_opts, log_level),
         "debug, info, warn or error (default info)", "LEVEL"},
        CK_FLAG_END,
};

static int cmd_server(const struct ck_cmd *cmd, int argc, char **argv)
{
	struct server_opts opts = {.cfg = CK_SERVER_CONFIG_INIT};
	struct ck_error *err = NULL;
	enum ck_log_level level;
	bool help;
	int r = ck_flags_parse(cmd, argc, argv, &opts, &help, NULL);

	if (r || help)
		return r;
	if (!opts.cfg.data_dir || !*opts.cfg.data_dir) {
		ck_cmd_error(cmd, "--data-dir is required");
		return CK_EXIT_USAGE;
	}
	if (opts.log_level) {
		if (ck_log_parse_level(opts.log_level, &level) < 0) {
			ck_cmd_error(cmd, "invalid --log-level '%s'", opts.log_level);
			return CK_EXIT_USAGE;
		}
		ck_log_set_level(level);
	}
	if (ck_server_run(&opts.cfg, &err) < 0) {
		ck_cmd_error(cmd, "%s", err->msg);
		ck_error_free(err);
		return CK_EXIT_FAIL;
	}
	return CK_EXIT_OK;
}

const struct ck_cmd ck_cmd_server = {
        .name = "server",
        .summary = "Run a control-plane server: etcd member, API server, scheduler, controllers.",
        .usage = "ckube server --data-dir DIR [flags]",
        .flags = server_flags,
        .run = cmd_server,
};
