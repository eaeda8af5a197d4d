/*
 * Ring calls against the syscall instruction, in one boot.
 *
 * Built twice from this file: b_raw (unmarked, -DRT_RAW: the syscall
 * instruction) and b_xsc (XSC: one SQE per entry, batches of 1, 8, 32
 * and 128 SQEs per entry, the bare entry), and fork + _exit + waitpid
 * in both forms with the minor faults it costs. clock_gettime and cputime go
 * through the vDSO in both programs (the ordinary one, or the XSC vDSO);
 * in batches they are ring SQEs like the other calls.
 *
 *   b_xxx [SECONDS_PER_RUN [RUNS]]   measure; prints BENCH lines
 *   b_xxx check                      a few calls of every form, checks
 *                                    every result; prints PASS/FAIL lines
 *
 * BENCH <form> <call> <batch> <min_ns> <median_ns> <max_ns> <calls_per_run>
 * FORKFAULTS <form> <parent> <child>  minor faults per fork (x100), last run
 */
#include "../../tests/lib/rt.h"

enum { GETPPID, READ, WRITE, FSTAT, CLOCK, CPUCLOCK, NCALLS, EMPTY = NCALLS, FORK };
static const char *const call_name[FORK + 1] = {
	"getppid", "read", "write", "fstat", "clock_gettime", "cputime",
	"empty-ring", "fork"
};
static long fd_zero, fd_null, ppid;
static char buf[64];
static long st[32], ts[2];
static int quick;

#ifdef RT_RAW
#define FORM_NAME "insn"
#else
#define FORM_NAME "xsc1"
#endif

/*
 * Both kinds of task have a vDSO: the ordinary one, and for XSC tasks the
 * XSC image whose fallbacks go through the ring. CLOCK_MONOTONIC is read
 * in user space; CLOCK_PROCESS_CPUTIME_ID is a vDSO fallback (one syscall
 * instruction, or two ring entries: find the ring, run the SQE).
 */
static long (*vdso_clock_gettime)(long, long *);

static long clock_call(long clk)
{
	return vdso_clock_gettime ? vdso_clock_gettime(clk, ts) :
				    SYS2(__NR_clock_gettime, clk, ts);
}

static long now_ns(void)
{
	clock_call(CLOCK_MONOTONIC);
	return ts[0] * 1000000000L + ts[1];
}

static long one_call(int c)
{
	switch (c) {
	case GETPPID: return SYS0(__NR_getppid);
	case READ: return SYS3(__NR_read, fd_zero, buf, 1);
	case WRITE: return SYS3(__NR_write, fd_null, buf, 1);
	case FSTAT: return SYS2(__NR_fstat, fd_null, st);
	case CLOCK: return clock_call(CLOCK_MONOTONIC);
	default: return clock_call(CLOCK_PROCESS_CPUTIME_ID);
	}
}

static long expected(int c)
{
	return c == GETPPID ? ppid : (c == READ || c == WRITE) ? 1 : 0;
}

/* ns per call of n iterations of form f; *bad counts wrong results */
typedef long (*form_fn)(int c, long n, int batch, long *bad);

static long run_single(int c, long n, int batch, long *bad)
{
	long t0 = now_ns(), i, want = expected(c);

	(void)batch;
	for (i = 0; i < n; i++)
		if (one_call(c) != want)
			(*bad)++;
	return now_ns() - t0;
}

#ifndef RT_RAW
#define BATCH_BASE 128	/* batches use slots 128..255, the sync stack 0.. */

static void fill_batch(int c, int batch)
{
	struct xsc_ring_hdr *r = rt_ring();
	int i;

	for (i = 0; i < batch; i++) {
		struct xsc_sqe *q = rt_sqe(r, BATCH_BASE + i);

		q->user_data = i;
		switch (c) {
		case GETPPID: q->nr = __NR_getppid; break;
		case READ: q->nr = __NR_read; q->args[0] = fd_zero;
			q->args[1] = (long)buf; q->args[2] = 1; break;
		case WRITE: q->nr = __NR_write; q->args[0] = fd_null;
			q->args[1] = (long)buf; q->args[2] = 1; break;
		case FSTAT: q->nr = __NR_fstat; q->args[0] = fd_null;
			q->args[1] = (long)st; break;
		case CLOCK: q->nr = __NR_clock_gettime;
			q->args[0] = CLOCK_MONOTONIC; q->args[1] = (long)ts; break;
		default: q->nr = __NR_clock_gettime;
			q->args[0] = CLOCK_PROCESS_CPUTIME_ID;
			q->args[1] = (long)ts; break;
		}
	}
}

static long run_batch(int c, long n, int batch, long *bad)
{
	struct xsc_ring_hdr *r = rt_ring();
	long t0, t1, i, want = expected(c);
	int k;

	fill_batch(c, batch);
	for (k = 0; k < batch; k++)
		rt_cqe(r, BATCH_BASE + k)->res = -12345;
	t0 = now_ns();
	for (i = 0; i < n; i++)
		if (rt_enter(BATCH_BASE, batch) != want)
			(*bad)++;
	t1 = now_ns();
	for (k = 0; k < batch; k++)
		if (rt_cqe(r, BATCH_BASE + k)->res != want ||
		    rt_cqe(r, BATCH_BASE + k)->user_data != (unsigned long)k)
			(*bad)++;
	return t1 - t0;
}

