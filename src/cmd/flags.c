/*
 * The one flag parser every subcommand uses: declarative tables (struct ck_flag), GNU
 * long options only (`--name value`, `--name=value`), errors as one line and exit code 2.
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "cmd/cmd.h"

void ck_cmd_error(const struct ck_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ckube %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void ck_cmd_print_help(const struct ck_cmd *cmd, FILE *f)
{
	fprintf(f, "usage: %s\n\n%s\n", cmd->usage, cmd->summary);
	if (!cmd->flags || !cmd->flags[0].name)
		return;
	fputs("\nflags:\n", f);
	for (const struct ck_flag *fl = cmd->flags; fl->name; fl++) {
		char left[64];

		snprintf(left, sizeof(left), "--%s%s%s", fl->name, fl->value_name ? " " : "",
		         fl->value_name ? fl->value_name : "");
		fprintf(f, "  %-28s %s\n", left, fl->help);
	}
	fprintf(f, "  %-28s %s\n", "--help", "show this help");
}

static const struct ck_flag *find_flag(const struct ck_cmd *cmd, const char *name, size_t len)
{
	for (const struct ck_flag *fl = cmd->flags; fl && fl->name; fl++)
		if (strlen(fl->name) == len && !memcmp(fl->name, name, len))
			return fl;
	return NULL;
}

static int set_flag(const struct ck_cmd *cmd, const struct ck_flag *fl, void *opts,
                    const char *value)
{
	char *dst = (char *)opts + fl->offset;
	int64_t v;

	switch (fl->type) {
	case CK_FLAG_BOOL:
		if (!value || !strcmp(value, "true"))
			*(bool *)dst = true;
		else if (!strcmp(value, "false"))
			*(bool *)dst = false;
		else {
			ck_cmd_error(cmd, "invalid value '%s' for --%s: expected true or false",
			             value, fl->name);
			return CK_EXIT_USAGE;
		}
		return 0;
	case CK_FLAG_STRING:
		*(const char **)dst = value;
		return 0;
	case CK_FLAG_INT:
		if (ck_str_to_int64(value, fl->min, fl->max, &v) < 0) {
			ck_cmd_error(
			        cmd,
			        "invalid value '%s' for --%s: expected an integer from %d to %d",
			        value, fl->name, fl->min, fl->max);
			return CK_EXIT_USAGE;
		}
		*(int *)dst = (int)v;
		return 0;
	}
	CK_BUG("unknown flag type");
}

int ck_flags_parse(const struct ck_cmd *cmd, int argc, char **argv, void *opts, bool *help,
                   char ***positional)
{
	char **pos = ck_xcalloc((size_t)argc + 1, sizeof(*pos));
	size_t npos = 0;
	bool only_pos = false;

	*help = false;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *name, *eq, *value = NULL;
		const struct ck_flag *fl;

		if (only_pos || arg[0] != '-' || !strcmp(arg, "-")) {
			pos[npos++] = argv[i];
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_pos = true;
			continue;
		}
		if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			ck_cmd_print_help(cmd, stdout);
			*help = true;
			free(pos);
			return 0;
		}
		if (arg[1] != '-') {
			ck_cmd_error(cmd, "unknown flag '%s' (see 'ckube %s --help')", arg,
			             cmd->name);
			free(pos);
			return CK_EXIT_USAGE;
		}
		name = arg + 2;
		eq = strchr(name, '=');
		fl = find_flag(cmd, name, eq ? (size_t)(eq - name) : strlen(name));
		if (!fl) {
			ck_cmd_error(cmd, "unknown flag '--%.*s' (see 'ckube %s --help')",
			             (int)(eq ? eq - name : (int)strlen(name)), name, cmd->name);
			free(pos);
			return CK_EXIT_USAGE;
		}
		if (eq)
			value = eq + 1;
		else if (fl->type != CK_FLAG_BOOL) {
			if (i + 1 >= argc) {
				ck_cmd_error(cmd, "flag --%s needs a value", fl->name);
				free(pos);
				return CK_EXIT_USAGE;
			}
			value = argv[++i];
		}
		if (set_flag(cmd, fl, opts, value)) {
			free(pos);
			return CK_EXIT_USAGE;
		}
	}
	pos[npos] = NULL;
	if (positional)
		*positional = pos;
	else if (npos) {
		ck_cmd_error(cmd, "unexpected argument '%s'", pos[0]);
		free(pos);
		return CK_EXIT_USAGE;
	} else
		free(pos);
	return 0;
}
