/* Freestanding test runtime; see rt.h. */
#include "rt.h"
#include <elf.h>

unsigned long rt_entry, rt_sigreturn, rt_ring0, rt_vdso;
char **rt_environ;
const char *rt_prog = "?";
int rt_failed, rt_passed;
static struct rt_tls main_tls;

/* gcc may emit calls to these even with -ffreestanding */
void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *dp = d;

	while (n--)
		*dp++ = (unsigned char)c;
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

#ifdef RT_RAW
long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
			   "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}
#else
struct xsc_ring_hdr *rt_ring(void)
{
	struct xsc_ring_hdr *r;

	__asm__ volatile("movq %%fs:8, %0" : "=r"(r));
	return r;
}

struct xsc_sqe *rt_sqe(struct xsc_ring_hdr *r, unsigned int slot)
{
	return (struct xsc_sqe *)((char *)r + r->sqes_off) + slot;
}

struct xsc_cqe *rt_cqe(struct xsc_ring_hdr *r, unsigned int slot)
{
	return (struct xsc_cqe *)((char *)r + r->cqes_off) + slot;
}

/* The entry: a plain call. Compiled with -mno-red-zone, so the return
 * address pushed by the call cannot clobber live data. */
long rt_enter(unsigned int first, unsigned int count)
{
	register unsigned long rdi __asm__("rdi") = first;
	register unsigned long rsi __asm__("rsi") = count;
	long ret;

	__asm__ volatile("call *%[entry]"
			 : "=a"(ret), "+D"(rdi), "+S"(rsi)
			 : [entry] "m"(rt_entry)
			 : "rcx", "r11", "memory", "cc");
	return ret;
}

/* Reserve a slot of the synchronous-call stack: one xadd, signal-safe. */
static unsigned int slot_get(struct xsc_ring_hdr *r)
{
	unsigned int one = 1;

	__asm__ volatile("xaddl %0, %1" : "+r"(one), "+m"(r->sync_top));
	return one & (r->sq_entries - 1);
}

static void slot_put(struct xsc_ring_hdr *r)
{
	__asm__ volatile("decl %0" : "+m"(r->sync_top));
}

static long ring_call(struct xsc_ring_hdr *r, long nr, long a, long b,
		      long c, long d, long e, long f)
{
	unsigned int slot = slot_get(r);
	struct xsc_sqe *q = rt_sqe(r, slot);
	long ret;

	q->nr = nr;
	q->args[0] = a;
	q->args[1] = b;
	q->args[2] = c;
	q->args[3] = d;
	q->args[4] = e;
	q->args[5] = f;
	q->user_data = nr;
	ret = rt_enter(slot, 1);
	slot_put(r);
	return ret;
}

long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	return ring_call(rt_ring(), nr, a, b, c, d, e, f);
}
#endif

void rt_exit(int code)
{
	for (;;)
		SYS1(__NR_exit_group, code);
}

/* Called from _start with the initial stack pointer. */
__attribute__((noreturn, used)) void rt_start_c(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	unsigned long *av;

	rt_environ = envp;
	while (*envp)
		envp++;
	for (av = (unsigned long *)(envp + 1); av[0]; av += 2) {
		if (av[0] == AT_XSC_ENTRY)
			rt_entry = av[1];
		else if (av[0] == AT_XSC_RING)
			rt_ring0 = av[1];
		else if (av[0] == AT_XSC_SIGRETURN)
			rt_sigreturn = av[1];
		else if (av[0] == 33 /* AT_SYSINFO_EHDR */)
			rt_vdso = av[1];
	}
	main_tls.self = &main_tls;
	main_tls.ring = (struct xsc_ring_hdr *)rt_ring0;
#ifdef RT_RAW
	SYS2(__NR_arch_prctl, 0x1002 /* ARCH_SET_FS */, &main_tls);
#else
	if (!rt_entry || !rt_ring0) {
		/* not started as an XSC task: nothing can be called */
		for (;;)
			*(volatile int *)0 = 0;
	}
	/* bootstrap: %fs is not set yet, so name the ring explicitly */
	ring_call(main_tls.ring, __NR_arch_prctl, 0x1002, (long)&main_tls,
		  0, 0, 0, 0);
#endif
	rt_exit(main(argc, argv));
}

__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	xorl %ebp, %ebp\n"
	"	movq %rsp, %rdi\n"
	"	andq $-16, %rsp\n"
	"	call rt_start_c\n"
	"	ud2\n");

#ifdef RT_RAW
/* signal restorer of an unmarked program */
__asm__(".text\n"
	"rt_raw_restorer:\n"
	"	movl $15, %eax\n"
	"	syscall\n"
	"	ud2\n");
extern char rt_raw_restorer[];
#endif

