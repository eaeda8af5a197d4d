/*
 * Bad input harms only the task that gives it: a ring the task unmapped
 * gives -EFAULT, an entry with an unreadable stack gives SIGSEGV, garbage
 * SQEs give errors, another process's ring is out of reach.
 */
#include "../lib/rt.h"

#define SIGILL 4

static unsigned long lcg = 12345;

static unsigned long rnd(void)
{
	lcg = lcg * 6364136223846793005UL + 1442695040888963407UL;
	return lcg >> 17;
}

int main(int argc, char **argv)
{
	struct xsc_ring_hdr *r = rt_ring();
	long c, v, me = SYS0(__NR_getpid);
	int st, i, ok;

	(void)argc;
	(void)argv;
	rt_prog = "bad";

	/* 1. the task unmaps its own ring: the entry answers -EFAULT; the
	 * child can make no call any more, so it reports by how it dies */
	c = SYS0(__NR_fork);
	if (c == 0) {
		SYS2(__NR_munmap, r, XSC_RING_SIZE);
		v = rt_enter(0, 1);
		if (v == -EFAULT)
			*(volatile int *)0 = 1;		/* SIGSEGV: expected */
		__builtin_trap();			/* SIGILL: wrong answer */
	}
	st = rt_wait(c, 0);
	rt_check((st & 0x7f) == SIGSEGV, "entry with the task's ring unmapped returns -EFAULT",
		 "status %x (SIGILL 4: another answer)", st);

	/* 2. entry with a stack pointer the kernel cannot read: SIGSEGV */
	c = SYS0(__NR_fork);
	if (c == 0) {
		__asm__ volatile("movq $16, %%rsp\n\tjmp *%0" : : "m"(rt_entry));
		__builtin_unreachable();
	}
	st = rt_wait(c, 0);
	rt_check((st & 0x7f) == SIGSEGV, "entry with an unreadable stack gives SIGSEGV", "status %x", st);

	/* 3. a load from the doorbell address outside the entry page is an
	 * ordinary fault */
	c = SYS0(__NR_fork);
	if (c == 0) {
		v = *(volatile long *)0xffffffffffe00000UL;
		rt_exit((int)v);
	}
	st = rt_wait(c, 0);
	rt_check((st & 0x7f) == SIGSEGV, "the doorbell address loaded from elsewhere is a plain SIGSEGV",
		 "status %x", st);

	/* 4. garbage SQEs: numbers outside the table and random arguments to
	 * calls that only read or fail: errors, never a kernel problem */
	ok = 1;
	for (i = 0; i < 2000; i++) {
		static const long safe[] = { __NR_getpid, __NR_fstat, __NR_getcwd, __NR_uname,
					     __NR_getrusage, __NR_sysinfo, __NR_times,
					     __NR_getgroups, __NR_sched_getaffinity, __NR_newfstatat };
		unsigned int slot = 128 + (i & 127);
		struct xsc_sqe *q = rt_sqe(r, slot);
		int k;

		q->nr = (i & 1) ? (long)(1000 + rnd() % 100000) : safe[rnd() % 10];
		for (k = 0; k < 6; k++)
			q->args[k] = (rnd() & 1) ? rnd() : (unsigned long)-(long)(rnd() & 0xfff);
		q->user_data = (unsigned long)i;
		v = rt_enter(slot, 1);
		ok &= rt_cqe(r, slot)->user_data == (unsigned long)i && rt_cqe(r, slot)->res == v;
		if ((i & 1) && v != -38)
			ok = 0;
	}
	rt_check(ok && SYS0(__NR_getpid) == me, "2000 garbage SQEs: -ENOSYS or errors, CQEs in place", "");

	/* 5. another process's ring is out of reach: a child fills its ring,
	 * the parent's at the same address does not change */
	rt_sqe(r, 9)->user_data = 1111;
	c = SYS0(__NR_fork);
	if (c == 0) {
		rt_sqe(r, 9)->user_data = 2222;
		rt_exit(rt_enter(9, 1) >= 0 ? 0 : 1);
	}
	st = rt_wait(c, 0);
	rt_check(st == 0 && rt_sqe(r, 9)->user_data == 1111,
		 "a child's ring writes never reach the parent's ring", "status %x", st);
	return rt_done();
}
