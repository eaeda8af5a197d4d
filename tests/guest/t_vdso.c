/*
 * The XSC vDSO: an XSC task has a vDSO whose clock fallbacks enter the
 * kernel through the calling thread's ring, never through the syscall
 * instruction (which would kill this test with SIGSYS). Checks the
 * mapping layout, the fast paths against ring calls, the fallbacks (the
 * SQE they leave in the ring, the /proc counters), fallbacks inside a
 * signal handler that interrupted a ring call, in a thread, in vfork and
 * fork children, and that the vDSO cannot be moved or replaced.
 */
#include "../lib/rt.h"

#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2
#define ARCH_MAP_VDSO_64 0x2003

struct ts {
	long sec, nsec;
};
struct tv {
	long sec, usec;
};

static long (*v_gettime)(long, struct ts *);
static long (*v_getres)(long, struct ts *);
static long (*v_gettimeofday)(struct tv *, void *);
static long (*v_time)(long *);
static long (*v_getcpu)(unsigned int *, unsigned int *, void *);

static long ns(const struct ts *t)
{
	return t->sec * 1000000000L + t->nsec;
}

/* does [p, end) contain tag? */
static int has(const char *p, const char *end, const char *tag)
{
	for (; p < end; p++) {
		int i = 0;

		while (tag[i] && p + i < end && p[i] == tag[i])
			i++;
		if (!tag[i])
			return 1;
	}
	return 0;
}

/* start and end of the mapping whose /proc/self/maps line names tag */
static int mapping(const char *maps, const char *tag, unsigned long *start,
		   unsigned long *end)
{
	const char *line = maps, *eol;

	for (; *line; line = *eol ? eol + 1 : eol) {
		unsigned long *v = start;

		for (eol = line; *eol && *eol != '\n'; eol++)
			;
		if (!has(line, eol, tag))
			continue;
		*start = *end = 0;
		for (; line < eol && *line != ' '; line++) {
			if (*line == '-')
				v = end;
			else
				*v = *v * 16 + (unsigned long)(*line <= '9' ? *line - '0' :
									  *line - 'a' + 10);
		}
		return 1;
	}
	return 0;
}

static void layout_tests(void)
{
	static char maps[16384];
	unsigned long xs = 0, xe = 0, vs = 0, ve = 0, ds = 0, de = 0;
	int ok;

	rt_check(rt_vdso != 0, "an XSC task has a vDSO (AT_SYSINFO_EHDR)", "%lx", rt_vdso);
	v_gettime = (long (*)(long, struct ts *))rt_vdso_sym("__vdso_clock_gettime");
	v_getres = (long (*)(long, struct ts *))rt_vdso_sym("__vdso_clock_getres");
	v_gettimeofday = (long (*)(struct tv *, void *))rt_vdso_sym("__vdso_gettimeofday");
	v_time = (long (*)(long *))rt_vdso_sym("__vdso_time");
	v_getcpu = (long (*)(unsigned int *, unsigned int *, void *))rt_vdso_sym("__vdso_getcpu");
	rt_check(v_gettime && v_getres && v_gettimeofday && v_time && v_getcpu,
		 "the vDSO exports clock_gettime, clock_getres, gettimeofday, time, getcpu", "");
	rt_read_file("/proc/self/maps", maps, sizeof(maps));
	ok = mapping(maps, "[xsc]", &xs, &xe) && mapping(maps, "[vvar]", &vs, &ve) &&
	     mapping(maps, "[vdso]", &ds, &de);
	rt_check(ok && xe == vs && ve == ds && ds == rt_vdso && rt_entry >= xs && rt_entry < xe,
		 "maps: the [xsc] entry page sits right below [vvar], then [vdso]",
		 "xsc %lx-%lx vvar %lx-%lx vdso %lx-%lx entry %lx", xs, xe, vs, ve, ds, de,
		 rt_entry);
}

static void fast_path_tests(void)
{
	struct ts a, b, c;
	struct tv tv;
	long r, t1, t2;
	unsigned int cpu = 99, node = 99;

	SYS2(__NR_clock_gettime, CLOCK_MONOTONIC, &a);
	r = v_gettime(CLOCK_MONOTONIC, &b);
	SYS2(__NR_clock_gettime, CLOCK_MONOTONIC, &c);
	rt_check(r == 0 && ns(&a) <= ns(&b) && ns(&b) <= ns(&c),
		 "vDSO CLOCK_MONOTONIC lies between two ring calls", "%ld %ld %ld %ld", r, ns(&a),
		 ns(&b), ns(&c));
	SYS2(__NR_clock_gettime, CLOCK_REALTIME, &a);
	r = v_gettime(CLOCK_REALTIME, &b);
	SYS2(__NR_clock_gettime, CLOCK_REALTIME, &c);
	rt_check(r == 0 && ns(&a) <= ns(&b) && ns(&b) <= ns(&c),
		 "vDSO CLOCK_REALTIME lies between two ring calls", "%ld %ld %ld", r, ns(&a),
		 ns(&b));
	SYS2(__NR_clock_gettime, CLOCK_REALTIME, &a);
	r = v_gettimeofday(&tv, 0);
	SYS2(__NR_clock_gettime, CLOCK_REALTIME, &c);
	rt_check(r == 0 && a.sec * 1000000 + a.nsec / 1000 <= tv.sec * 1000000 + tv.usec &&
			 tv.sec * 1000000 + tv.usec <= c.sec * 1000000 + c.nsec / 1000,
		 "vDSO gettimeofday lies between two ring calls", "%ld", r);
	t1 = SYS1(__NR_time, 0);
	r = v_time(&t2);
	rt_check(r == t2 && r >= t1 && r <= SYS1(__NR_time, 0), "vDSO time agrees with ring time",
		 "%ld %ld", t1, r);
	r = v_getcpu(&cpu, &node, 0);
	rt_check(r == 0 && cpu < 64 && node == 0, "vDSO getcpu", "%ld cpu %u node %u", r, cpu,
		 node);
	r = v_getres(CLOCK_MONOTONIC, &a);
	SYS2(__NR_clock_getres, CLOCK_MONOTONIC, &b);
	rt_check(r == 0 && a.sec == b.sec && a.nsec == b.nsec && a.nsec > 0,
		 "vDSO clock_getres(CLOCK_MONOTONIC) equals the ring's", "%ld %ld", r, a.nsec);
}

