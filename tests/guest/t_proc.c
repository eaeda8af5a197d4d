/*
 * Calls that depend on the calling thread: fork, vfork, clone (threads
 * with rings of their own), clone3, execve/execveat into XSC and into
 * unmarked images, exit, exit_group, set_tid_address, gettid, wait4,
 * futex, arch_prctl.
 */
#include "../lib/rt.h"


static long run(const char *path, char *const argv[])
{
	long pid = SYS0(__NR_fork);

	if (pid == 0) {
		long e = SYS3(__NR_execve, path, argv, rt_environ);

		rt_printf("execve %s: %ld\n", path, e);
		rt_exit(127);
	}
	return rt_wait(pid, 0);
}

/* ---- threads ---- */
struct thr {
	struct rt_tls tls;
	volatile int ctid;
	volatile long tid, ring, calls_ok;
	volatile int go;
	char stack[65536] __attribute__((aligned(16)));
};
static struct thr thr[2];

static int thread_main(void *arg)
{
	struct thr *t = arg;
	long i, ok = 1;

	/* a new thread asks the entry for its own ring first */
	t->tls.ring = (struct xsc_ring_hdr *)rt_enter(0, 0);
	t->ring = (long)t->tls.ring;
	t->tid = SYS0(__NR_gettid);
	for (i = 0; i < 1000; i++)
		ok &= SYS0(__NR_gettid) == t->tid;
	t->calls_ok = ok;
	/* wait until told, on a futex */
	while (!t->go)
		SYS4(__NR_futex, &t->go, FUTEX_WAIT, 0, 0);
	return 0;
}

static void thread_tests(void)
{
	unsigned long fl = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			   CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	long pid = SYS0(__NR_getpid), t0, r;
	int i, ok;

	for (i = 0; i < 2; i++) {
		thr[i].tls.self = &thr[i].tls;
		thr[i].ctid = -1;
		r = rt_clone(fl, thr[i].stack + sizeof(thr[i].stack), (int *)&thr[i].ctid,
			     (int *)&thr[i].ctid, &thr[i].tls, thread_main, &thr[i]);
		rt_check(r > 0 && r != pid, "clone creates a thread", "%ld", r);
	}
	t0 = rt_now_ns();
	while ((!thr[0].calls_ok || !thr[1].calls_ok) && rt_now_ns() - t0 < 10000000000L)
		SYS0(__NR_sched_yield);
	ok = thr[0].ring && thr[1].ring && thr[0].ring != thr[1].ring &&
	     thr[0].ring != (long)rt_ring() && thr[1].ring != (long)rt_ring();
	rt_check(ok, "each thread has a ring of its own", "%lx %lx main %lx", thr[0].ring,
		 thr[1].ring, (long)rt_ring());
	rt_check(thr[0].tid != pid && thr[1].tid != pid && thr[0].tid != thr[1].tid &&
		 thr[0].calls_ok && thr[1].calls_ok,
		 "threads make ring calls concurrently, gettid is per thread", "%ld %ld",
		 thr[0].tid, thr[1].tid);
	for (i = 0; i < 2; i++) {
		thr[i].go = 1;
		SYS3(__NR_futex, &thr[i].go, FUTEX_WAKE, 1);
	}
	/* CLONE_CHILD_CLEARTID: the kernel clears ctid and wakes us at exit */
	for (i = 0; i < 2; i++) {
		int v;

		while ((v = thr[i].ctid) != 0)
			SYS4(__NR_futex, &thr[i].ctid, FUTEX_WAIT, v, 0);
	}
	rt_check(1, "threads exit; CLONE_CHILD_CLEARTID futex wake seen", "");
	{
		char maps[16384];

		rt_read_file("/proc/self/maps", maps, sizeof(maps));
		/* the exited threads' rings are unmapped */
		rt_printf("# thread rings %lx %lx\n", thr[0].ring, thr[1].ring);
		rt_check(!rt_mapped(maps, (unsigned long)thr[0].ring) &&
			 !rt_mapped(maps, (unsigned long)thr[1].ring) &&
			 rt_mapped(maps, (unsigned long)rt_ring()),
			 "an exited thread's ring is unmapped (the main thread's is not)", "");
	}
}

/* ---- fork, vfork, clone3 ---- */

static volatile int vfork_shared;

