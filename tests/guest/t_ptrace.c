/*
 * Ring calls produce ptrace syscall stops: the tracer sees the number and
 * the SQE arguments at entry and the result at exit, and a tracer that
 * changes the number at entry changes the call.
 */
#include "../lib/rt.h"


struct uregs {
	unsigned long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi,
		rdi, orig_rax, rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;
};

int main(int argc, char **argv)
{
	long c, v;
	int st, entry_seen = 0, exit_seen = 0, changed = 0, stops = 0, in_call = 0;
	struct uregs u;

	(void)argc;
	(void)argv;
	rt_prog = "ptrace";
	c = SYS0(__NR_fork);
	if (c == 0) {
		long me;

		SYS4(__NR_ptrace, 0 /* TRACEME */, 0, 0, 0);
		SYS2(__NR_kill, SYS0(__NR_getpid), SIGSTOP);
		SYS3(__NR_write, -1, 0x1234, 0x42);
		me = SYS0(__NR_getpid);
		/* the tracer turns this getppid into getpid */
		v = SYS1(__NR_getppid, 0x777);
		rt_exit(v == me ? 0 : 3);
	}
	st = rt_wait(c, 0x40000000 /* __WALL */);
	SYS4(__NR_ptrace, 0x4200 /* SETOPTIONS */, c, 0, 1 /* TRACESYSGOOD */);
	while (stops < 200) {
		SYS4(__NR_ptrace, 24 /* SYSCALL */, c, 0, 0);
		st = rt_wait(c, 0x40000000 /* __WALL */);
		if ((st & 0x7f) != 0x7f)
			break;		/* exited */
		if (((st >> 8) & 0xff) != (SIGTRAP | 0x80))
			continue;
		stops++;
		SYS4(__NR_ptrace, 12 /* GETREGS */, c, 0, &u);
		in_call = !in_call;
		if (in_call && u.orig_rax == __NR_write && u.rdi == (unsigned long)-1 &&
		    u.rsi == 0x1234 && u.rdx == 0x42 && u.rax == (unsigned long)-ENOSYS)
			entry_seen = 1;
		if (!in_call && u.orig_rax == __NR_write && u.rax == (unsigned long)-EBADF)
			exit_seen = 1;
		if (in_call && u.orig_rax == __NR_getppid && u.rdi == 0x777) {
			u.orig_rax = __NR_getpid;
			SYS4(__NR_ptrace, 13 /* SETREGS */, c, 0, &u);
			changed = 1;
		}
	}
	rt_check(entry_seen, "syscall-entry stop shows nr and SQE arguments", "stops=%d", stops);
	rt_check(exit_seen, "syscall-exit stop shows the result", "");
	rt_check(changed && (st & 0xffff) == 0, "a tracer's change of nr at entry changes the call",
		 "status %x", st);
	return rt_done();
}
