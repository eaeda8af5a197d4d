/*
 * xsc_ring_test: read, write, open and close through the XSC ring, one
 * call at a time and batched through libxsc; every completion (CQE) is
 * checked against the value the call must give, the process's
 * /proc/self/xsc counters must have grown by exactly the calls made, and
 * a raw syscall instruction in a child must end in SIGSYS.
 *
 * Between the two counter readings the program makes no call but its own
 * (static buffers, no stdio, no malloc): the report is printed at the end.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xsc.h>

#define VERSION "1.0"
#define CHUNK 512
#define NCHUNK 8
#define MAXLINES 256

static int verbose;
static unsigned int passed, failed;
static char report[MAXLINES][256];
static unsigned int nreport;

/* A line of the report, kept until the end (no call in between). */
static void line(const char *fmt, ...)
{
	va_list ap;

	if (nreport == MAXLINES)
		return;
	va_start(ap, fmt);
	vsnprintf(report[nreport++], sizeof(report[0]), fmt, ap);
	va_end(ap);
}

static void check(int ok, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	line("%s %s", ok ? "PASS" : "FAIL", msg);
	if (ok)
		passed++;
	else
		failed++;
}

static const char *err(long res)
{
	static char buf[8][48];
	static unsigned int n;
	char *b = buf[n++ % 8];

	if (res >= 0)
		snprintf(b, sizeof(buf[0]), "%ld", res);
	else
		snprintf(b, sizeof(buf[0]), "-%s", strerrorname_np((int)-res) ? strerrorname_np((int)-res) : "?");
	return b;
}

/* Counted calls: every SQE and every entry this program makes itself. */
static long calls, entries;

static const struct xsc_cqe *cqe_of(unsigned int slot)
{
	struct xsc_ring_hdr *r = xsc_ring();

	return (const struct xsc_cqe *)((char *)r + r->cqes_off) + (slot & (r->cq_entries - 1));
}

/*
 * One call on the synchronous stack: libxsc takes the slot at sync_top
 * and gives it back, so after the call sync_top names the slot it used,
 * whose CQE must hold the result the entry returned.
 */
static int cqe_bad;
static long one(long nr, long a1, long a2, long a3, long a4)
{
	long res = __xsc_submit_4(nr, a1, a2, a3, a4);
	const struct xsc_cqe *q = cqe_of(xsc_ring()->sync_top);

	calls++;
	entries++;
	if (q->res != res)
		cqe_bad++;
	if (verbose)
		line("     %s: slot %u, CQE res %s", nr == SYS_openat ? "openat" :
		     nr == SYS_read ? "read" : nr == SYS_write ? "write" : nr == SYS_close ?
		     "close" : nr == SYS_pread64 ? "pread64" : "call",
		     xsc_ring()->sync_top & (xsc_ring()->sq_entries - 1), err(q->res));
	return res;
}

