/*
 * Ring fuzzer for make check-full (the sanitizer kernel runs it): for
 * SECONDS, unprivileged workers (uid 1000, rlimits, a process group of
 * their own, their output closed) submit random SQEs with random and
 * hostile arguments in random batches, call the entry with bad slots and
 * counts, make their rings read-only or unmap them, scribble into another
 * thread's ring while it runs, put exit, exit_group, execve, rt_sigreturn
 * and clone in the middle of batches, and take a timer signal every 200
 * microseconds whose handler makes ring calls itself. A worker may die any
 * way it likes; the kernel must not: the harness fails the boot on any
 * Oops, BUG, WARNING, KASAN, UBSAN, KFENCE or lockdep report, and this
 * program checks at the end that no worker is left and that the kernel
 * still answers.
 *
 *   t_fuzz [SECONDS [SEED]]
 */
#include "../lib/rt.h"

#define WORKER_MS	1500	/* a worker's life before it is killed */
#define NSLOT_BATCH	8

/* what the kernel counted for the workers (/proc/<pid>/xsc, read as zombies) */
static long calls, entries;
static unsigned long seed;
static char buf[8192] __attribute__((aligned(4096)));
static char tstack[2][65536] __attribute__((aligned(16)));
static struct rt_tls ttls[2];
static volatile struct xsc_ring_hdr *rings[3];	/* main, thread 0, thread 1 */

static unsigned long rnd(void)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return seed >> 11;
}

/* a hostile argument */
static unsigned long arg(void)
{
	switch (rnd() % 14) {
	case 0: return 0;
	case 1: return 1;
	case 2: return (unsigned long)-1;
	case 3: return rnd() % 64;			/* fds, small sizes, flags */
	case 4: return rnd() << 11 ^ rnd();		/* anything */
	case 5: return 0xffffffff81000000UL;		/* kernel text */
	case 6: return 0xffff888000000000UL + (rnd() % 0x10000000);	/* direct map */
	case 7: return (unsigned long)rings[rnd() % 3] + rnd() % XSC_RING_SIZE;
	case 8: return (unsigned long)buf + rnd() % sizeof(buf);
	case 9: return (unsigned long)buf + sizeof(buf) - 1;	/* at an edge */
	case 10: return 0x10000;			/* unmapped */
	case 11: return 0xffffffffffe00000UL;		/* the doorbell address */
	case 12: return rnd() % 4096;
	default: return (unsigned long)(long)-(long)(rnd() % 4096);	/* -errno-like */
	}
}

/* a call number: mostly real calls, some nonsense */
static unsigned long callnr(void)
{
	static const unsigned short common[] = {
		__NR_read, __NR_write, __NR_openat, __NR_close, __NR_fstat, __NR_lseek,
		__NR_mmap, __NR_mprotect, __NR_munmap, __NR_brk, __NR_rt_sigaction,
		__NR_rt_sigprocmask, __NR_ioctl, __NR_pread64, __NR_readv, __NR_writev,
		__NR_pipe2, __NR_dup, __NR_dup3, __NR_nanosleep, __NR_getpid, __NR_gettid,
		__NR_futex, __NR_clock_gettime, __NR_clock_nanosleep, __NR_mremap,
		__NR_madvise, __NR_getdents64, __NR_fcntl, __NR_socket, __NR_socketpair,
		__NR_sendmsg, __NR_recvmsg, __NR_epoll_create1, __NR_epoll_ctl,
		__NR_epoll_wait, __NR_eventfd2, __NR_timerfd_create, __NR_signalfd4,
		__NR_prctl, __NR_arch_prctl, __NR_sched_yield, __NR_getrusage, __NR_uname,
		__NR_poll, __NR_select, __NR_wait4, __NR_kill, __NR_tgkill, __NR_getppid,
		__NR_set_tid_address, __NR_restart_syscall, __NR_memfd_create,
		__NR_io_uring_setup, __NR_sigaltstack, __NR_rseq, __NR_membarrier,
	};
	unsigned int r = (unsigned int)(rnd() % 1000);

	if (r < 3)
		return __NR_exit;
	if (r < 5)
		return __NR_exit_group;
	if (r < 8)
		return __NR_execve;
	if (r < 11)
		return __NR_rt_sigreturn;
	if (r < 16)
		return __NR_clone;
	if (r < 20)
		return __NR_fork;
	if (r < 60)
		return rnd() % 460;			/* any number */
	if (r < 70)
		return rnd() << 20 ^ rnd();		/* 64-bit garbage */
	return common[rnd() % (sizeof(common) / sizeof(common[0]))];
}

