/*
 * check.h: the little harness of the C library tests (tests/libc). Each
 * test program prints one "PASS prog: what" or "FAIL prog: what" line per
 * check and a closing "DONE prog: N passed, N failed" line, which
 * tests/harness/guestcheck judges. ck_begin/ck_end also read the
 * process's /proc/self/xsc: the program must be an XSC process whose
 * calls went through the ring and that never executed a syscall
 * instruction (sigsys 0).
 */
#ifndef CHECK_H
#define CHECK_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CK_SUFFIX	/* -DCK_SUFFIX='"-tc"': the toolchain's builds */
#ifdef CK_STATIC
#define CK_SUFFIX "-static"
#else
#define CK_SUFFIX ""
#endif
#endif

static char ck_prog[64];
static int ck_passed, ck_failed;
static long ck_start_calls;

__attribute__((format(printf, 2, 3)))
static int ck_report(int ok, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("%s %s: %s\n", ok ? "PASS" : "FAIL", ck_prog, msg);
	fflush(stdout);
	if (ok)
		ck_passed++;
	else
		ck_failed++;
	return ok;
}
#define CHECK(cond, ...) ck_report(!!(cond), __VA_ARGS__)

/* A field of /proc/<pid>/xsc, or -1. */
static long ck_xsc_field(const char *path, const char *field)
{
	char buf[512], *p;
	long v = -1;
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	p = strstr(buf, field);
	if (p)
		v = strtol(p + strlen(field) + 1, NULL, 10);
	return v;
}
static long ck_ring_calls(void)
{
	return ck_xsc_field("/proc/self/xsc", "ring_calls:");
}

static void ck_begin(const char *name)
{
	snprintf(ck_prog, sizeof(ck_prog), "%s%s", name, CK_SUFFIX);
	ck_start_calls = ck_ring_calls();
	CHECK(ck_xsc_field("/proc/self/xsc", "xsc:") == 1,
	      "runs as an XSC process (/proc/self/xsc)");
}

static int ck_end(void)
{
	long calls = ck_ring_calls() - ck_start_calls;

	CHECK(calls > 0, "its calls went through the ring (%ld ring calls)", calls);
	CHECK(ck_xsc_field("/proc/self/xsc", "sigsys:") == 0,
	      "no syscall instruction was executed (sigsys 0)");
	printf("DONE %s: %d passed, %d failed\n", ck_prog, ck_passed, ck_failed);
	fflush(stdout);
	return ck_failed ? 1 : 0;
}

#endif