/* The counters of /proc/self/xsc, read with ring calls of our own. */
struct counters {
	long xsc, ring_calls, entries, sigsys;
};
static char procbuf[1024];
static int read_counters(struct counters *c)
{
	long fd, n;
	char *p;

	memset(c, 0, sizeof(*c));
	fd = one(SYS_openat, AT_FDCWD, (long)"/proc/self/xsc", O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return (int)fd;
	n = one(SYS_read, fd, (long)procbuf, sizeof(procbuf) - 1, 0);
	one(SYS_close, fd, 0, 0, 0);
	if (n <= 0)
		return n < 0 ? (int)n : -EIO;
	procbuf[n] = 0;
	c->xsc = (p = strstr(procbuf, "xsc:")) ? strtol(p + 4, NULL, 10) : -1;
	c->ring_calls = (p = strstr(procbuf, "ring_calls:")) ? strtol(p + 11, NULL, 10) : -1;
	c->entries = (p = strstr(procbuf, "entries:")) ? strtol(p + 8, NULL, 10) : -1;
	c->sigsys = (p = strstr(procbuf, "sigsys:")) ? strtol(p + 7, NULL, 10) : -1;
	return 0;
}

/* A batch run by one entry; each CQE checked against want[i] and its
 * user_data against the SQE's. */
static int run_batch(struct xsc_batch *b, const long *want, const char *what)
{
	unsigned int i, bad = 0;
	long last = xsc_batch_submit(b);

	calls += b->count;
	entries++;
	for (i = 0; i < b->count; i++) {
		const struct xsc_cqe *q = xsc_batch_cqe(b, i);

		if (verbose)
			line("     %s CQE %u: res %s, user_data %#llx", what, i, err(q->res),
			     (unsigned long long)q->user_data);
		if ((want && q->res != want[i]) || q->user_data != 0x5a00 + i)
			bad++;
	}
	if (b->count && last != xsc_batch_cqe(b, b->count - 1)->res)
		bad++;
	return bad;
}

static unsigned char pattern[NCHUNK * CHUNK], back[NCHUNK][(NCHUNK + 1) * CHUNK + 1];

static void ring_tests(const char *dir)
{
	struct xsc_ring_hdr *r = xsc_ring();
	struct counters c0, c1, c2;
	char path[4096];
	long fd, res, want[2 * NCHUNK + 1], fds[NCHUNK];
	struct xsc_batch b;
	unsigned int i;
	int bad;

	check(r && r->magic == XSC_RING_MAGIC && r->version == XSC_ABI_VERSION &&
	      r->sq_entries && !(r->sq_entries & (r->sq_entries - 1)) &&
	      r->cq_entries == r->sq_entries && r->ring_size >= r->cqes_off +
	      r->cq_entries * sizeof(struct xsc_cqe),
	      "ring: this thread's ring at %p: magic, ABI version %u, %u entries", (void *)r,
	      r ? r->version : 0, r ? r->sq_entries : 0);
	if (!r || r->magic != XSC_RING_MAGIC)
		return;

	/* what reading the counters costs, then the reading before */
	if (read_counters(&c0) || read_counters(&c1)) {
		check(0, "counters: /proc/self/xsc cannot be read");
		return;
	}
	long cost_calls = c1.ring_calls - c0.ring_calls, cost_entries = c1.entries - c0.entries;
	long calls0 = calls, entries0 = entries;

	for (i = 0; i < sizeof(pattern); i++)
		pattern[i] = (unsigned char)(i * 7 + i / CHUNK);
	snprintf(path, sizeof(path), "%s/xsc_ring_test.%ld", dir, (long)__xsc_submit_0(SYS_getpid));
	calls++;
	entries++;

	/* one call at a time */
	fd = one(SYS_openat, AT_FDCWD, (long)path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	check(fd >= 0, "open: openat(%s, O_RDWR|O_CREAT|O_EXCL) = %s", path, err(fd));
	if (fd < 0)
		return;
	res = one(SYS_write, fd, (long)pattern, CHUNK, 0);
	check(res == CHUNK, "write: %d bytes = %s", CHUNK, err(res));
	res = one(SYS_close, fd, 0, 0, 0);
	check(res == 0, "close: = %s", err(res));
	res = one(SYS_close, fd, 0, 0, 0);
	check(res == -EBADF, "close: the same descriptor again = %s (want -EBADF)", err(res));
	fd = one(SYS_openat, AT_FDCWD, (long)path, O_RDONLY | O_CLOEXEC, 0);
	check(fd >= 0, "open: the file again, O_RDONLY = %s", err(fd));
	res = one(SYS_read, fd, (long)back[0], sizeof(back[0]), 0);
	check(res == CHUNK && !memcmp(back[0], pattern, CHUNK),
	      "read: = %s, the %d bytes written", err(res), CHUNK);
	res = one(SYS_read, fd, (long)back[0], sizeof(back[0]), 0);
	check(res == 0, "read: at the end of the file = %s", err(res));
	res = one(SYS_write, fd, (long)pattern, 1, 0);
	check(res == -EBADF, "write: to a read-only descriptor = %s (want -EBADF)", err(res));
	res = one(SYS_pread64, fd, 1, 1, 0);
	check(res == -EFAULT, "read: into address 1 = %s (want -EFAULT)", err(res));
	res = one(SYS_close, fd, 0, 0, 0);
	check(res == 0, "close: = %s", err(res));
	res = one(SYS_openat, AT_FDCWD, (long)"/nonexistent/xsc_ring_test", O_RDONLY, 0);
	check(res == -ENOENT, "open: a missing file = %s (want -ENOENT)", err(res));
	check(!cqe_bad, "CQEs: each single call's CQE holds what the entry returned (%d differ)",
	      cqe_bad);

	/* batched: NCHUNK appends and the close, one entry */
	fd = one(SYS_openat, AT_FDCWD, (long)path, O_WRONLY | O_APPEND | O_CLOEXEC, 0);
	check(fd >= 0, "open: O_WRONLY|O_APPEND = %s", err(fd));
	if (fd < 0 || xsc_batch_init(&b, 2 * NCHUNK + 1)) {
		check(0, "batch: no batch of %d slots", 2 * NCHUNK + 1);
		return;
	}
	for (i = 0; i < NCHUNK; i++) {
		xsc_batch_add(&b, SYS_write, fd, (long)(pattern + i * CHUNK), CHUNK, 0, 0, 0, 0x5a00 + i);
		want[i] = CHUNK;
	}
	xsc_batch_add(&b, SYS_close, fd, 0, 0, 0, 0, 0, 0x5a00 + i);
	want[i] = 0;
	bad = run_batch(&b, want, "write");
	check(!bad, "batch: %d writes and a close in one entry: every CQE as expected", NCHUNK);

	/* NCHUNK opens, NCHUNK reads, NCHUNK closes, NCHUNK closes again */
	xsc_batch_reset(&b);
	for (i = 0; i < NCHUNK; i++)
		xsc_batch_add(&b, SYS_openat, AT_FDCWD, (long)path, O_RDONLY | O_CLOEXEC, 0, 0, 0,
			      0x5a00 + i);
	bad = run_batch(&b, NULL, "openat");
	for (i = 0; i < NCHUNK; i++) {
		fds[i] = xsc_batch_cqe(&b, i)->res;
		if (fds[i] < 0)
			bad++;
		for (unsigned int j = 0; j < i; j++)
			bad += fds[j] == fds[i];
	}
	check(!bad, "batch: %d opens, %d distinct descriptors", NCHUNK, NCHUNK);
	if (bad)
		return;
	xsc_batch_reset(&b);
	for (i = 0; i < NCHUNK; i++) {
		xsc_batch_add(&b, SYS_read, fds[i], (long)back[i], sizeof(back[i]), 0, 0, 0, 0x5a00 + i);
		want[i] = CHUNK + NCHUNK * CHUNK;
	}
	bad = run_batch(&b, want, "read");
	for (i = 0; i < NCHUNK; i++)
		bad += memcmp(back[i], pattern, CHUNK) || memcmp(back[i] + CHUNK, pattern, NCHUNK * CHUNK);
	check(!bad, "batch: %d reads, each the whole file (%d bytes) as written", NCHUNK,
	      CHUNK + NCHUNK * CHUNK);
	xsc_batch_reset(&b);
	for (i = 0; i < 2 * NCHUNK; i++) {
		xsc_batch_add(&b, SYS_close, fds[i % NCHUNK], 0, 0, 0, 0, 0, 0x5a00 + i);
		want[i] = i < NCHUNK ? 0 : -EBADF;
	}
	bad = run_batch(&b, want, "close");
	check(!bad, "batch: %d closes, then the same %d again: -EBADF each", NCHUNK, NCHUNK);

	/* an error in the middle of a run does not stop it */
	xsc_batch_reset(&b);
	xsc_batch_add(&b, SYS_write, -1, (long)pattern, 1, 0, 0, 0, 0x5a00);
	xsc_batch_add(&b, SYS_openat, AT_FDCWD, (long)"/nonexistent/x", O_RDONLY, 0, 0, 0, 0x5a01);
	xsc_batch_add(&b, SYS_read, fds[0], (long)back[0], 1, 0, 0, 0, 0x5a02);
	xsc_batch_add(&b, SYS_unlinkat, AT_FDCWD, (long)path, 0, 0, 0, 0, 0x5a03);
	want[0] = -EBADF;
	want[1] = -ENOENT;
	want[2] = -EBADF;
	want[3] = 0;
	bad = run_batch(&b, want, "mixed");
	check(!bad, "batch: errors mid-run (-EBADF, -ENOENT, -EBADF) and the unlink after them");
	xsc_batch_release(&b);

	/* the counters grew by exactly what was made */
	long made_calls = calls - calls0, made_entries = entries - entries0;

	if (read_counters(&c2)) {
		check(0, "counters: /proc/self/xsc cannot be read");
		return;
	}
	check(c2.xsc == 1, "counters: /proc/self/xsc says xsc: %ld", c2.xsc);
	check(c2.ring_calls - c1.ring_calls == made_calls + cost_calls,
	      "counters: ring_calls grew by %ld: the %ld calls made (+%ld to read the counters)",
	      c2.ring_calls - c1.ring_calls, made_calls, cost_calls);
	check(c2.entries - c1.entries == made_entries + cost_entries,
	      "counters: entries grew by %ld: %ld entries for those calls, batched (+%ld)",
	      c2.entries - c1.entries, made_entries, cost_entries);
	check(c2.sigsys == 0, "counters: sigsys: %ld", c2.sigsys);
}

/*
 * A raw `syscall` in a child: the instruction is made at run time on an
 * executable page (its bytes, less one, are all this program holds: no
 * such instruction in any of its sections, as xsc-verify checks). With no
 * handler the child dies of SIGSYS; a handler sees si_code SYS_XSC (3),
 * the call's number and the instruction's address.
 */
static const unsigned char raw_getppid[] = {
	0xb7, SYS_getppid - 1, 0xff, 0xff, 0xff,	/* mov $SYS_getppid, %eax */
	0x0e, 0x04,					/* syscall */
	0xc2,						/* ret */
};
static unsigned char *raw_page;

static void on_sigsys(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	_exit(si->si_code == 3 && si->si_syscall == SYS_getppid &&
	      (unsigned char *)si->si_call_addr == raw_page + 5 ? 0 : 5);
}

static long (*map_raw(void))(void)
{
	unsigned int i;

	raw_page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw_page == MAP_FAILED)
		return NULL;
	for (i = 0; i < sizeof(raw_getppid); i++)
		raw_page[i] = (unsigned char)(raw_getppid[i] + 1);
	if (mprotect(raw_page, 4096, PROT_READ | PROT_EXEC))
		return NULL;
	return (long (*)(void))(void *)raw_page;
}

static void sigsys_tests(void)
{
	int status = 0;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		long (*f)(void) = map_raw();

		if (!f)
			_exit(3);
		f();
		_exit(4);	/* the instruction did not trap */
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		check(0, "sigsys: fork or wait failed: %s", strerror(errno));
	else
		check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS,
		      "sigsys: a raw syscall instruction in a child: %s %d",
		      WIFSIGNALED(status) ? "killed by signal" : "exited with",
		      WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		struct sigaction sa = { .sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO };
		long (*f)(void) = map_raw();

		if (!f || sigaction(SIGSYS, &sa, NULL))
			_exit(3);
		f();
		_exit(4);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		check(0, "sigsys: fork or wait failed: %s", strerror(errno));
	else
		check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "sigsys: a handler sees si_code SYS_XSC, getppid and the instruction's "
		      "address (child wait status %#x)", status);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: xsc_ring_test [--verbose] [--dir DIR]\n\n"
		"Make read, write, open and close calls through this thread's XSC ring, one\n"
		"at a time and batched with libxsc, and check every completion (CQE); check\n"
		"that /proc/self/xsc counted exactly those calls and that a raw syscall\n"
		"instruction in a child ends in SIGSYS. Prints one PASS or FAIL line per\n"
		"check and ends with \"N passed, N failed\".\n\n"
		"  --dir DIR   where the temporary file goes (default: $TMPDIR or /tmp)\n"
		"  --verbose   print every CQE as well\n"
		"  --help      this text\n"
		"  --version   the version\n\n"
		"Exit status: 0 every check passed, 1 a check failed, 2 bad usage.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = getenv("TMPDIR");
	unsigned int i;
	int c;

	while ((c = getopt_long(argc, argv, "d:vhV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("xsc_ring_test %s\n", VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "xsc_ring_test: unexpected argument '%s' (see --help)\n", argv[optind]);
		return 2;
	}
	if (!dir || !*dir)
		dir = "/tmp";
	if (!xsc_ring()) {
		fprintf(stderr, "xsc_ring_test: this process has no XSC ring (not an XSC kernel?)\n");
		return 1;
	}
	printf("xsc_ring_test %s: read, write, open and close through the XSC ring\n", VERSION);
	ring_tests(dir);
	for (i = 0; i < nreport; i++)
		puts(report[i]);
	nreport = 0;
	sigsys_tests();
	for (i = 0; i < nreport; i++)
		puts(report[i]);
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
