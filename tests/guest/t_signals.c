/*
 * Signals and restart of ring calls behave as with the instruction:
 * SA_RESTART restarts, no SA_RESTART gives -EINTR, SIGSTOP/SIGCONT
 * restarts transparently (restart_syscall for nanosleep), an interrupted
 * nanosleep reports the time left, handlers make ring calls themselves,
 * a batch interrupted in its middle completes after the handler.
 */
#include "../lib/rt.h"

#define WUNTRACED 2

static volatile int hits;
static volatile long handler_pid;
static char altstack[16384];
static volatile int on_alt;

static void on_sig(int sig, void *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	hits++;
	handler_pid = SYS0(__NR_getpid);	/* a ring call inside the handler */
}

static void on_alt_sig(int sig, void *si, void *uc)
{
	char here;

	(void)sig;
	(void)si;
	(void)uc;
	on_alt = &here >= altstack && &here < altstack + sizeof(altstack);
	hits++;
}

/*
 * A restorer of our own that submits rt_sigreturn as an SQE: the kernel
 * finds the signal frame at the caller's stack pointer (the entry's
 * return address popped), so the call must be the first stack use.
 */
__asm__(".text\n"
	"sqe_restorer:\n"
	"	movq %fs:8, %rax\n"		/* ring */
	"	movl 16(%rax), %ecx\n"		/* sqes_off */
	"	addq %rcx, %rax\n"
	"	addq $(200 * 64), %rax\n"	/* slot 200 */
	"	movq $15, (%rax)\n"		/* __NR_rt_sigreturn */
	"	movl $200, %edi\n"
	"	movl $1, %esi\n"
	"	call *rt_entry(%rip)\n"
	"	ud2\n");
extern char sqe_restorer[];

static void sqe_sigreturn_test(void)
{
	struct {
		void (*handler)(int, void *, void *);
		unsigned long flags, restorer, mask;
	} act = { on_sig, SA_RESTORER_ | SA_SIGINFO_, (unsigned long)sqe_restorer, 0 };
	long before = 0x1234567, after;

	SYS4(__NR_rt_sigaction, SIGUSR2, &act, 0, 8);
	hits = 0;
	__asm__ volatile("" : "+r"(before));
	SYS2(__NR_kill, SYS0(__NR_getpid), SIGUSR2);
	after = before;
	rt_check(hits == 1 && after == 0x1234567,
		 "rt_sigreturn submitted as an SQE returns to the interrupted code", "hits=%d", hits);
}

/* child: after ms1 signal the parent, after ms2 more write one byte */
static long poke_later(int sig, long ms1, long ms2, int fd, char c)
{
	long parent = SYS0(__NR_getpid);
	long pid = SYS0(__NR_fork);

	if (pid == 0) {
		rt_sleep_ms(ms1);
		SYS2(__NR_kill, parent, sig);
		rt_sleep_ms(ms2);
		SYS3(__NR_write, fd, &c, 1);
		rt_exit(0);
	}
	return pid;
}

static void restart_tests(void)
{
	struct xsc_ring_hdr *r = rt_ring();
	int p[2];
	char c = 0;
	long v, pid, me = SYS0(__NR_getpid), parent = SYS0(__NR_getppid);

	SYS2(__NR_pipe2, p, 0);

	rt_sigaction(SIGUSR1, on_sig, SA_RESTART_);
	hits = 0;
	pid = poke_later(SIGUSR1, 300, 300, p[1], 'x');
	v = SYS3(__NR_read, p[0], &c, 1);
	rt_wait(pid, 0);
	rt_check(v == 1 && c == 'x' && hits == 1 && handler_pid == me,
		 "SA_RESTART: blocking read restarts after the handler, which made a ring call",
		 "read=%ld c=%c hits=%d", v, c, hits);

	rt_sigaction(SIGUSR1, on_sig, 0);
	hits = 0;
	pid = poke_later(SIGUSR1, 300, 300, p[1], 'y');
	rt_sqe(r, 100)->nr = __NR_read;
	rt_sqe(r, 100)->args[0] = p[0];
	rt_sqe(r, 100)->args[1] = (long)&c;
	rt_sqe(r, 100)->args[2] = 1;
	rt_sqe(r, 100)->user_data = 4242;
	v = rt_enter(100, 1);
	rt_check(v == -EINTR && rt_cqe(r, 100)->res == -EINTR &&
		 rt_cqe(r, 100)->user_data == 4242 && hits == 1,
		 "no SA_RESTART: -EINTR in rax and in the CQE", "rax=%ld cqe=%ld hits=%d", v,
		 (long)rt_cqe(r, 100)->res, hits);
	v = SYS3(__NR_read, p[0], &c, 1);
	rt_wait(pid, 0);
	rt_check(v == 1 && c == 'y', "the next read gets the byte", "%ld", v);

	/* a batch whose middle SQE blocks and is interrupted */
	rt_sigaction(SIGUSR1, on_sig, SA_RESTART_);
	hits = 0;
	pid = poke_later(SIGUSR1, 300, 300, p[1], 'z');
	rt_sqe(r, 120)->nr = __NR_getpid;
	rt_sqe(r, 121)->nr = __NR_read;
	rt_sqe(r, 121)->args[0] = p[0];
	rt_sqe(r, 121)->args[1] = (long)&c;
	rt_sqe(r, 121)->args[2] = 1;
	rt_sqe(r, 122)->nr = __NR_getppid;
	v = rt_enter(120, 3);
	rt_wait(pid, 0);
	rt_check(v == parent && rt_cqe(r, 120)->res == me && rt_cqe(r, 121)->res == 1 &&
		 c == 'z' && rt_cqe(r, 122)->res == parent && hits == 1,
		 "batch interrupted in its middle completes after the handler",
		 "rax=%ld cqe=%ld,%ld,%ld hits=%d", v, (long)rt_cqe(r, 120)->res,
		 (long)rt_cqe(r, 121)->res, (long)rt_cqe(r, 122)->res, hits);

	/* the same batch without SA_RESTART: the middle is -EINTR, the rest runs */
	rt_sigaction(SIGUSR1, on_sig, 0);
	hits = 0;
	pid = poke_later(SIGUSR1, 300, 300, p[1], 'w');
	v = rt_enter(120, 3);
	rt_check(v == parent && rt_cqe(r, 120)->res == me && rt_cqe(r, 121)->res == -EINTR &&
		 rt_cqe(r, 122)->res == parent && hits == 1,
		 "batch without SA_RESTART: -EINTR for the interrupted SQE, the rest runs",
		 "rax=%ld cqe=%ld,%ld,%ld", v, (long)rt_cqe(r, 120)->res,
		 (long)rt_cqe(r, 121)->res, (long)rt_cqe(r, 122)->res);
	rt_wait(pid, 0);
	SYS3(__NR_read, p[0], &c, 1);

	SYS1(__NR_close, p[0]);
	SYS1(__NR_close, p[1]);
}

