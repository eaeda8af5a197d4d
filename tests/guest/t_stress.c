/*
 * Stress: for SECONDS (argument, default 3), threads that come and go make
 * ring calls, batches with good and bad SQEs, vDSO fallbacks and short
 * sleeps, while the main thread signals them at random and forks and
 * vforks children. Every result is checked; the kernel must stay quiet
 * (the harness fails the boot on any Oops/WARN/BUG) and nothing may leak:
 * after the run the process has its own ring only.
 *
 *   t_stress [SECONDS]      make check runs 3 s, make check-full 60 s
 */
#include "../lib/rt.h"

#define NTHR 4
#define ITERS 400		/* iterations before a thread exits */
#define BATCH 8
#define BATCH_BASE 128		/* batches use slots 128.., the sync stack 0.. */

struct thr {
	struct rt_tls tls;
	volatile int ctid;
	volatile long tid, iters, errors, eintr, live, handled, spurious;
	unsigned long seed;
	char stack[65536] __attribute__((aligned(16)));
};

static struct thr thr[NTHR];
static long pid, ppid, fd_zero, fd_null;
static volatile long handled, handler_errors;
static long (*v_gettime)(long, struct __kernel_timespec *);

static unsigned long rnd(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return *s >> 17;
}

static void on_usr1(int sig, void *si, void *uc)
{
	struct __kernel_timespec t;
	struct thr *self;

	(void)sig;
	(void)si;
	(void)uc;
	__asm__ volatile("movq %%fs:0, %0" : "=r"(self));	/* tls is first in thr */
	self->handled++;
	/* ring calls and a vDSO fallback on the interrupted thread's ring */
	if (SYS0(__NR_getpid) != pid ||
	    (v_gettime && v_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0))
		__atomic_fetch_add(&handler_errors, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

/* one batch of good and bad SQEs; returns the number of wrong CQEs */
static long batch(struct thr *t, struct xsc_ring_hdr *r)
{
	static const long bad_clock = 99;
	struct __kernel_timespec ts;
	char c;
	long want[BATCH], errs = 0, v;
	int i;

	for (i = 0; i < BATCH; i++) {
		struct xsc_sqe *q = rt_sqe(r, BATCH_BASE + i);
		unsigned int k = (unsigned int)((rnd(&t->seed) + i) % 8);

		for (int a = 0; a < 6; a++)
			q->args[a] = 0;
		q->user_data = (t->seed << 8) | (unsigned int)i;
		switch (k) {
		case 0: q->nr = __NR_getppid; want[i] = ppid; break;
		case 1: q->nr = 5000 + k; want[i] = -ENOSYS; break;
		case 2: q->nr = __NR_gettid; want[i] = t->tid; break;
		case 3: q->nr = __NR_write; q->args[0] = fd_null; q->args[1] = (long)"x";
			q->args[2] = 1; want[i] = 1; break;
		case 4: q->nr = __NR_read; q->args[0] = fd_zero; q->args[1] = (long)&c;
			q->args[2] = 1; want[i] = 1; break;
		case 5: q->nr = __NR_clock_gettime; q->args[0] = bad_clock;
			q->args[1] = (long)&ts; want[i] = -EINVAL; break;
		case 6: q->nr = __NR_fstat; q->args[0] = -1; q->args[1] = (long)&ts;
			want[i] = -EBADF; break;
		default: q->nr = __NR_read; q->args[0] = fd_zero; q->args[1] = 16;
			q->args[2] = 1; want[i] = -EFAULT; break;
		}
	}
	v = rt_enter(BATCH_BASE, BATCH);
	for (i = 0; i < BATCH; i++) {
		struct xsc_cqe *cq = rt_cqe(r, BATCH_BASE + i);

		if (cq->res != want[i] || cq->user_data != rt_sqe(r, BATCH_BASE + i)->user_data)
			errs++;
	}
	if (v != want[BATCH - 1])
		errs++;
	return errs;
}

static int thread_main(void *arg)
{
	struct thr *t = arg;
	struct xsc_ring_hdr *r;
	struct __kernel_timespec ts, nap = { 0, 20000 };

	r = (struct xsc_ring_hdr *)rt_enter(0, 0);
	t->tls.ring = r;
	t->tid = SYS0(__NR_gettid);
	for (t->iters = 0; t->iters < ITERS; t->iters++) {
		unsigned int top = r->sync_top;
		long v;

		if (SYS0(__NR_gettid) != t->tid || SYS0(__NR_getpid) != pid)
			t->errors++;
		t->errors += batch(t, r);
		if (v_gettime && v_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
			t->errors++;
		if ((t->iters & 7) == 0) {
			long h = t->handled;

			v = SYS2(__NR_nanosleep, &nap, 0);
			if (v == -EINTR && t->handled == h)
				t->spurious++;	/* EINTR, but no handler ran */
			else if (v == -EINTR)
				t->eintr++;
			else if (v != 0)
				t->errors++;
		}
		if (r->sync_top != top)	/* handlers nest and give back */
			t->errors++;
	}
	return 0;
}

static long start(struct thr *t, unsigned long seed)
{
	unsigned long fl = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			   CLONE_SYSVSEM | CLONE_SETTLS | CLONE_CHILD_CLEARTID;
	long c;

	t->tls.self = &t->tls;
	t->ctid = -1;
	t->tid = 0;
	t->seed = seed;
	t->handled = 0;
	t->spurious = 0;
	t->errors = 0;
	t->eintr = 0;
	c = rt_clone(fl, t->stack + sizeof(t->stack), 0, (int *)&t->ctid, &t->tls, thread_main,
		     t);
	t->live = c > 0;
	return c;
}

static void join(struct thr *t)
{
	int v;

	while ((v = t->ctid) != 0)
		SYS4(__NR_futex, &t->ctid, FUTEX_WAIT, v, 0);
	t->live = 0;
}

static int child_calls(void)
{
	long me = SYS0(__NR_getpid);
	int i;

	for (i = 0; i < 20; i++)
		if (SYS0(__NR_getpid) != me || SYS0(__NR_getppid) != pid)
			return 1;
	return 0;
}

/* how many of the last threads' rings are still mapped */
static long rings_mapped(void)
{
	static char maps[65536];
	long n = 0;

	rt_read_file("/proc/self/maps", maps, sizeof(maps));
	for (int i = 0; i < NTHR; i++)
		n += thr[i].tls.ring && rt_mapped(maps, (unsigned long)thr[i].tls.ring);
	return n;
}

int main(int argc, char **argv)
{
	long secs = 3, t0, deadline, created = 0, forks = 0, vforks = 0, bad_children = 0;
	long signals = 0, errors = 0, eintr = 0, spurious = 0, iters = 0, c;
	unsigned long seed = 88172645463325252UL;
	int i, st;

	rt_prog = "stress";
	if (argc > 1) {
		secs = 0;
		for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++)
			secs = secs * 10 + (*p - '0');
	}
	if (secs < 1 || secs > 3600) {
		rt_printf("usage: %s [SECONDS]   (1-3600)\n", argv[0]);
		return 2;
	}
	pid = SYS0(__NR_getpid);
	ppid = SYS0(__NR_getppid);
	fd_zero = SYS4(__NR_openat, -100, "/dev/zero", 0, 0);
	fd_null = SYS4(__NR_openat, -100, "/dev/null", 1, 0);
	v_gettime = (long (*)(long, struct __kernel_timespec *))rt_vdso_sym("__vdso_clock_gettime");
	rt_sigaction(SIGUSR1, on_usr1, SA_RESTART_);
	rt_printf("# stress for %ld s, %d threads of %d iterations each, recreated\n", secs,
		  NTHR, ITERS);

	t0 = rt_now_ns();
	deadline = t0 + secs * 1000000000L;
	for (i = 0; i < NTHR; i++)
		created += start(&thr[i], rnd(&seed)) > 0;
	for (long n = 0; rt_now_ns() < deadline; n++) {
		struct __kernel_timespec nap = { 0, 100000 };
		struct thr *t = &thr[rnd(&seed) % NTHR];

		if (t->live && t->tid && t->ctid != 0 &&
		    SYS3(__NR_tgkill, pid, t->tid, SIGUSR1) == 0)
			signals++;
		if (t->live && t->ctid == 0) {	/* finished: join, count, recreate */
			join(t);
			errors += t->errors;
			spurious += t->spurious;
			eintr += t->eintr;
			iters += t->iters;
			created += start(t, rnd(&seed)) > 0;
		}
		if (n % 97 == 0) {
			c = SYS0(__NR_fork);
			if (c == 0)
				rt_exit(child_calls());
			st = rt_wait(c, 0);
			forks++;
			bad_children += c < 0 || st != 0;
		}
		if (n % 131 == 0) {
			c = rt_vfork();
			if (c == 0)
				SYS1(__NR_exit, SYS0(__NR_getppid) == pid ? 0 : 1);
			st = rt_wait(c, 0);
			vforks++;
			bad_children += c < 0 || st != 0;
		}
		SYS2(__NR_nanosleep, &nap, 0);
	}
	for (i = 0; i < NTHR; i++) {
		if (!thr[i].live)
			continue;
		join(&thr[i]);
		errors += thr[i].errors;
		spurious += thr[i].spurious;
		eintr += thr[i].eintr;
		iters += thr[i].iters;
	}
	rt_printf("# %ld threads, %ld iterations, %ld signals sent, %ld handled, %ld EINTR, "
		  "%ld forks, %ld vforks\n", created, iters, signals, handled, eintr, forks, vforks);
	rt_check(errors == 0 && handler_errors == 0,
		 "threads, batches, vDSO fallbacks, signals: every result right", "%ld + %ld wrong",
		 errors, handler_errors);
	rt_check(created > NTHR && iters == created * ITERS && handled > 0,
		 "threads came and went, signals were handled", "created %ld handled %ld", created,
		 handled);
	rt_check(spurious == 0, "nanosleep gave -EINTR only when a handler ran", "%ld times without",
		 spurious);
	rt_check(bad_children == 0 && forks > 0 && vforks > 0, "fork and vfork children meanwhile",
		 "%ld of %ld", bad_children, forks + vforks);
	c = rings_mapped();
	rt_check(c == 0 && rt_ring()->sync_top == 0,
		 "no exited thread's ring is still mapped; the slot stack is back at 0",
		 "%ld rings, sync_top %u", c, rt_ring()->sync_top);
	return rt_done();
}
