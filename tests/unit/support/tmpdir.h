/*
 * Temporary directories for tests: made under $TMPDIR (or /tmp) with mkdtemp, removed
 * recursively at the end of the test that made them.
 */
#ifndef CK_TESTS_SUPPORT_TMPDIR_H
#define CK_TESTS_SUPPORT_TMPDIR_H

/* A new empty directory "<tmp>/ckube-<what>-XXXXXX"; malloc'ed path. Aborts on failure. */
char *ck_test_tmpdir(const char *what);

/* Remove path and everything below it; errors are ignored (best effort cleanup). */
void ck_test_rmtree(const char *path);

#endif
