/*
 * The first include of every ckube source file: the system headers nearly every file
 * needs, then banned.h, so that a banned function is caught wherever it is written.
 * Other system headers a file needs go before this one.
 */
#ifndef CK_BASE_COMPAT_H
#define CK_BASE_COMPAT_H

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "base/banned.h"

#define CK_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define CK_UNUSED        __attribute__((unused))

#endif
