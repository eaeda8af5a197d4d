/*
 * Ring calls produce ptrace syscall stops: the tracer sees the number and
 * the SQE arguments at entry and the result at exit, and a tracer that
 * changes the number at entry changes the call. At a signal-delivery stop
 * of a task blocked in a ring call the tracer sees the instruction's
 * orig_rax/rax convention, and what it leaves in the registers decides:
 * orig_rax = -1 and a new rip run its own function (gdb's call, an
 * injector), restoring the saved registers restarts the call. A hardware
 * breakpoint right after the entry call is not skipped.
 */
#include "../lib/rt.h"


struct uregs {
	unsigned long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi,
		rdi, orig_rax, rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;
};

#define PTRACE_TRACEME	0
#define PTRACE_POKEUSER	6
#define PTRACE_CONT	7
#define PTRACE_GETREGS	12
#define PTRACE_SETREGS	13
#define USER_DR(n)	(848 + 8 * (n))	/* offsetof(struct user, u_debugreg[n]) */
#define ERESTARTSYS_	512

static int pfd[2];
static volatile long inj_a, inj_pid;

static void tracee_start(void)
{
	SYS4(__NR_ptrace, PTRACE_TRACEME, 0, 0, 0);
	SYS2(__NR_kill, SYS0(__NR_getpid), SIGSTOP);
}

/* what a tracer calls in the stopped task */
static void injected(long a, long b)
{
	rt_exit(a == 0x1111 && b == 0x2222 ? 42 : 43);
}

static void injected_trap(long a)
{
	inj_a = a;
	inj_pid = SYS0(__NR_getpid);	/* a ring call meanwhile */
	__asm__ volatile("int3");
	for (;;)
		;
}

/* blocked in a ring read until the tracer writes; 0 if all went right */
static int reader(void)
{
	char b = 0;
	long r;

	tracee_start();
	r = SYS3(__NR_read, pfd[0], &b, 1);
	return r == 1 && b == 'x' ? (inj_a == 5 && inj_pid == SYS0(__NR_getpid) ? 0 : 2) : 1;
}

/* the next stop or exit of pid; a tracee that shows neither in 20 s is killed */
static int wait_timed(long pid)
{
	long t0 = rt_now_ns();
	int st;

	while (rt_now_ns() - t0 < 20000000000L) {
		st = -1;
		if (SYS4(__NR_wait4, pid, &st, 1 /* WNOHANG */, 0) == pid)
			return st;
		rt_sleep_ms(20);
	}
	rt_printf("# tracee %ld hangs: killed\n", pid);
	SYS2(__NR_kill, pid, 9);
	rt_wait(pid, 0);
	return -1;
}

/* wait for pid to end, going on past stops; -1 if it hung and was killed */
static int wait_or_kill(long pid)
{
	int st;

	while ((st = wait_timed(pid)) != -1 && (st & 0xff) == 0x7f)
		SYS4(__NR_ptrace, PTRACE_CONT, pid, 0, 0);	/* an unexpected stop */
	return st;
}

static void wait_sleeping(long pid)
{
	char path[64], st[256];
	long t0 = rt_now_ns();

	rt_format(path, sizeof(path), "/proc/%ld/stat", pid);
	while (rt_now_ns() - t0 < 5000000000L) {
		if (rt_read_file(path, st, sizeof(st)) > 0 && rt_contains(st, ") S "))
			break;
		rt_sleep_ms(20);
	}
	rt_sleep_ms(50);
}

/* to the SIGUSR1 signal-delivery stop of a reader blocked in read */
static long reader_at_stop(struct uregs *u, int *conv)
{
	long c;
	int st;

	SYS1(__NR_pipe, pfd);
	c = SYS0(__NR_fork);
	if (c == 0)
		rt_exit(reader());
	rt_wait(c, 0);				/* SIGSTOP */
	SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
	wait_sleeping(c);
	SYS2(__NR_kill, c, SIGUSR1);
	st = wait_timed(c);
	SYS4(__NR_ptrace, PTRACE_GETREGS, c, 0, u);
	*conv = (st & 0xff) == 0x7f && ((st >> 8) & 0xff) == SIGUSR1 &&
		u->orig_rax == __NR_read && u->rax == (unsigned long)-ERESTARTSYS_;
	if (!*conv)
		rt_printf("# stop: status %x orig_rax %lx rax %lx\n", st, u->orig_rax, u->rax);
	return c;
}