/* deep stack use in the vfork child: clobbers whatever the parent left */
static long burn(int depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	return depth ? burn(depth - 1) + (pad[0] - depth) : SYS0(__NR_getpid);
}

static void fork_tests(void)
{
	long pid = SYS0(__NR_getpid), c, r;
	int st;
	struct xsc_ring_hdr *ring = rt_ring();

	c = SYS0(__NR_fork);
	if (c == 0) {
		long me = SYS0(__NR_getpid);

		/* the child's ring is at the same address, in its own copy */
		ring->reserved[0] = 0x5a5a;
		rt_exit(me != pid && SYS0(__NR_getppid) == pid && rt_ring() == ring ? 42 : 1);
	}
	st = rt_wait(c, 0);
	rt_check(c > 0 && ((st >> 8) & 0xff) == 42, "fork: child runs on its ring copy, exits 42",
		 "pid=%ld status=%x", c, st);
	rt_check(ring->reserved[0] == 0, "fork: the child's ring writes stay in the child", "");

	vfork_shared = 0;
	c = rt_vfork();
	if (c == 0) {
		vfork_shared = (int)burn(20);
		SYS1(__NR_exit, 0);
	}
	st = rt_wait(c, 0);
	rt_check(c > 0 && vfork_shared == c && st == 0,
		 "vfork: child shares memory, parent resumes after the child clobbered the stack",
		 "c=%ld shared=%d", c, vfork_shared);

	{
		struct {
			unsigned long flags, pidfd, child_tid, parent_tid, exit_signal, stack,
				stack_size, tls;
		} ca = { 0, 0, 0, 0, SIGCHLD, 0, 0, 0 };

		c = SYS2(__NR_clone3, &ca, sizeof(ca));
		if (c == 0)
			rt_exit(SYS0(__NR_getppid) == pid ? 7 : 1);
		st = rt_wait(c, 0);
		rt_check(c > 0 && ((st >> 8) & 0xff) == 7, "clone3 (fork-like) child exits 7",
			 "c=%ld st=%x", c, st);
	}

	/* set_tid_address returns the tid */
	r = SYS1(__NR_set_tid_address, 0);
	rt_check(r == pid, "set_tid_address returns the caller's tid", "%ld", r);
}

/*
 * fork gives the child its own copy of the forking thread's ring at once
 * (kernel patch 0013) instead of leaving it copy-on-write, and copies the
 * entry page's page table entry (0014): parent and child both write the
 * ring in their next call and the child's first call runs in the entry
 * page, so either would otherwise cost a fault that the instruction does
 * not. /proc/PID/pagemap shows it (bit 63 present, bit 56 mapped exactly
 * once) while the child spins without making a call; the contents show
 * that each side has its own copy, taken at the fork.
 */
#define PM_PRESENT	(1UL << 63)
#define PM_EXCLUSIVE	(1UL << 56)

/* the pagemap entry of addr in process pid (0: this one); 0 if unreadable */
static unsigned long pagemap_of(long pid, unsigned long addr)
{
	char path[64];
	unsigned long e = 0;
	long fd, n;

	if (pid)
		rt_format(path, sizeof(path), "/proc/%ld/pagemap", pid);
	else
		rt_format(path, sizeof(path), "/proc/self/pagemap");
	fd = SYS4(__NR_openat, -100, path, 0, 0);
	if (fd < 0)
		return 0;
	n = SYS4(__NR_pread64, fd, &e, sizeof(e), (addr >> 12) * sizeof(e));
	SYS1(__NR_close, fd);
	return n == sizeof(e) ? e : 0;
}

/* "WHO: WHAT (DETAIL)" */
static void fork_check(int ok, const char *who, const char *what, const char *detail,
		       unsigned long v)
{
	char name[160];

	rt_format(name, sizeof(name), "%s: %s", who, what);
	rt_check(ok, name, detail, v);
}

