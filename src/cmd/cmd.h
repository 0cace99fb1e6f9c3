/*
 * Subcommands as descriptors (tmux cmd_entry): src/main.c holds one table of them, each
 * src/cmd/<name>.c defines one. A command parses its flags with the ck_flags parser,
 * fills its module's config struct and calls the module; only commands exit the process.
 *
 * Exit codes: 0 success, 1 the command failed, 2 a usage error (unknown command or flag,
 * missing or malformed value) — as git and kubectl use them.
 */
#ifndef CK_CMD_CMD_H
#define CK_CMD_CMD_H

#include "base/compat.h"

#define CK_EXIT_OK    0
#define CK_EXIT_FAIL  1
#define CK_EXIT_USAGE 2

struct ck_cmd {
	const char *name;
	const char *summary; /* one line for `ckube help` */
	const char *usage;   /* "ckube server [flags]" */
	const struct ck_flag *flags;
	/* argv[0] is the command name; flags are parsed by the command itself. */
	int (*run)(const struct ck_cmd *cmd, int argc, char **argv);
};

enum ck_flag_type {
	CK_FLAG_BOOL,   /* bool *: --x, --x=true|false */
	CK_FLAG_STRING, /* const char **: --x VALUE or --x=VALUE */
	CK_FLAG_INT,    /* int *: decimal, range-checked against min/max */
};

struct ck_flag {
	const char *name; /* without the leading "--" */
	enum ck_flag_type type;
	size_t offset; /* of the destination inside the command's options struct */
	const char *help;
	const char *value_name; /* "DIR", "ADDR"; NULL for booleans */
	int min, max;           /* for CK_FLAG_INT */
};

#define CK_FLAG_END                                                                                \
	{                                                                                          \
		.name = NULL                                                                       \
	}

/*
 * Parse argv[1..] against the command's flag table into opts (a struct whose members the
 * flags' offsets point at). `--help`/`-h` prints the command's help and sets *help.
 * Arguments that are not flags are collected in order into positional (NULL-terminated,
 * pointing into argv; the caller frees the array), "--" ends flag parsing.
 * Returns 0, or CK_EXIT_USAGE after printing a one-line error on stderr.
 */
int ck_flags_parse(const struct ck_cmd *cmd, int argc, char **argv, void *opts, bool *help,
                   char ***positional);

/* Print "usage: ...", the summary and the flag table for cmd to f. */
void ck_cmd_print_help(const struct ck_cmd *cmd, FILE *f);

/* One-line error for a command, git style: "ckube server: <msg>" on stderr. */
void ck_cmd_error(const struct ck_cmd *cmd, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

extern const struct ck_cmd ck_cmd_server;
extern const struct ck_cmd ck_cmd_version;

#endif