static void tracer_restart_tests(void)
{
	struct uregs u, saved;
	long c;
	int st, conv;

	/* 1. gdb's call / an injector: new rip, rdi, rsi, orig_rax = -1 */
	c = reader_at_stop(&u, &conv);
	rt_check(conv, "signal-delivery stop in a ring read: orig_rax = read, rax = -ERESTARTSYS", "");
	u.rip = (unsigned long)injected;
	u.rdi = 0x1111;
	u.rsi = 0x2222;
	u.orig_rax = (unsigned long)-1;
	u.rsp = ((u.rsp - 512) & ~15UL) - 8;
	SYS4(__NR_ptrace, PTRACE_SETREGS, c, 0, &u);
	SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
	SYS3(__NR_write, pfd[1], "x", 1);	/* a wrongly restarted read ends too */
	st = wait_or_kill(c);
	rt_check(((st >> 8) & 0xff) == 42 && (st & 0x7f) == 0,
		 "a tracer's rip/rdi/rsi with orig_rax = -1 win over the pending restart",
		 "status %x (43: the function got other arguments)", st);
	SYS1(__NR_close, pfd[0]);
	SYS1(__NR_close, pfd[1]);

	/* 2. the call, then the saved registers back: the read restarts */
	c = reader_at_stop(&u, &conv);
	saved = u;
	u.rip = (unsigned long)injected_trap;
	u.rdi = 5;
	u.orig_rax = (unsigned long)-1;
	u.rsp = ((u.rsp - 512) & ~15UL) - 8;
	SYS4(__NR_ptrace, PTRACE_SETREGS, c, 0, &u);
	SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
	st = wait_timed(c);
	conv &= (st & 0xff) == 0x7f && ((st >> 8) & 0xff) == SIGTRAP;
	SYS4(__NR_ptrace, PTRACE_SETREGS, c, 0, &saved);
	SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
	wait_sleeping(c);
	SYS3(__NR_write, pfd[1], "x", 1);
	st = wait_or_kill(c);
	rt_check(conv && st == 0,
		 "the injected function ran (with a ring call), the restored registers restart the read",
		 "status %x (exit 1: read, 2: the function)", st);
	SYS1(__NR_close, pfd[0]);
	SYS1(__NR_close, pfd[1]);
}

/* ---- a hardware breakpoint right after the entry call ---- */
void rf_probe(void);
extern char rf_after[];
__asm__(".text\n"
	"rf_probe:\n"
	"	xorl %edi, %edi\n"
	"	xorl %esi, %esi\n"
	"	call *rt_entry(%rip)\n"
	"rf_after:\n"
	"	nop\n"
	"	ret\n");

static void breakpoint_test(void)
{
	struct uregs u;
	long c;
	int st, hit;

	c = SYS0(__NR_fork);
	if (c == 0) {
		tracee_start();
		rf_probe();
		rt_exit(0);
	}
	rt_wait(c, 0);
	SYS4(__NR_ptrace, PTRACE_POKEUSER, c, USER_DR(0), rf_after);
	SYS4(__NR_ptrace, PTRACE_POKEUSER, c, USER_DR(7), 1);	/* L0, execute, 1 byte */
	SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
	st = wait_timed(c);
	SYS4(__NR_ptrace, PTRACE_GETREGS, c, 0, &u);
	hit = (st & 0xff) == 0x7f && ((st >> 8) & 0xff) == SIGTRAP && u.rip == (unsigned long)rf_after;
	if ((st & 0xff) == 0x7f) {
		SYS4(__NR_ptrace, PTRACE_POKEUSER, c, USER_DR(7), 0);
		SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
		st = wait_or_kill(c);
	}
	rt_check(hit && st == 0, "a hardware breakpoint on the instruction after the entry call fires",
		 "rip %lx, want %lx; status %x", u.rip, (unsigned long)rf_after, st);
}

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
	tracer_restart_tests();
	breakpoint_test();
	return rt_done();
}