/* who: "fork" for the main thread, "fork from a thread" for another one */
static void fork_ring_check(const char *who)
{
	struct xsc_ring_hdr *ring = rt_ring();	/* the calling thread's */
	/* slot 200: the last SQE page, which no synchronous call here uses */
	struct xsc_sqe *far = rt_sqe(ring, 200);
	unsigned long e, want = PM_PRESENT | PM_EXCLUSIVE;
	unsigned long entry_page = rt_entry & ~4095UL;
	volatile int *go;
	long c;
	int st;

	go = (volatile int *)sys6(__NR_mmap, 0, 4096, 3, 0x21, -1, 0);	/* shared anon */
	if ((long)go < 0) {
		fork_check(0, who, "mmap for the ring copy test", "%lx", (unsigned long)go);
		return;
	}
	*go = 0;
	far->user_data = 0x1111;
	c = SYS0(__NR_fork);
	if (c == 0) {
		while (!*go)	/* no call until the parent has looked */
			__builtin_ia32_pause();
		if (far->user_data != 0x1111 || rt_ring() != ring)
			rt_exit(11);	/* not the ring as it was at fork */
		far->user_data = 0x3333;
		rt_exit(42);
	}
	e = pagemap_of(0, (unsigned long)far);
	fork_check(c > 0 && (e & want) == want, who,
		   "the parent's ring pages are its own right after fork (copied for the child, not shared copy-on-write)",
		   "pagemap entry %lx", e);
	e = pagemap_of(c, (unsigned long)far);
	fork_check((e & want) == want, who, "the child has its own copy of the ring before its first call",
		   "pagemap entry %lx", e);
	e = pagemap_of(c, entry_page);
	fork_check((e & PM_PRESENT) != 0, who, "the entry page is mapped in the child before its first call",
		   "pagemap entry %lx", e);
	far->user_data = 0x2222;
	*go = 1;
	st = rt_wait(c, 0);
	fork_check(c > 0 && ((st >> 8) & 0xff) == 42, who,
		   "the child runs on the ring as it was at fork, not with the parent's later writes",
		   "status %lx (11: contents)", (unsigned long)st);
	fork_check(far->user_data == 0x2222, who, "the child's writes to its ring copy stay in the child",
		   "%lx", (unsigned long)far->user_data);
	far->user_data = 0;
	SYS2(__NR_munmap, go, 4096);
}

static int fork_thread_main(void *arg)
{
	struct thr *t = arg;

	t->tls.ring = (struct xsc_ring_hdr *)rt_enter(0, 0);
	fork_ring_check("fork from a thread");
	t->calls_ok = 1;
	return 0;
}

static void fork_ring_tests(void)
{
	unsigned long fl = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			   CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	static struct thr fthr;
	struct thr *t = &fthr;
	long r;
	int v;

	fork_ring_check("fork");
	/* a thread forks: its own ring is the one copied, and the child's */
	t->tls.self = &t->tls;
	t->ctid = -1;
	t->calls_ok = 0;
	r = rt_clone(fl, t->stack + sizeof(t->stack), (int *)&t->ctid, (int *)&t->ctid, &t->tls,
		     fork_thread_main, t);
	while (r > 0 && (v = t->ctid) != 0)
		SYS4(__NR_futex, &t->ctid, FUTEX_WAIT, v, 0);
	rt_check(r > 0 && t->calls_ok, "fork from a thread: the thread ran its checks and exited", "%ld", r);
}

static void exec_tests(void)
{
	static char *const xsc_argv[] = { "/xsc/t_hello", "7", 0 };
	static char *const raw_argv[] = { "/xsc/u_hello", 0 };
	static char *const bb_argv[] = { "/bin/busybox", "true", 0 };
	long c;
	int st;

	st = (int)run("/xsc/t_hello", xsc_argv);
	rt_check(((st >> 8) & 0xff) == 7, "execve into an XSC image (it sees its own fresh ring)",
		 "status %x", st);
	st = (int)run("/xsc/u_hello", raw_argv);
	rt_check(((st >> 8) & 0xff) == 9, "execve into an unmarked static image", "status %x", st);
	st = (int)run("/bin/busybox", bb_argv);
	rt_check(st == 0, "execve into busybox (unmarked, dynamic-free)", "status %x", st);

	c = SYS0(__NR_fork);
	if (c == 0) {
		SYS5(__NR_execveat, -100, "/xsc/t_hello", xsc_argv, rt_environ, 0);
		rt_exit(127);
	}
	st = rt_wait(c, 0);
	rt_check(((st >> 8) & 0xff) == 7, "execveat into an XSC image", "status %x", st);

	c = SYS3(__NR_execve, "/nonexistent", xsc_argv, rt_environ);
	rt_check(c == -2, "failed execve returns -ENOENT and the ring still works",
		 "%ld then getpid %ld", c, SYS0(__NR_getpid));

	/* vfork + execve: the classic posix_spawn shape */
	c = rt_vfork();
	if (c == 0) {
		SYS3(__NR_execve, "/xsc/t_hello", xsc_argv, rt_environ);
		SYS1(__NR_exit, 127);
	}
	st = rt_wait(c, 0);
	rt_check(((st >> 8) & 0xff) == 7, "vfork then execve of an XSC image", "status %x", st);
}

