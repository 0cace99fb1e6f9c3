/*
 * Temporary directories for tests (see tmpdir.h).
 */
#include <ftw.h>
#include <unistd.h>

#include "base/compat.h"

#include "base/error.h"
#include "base/mem.h"
#include "support/tmpdir.h"

char *ck_test_tmpdir(const char *what)
{
	const char *base = getenv("TMPDIR");
	char *path = ck_xasprintf("%s/ckube-%s-XXXXXX", base && *base ? base : "/tmp", what);

	if (!mkdtemp(path)) {
		perror("mkdtemp");
		CK_BUG("cannot make a temporary directory");
	}
	return path;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void ck_test_rmtree(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}