static void fill(struct xsc_sqe *q)
{
	int a;

	q->nr = callnr();
	for (a = 0; a < 6; a++)
		q->args[a] = arg();
	if (q->nr == __NR_execve && rnd() % 2) {
		static char *const hello[] = { "/xsc/t_hello", "3", 0 };

		q->args[0] = (unsigned long)hello[0];
		q->args[1] = (unsigned long)hello;
		q->args[2] = 0;
	}
	if (q->nr == __NR_nanosleep || q->nr == __NR_clock_nanosleep)
		q->args[1] = 0;	/* short: a few ms at most, or EFAULT/EINVAL */
	q->user_data = rnd();
}

static void on_timer(int sig, void *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	SYS0(__NR_getppid);	/* a ring call on the interrupted ring */
}

static void one_op(void)
{
	struct xsc_ring_hdr *r = rt_ring();
	unsigned int k = (unsigned int)(rnd() % 100), first, n, i;

	if (k < 70) {				/* a random batch */
		first = (unsigned int)(rnd() % XSC_RING_ENTRIES);
		n = 1 + (unsigned int)(rnd() % NSLOT_BATCH);
		for (i = 0; i < n; i++)
			fill(rt_sqe(r, (first + i) & (XSC_RING_ENTRIES - 1)));
		rt_enter(first, n);
	} else if (k < 80) {			/* bad runs */
		rt_enter((unsigned int)(rnd() % 600), (unsigned int)(rnd() % 600));
	} else if (k < 85) {			/* CQEs the kernel cannot write */
		char *cq = (char *)r + XSC_RING_CQES_OFF;

		SYS3(__NR_mprotect, cq, XSC_RING_SIZE - XSC_RING_CQES_OFF, 1 /* PROT_READ */);
		rt_enter(200, 4);
		/* the SQE pages are still writable: this call runs (-EFAULT) */
		SYS3(__NR_mprotect, cq, XSC_RING_SIZE - XSC_RING_CQES_OFF, 3);
	} else if (k < 86) {			/* no ring at all */
		SYS2(__NR_munmap, (char *)r + 4096 * (rnd() % 6), 4096);
		rt_enter(0, 1);
	} else if (k < 93) {			/* signals at the worst moment */
		SYS3(__NR_tgkill, SYS0(__NR_getpid), SYS0(__NR_gettid),
		     (rnd() % 2) ? SIGALRM : SIGUSR1);
	} else {				/* the vDSO fallback path */
		struct __kernel_timespec ts;

		SYS2(__NR_clock_gettime, 2 /* CLOCK_PROCESS_CPUTIME_ID */, &ts);
	}
}

/* a thread: its own random calls, and garbage in the other rings */
static int thread_main(void *targ)
{
	long i = (long)targ;

	unsigned long none = 0;

	ttls[i].ring = (struct xsc_ring_hdr *)rt_enter(0, 0);
	rings[1 + i] = ttls[i].ring;
	/* born with signals blocked: a handler here needs the ring first */
	SYS4(__NR_rt_sigprocmask, 2 /* SIG_SETMASK */, &none, 0, 8);
	for (;;) {
		volatile struct xsc_ring_hdr *o = rings[rnd() % 3];

		if (o && rnd() % 4 == 0)
			((volatile unsigned long *)o)[rnd() % (XSC_RING_SIZE / 8)] = arg();
		one_op();
	}
	return 0;
}

static void worker(void)
{
	unsigned long fl = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			   CLONE_SYSVSEM | CLONE_SETTLS;
	long lim[2];
	long it[4] = { 0, 200, 0, 200 };	/* ITIMER_REAL every 200 us */
	unsigned long all = ~0UL, old;
	int i, n;

	SYS2(__NR_setpgid, 0, 0);
	lim[0] = lim[1] = 64;
	SYS2(__NR_setrlimit, 6 /* RLIMIT_NPROC */, lim);
	lim[0] = lim[1] = 256L << 20;
	SYS2(__NR_setrlimit, 9 /* RLIMIT_AS */, lim);
	lim[0] = lim[1] = 65536;
	SYS2(__NR_setrlimit, 1 /* RLIMIT_FSIZE */, lim);
	lim[0] = lim[1] = 0;
	SYS2(__NR_setrlimit, 4 /* RLIMIT_CORE */, lim);
	for (i = 0; i < 3; i++)
		SYS1(__NR_close, i);
	SYS3(__NR_setresgid, 1000, 1000, 1000);
	SYS3(__NR_setresuid, 1000, 1000, 1000);
	rings[0] = rt_ring();
	rt_sigaction(SIGALRM, on_timer, (rnd() % 2) ? SA_RESTART_ : 0);
	rt_sigaction(SIGUSR1, on_timer, SA_RESTART_);
	SYS3(__NR_setitimer, 0 /* ITIMER_REAL */, it, 0);
	n = (int)(rnd() % 3);
	SYS4(__NR_rt_sigprocmask, 2 /* SIG_SETMASK */, &all, &old, 8);
	for (i = 0; i < n; i++) {
		ttls[i].self = &ttls[i];
		rt_clone(fl, tstack[i] + sizeof(tstack[i]), 0, 0, &ttls[i], thread_main,
			 (void *)(long)i);
	}
	SYS4(__NR_rt_sigprocmask, 2 /* SIG_SETMASK */, &old, 0, 8);
	for (;;)
		one_op();
}

