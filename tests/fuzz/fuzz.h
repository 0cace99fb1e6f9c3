/*
 * Shared by the fuzz targets in tests/fuzz/ (one file per parser that reads the network,
 * CONVENTIONS.md): the libFuzzer entry point's declaration, an invariant check that
 * aborts with the broken rule (libFuzzer and the seed runner both report an abort as a
 * crash, with the input that caused it), and helpers that turn the fuzzer's bytes into
 * the C strings the parsers take.
 *
 * Each target is built twice: with clang's libFuzzer and ASan + UBSan by `make fuzz`
 * (build/fuzz/fuzz-<name>), and with the project's compiler and tests/fuzz/standalone.c
 * by `make` (build/tests/fuzz/fuzz-<name>), which tests/fuzz/test_fuzz_seeds.py runs over
 * the seed corpus under `make test`.
 */
#ifndef CK_TESTS_FUZZ_FUZZ_H
#define CK_TESTS_FUZZ_FUZZ_H

#include "base/compat.h"

#include "base/mem.h"

/*
 * libFuzzer's entry point: one input per call, owned by the caller. Returns 0, or -1 for an
 * input that is not worth keeping in the corpus (libFuzzer then does not add it).
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Optional one-time set-up before the first input; argc/argv are the fuzzer's. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant of the code under test: when it fails, say which and where, and abort. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__,  \
			        #cond);                                                            \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* As FUZZ_CHECK, with a printf message that shows the values involved. */
#define FUZZ_CHECKF(cond, ...)                                                                     \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: fuzz invariant failed: %s: ", __FILE__, __LINE__,  \
			        #cond);                                                            \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/*
 * The input as a malloc'ed C string (the caller frees it), or NULL when it holds a NUL
 * byte: every string parser here stops at the first NUL, so such an input only repeats
 * a shorter one and the target rejects it (returns -1).
 */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s;

	if (memchr(data, '\0', size))
		return NULL;
	s = ck_xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
