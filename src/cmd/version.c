/*
 * `ckube version`: the version, the git revision it was built from, and the Kubernetes
 * API version it serves.
 */
#include "base/compat.h"

#include "cmd/cmd.h"
#include "version.h"

struct version_opts {
	bool short_form;
};

static const struct ck_flag version_flags[] = {
        {"short", CK_FLAG_BOOL, offsetof(struct version_opts, short_form),
         "print only the version"},
        CK_FLAG_END,
};

static int cmd_version(const struct ck_cmd *cmd, int argc, char **argv)
{
	struct version_opts opts = {0};
	bool help;
	int r = ck_flags_parse(cmd, argc, argv, &opts, &help, NULL);

	if (r || help)
		return r;
	if (opts.short_form)
		printf("%s\n", ck_version);
	else
		printf("ckube %s (git %s, Kubernetes API %s)\n", ck_version, ck_git_rev,
		       ck_kube_version);
	return CK_EXIT_OK;
}

const struct ck_cmd ck_cmd_version = {
        .name = "version",
        .summary = "Print the ckube version.",
        .usage = "ckube version [--short]",
        .flags = version_flags,
        .run = cmd_version,
};
