/*
 * Allocators that abort on exhaustion, and scope-cleanup helpers (see mem.h).
 */
#include "base/compat.h"

#include <unistd.h>

#include "base/mem.h"

__attribute__((noreturn)) static void oom(size_t size)
{
	fprintf(stderr, "fatal: out of memory allocating %zu bytes\n", size);
	fflush(stderr);
	abort();
}

void *ck_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		oom(size);
	return p;
}

void *ck_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		oom(nmemb * size);
	return p;
}

void *ck_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		oom(size);
	return p;
}

void *ck_xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(nmemb, size, &total))
		oom(SIZE_MAX);
	return ck_xrealloc(ptr, total);
}

char *ck_xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		oom(strlen(s) + 1);
	return p;
}

char *ck_xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);

	if (!p)
		oom(n + 1);
	return p;
}

void *ck_xmemdup(const void *src, size_t n)
{
	void *p = ck_xmalloc(n);

	if (n)
		memcpy(p, src, n);
	return p;
}

char *ck_xvasprintf(const char *fmt, va_list ap)
{
	char *p;

	if (vasprintf(&p, fmt, ap) < 0)
		oom(strlen(fmt));
	return p;
}

char *ck_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = ck_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void ck_cleanup_free(void *p)
{
	free(*(void **)p);
}

void ck_cleanup_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
}