/* one vDSO fallback; the SQE it left in the ring must be ours */
static int fallback_in_ring(struct xsc_ring_hdr *ring, long clk, struct ts *t, long *res)
{
	unsigned int slot = ring->sync_top % XSC_RING_ENTRIES;
	struct xsc_sqe *q = rt_sqe(ring, slot);
	struct xsc_cqe *cq = rt_cqe(ring, slot);

	q->nr = 0;
	*res = v_gettime(clk, t);
	return q->nr == __NR_clock_gettime && q->args[0] == (unsigned long)clk &&
	       q->args[1] == (unsigned long)t && cq->res == *res &&
	       ring->sync_top % XSC_RING_ENTRIES == slot;
}

static void fallback_tests(void)
{
	struct xsc_ring_hdr *ring = rt_ring();
	struct ts t = { 0, 0 }, u;
	struct rt_xsc_counters k0, k1, k2;
	long r;
	int i, ok;

	ok = fallback_in_ring(ring, CLOCK_PROCESS_CPUTIME_ID, &t, &r);
	rt_check(ok && r == 0 && ns(&t) > 0,
		 "vDSO CLOCK_PROCESS_CPUTIME_ID: the fallback ran as an SQE in our ring",
		 "ok %d res %ld t %ld", ok, r, ns(&t));
	SYS2(__NR_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &u);
	rt_check(ns(&u) >= ns(&t), "and agrees with the ring call", "%ld %ld", ns(&t), ns(&u));
	ok = fallback_in_ring(ring, CLOCK_THREAD_CPUTIME_ID, &t, &r);
	rt_check(ok && r == 0 && ns(&t) > 0, "vDSO CLOCK_THREAD_CPUTIME_ID through the ring",
		 "ok %d res %ld", ok, r);

	/* counters: reading them costs the same each time; 10 fallbacks add
	 * 10 ring calls and 20 entries (find the ring, run the SQE) */
	rt_xsc_counters(&k0);
	rt_xsc_counters(&k1);
	for (i = 0; i < 10; i++)
		v_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	rt_xsc_counters(&k2);
	rt_check(k1.ring_calls >= 0 &&
		 k2.ring_calls - k1.ring_calls == k1.ring_calls - k0.ring_calls + 10 &&
		 k2.entries - k1.entries == k1.entries - k0.entries + 20,
		 "10 fallbacks: 10 more ring calls, 20 more entries in /proc/self/xsc",
		 "calls %ld %ld %ld entries %ld %ld %ld", k0.ring_calls, k1.ring_calls,
		 k2.ring_calls, k0.entries, k1.entries, k2.entries);
	rt_check(k2.sigsys == 0, "no syscall instruction was refused", "%ld", k2.sigsys);

	r = v_getres(CLOCK_PROCESS_CPUTIME_ID, &t);
	SYS2(__NR_clock_getres, CLOCK_PROCESS_CPUTIME_ID, &u);
	rt_check(r == 0 && t.sec == u.sec && t.nsec == u.nsec,
		 "vDSO clock_getres fallback equals the ring's", "%ld", r);
	ok = fallback_in_ring(ring, 0x7fff, &t, &r);
	rt_check(ok && r == -EINVAL, "an invalid clock: -EINVAL from the fallback", "%ld", r);
	r = v_gettime(CLOCK_PROCESS_CPUTIME_ID, (struct ts *)8);
	rt_check(r == -EFAULT, "a bad pointer: -EFAULT from the fallback", "%ld", r);
}

/* ---- a fallback in a signal handler that interrupted a ring call ---- */

static long pipefd[2];
static volatile long h_res = 1, h_top, h_hits;

static void on_alarm(int sig, void *si, void *uc)
{
	struct ts t;

	(void)sig;
	(void)si;
	(void)uc;
	h_top = rt_ring()->sync_top;
	h_res = v_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	h_hits++;
	SYS3(__NR_write, pipefd[1], "x", 1);
}