static int exit_group_thread(void *arg)
{
	struct rt_tls *self;

	__asm__ volatile("movq %%fs:0, %0" : "=r"(self));
	self->ring = (struct xsc_ring_hdr *)rt_enter(0, 0);
	rt_exit((int)(long)arg);
}

static void exit_group_test(void)
{
	long c = SYS0(__NR_fork);
	int st;

	if (c == 0) {
		/* a thread calls exit_group: the whole process goes */
		static struct thr t2;

		t2.tls.self = &t2.tls;
		rt_clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			 CLONE_SETTLS, t2.stack + sizeof(t2.stack), 0, 0, &t2.tls,
			 exit_group_thread, (void *)33);
		for (;;)
			SYS0(__NR_pause);
	}
	st = rt_wait(c, 0);
	rt_check(((st >> 8) & 0xff) == 33, "exit_group from a second thread ends the process",
		 "status %x", st);
}

/* ---- /proc/<pid>/xsc is as private as /proc/<pid>/io ---- */

static void proc_perm_tests(void)
{
	long parent = SYS0(__NR_getpid), b, a, r;
	int pfd[2], st;
	char path[64], buf[512];

	SYS1(__NR_pipe, pfd);
	b = SYS0(__NR_fork);
	if (b == 0) {		/* uid 1000, not dumpable (a setuid program) */
		SYS3(__NR_setresgid, 1000, 1000, 1000);
		SYS3(__NR_setresuid, 1000, 1000, 1000);
		SYS5(__NR_prctl, 4 /* PR_SET_DUMPABLE */, 0, 0, 0, 0);
		SYS3(__NR_write, pfd[1], "b", 1);
		for (;;)
			SYS0(__NR_pause);
	}
	SYS3(__NR_read, pfd[0], buf, 1);
	a = SYS0(__NR_fork);
	if (a == 0) {		/* uid 1000, looks at the others */
		int bad = 0;

		SYS3(__NR_setresgid, 1000, 1000, 1000);
		SYS3(__NR_setresuid, 1000, 1000, 1000);
		/* dropping root made it non-dumpable; an ordinary process is not */
		SYS5(__NR_prctl, 4 /* PR_SET_DUMPABLE */, 1, 0, 0, 0);
		rt_format(path, sizeof(path), "/proc/%ld/xsc", parent);
		if (rt_read_file(path, buf, sizeof(buf)) != -EACCES)
			bad |= 1;
		rt_format(path, sizeof(path), "/proc/%ld/xsc", b);
		if (rt_read_file(path, buf, sizeof(buf)) != -EACCES)
			bad |= 2;
		if (rt_read_file("/proc/self/xsc", buf, sizeof(buf)) <= 0 ||
		    rt_field(buf, "xsc") != 1)
			bad |= 4;
		rt_exit(bad);
	}
	st = rt_wait(a, 0);
	rt_format(path, sizeof(path), "/proc/%ld/xsc", b);
	r = rt_read_file(path, buf, sizeof(buf));
	SYS2(__NR_kill, b, 9);
	rt_wait(b, 0);
	SYS1(__NR_close, pfd[0]);
	SYS1(__NR_close, pfd[1]);
	rt_check(((st >> 8) & 1) == 0 && (st & 0x7f) == 0,
		 "another user cannot read a process's /proc/<pid>/xsc (EACCES)", "status %x", st);
	rt_check(((st >> 8) & 2) == 0 && (st & 0x7f) == 0,
		 "nor that of a non-dumpable process of its own uid (EACCES)", "status %x", st);
	rt_check(((st >> 8) & 4) == 0 && (st & 0x7f) == 0, "a process reads its own /proc/self/xsc",
		 "status %x", st);
	rt_check(r > 0 && rt_field(buf, "xsc") == 1, "root reads a non-dumpable process's counters",
		 "%ld", r);
}

/* ---- /proc/<pid>/syscall of a task blocked in a ring call ---- */