static long run_bare(int c, long n, int batch, long *bad)
{
	long t0 = now_ns(), i, ring = (long)rt_ring();

	(void)c;
	(void)batch;
	for (i = 0; i < n; i++)
		if (rt_enter(0, 0) != ring)
			(*bad)++;
	return now_ns() - t0;
}
#endif

/*
 * fork + _exit + waitpid: what the ring costs a process that forks (the
 * child's copy of the ring, its first calls). Minor faults per fork of the
 * last run, in hundredths: [0] the parent, [1] the children.
 */
static long fork_faults[2];

static long run_fork(int c, long n, int batch, long *bad)
{
	long self0[18], self1[18], kids0[18], kids1[18], t0, t1, i;

	(void)c;
	(void)batch;
	SYS2(__NR_getrusage, 0, self0);		/* RUSAGE_SELF */
	SYS2(__NR_getrusage, -1, kids0);	/* RUSAGE_CHILDREN */
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		long pid = SYS0(__NR_fork);

		if (pid == 0)
			rt_exit(0);
		if (pid < 0 || rt_wait(pid, 0) != 0)
			(*bad)++;
	}
	t1 = now_ns();
	SYS2(__NR_getrusage, 0, self1);
	SYS2(__NR_getrusage, -1, kids1);
	fork_faults[0] = (self1[8] - self0[8]) * 100 / n;	/* ru_minflt */
	fork_faults[1] = (kids1[8] - kids0[8]) * 100 / n;
	return t1 - t0;
}

static void sort(long *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			long t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

/* Measure one figure: calibrate to about `secs` per run, then `runs` runs. */
static void measure(const char *form, form_fn fn, int c, int batch, long secs, int runs)
{
	long per_call[16], n = 16, t = 0, bad = 0, calls;
	int r;

	if (quick) {
		fn(c, 50, batch, &bad);
		rt_printf("# %s %s batch %d: %ld wrong results\n", form, call_name[c], batch, bad);
		rt_check(bad == 0, form, "%s x%d: every result right", call_name[c], batch);
		return;
	}
	while (t < 20000000L && n < (1L << 40)) {	/* calibrate to >= 20 ms */
		n *= 2;
		t = fn(c, n, batch, &bad);
	}
	n = n * (secs * 1000000000L / (t > 0 ? t : 1));
	if (n < 1)
		n = 1;
	for (r = 0; r < runs; r++) {
		t = fn(c, n, batch, &bad);
		per_call[r] = t / (n * batch);
	}
	sort(per_call, runs);
	calls = n * batch;
	rt_printf("BENCH %s %s %d %ld %ld %ld %ld\n", form, call_name[c], batch, per_call[0],
		  per_call[runs / 2], per_call[runs - 1], calls);
	rt_printf("# %s\n", bad ? "WRONG RESULTS" : "results ok");
	if (bad)
		rt_check(0, form, "%s x%d: %ld wrong results", call_name[c], batch, bad);
}

int main(int argc, char **argv)
{
	long secs = 1;
	int runs = 5, c;

	rt_prog = FORM_NAME;
	if (argc > 1 && !rt_strcmp(argv[1], "check"))
		quick = 1;
	else if (argc > 1)
		secs = argv[1][0] - '0';
	if (argc > 2)
		runs = argv[2][0] - '0';
	if (runs < 1 || runs > 9 || secs < 1 || secs > 9) {
		rt_printf("usage: %s [SECONDS_PER_RUN [RUNS]] | check   (1-9 each)\n", argv[0]);
		return 2;
	}
	fd_zero = SYS4(__NR_openat, -100, "/dev/zero", 0, 0);
	fd_null = SYS4(__NR_openat, -100, "/dev/null", 1, 0);
	ppid = SYS0(__NR_getppid);
	if (fd_zero < 0 || fd_null < 0) {
		rt_check(0, "open /dev/zero and /dev/null", "%ld %ld", fd_zero, fd_null);
		return rt_done();
	}
	vdso_clock_gettime = (long (*)(long, long *))rt_vdso_sym("__vdso_clock_gettime");
	rt_printf("# %s: clock_gettime through %s\n", FORM_NAME,
		  vdso_clock_gettime ? "the vDSO" : "a system call (no vDSO)");
#ifdef RT_RAW
	for (c = 0; c < NCALLS; c++)
		measure("insn", run_single, c, 1, secs, runs);
	measure("insn", run_fork, FORK, 1, secs, runs);
	rt_printf("FORKFAULTS insn %ld %ld\n", fork_faults[0], fork_faults[1]);
#else
	for (c = 0; c < NCALLS; c++)
		measure("xsc1", run_single, c, 1, secs, runs);
	for (c = 0; c < NCALLS; c++) {
		static const int sizes[] = { 1, 8, 32, 128 };

		for (int s = 0; s < 4; s++)
			measure("batch", run_batch, c, sizes[s], secs, runs);
	}
	measure("bare", run_bare, EMPTY, 1, secs, runs);
	measure("xsc1", run_fork, FORK, 1, secs, runs);
	rt_printf("FORKFAULTS xsc1 %ld %ld\n", fork_faults[0], fork_faults[1]);
	{	/* where the SQEs went: fast path or full entry work */
		struct rt_xsc_counters k;

		rt_xsc_counters(&k);
		rt_printf("COUNTERS ring_calls %ld entries %ld slow_calls %ld\n",
			  k.ring_calls, k.entries, k.slow_calls);
	}
#endif
	return rt_done();
}
