/*
 * ckube: one binary, one table of subcommands (git's builtin table, tmux's cmd_entry).
 * main() finds the command and hands it argv; the commands live in src/cmd/.
 */
#include "base/compat.h"

#include "cmd/cmd.h"

static int cmd_help(const struct ck_cmd *cmd, int argc, char **argv);

static const struct ck_cmd ck_cmd_help = {
        .name = "help",
        .summary = "Show the commands, or one command's help.",
        .usage = "ckube help [COMMAND]",
        .run = cmd_help,
};

static const struct ck_cmd *const commands[] = {
        &ck_cmd_server,
        &ck_cmd_version,
        &ck_cmd_help,
};

static const struct ck_cmd *find_command(const char *name)
{
	for (size_t i = 0; i < CK_ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

static void print_overview(FILE *f)
{
	fputs("usage: ckube COMMAND [flags]\n\n"
	      "A highly available, Kubernetes-compatible cluster in one binary.\n\n"
	      "commands:\n",
	      f);
	for (size_t i = 0; i < CK_ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nRun 'ckube COMMAND --help' for a command's flags.\n", f);
}

static int cmd_help(const struct ck_cmd *cmd, int argc, char **argv)
{
	const struct ck_cmd *target;
	char **pos;
	bool help;
	int r = ck_flags_parse(cmd, argc, argv, NULL, &help, &pos);

	if (r || help)
		return r;
	if (!pos[0]) {
		print_overview(stdout);
		free(pos);
		return CK_EXIT_OK;
	}
	target = find_command(pos[0]);
	if (!target || pos[1]) {
		ck_cmd_error(cmd, pos[1] ? "too many arguments" : "unknown command '%s'", pos[0]);
		free(pos);
		return CK_EXIT_USAGE;
	}
	ck_cmd_print_help(target, stdout);
	free(pos);
	return CK_EXIT_OK;
}

int main(int argc, char **argv)
{
	const struct ck_cmd *cmd;

	if (argc < 2) {
		print_overview(stderr);
		return CK_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(&ck_cmd_help, 1, argv + 1);
	if (!strcmp(argv[1], "--version"))
		argv[1] = (char *)"version";
	cmd = find_command(argv[1]);
	if (!cmd) {
		fprintf(stderr, "ckube: unknown command '%s' (see 'ckube help')\n", argv[1]);
		return CK_EXIT_USAGE;
	}
	return cmd->run(cmd, argc - 1, argv + 1);
}