static void nanosleep_tests(void)
{
	long req[2] = { 3, 0 }, rem[2] = { -1, -1 }, v, t0, t1, pid;
	int st;

	rt_sigaction(SIGALRM, on_sig, SA_RESTART_);
	hits = 0;
	SYS1(__NR_alarm, 1);
	v = SYS2(__NR_nanosleep, req, rem);
	rt_check(v == -EINTR && hits == 1 && rem[0] >= 1 && rem[0] <= 2,
		 "interrupted nanosleep: -EINTR even with SA_RESTART, remaining time reported",
		 "ret=%ld rem=%ld.%ld", v, rem[0], rem[1]);

	hits = 0;
	SYS1(__NR_alarm, 1);
	v = SYS0(__NR_pause);
	rt_check(v == -EINTR && hits == 1, "pause returns -EINTR after the handler", "%ld", v);

	/* SIGSTOP/SIGCONT: nanosleep resumes through restart_syscall */
	pid = SYS0(__NR_fork);
	if (pid == 0) {
		long one[2] = { 1, 0 };

		t0 = rt_now_ns();
		v = SYS2(__NR_nanosleep, one, 0);
		t1 = rt_now_ns();
		rt_exit(v == 0 && t1 - t0 >= 1000000000L ? 0 : 1);
	}
	rt_sleep_ms(300);
	SYS2(__NR_kill, pid, SIGSTOP);
	st = rt_wait(pid, WUNTRACED);
	rt_sleep_ms(200);
	SYS2(__NR_kill, pid, SIGCONT);
	rt_check((st & 0xff) == 0x7f, "SIGSTOP stops a task sleeping in a ring call", "%x", st);
	st = rt_wait(pid, 0);
	rt_check(st == 0, "after SIGCONT the nanosleep completes in full, returning 0", "%x", st);

	/* SIGSTOP/SIGCONT on a blocking read */
	{
		int p[2];
		char c = 'q';

		SYS2(__NR_pipe2, p, 0);
		pid = SYS0(__NR_fork);
		if (pid == 0) {
			char d = 0;

			v = SYS3(__NR_read, p[0], &d, 1);
			rt_exit(v == 1 && d == 'q' ? 0 : 1);
		}
		rt_sleep_ms(300);
		SYS2(__NR_kill, pid, SIGSTOP);
		rt_wait(pid, WUNTRACED);
		SYS2(__NR_kill, pid, SIGCONT);
		rt_sleep_ms(100);
		SYS3(__NR_write, p[1], &c, 1);
		st = rt_wait(pid, 0);
		rt_check(st == 0, "SIGSTOP/SIGCONT: a blocking read restarts transparently", "%x", st);
		SYS1(__NR_close, p[0]);
		SYS1(__NR_close, p[1]);
	}
}

static void mask_and_altstack(void)
{
	unsigned long set = 1UL << (SIGUSR2 - 1), pending = 0;
	struct {
		void *sp;
		int flags;
		size_t size;
	} ss = { altstack, 0, sizeof(altstack) };
	long v;

	v = SYS2(__NR_sigaltstack, &ss, 0);
	rt_sigaction(SIGUSR2, on_alt_sig, SA_ONSTACK_);
	hits = 0;
	SYS4(__NR_rt_sigprocmask, 0 /* SIG_BLOCK */, &set, 0, 8);
	SYS2(__NR_kill, SYS0(__NR_getpid), SIGUSR2);
	SYS2(__NR_rt_sigpending, &pending, 8);
	rt_check(v == 0 && hits == 0 && (pending & set),
		 "rt_sigprocmask blocks, rt_sigpending shows the signal", "hits=%d pending=%lx", hits,
		 pending);
	SYS4(__NR_rt_sigprocmask, 1 /* SIG_UNBLOCK */, &set, 0, 8);
	rt_check(hits == 1 && on_alt, "unblocked: delivered, handler ran on the sigaltstack",
		 "hits=%d on_alt=%d", hits, on_alt);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	rt_prog = "signals";
	restart_tests();
	nanosleep_tests();
	mask_and_altstack();
	sqe_sigreturn_test();
	return rt_done();
}
