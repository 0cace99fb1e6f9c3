/*
 * Functions ckube never calls, as in git's banned.h: each has a bounded or checked
 * replacement (ck_buf_addf, snprintf, strtoll with end checks, ck_xstrdup). Included
 * last by base/compat.h, so it must come after every system header.
 */
#ifndef CK_BASE_BANNED_H
#define CK_BASE_BANNED_H

#define CK_BANNED(func) sorry_##func##_is_banned_in_ckube

#undef strcpy
#define strcpy(x, y) CK_BANNED(strcpy)
#undef strcat
#define strcat(x, y) CK_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) CK_BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) CK_BANNED(strncat)
#undef strtok
#define strtok(x, y) CK_BANNED(strtok)
#undef sprintf
#define sprintf(...) CK_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) CK_BANNED(vsprintf)
#undef gets
#define gets(x) CK_BANNED(gets)
#undef atoi
#define atoi(x) CK_BANNED(atoi)
#undef atol
#define atol(x) CK_BANNED(atol)
#undef atoll
#define atoll(x) CK_BANNED(atoll)
#undef gmtime
#define gmtime(t) CK_BANNED(gmtime)
#undef localtime
#define localtime(t) CK_BANNED(localtime)

#endif