static void signal_tests(void)
{
	struct xsc_ring_hdr *ring = rt_ring();
	unsigned int rest = ring->sync_top;
	long it[4] = { 0, 0, 0, 30000 };	/* one SIGALRM after 30 ms */
	int fds[2];
	char c = 0;
	long r;

	r = SYS2(__NR_pipe2, fds, 0);
	pipefd[0] = fds[0];
	pipefd[1] = fds[1];
	rt_sigaction(SIGALRM, on_alarm, SA_RESTART_);
	SYS3(__NR_setitimer, 0, it, 0);
	r = SYS3(__NR_read, pipefd[0], &c, 1);	/* blocks until the handler writes */
	rt_check(h_hits == 1 && h_res == 0,
		 "a vDSO fallback inside a handler that interrupted a blocking ring call",
		 "hits %ld res %ld", h_hits, h_res);
	rt_check(r == 1 && c == 'x', "the interrupted read restarted (SA_RESTART) and got the byte",
		 "%ld %d", r, c);
	rt_check(h_top == rest + 1 && ring->sync_top == rest,
		 "the handler's slot sat above the read's; the slot stack is balanced after",
		 "rest %u handler %ld after %u", rest, h_top, ring->sync_top);
	SYS1(__NR_close, pipefd[0]);
	SYS1(__NR_close, pipefd[1]);
}

/* ---- threads, vfork, fork ---- */

static struct {
	struct rt_tls tls;
	volatile int ctid;
	volatile long res, in_ring;
	char stack[65536] __attribute__((aligned(16)));
} thr;

static int thread_main(void *arg)
{
	struct ts t;
	long r;

	(void)arg;
	thr.tls.ring = (struct xsc_ring_hdr *)rt_enter(0, 0);
	thr.in_ring = fallback_in_ring(thr.tls.ring, CLOCK_THREAD_CPUTIME_ID, &t, &r);
	thr.res = r;
	return 0;
}

static void child_tests(void)
{
	unsigned long fl = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			   CLONE_SYSVSEM | CLONE_SETTLS | CLONE_CHILD_CLEARTID;
	struct xsc_ring_hdr *ring = rt_ring();
	unsigned int rest = ring->sync_top;
	long c, r;
	int v, st;

	thr.tls.self = &thr.tls;
	thr.ctid = -1;
	thr.res = 1;
	c = rt_clone(fl, thr.stack + sizeof(thr.stack), 0, (int *)&thr.ctid, &thr.tls,
		     thread_main, 0);
	while (c > 0 && (v = thr.ctid) != 0)
		SYS4(__NR_futex, &thr.ctid, FUTEX_WAIT, v, 0);
	rt_check(c > 0 && thr.in_ring && thr.res == 0 && ring->sync_top == rest,
		 "a thread's vDSO fallback runs in the thread's own ring", "c %ld in_ring %ld res %ld",
		 c, thr.in_ring, thr.res);

	c = rt_vfork();
	if (c == 0) {
		struct ts t;

		SYS1(__NR_exit, v_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) == 0 ? 0 : 1);
	}
	st = rt_wait(c, 0);
	rt_check(c > 0 && st == 0 && ring->sync_top == rest,
		 "a vfork child's vDSO fallback (on the shared ring) works, slot stack reset",
		 "c %ld st %x top %u rest %u", c, st, ring->sync_top, rest);

	c = SYS0(__NR_fork);
	if (c == 0) {
		struct ts t;

		r = v_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
		rt_exit(r != 0 ? 1 : rt_ring()->sync_top != rest ? 2 : 9);
	}
	st = rt_wait(c, 0);
	rt_check(c > 0 && ((st >> 8) & 0xff) == 9, "a fork child's vDSO fallback works",
		 "c %ld st %x", c, st);
}

static void mapping_tests(void)
{
	static char maps[16384];
	unsigned long ds = 0, de = 0, spare;
	struct ts t;
	long r;

	rt_read_file("/proc/self/maps", maps, sizeof(maps));
	mapping(maps, "[vdso]", &ds, &de);
	spare = (unsigned long)sys6(__NR_mmap, 0, (long)(de - ds), 3, 0x22, -1, 0);
	r = SYS5(__NR_mremap, ds, de - ds, de - ds, MREMAP_MAYMOVE | MREMAP_FIXED, spare);
	rt_check(r == -EINVAL, "mremap of the XSC vDSO is refused (-EINVAL)", "%ld", r);
	r = SYS2(__NR_arch_prctl, ARCH_MAP_VDSO_64, spare);
	rt_check(r == -EINVAL, "arch_prctl(ARCH_MAP_VDSO_64) is refused for an XSC task", "%ld",
		 r);
	r = v_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	rt_check(r == 0, "the vDSO still works after both", "%ld", r);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	rt_prog = "vdso";
	layout_tests();
	if (!v_gettime || !v_getres || !v_gettimeofday || !v_time || !v_getcpu)
		return rt_done();
	fast_path_tests();
	fallback_tests();
	signal_tests();
	child_tests();
	mapping_tests();
	return rt_done();
}
