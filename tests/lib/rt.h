/*
 * Freestanding runtime for the XSC kernel tests: no libc exists yet.
 * Built twice: as the XSC runtime (calls go through the ring) and, with
 * -DRT_RAW, as a plain runtime whose calls use the syscall instruction
 * (for unmarked comparison programs).
 */
#ifndef XSC_TEST_RT_H
#define XSC_TEST_RT_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <asm/unistd.h>
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/xsc.h>

struct rt_tls {
	struct rt_tls *self;
	struct xsc_ring_hdr *ring;	/* %fs:8 */
};

extern unsigned long rt_entry, rt_sigreturn, rt_ring0, rt_vdso;
extern char **rt_environ;

long sys6(long nr, long a, long b, long c, long d, long e, long f);
#define SYS0(n)			sys6(n, 0, 0, 0, 0, 0, 0)
#define SYS1(n, a)		sys6(n, (long)(a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b)		sys6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(n, a, b, c)	sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(n, a, b, c, d)	sys6(n, (long)(a), (long)(b), (long)(c), \
				     (long)(d), 0, 0)
#define SYS5(n, a, b, c, d, e)	sys6(n, (long)(a), (long)(b), (long)(c), \
				     (long)(d), (long)(e), 0)

/* ring primitives (XSC runtime only) */
struct xsc_ring_hdr *rt_ring(void);
struct xsc_sqe *rt_sqe(struct xsc_ring_hdr *r, unsigned int slot);
struct xsc_cqe *rt_cqe(struct xsc_ring_hdr *r, unsigned int slot);
long rt_enter(unsigned int first, unsigned int count);
long rt_clone_enter(unsigned int slot, int (*fn)(void *), void *arg);
long rt_vfork(void);

/* process helpers */
__attribute__((noreturn)) void rt_exit(int code);
long rt_clone(unsigned long flags, void *stack, int *ptid, int *ctid,
	      struct rt_tls *tls, int (*fn)(void *), void *arg);
int rt_sigaction(int sig, void (*fn)(int, void *, void *),
		 unsigned long flags);
int rt_wait(long pid, int flags);
long rt_now_ns(void);
void *rt_vdso_sym(const char *name);
void rt_sleep_ms(long ms);

/* the runtime's own (gcc may call them even with -ffreestanding) */
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* output */
void rt_write(int fd, const char *s, size_t n);
void rt_printf(const char *fmt, ...);
size_t rt_format(char *buf, size_t size, const char *fmt, ...);
size_t rt_strlen(const char *s);
int rt_strcmp(const char *a, const char *b);
int rt_contains(const char *hay, const char *needle);
int rt_mapped(const char *maps, unsigned long addr);
long rt_read_file(const char *path, char *buf, size_t size);
long rt_field(const char *text, const char *key);
/* /proc/self/xsc, from one read; -1 for a field that is missing */
struct rt_xsc_counters {
	long ring_calls, entries, sigsys, slow_calls;
};
void rt_xsc_counters(struct rt_xsc_counters *c);

/* test reporting: "PASS prog: what" / "FAIL prog: what" on stdout */
extern const char *rt_prog;
extern int rt_failed;
void rt_check(int ok, const char *what, const char *fmt, ...);
int rt_done(void);

int main(int argc, char **argv);

#define SA_RESTORER_	0x04000000
#define SA_SIGINFO_	0x00000004
#define SA_RESTART_	0x10000000
#define SA_ONSTACK_	0x08000000

#endif
