/*
 * l_xsc: libxsc (the ring for programs) and the slot rules the C library
 * keeps: single calls with raw results, a batch run by one entry, libc
 * calls and libxsc calls from a signal handler while the interrupted code
 * holds a batch, sync_top restored by siglongjmp out of a handler that
 * interrupted a blocked call, and reset by a vfork or posix_spawn parent;
 * syscall(2) with six arguments.
 */
#include "check.h"
#include <setjmp.h>
#include <spawn.h>
#include <sys/mman.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <xsc.h>

static long entries(void)
{
	return ck_xsc_field("/proc/self/xsc", "entries:");
}

static volatile long h_bad, h_runs;
static void handler(int sig)
{
	(void)sig;
	h_runs++;
	if (__xsc_submit_0(SYS_getpid) != getpid())
		h_bad++;
	struct xsc_batch b;
	if (xsc_batch_init(&b, 2) == 0) {	/* a handler's own batch */
		xsc_batch_add(&b, SYS_getppid, 0, 0, 0, 0, 0, 0, 7);
		xsc_batch_add(&b, SYS_getpid, 0, 0, 0, 0, 0, 0, 8);
		if (xsc_batch_submit(&b) != getpid() || xsc_batch_cqe(&b, 0)->user_data != 7)
			h_bad++;
		xsc_batch_release(&b);
	} else {
		h_bad++;
	}
}

static sigjmp_buf jb;
static void jumper(int sig)
{
	(void)sig;
	siglongjmp(jb, 1);
}

int main(void)
{
	struct xsc_ring_hdr *r;
	struct xsc_batch b;
	int p[2], i;
	char c;

	ck_begin("l_xsc");
	r = xsc_ring();
	CHECK(r && r->magic == XSC_RING_MAGIC && r->sq_entries == 256, "xsc_ring: the thread's ring");
	CHECK(__xsc_submit_0(SYS_getpid) == getpid(), "__xsc_submit_0(getpid)");
	errno = 0;
	CHECK(__xsc_submit_3(SYS_write, -1, (long)"x", 1) == -EBADF && errno == 0,
	      "__xsc_submit_3: the raw -EBADF, errno untouched");

	pipe(p);
	CHECK(xsc_batch_init(&b, 0) == -EINVAL && xsc_batch_init(&b, XSC_BATCH_MAX + 1) == -EINVAL,
	      "xsc_batch_init refuses 0 and more than XSC_BATCH_MAX slots");
	CHECK(xsc_batch_init(&b, 100) == 0, "xsc_batch_init(100)");
	for (i = 0; i < 50; i++)
		xsc_batch_add(&b, SYS_write, p[1], (long)"abcdefgh", 1 + i % 8, 0, 0, 0, 1000 + i);
	for (; i < 100; i++)
		xsc_batch_add(&b, SYS_getpid, 0, 0, 0, 0, 0, 0, 1000 + i);
	CHECK(xsc_batch_add(&b, SYS_getpid, 0, 0, 0, 0, 0, 0, 0) == -ENOSPC, "a full batch says ENOSPC");
	long e0 = entries(), e1 = entries(), cost = e1 - e0;	/* what reading costs */
	long last = xsc_batch_submit(&b);
	long e2 = entries();
	CHECK(e2 - e1 - cost == 1, "100 calls, one entry into the kernel (%ld)", e2 - e1 - cost);
	int ok = last == getpid();
	for (i = 0; i < 100; i++) {
		const struct xsc_cqe *q = xsc_batch_cqe(&b, i);
		ok &= q->user_data == (unsigned long)(1000 + i) &&
		      q->res == (i < 50 ? 1 + i % 8 : getpid());
	}
	CHECK(ok, "every CQE has its result and user_data");
	CHECK(xsc_batch_cqe(&b, 100) == NULL, "no CQE past the batch");
	xsc_batch_release(&b);

	/* a signal handler with calls and its own batch, while a batch is held */
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART };
	struct itimerval it = { { 0, 500 }, { 0, 500 } };
	long bad = 0, rounds = 0;
	struct timeval t0, t1;
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	gettimeofday(&t0, NULL);
	do {
		xsc_batch_init(&b, 8);
		for (i = 0; i < 8; i++)
			xsc_batch_add(&b, i % 2 ? SYS_getpid : SYS_getppid, 0, 0, 0, 0, 0, 0, i);
		if (getpid() <= 0)	/* a libc call between add and submit */
			bad++;
		xsc_batch_submit(&b);
		for (i = 0; i < 8; i++)
			if (xsc_batch_cqe(&b, i)->res != (i % 2 ? getpid() : getppid()) ||
			    xsc_batch_cqe(&b, i)->user_data != (unsigned long)i)
				bad++;
		xsc_batch_release(&b);
		rounds++;
		gettimeofday(&t1, NULL);
	} while (t1.tv_sec - t0.tv_sec < 2);
	it.it_value.tv_usec = it.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	CHECK(bad == 0 && h_bad == 0 && h_runs > 10,
	      "%ld batches with handlers interrupting (%ld runs): %ld + %ld wrong", rounds, (long)h_runs, bad,
	      (long)h_bad);
	CHECK(r->reserved0 == 0 && r->sync_top == 0, "both slot stacks are back at 0 (%u, %u)", r->reserved0,
	      r->sync_top);

	/* siglongjmp out of a handler that interrupted a blocked read */
	unsigned int top = r->sync_top;
	struct sigaction js = { .sa_handler = jumper };
	sigaction(SIGALRM, &js, NULL);
	int q[2];
	pipe(q);
	unsigned int btop = r->reserved0;
	if (sigsetjmp(jb, 1) == 0) {
		xsc_batch_init(&b, 4);	/* held, never released: the jump must */
		alarm(1);
		read(q[0], &c, 1);	/* an empty pipe: blocks until SIGALRM */
	}
	CHECK(r->sync_top == top, "siglongjmp out of a handler gave the read's slot back (%u, %u)", r->sync_top,
	      top);
	CHECK(r->reserved0 == btop, "... and the batch's slots (%u, %u)", r->reserved0, btop);

	/* vfork: the child's leftovers are forgotten by the parent */
	top = r->sync_top;
	pid_t pid = vfork();
	if (pid == 0) {
		getppid();
		_exit(0);	/* exits holding a slot */
	}
	CHECK(pid > 0 && r->sync_top == top, "after vfork the parent's sync_top is its own (%u, %u)", r->sync_top,
	      top);
	waitpid(pid, NULL, 0);

	/* posix_spawn: a CLONE_VM|CLONE_VFORK child on the same ring */
	extern char **environ;
	char *argv[] = { "/bin/busybox", "true", NULL };
	top = r->sync_top;
	CHECK(posix_spawn(&pid, argv[0], NULL, NULL, argv, environ) == 0 && r->sync_top == top,
	      "after posix_spawn the parent's sync_top is its own (%u, %u)", r->sync_top, top);
	waitpid(pid, NULL, 0);

	/* syscall(2) with six arguments, the sixth from the stack */
	void *m = (void *)syscall(SYS_mmap, 0L, 4096L, (long)PROT_READ, (long)(MAP_PRIVATE | MAP_ANONYMOUS),
				  -1L, 0L);
	CHECK(m != MAP_FAILED && *(volatile char *)m == 0 && munmap(m, 4096) == 0,
	      "syscall(SYS_mmap, ...) with six arguments");
	errno = 0;
	CHECK(syscall(100000) == -1 && errno == ENOSYS, "syscall(100000): ENOSYS");
	return ck_end();
}