/* processes of uid 1000 still alive (/proc/N/status); each gets SIGKILL */
static int workers_left(void)
{
	static char dents[8192];
	long fd = SYS4(__NR_openat, -100, "/proc", 0x10000 /* O_DIRECTORY */, 0), n;
	int left = 0;

	if (fd < 0)
		return -1;
	while ((n = SYS3(__NR_getdents64, fd, dents, sizeof(dents))) > 0) {
		for (long off = 0; off < n;) {
			unsigned short reclen = *(unsigned short *)(dents + off + 16);
			const char *name = dents + off + 19;
			char path[64], st[1024];

			off += reclen;
			if (name[0] < '1' || name[0] > '9')
				continue;
			rt_format(path, sizeof(path), "/proc/%s/status", name);
			if (rt_read_file(path, st, sizeof(st)) > 0 && rt_contains(st, "Uid:\t1000\t")) {
				long pid = 0;

				for (const char *p = name; *p >= '0' && *p <= '9'; p++)
					pid = pid * 10 + (*p - '0');
				SYS2(__NR_kill, pid, 9);	/* escaped its group: kill it too */
				left++;
			}
		}
	}
	SYS1(__NR_close, fd);
	return left;
}

/* print what each thread of a process that does not die is doing */
static void show_stuck(long pid)
{
	static const char *const what[] = { "stat", "status", "wchan", "syscall", "stack" };
	static char dents[4096];
	char path[96], text[2048];
	long fd, n;
	unsigned int i;

	rt_format(path, sizeof(path), "/proc/%ld/task", pid);
	fd = SYS4(__NR_openat, -100, path, 0x10000 /* O_DIRECTORY */, 0);
	while (fd >= 0 && (n = SYS3(__NR_getdents64, fd, dents, sizeof(dents))) > 0) {
		for (long off = 0; off < n;) {
			const char *tid = dents + off + 19;

			off += *(unsigned short *)(dents + off + 16);
			if (tid[0] < '1' || tid[0] > '9')
				continue;
			for (i = 0; i < sizeof(what) / sizeof(what[0]); i++) {
				rt_format(path, sizeof(path), "/proc/%ld/task/%s/%s", pid, tid,
					  what[i]);
				if (rt_read_file(path, text, sizeof(text)) > 0)
					rt_printf("# stuck %ld/%s %s: %s\n", pid, tid, what[i], text);
			}
		}
	}
	if (fd >= 0)
		SYS1(__NR_close, fd);
}

/*
 * Wait for a worker: SIGKILL to its group after its time, then it must go
 * within 30 s. Its wait status, or -2 if it did not (it is left behind).
 */
static int workers_left(void);

static int reap(long c)
{
	long t0 = rt_now_ns(), killed = 0;
	int s, swept = 0;

	for (;;) {
		int si[32] = { 0 };

		/*
		 * Whatever has ended, without reaping it yet: the worker (a
		 * zombie: its counters can still be read), or a worker's thread
		 * that made us its tracer with PTRACE_TRACEME and now waits for
		 * us to reap it (__WALL), or an orphan.
		 */
		if (SYS5(__NR_waitid, 0 /* P_ALL */, 0, si,
			 4 | 1 | 0x01000000 | 0x40000000 /* WEXITED WNOHANG WNOWAIT __WALL */,
			 0) == 0 && si[4] > 0) {
			if (si[4] == c) {
				char path[64], st[512];

				rt_format(path, sizeof(path), "/proc/%ld/xsc", c);
				if (rt_read_file(path, st, sizeof(st)) > 0) {
					calls += rt_field(st, "ring_calls");
					entries += rt_field(st, "entries");
				}
				s = -1;
				SYS4(__NR_wait4, c, &s, 0x40000000 /* __WALL */, 0);
				return s;
			}
			SYS4(__NR_wait4, si[4], &s, 0x40000000, 0);
			continue;
		}
		if (!killed && rt_now_ns() - t0 > WORKER_MS * 1000000L) {
			SYS2(__NR_kill, -c, 9);
			SYS2(__NR_kill, c, 9);
			killed = rt_now_ns();
		}
		if (killed && rt_now_ns() - killed > 30000000000L) {
			/*
			 * A traced thread stays a zombie until its tracer reaps
			 * it, and the tracer may be another worker's escaped
			 * child: SIGKILL all of uid 1000 once, then 30 s more.
			 */
			if (!swept) {
				workers_left();
				swept = 1;
				killed = rt_now_ns();
				continue;
			}
			show_stuck(c);
			return -2;
		}
		rt_sleep_ms(20);
	}
}

