/*
 * Ring calls pass seccomp: a filter sees nr, arch and arguments of each
 * SQE; SECCOMP_RET_ERRNO sets the CQE, SECCOMP_RET_TRAP sends a
 * SYS_SECCOMP SIGSYS, SECCOMP_RET_KILL_PROCESS kills. With a filter every
 * SQE takes the full entry work (slow_calls in /proc/self/xsc).
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
	return rt_done();
}
