/*
 * Allocation that never returns NULL: out of memory is not a recoverable error in ckube
 * (CONVENTIONS.md "Errors"), so the ck_x* family aborts with a message instead. Also the
 * cleanup helpers for locals, as crun's cleanup_free.
 */
#ifndef CK_BASE_MEM_H
#define CK_BASE_MEM_H

#include "base/compat.h"

void *ck_xmalloc(size_t size);
void *ck_xcalloc(size_t nmemb, size_t size);
void *ck_xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes, checking for overflow. */
void *ck_xreallocarray(void *ptr, size_t nmemb, size_t size);
char *ck_xstrdup(const char *s);
char *ck_xstrndup(const char *s, size_t n);
void *ck_xmemdup(const void *p, size_t n);
char *ck_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *ck_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Make *alloc at least `need` elements of elem_size bytes, growing by half again. */
#define CK_ALLOC_GROW(ptr, need, alloc)                                                            \
	do {                                                                                       \
		if ((need) > (alloc)) {                                                            \
			size_t ck_new_alloc_ = (alloc) + (alloc) / 2 + 16;                         \
			if (ck_new_alloc_ < (need))                                                \
				ck_new_alloc_ = (need);                                            \
			(ptr) = ck_xreallocarray((ptr), ck_new_alloc_, sizeof(*(ptr)));            \
			(alloc) = ck_new_alloc_;                                                   \
		}                                                                                  \
	} while (0)

void ck_cleanup_free(void *p);
void ck_cleanup_close(int *fd);

/* A local freed (or closed) when it goes out of scope. */
#define ck_autofree  __attribute__((cleanup(ck_cleanup_free)))
#define ck_autoclose __attribute__((cleanup(ck_cleanup_close)))

/* Hand ownership of *pp out of an autofree local: returns it and leaves NULL behind. */
#define ck_steal(pp)                                                                               \
	({                                                                                         \
		__typeof__(*(pp)) ck_stolen_ = *(pp);                                              \
		*(pp) = NULL;                                                                      \
		ck_stolen_;                                                                        \
	})

#endif