/* "nr 0xa0 ... 0xa5 0xsp 0xpc": nr and the six arguments */
static int parse_syscall(const char *p, long *nr, unsigned long *args)
{
	int i, neg = 0;

	*nr = 0;
	if (*p == '-')
		neg = 1, p++;
	if (*p < '0' || *p > '9')
		return 0;	/* "running" */
	while (*p >= '0' && *p <= '9')
		*nr = *nr * 10 + (*p++ - '0');
	if (neg)
		*nr = -*nr;
	for (i = 0; i < 6; i++) {
		if (p[0] != ' ' || p[1] != '0' || p[2] != 'x')
			return 0;
		p += 3;
		args[i] = 0;
		for (; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'); p++)
			args[i] = args[i] * 16 +
				  (unsigned long)(*p <= '9' ? *p - '0' : *p - 'a' + 10);
	}
	return 1;
}

static void proc_syscall_test(void)
{
	static char rbuf[8];
	unsigned long args[6] = { 0 };
	char path[64], text[256];
	long c, nr = -2, t0;
	int pfd[2], st, seen = 0;

	SYS1(__NR_pipe, pfd);
	c = SYS0(__NR_fork);
	if (c == 0)
		rt_exit(SYS3(__NR_read, pfd[0], rbuf, 123) == 1 ? 0 : 1);
	rt_format(path, sizeof(path), "/proc/%ld/syscall", c);
	t0 = rt_now_ns();
	while (rt_now_ns() - t0 < 5000000000L) {
		if (rt_read_file(path, text, sizeof(text)) > 0 && parse_syscall(text, &nr, args) &&
		    nr == __NR_read) {
			seen = 1;
			break;
		}
		rt_sleep_ms(10);
	}
	SYS3(__NR_write, pfd[1], "x", 1);
	st = rt_wait(c, 0);
	SYS1(__NR_close, pfd[0]);
	SYS1(__NR_close, pfd[1]);
	rt_check(seen && args[0] == (unsigned long)pfd[0] && args[1] == (unsigned long)rbuf &&
		 args[2] == 123 && st == 0,
		 "/proc/<pid>/syscall of a task blocked in a ring read: nr and the SQE's arguments",
		 "%s", text);
}

/* ---- clone(CLONE_VM) children that are not threads ---- */

static char vm_stack[16384] __attribute__((aligned(16)));

/* runs on the parent's TLS: calls go through its own ring, by hand */
static int vm_child(void *arg)
{
	struct xsc_ring_hdr *r = (struct xsc_ring_hdr *)rt_enter(0, 0);
	struct xsc_sqe *q = rt_sqe(r, 0);

	q->nr = arg ? __NR_exit_group : __NR_exit;
	q->args[0] = 0;
	rt_enter(0, 1);
	return 1;
}

static long vm_data_kb(void)
{
	char buf[2048];

	rt_read_file("/proc/self/status", buf, sizeof(buf));
	return rt_field(buf, "VmData");
}

static void vm_child_test(void)
{
	long before = vm_data_kb(), after, c;
	int i, ok = 1, st;

	for (i = 0; i < 1100 && ok; i++) {
		c = rt_clone(CLONE_VM | SIGCHLD, vm_stack + sizeof(vm_stack), 0, 0, 0, vm_child,
			     (void *)(long)(i < 1000));
		st = rt_wait(c, 0);
		ok = c > 0 && st == 0;
	}
	after = vm_data_kb();
	rt_printf("# VmData %ld kB before, %ld kB after 1100 clone(CLONE_VM) children\n", before,
		  after);
	rt_check(ok && after - before < 256,
		 "1000 clone(CLONE_VM) children exiting by exit_group, 100 by exit: no ring left behind",
		 "VmData %ld -> %ld kB, i=%d", before, after, i);
}

int main(int argc, char **argv)
{
	long fs = 0;

	(void)argc;
	(void)argv;
	rt_prog = "proc";
	SYS2(__NR_arch_prctl, 0x1003 /* ARCH_GET_FS */, &fs);
	rt_check(fs && *(long *)fs == fs, "arch_prctl(ARCH_SET_FS/GET_FS) through the ring", "%lx", fs);
	fork_tests();
	fork_ring_tests();
	thread_tests();
	exec_tests();
	exit_group_test();
	proc_perm_tests();
	proc_syscall_test();
	vm_child_test();
	return rt_done();
}