/*
 * auditctl --backlog_wait_time 0: every crashing worker makes an audit
 * record; with audit on and no auditd the backlog fills, and a task that
 * logs then sleeps up to 60 s, uninterruptibly, before it may die.
 */
static void audit_no_wait(void)
{
	struct {
		unsigned int len;
		unsigned short type, flags;
		unsigned int seq, pid;
		unsigned int mask, enabled, failure, apid, rate, blimit, lost, backlog, version,
			wait, wait_actual;
	} m = { sizeof(m), 1001 /* AUDIT_SET */, 1, 1, 0, 0x20 /* BACKLOG_WAIT_TIME */,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	long fd = SYS3(__NR_socket, 16 /* AF_NETLINK */, 3 /* SOCK_RAW */, 9 /* AUDIT */);

	if (fd >= 0) {
		sys6(__NR_sendto, fd, (long)&m, sizeof(m), 0, 0, 0);
		SYS1(__NR_close, fd);
	}
}

int main(int argc, char **argv)
{
	long secs = 10, t_end, t_print, n = 0, dead[65] = { 0 }, v, stuck = 0;
	char st[512];
	int s, i, left;

	rt_prog = "fuzz";
	if (argc > 1) {
		secs = 0;
		for (const char *p = argv[1]; *p; p++)
			secs = secs * 10 + (*p - '0');
	}
	seed = 0x5eed;
	if (argc > 2)
		for (const char *p = argv[2]; *p; p++)
			seed = seed * 10 + (unsigned long)(*p - '0');
	rt_printf("# t_fuzz: %ld s, seed %lu\n", secs, seed);
	audit_no_wait();
	t_end = rt_now_ns() + secs * 1000000000L;
	t_print = rt_now_ns() + 30000000000L;
	while (rt_now_ns() < t_end) {
		long c;

		seed = seed * 31 + (unsigned long)n;
		c = SYS0(__NR_fork);
		if (c == 0) {
			worker();
			rt_exit(0);
		}
		n++;
		s = reap(c);
		if (s == -2)
			stuck++;
		else
			dead[(s & 0x7f) <= 64 ? (s & 0x7f) : 64]++;
		SYS2(__NR_kill, -c, 9);		/* what the worker forked */
		while (SYS4(__NR_wait4, -1, &s, 1 /* WNOHANG */, 0) > 0)
			;
		if (rt_now_ns() > t_print) {
			rt_printf("# fuzz: %ld s left, %ld workers, %ld ring calls\n",
				  (t_end - rt_now_ns()) / 1000000000L, n, calls);
			t_print += 30000000000L;
		}
	}
	/* stragglers: forked or cloned children of workers, reparented to us */
	rt_sleep_ms(200);
	while (SYS4(__NR_wait4, -1, &s, 1, 0) > 0)
		;
	rt_printf("# %ld workers, %ld ring calls in %ld kernel entries (their /proc/<pid>/xsc)\n",
		  n, calls, entries);
	rt_printf("# how workers ended (signal: count):");
	for (i = 0; i <= 64; i++)
		if (dead[i])
			rt_printf(" %d:%ld", i, dead[i]);
	rt_printf("\n");
	rt_check(n > 0 && calls > 0, "workers ran and made ring calls", "%ld workers", n);
	rt_check(stuck == 0, "every worker died within 30 s of SIGKILL to it and its tracers",
		 "%ld did not", stuck);
	/* every uid 1000 process dies on SIGKILL: none stuck in the kernel */
	for (i = 0; i < 50 && (left = workers_left()) != 0; i++)
		rt_sleep_ms(100);
	rt_check(left == 0, "every worker process is gone after SIGKILL", "%d left", left);
	v = rt_read_file("/proc/self/xsc", st, sizeof(st));
	rt_check(v > 0 && rt_field(st, "xsc") == 1 && SYS0(__NR_getpid) > 0,
		 "after the fuzzing the kernel still answers ring calls", "%ld", v);
	return rt_done();
}
