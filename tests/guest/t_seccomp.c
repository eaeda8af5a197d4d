/*
 * Ring calls pass seccomp: a filter sees nr, arch and arguments of each
 * SQE; SECCOMP_RET_ERRNO sets the CQE, SECCOMP_RET_TRAP sends a
 * SYS_SECCOMP SIGSYS, SECCOMP_RET_KILL_PROCESS kills. With a filter every
 * SQE takes the full entry work (slow_calls in /proc/self/xsc). A
 * SIGSYS handler emulates RET_TRAP'd ring calls as sandboxes do for the
 * instruction: it sees the number and the SQE's arguments in its context,
 * rip = si_call_addr, and its rax becomes the result, alone or in a batch.
 */
#include "../lib/rt.h"


struct sock_filter {
	unsigned short code;
	unsigned char jt, jf;
	unsigned int k;
};

struct sock_fprog {
	unsigned short len;
	struct sock_filter *filter;
};

#define LD_ABS(off)		{ 0x20, 0, 0, (off) }
#define JEQ(k, t, f)		{ 0x15, (t), (f), (k) }
#define RET(k)			{ 0x06, 0, 0, (k) }
#define RET_ALLOW		0x7fff0000U
#define RET_ERRNO(e)		(0x00050000U | (e))
#define RET_TRAP		0x00030000U
#define RET_KILL_PROCESS	0x80000000U

static struct sock_filter prog[] = {
	LD_ABS(4),				/* arch */
	JEQ(0xc000003e, 1, 0),			/* AUDIT_ARCH_X86_64 */
	RET(RET_KILL_PROCESS),
	LD_ABS(0),				/* nr */
	JEQ(__NR_getppid, 0, 3),
	LD_ABS(16),				/* args[0], low half */
	JEQ(0x1234, 0, 6),
	RET(RET_ERRNO(77)),
	JEQ(__NR_getuid, 0, 1),
	RET(RET_TRAP),
	JEQ(__NR_getgid, 0, 1),
	RET(RET_KILL_PROCESS),
	RET(RET_ALLOW),
	RET(RET_ALLOW),
};

static volatile int trap_code = -1, trap_nr = -1;

static void on_sigsys(int sig, void *si, void *uc)
{
	(void)sig;
	(void)uc;
	trap_code = ((int *)si)[2];
	trap_nr = *(int *)((char *)si + 24);
}

static struct sock_filter trap_prog[] = {
	LD_ABS(0),				/* nr */
	JEQ(__NR_getuid, 0, 1),
	RET(RET_TRAP),
	RET(RET_ALLOW),
};

static volatile long emu_calls, emu_bad;

/* ucontext: gregs at offset 40; kernel siginfo: call_addr 16, syscall 24 */
enum { R8 = 0, R9 = 1, R10 = 2, RDI = 8, RSI = 9, RDX = 12, RAX = 13, RIP = 16 };

static void on_sigsys_emulate(int sig, void *si, void *uc)
{
	long *g = (long *)((char *)uc + 40);
	long addr = *(long *)((char *)si + 16);
	int nr = *(int *)((char *)si + 24);

	(void)sig;
	emu_calls++;
	if (((int *)si)[2] != 1 /* SYS_SECCOMP */ || nr != __NR_getuid || g[RAX] != nr ||
	    g[RIP] != addr)
		emu_bad |= 1;
	if (g[RSI] != 0x22 || g[RDX] != 0x33 || g[R10] != 0x44 || g[R8] != 0x55 || g[R9] != 0x66)
		emu_bad |= 2;
	g[RAX] = 4000 + g[RDI];
}

static void set_getuid(struct xsc_sqe *q, long a0)
{
	q->nr = __NR_getuid;
	q->args[0] = a0;
	q->args[1] = 0x22;
	q->args[2] = 0x33;
	q->args[3] = 0x44;
	q->args[4] = 0x55;
	q->args[5] = 0x66;
	q->user_data = 0xe0 + a0;
}