struct ksigaction {
	void (*handler)(int, void *, void *);
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

int rt_sigaction(int sig, void (*fn)(int, void *, void *),
		 unsigned long flags)
{
	struct ksigaction act = { fn, flags | SA_RESTORER_ | SA_SIGINFO_, 0, 0 };

#ifdef RT_RAW
	act.restorer = (unsigned long)rt_raw_restorer;
#else
	act.restorer = rt_sigreturn;
#endif
	return (int)SYS4(__NR_rt_sigaction, sig, &act, 0, 8);
}

#ifndef RT_RAW
/*
 * clone on the ring. The child returns from the entry with rax = 0 on
 * its new stack; fn and arg travel in callee-saved registers, which the
 * child inherits from the caller's frame.
 */
__asm__(".text\n"
	".globl rt_clone_enter\n"
	"rt_clone_enter:\n"		/* edi = slot, rsi = fn, rdx = arg */
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	movq %rsi, %r12\n"
	"	movq %rdx, %r13\n"
	"	movl $1, %esi\n"
	"	call *rt_entry(%rip)\n"
	"	testq %rax, %rax\n"
	"	jz 1f\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	ret\n"
	"1:	xorl %ebp, %ebp\n"
	"	movq %r13, %rdi\n"
	"	call *%r12\n"
	"	movl %eax, %edi\n"
	"	call rt_thread_exit\n"
	"	ud2\n");

__attribute__((noreturn, used)) void rt_thread_exit(int code)
{
	for (;;)
		SYS1(__NR_exit, code);
}

/*
 * vfork on the ring. Parent and child both return from here, and the
 * child may reuse the stack below the caller's frame, so the return
 * address is kept in r8 (the entry preserves it) and pushed back last.
 * The child shares the ring, and slots it still held when it called
 * exit or execve are never given back; so the parent does not give its
 * slot back with decl but resets sync_top to the value it found (r10).
 */
__asm__(".text\n"
	".globl rt_vfork\n"
	"rt_vfork:\n"
	"	popq %r8\n"
	"	movq %fs:8, %r9\n"		/* ring */
	"	movl $1, %edx\n"
	"	xaddl %edx, 32(%r9)\n"		/* sync_top */
	"	movl %edx, %r10d\n"
	"	andl $255, %edx\n"
	"	movl %edx, %edi\n"
	"	shll $6, %edx\n"
	"	movl 16(%r9), %eax\n"		/* sqes_off */
	"	addq %r9, %rax\n"
	"	addq %rdx, %rax\n"
	"	movq $58, (%rax)\n"		/* __NR_vfork */
	"	movq $58, 56(%rax)\n"		/* user_data */
	"	movl $1, %esi\n"
	"	call *rt_entry(%rip)\n"
	"	testq %rax, %rax\n"
	"	jz 1f\n"
	"	movl %r10d, 32(%r9)\n"
	"1:	pushq %r8\n"
	"	ret\n");

long rt_clone(unsigned long flags, void *stack, int *ptid, int *ctid,
	      struct rt_tls *tls, int (*fn)(void *), void *arg)
{
	struct xsc_ring_hdr *r = rt_ring();
	unsigned int slot = slot_get(r);
	struct xsc_sqe *q = rt_sqe(r, slot);
	long ret;

