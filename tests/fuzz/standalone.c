/*
 * A main() for the fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput once on each
 * file named on the command line, and on each file of each directory named (in name order,
 * dot files skipped). `make` links every target with it (build/tests/fuzz/fuzz-<name>) so
 * that tests/fuzz/test_fuzz_seeds.py replays the seed corpus on every `make test` with
 * the project's own compiler, and under ASan + UBSan in `make asan`; it also replays a
 * crash file on a build without clang. Each input is copied into a buffer of its exact
 * size, as libFuzzer does, so that AddressSanitizer sees a read past its end.
 *
 * Exits 0 after the last input (prints how many ran), 2 when a path cannot be read; a
 * failed invariant aborts on the input that broke it, after naming it on stderr.
 */
#include <dirent.h>
#include <sys/stat.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int run_file(const char *path, size_t *count)
{
	struct ck_buf b = CK_BUF_INIT;
	char tmp[65536];
	size_t n, len;
	uint8_t *copy;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "standalone: cannot open '%s': %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		ck_buf_add(&b, tmp, n);
	if (ferror(f)) {
		fprintf(stderr, "standalone: cannot read '%s'\n", path);
		fclose(f);
		ck_buf_release(&b);
		return -1;
	}
	fclose(f);
	/* Exactly b.len bytes (malloc(0) may return NULL: keep one byte then). */
	len = b.len;
	copy = ck_xmalloc(len ? len : 1);
	if (len)
		memcpy(copy, b.data, len);
	ck_buf_release(&b);
	fprintf(stderr, "standalone: running %s\n", path);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
	(*count)++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *path, size_t *count)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int r = 0;

	if (!d) {
		fprintf(stderr, "standalone: cannot open '%s': %s\n", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = ck_xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = ck_xasprintf("%s/%s", path, de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (r == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			r = run_file(names[i], count);
		free(names[i]);
	}
	free(names);
	return r;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int i;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;
		int r;

		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "standalone: cannot stat '%s': %s\n", argv[i],
			        strerror(errno));
			return 2;
		}
		r = S_ISDIR(st.st_mode) ? run_dir(argv[i], &count) : run_file(argv[i], &count);
		if (r < 0)
			return 2;
	}
	printf("standalone: %zu inputs ran\n", count);
	return 0;
}