/* the emulating sandbox, in a child; exit code 0 when all went right */
static int emulate_child(void)
{
	struct sock_fprog fp = { sizeof(trap_prog) / sizeof(trap_prog[0]), trap_prog };
	struct xsc_ring_hdr *r = rt_ring();
	long pid = SYS0(__NR_getpid), ppid = SYS0(__NR_getppid), v;
	int bad = 0;

	if (SYS5(__NR_prctl, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0) ||
	    SYS3(__NR_seccomp, 1 /* SET_MODE_FILTER */, 0, &fp))
		return 100;
	rt_sigaction(SIGSYS, on_sigsys_emulate, 0);

	/* 1. one synchronous call: the handler's rax is the result */
	v = sys6(__NR_getuid, 7, 0x22, 0x33, 0x44, 0x55, 0x66);
	if (v != 4007)
		bad |= 4;

	/* 2. the entry keeps rdx, r8, r9, r10 across the emulated call */
	set_getuid(rt_sqe(r, 100), 8);
	{
		register long rdi __asm__("rdi") = 100, rsi __asm__("rsi") = 1;
		register long rdx __asm__("rdx") = 0xd1, r8 __asm__("r8") = 0x81;
		register long r9 __asm__("r9") = 0x91, r10 __asm__("r10") = 0xa1;

		__asm__ volatile("call *%[entry]"
				 : "=a"(v), "+D"(rdi), "+S"(rsi), "+d"(rdx), "+r"(r8), "+r"(r9),
				   "+r"(r10)
				 : [entry] "m"(rt_entry)
				 : "rcx", "r11", "memory", "cc");
		if (v != 4008 || rt_cqe(r, 100)->res != 4008 || rt_cqe(r, 100)->user_data != 0xe8)
			bad |= 8;
		if (rdx != 0xd1 || r8 != 0x81 || r9 != 0x91 || r10 != 0xa1)
			bad |= 16;
	}

	/* 3. trapped in the middle of a batch: the rest still runs */
	rt_sqe(r, 110)->nr = __NR_getpid;
	rt_sqe(r, 110)->user_data = 110;
	set_getuid(rt_sqe(r, 111), 9);
	rt_sqe(r, 112)->nr = __NR_getppid;
	rt_sqe(r, 112)->user_data = 112;
	v = rt_enter(110, 3);
	if (v != ppid || rt_cqe(r, 110)->res != pid || rt_cqe(r, 111)->res != 4009 ||
	    rt_cqe(r, 112)->res != ppid || rt_cqe(r, 111)->user_data != 0xe9 ||
	    rt_cqe(r, 112)->user_data != 112)
		bad |= 32;
	if (emu_calls != 3 || emu_bad)
		bad |= 64 | (int)emu_bad;
	return bad;
}

int main(int argc, char **argv)
{
	struct sock_fprog fp = { sizeof(prog) / sizeof(prog[0]), prog };
	long c, me = SYS0(__NR_getpid);
	int st;

	(void)argc;
	(void)argv;
	rt_prog = "seccomp";
	c = SYS0(__NR_fork);
	if (c == 0) {
		struct xsc_ring_hdr *r = rt_ring();
		struct rt_xsc_counters k0, k1, k2, k3;
		long a, b, v, i;
		int bad = 0;

		/* no work: the fast path (audit=1 makes every call slow) */
		rt_xsc_counters(&k0);
		for (i = 0; i < 10; i++)
			SYS0(__NR_getppid);
		rt_xsc_counters(&k1);
		rt_printf("# child installing filter\n");
		if (SYS5(__NR_prctl, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0) ||
		    SYS3(__NR_seccomp, 1 /* SET_MODE_FILTER */, 0, &fp))
			rt_exit(10);
		rt_xsc_counters(&k2);
		for (i = 0; i < 10; i++)
			SYS0(__NR_getppid);
		rt_xsc_counters(&k3);
		rt_printf("# slow_calls: %ld of %ld without a filter, %ld of %ld with\n",
			  k1.slow_calls - k0.slow_calls, k1.ring_calls - k0.ring_calls,
			  k3.slow_calls - k2.slow_calls, k3.ring_calls - k2.ring_calls);
		if (k0.slow_calls < 0 || !(k1.slow_calls == k0.slow_calls ||
					   k1.slow_calls - k0.slow_calls ==
					   k1.ring_calls - k0.ring_calls) ||
		    k3.slow_calls - k2.slow_calls != k3.ring_calls - k2.ring_calls ||
		    k3.ring_calls - k2.ring_calls < 10)
			bad |= 8;
		a = SYS1(__NR_getppid, 0x1234);
		b = SYS1(__NR_getppid, 0);
		if (a != -77 || b != me)
			bad |= 1;
		/* in a batch: one SQE refused, its neighbour allowed */
		rt_sqe(r, 60)->nr = __NR_getppid;
		rt_sqe(r, 60)->args[0] = 0x1234;
		rt_sqe(r, 61)->nr = __NR_getppid;
		rt_sqe(r, 61)->args[0] = 0;
		v = rt_enter(60, 2);
		if (v != me || rt_cqe(r, 60)->res != -77 || rt_cqe(r, 61)->res != me)
			bad |= 2;
		rt_sigaction(SIGSYS, on_sigsys, 0);
		SYS0(__NR_getuid);
		if (trap_code != 1 /* SYS_SECCOMP */ || trap_nr != __NR_getuid)
			bad |= 4;
		if (bad)
			rt_exit(bad);
		SYS0(__NR_getgid);	/* killed here */
		rt_exit(20);
	}
	st = rt_wait(c, 0);
	rt_check((st & 0x7f) == SIGSYS,
		 "seccomp: RET_ERRNO per SQE and in a batch, RET_TRAP gives SYS_SECCOMP, RET_KILL_PROCESS kills; "
		 "slow_calls counts every SQE under a filter",
		 "status %x (exit code bits: 1 errno, 2 batch, 4 trap, 8 slow_calls, 10 setup)", st);

	c = SYS0(__NR_fork);
	if (c == 0)
		rt_exit(emulate_child());
	st = rt_wait(c, 0);
	rt_check(st == 0,
		 "a SIGSYS handler emulates RET_TRAP'd ring calls: it sees nr and the SQE's arguments, "
		 "rip = si_call_addr; its rax is the result, alone and in a batch; rdx, r8-r10 kept",
		 "status %x (bits: 1/2 context, 4 single, 8 result, 16 registers, 32 batch, 64 count)",
		 st);
	return rt_done();
}