	q->nr = __NR_clone;
	q->args[0] = flags;
	q->args[1] = (long)stack;
	q->args[2] = (long)ptid;
	q->args[3] = (long)ctid;
	q->args[4] = (long)tls;
	q->args[5] = 0;
	q->user_data = __NR_clone;
	ret = rt_clone_enter(slot, fn, arg);
	slot_put(r);
	return ret;
}
#endif

/* wait4 for pid; returns the wait status, -1 if there was none */
int rt_wait(long pid, int flags)
{
	int status = -1;

	SYS4(__NR_wait4, pid, &status, flags, 0);
	return status;
}

long rt_now_ns(void)
{
	long ts[2] = { 0, 0 };

	SYS2(__NR_clock_gettime, 1 /* CLOCK_MONOTONIC */, ts);
	return ts[0] * 1000000000L + ts[1];
}

void rt_sleep_ms(long ms)
{
	long ts[2] = { ms / 1000, (ms % 1000) * 1000000L };

	SYS2(__NR_nanosleep, ts, 0);
}

/* ---- strings and output ------------------------------------------- */

size_t rt_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int rt_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

/* Does a line of maps (/proc/<pid>/maps text) describe a mapping at addr? */
int rt_mapped(const char *maps, unsigned long addr)
{
	for (const char *p = maps; *p; p++) {
		unsigned long v = 0;
		const char *q = p;

		if (p != maps && p[-1] != '\n')
			continue;
		for (; (*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f'); q++)
			v = v * 16 + (unsigned long)(*q <= '9' ? *q - '0' : *q - 'a' + 10);
		if (*q == '-' && q != p && v == addr)
			return 1;
	}
	return 0;
}

int rt_contains(const char *hay, const char *needle)
{
	size_t n = rt_strlen(needle);

	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] == needle[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

void rt_write(int fd, const char *s, size_t n)
{
	while (n) {
		long w = SYS3(__NR_write, fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static char *fmt_num(char *p, char *end, unsigned long v, int base, int neg)
{
	char tmp[24];
	int i = 0;

	do {
		tmp[i++] = "0123456789abcdef"[v % (unsigned long)base];
		v /= (unsigned long)base;
	} while (v);
	if (neg && p < end)
		*p++ = '-';
	while (i && p < end)
		*p++ = tmp[--i];
	return p;
}

static size_t rt_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	char *p = buf, *end = buf + size - 1;

	for (; *fmt && p < end; fmt++) {
		int lng = 0;

		if (*fmt != '%') {
			*p++ = *fmt;
			continue;
		}
		fmt++;
		while (*fmt == 'l')
			lng = 1, fmt++;
		switch (*fmt) {
		case 'd': {
			long v = lng ? va_arg(ap, long) : va_arg(ap, int);

			p = fmt_num(p, end, v < 0 ? -(unsigned long)v : (unsigned long)v,
				    10, v < 0);
			break;
		}
		case 'u':
			p = fmt_num(p, end, lng ? va_arg(ap, unsigned long) :
					  va_arg(ap, unsigned int), 10, 0);
			break;
		case 'x':
			p = fmt_num(p, end, lng ? va_arg(ap, unsigned long) :
					  va_arg(ap, unsigned int), 16, 0);
			break;
		case 'p':
			p = fmt_num(p, end, (unsigned long)va_arg(ap, void *), 16, 0);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			while (s && *s && p < end)
				*p++ = *s++;
			break;
		}
		case 'c':
			*p++ = (char)va_arg(ap, int);
			break;
		default:
			*p++ = *fmt;
		}
	}
	*p = 0;
	return (size_t)(p - buf);
}

void rt_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = rt_vformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	rt_write(1, buf, n);
}

size_t rt_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = rt_vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void rt_check(int ok, const char *what, const char *fmt, ...)
{
	char detail[256];
	va_list ap;

	va_start(ap, fmt);
	rt_vformat(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (ok)
		rt_passed++;
	else
		rt_failed++;
	rt_printf("%s %s: %s%s%s%s\n", ok ? "PASS" : "FAIL", rt_prog, what,
		  detail[0] ? " (" : "", detail, detail[0] ? ")" : "");
}

/* The harness requires this line: a program that dies early has none. */
int rt_done(void)
{
	rt_printf("DONE %s: %d passed, %d failed\n", rt_prog, rt_passed,
		  rt_failed);
	return rt_failed ? 1 : 0;
}

long rt_read_file(const char *path, char *buf, size_t size)
{
	long fd = SYS4(__NR_openat, -100 /* AT_FDCWD */, path, 0, 0);
	long n = 0, r;

	if (fd < 0)
		return fd;
	while ((size_t)n < size - 1 &&
	       (r = SYS3(__NR_read, fd, buf + n, size - 1 - (size_t)n)) > 0)
		n += r;
	buf[n] = 0;
	SYS1(__NR_close, fd);
	return n;
}

/* value of "key:\t<number>" in text, or -1 */
long rt_field(const char *text, const char *key)
{
	size_t n = rt_strlen(key);

	for (const char *p = text; *p; p++) {
		if ((p == text || p[-1] == '\n') && !__builtin_memcmp(p, key, n) &&
		    p[n] == ':') {
			long v = 0;

			p += n + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			while (*p >= '0' && *p <= '9')
				v = v * 10 + (*p++ - '0');
			return v;
		}
	}
	return -1;
}

void rt_xsc_counters(struct rt_xsc_counters *c)
{
	char buf[512];

	if (rt_read_file("/proc/self/xsc", buf, sizeof(buf)) <= 0)
		buf[0] = 0;
	c->ring_calls = rt_field(buf, "ring_calls");
	c->entries = rt_field(buf, "entries");
	c->sigsys = rt_field(buf, "sigsys");
	c->slow_calls = rt_field(buf, "slow_calls");
}

/* A symbol of the vDSO the kernel mapped (AT_SYSINFO_EHDR), or 0. */
void *rt_vdso_sym(const char *name)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)rt_vdso;
	const Elf64_Phdr *ph;
	const Elf64_Dyn *dyn = 0;
	const Elf64_Sym *sym = 0;
	const char *str = 0;
	const unsigned int *hash = 0;
	unsigned long i;

	if (!eh || __builtin_memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return 0;
	ph = (const Elf64_Phdr *)(rt_vdso + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)(rt_vdso + ph[i].p_offset);
	for (; dyn && dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_SYMTAB)
			sym = (const Elf64_Sym *)(rt_vdso + dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_STRTAB)
			str = (const char *)(rt_vdso + dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_HASH)
			hash = (const unsigned int *)(rt_vdso + dyn->d_un.d_ptr);
	}
	if (!sym || !str || !hash)
		return 0;
	for (i = 0; i < hash[1]; i++)	/* nchain: the number of symbols */
		if (sym[i].st_shndx != SHN_UNDEF &&
		    !rt_strcmp(str + sym[i].st_name, name))
			return (void *)(rt_vdso + sym[i].st_value);
	return 0;
}
