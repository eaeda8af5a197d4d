/*
 * An XSC task that executes syscall, sysenter or int $0x80 gets SIGSYS
 * with si_code SYS_XSC and the address of the instruction. The
 * instructions are written at run time into an executable page: this
 * binary itself contains none (the build checks that).
 */
#include "../lib/rt.h"


static volatile long got_code = -1, got_addr, got_nr, got_sig;
static unsigned char *detail_page;

/* kernel siginfo: signo, errno, code, then the union at offset 16 */
static void on_sigsys(int sig, void *si, void *uc)
{
	int *i = si;

	(void)uc;
	got_sig = sig;
	got_code = i[2];
	got_addr = *(long *)((char *)si + 16);
	got_nr = *(int *)((char *)si + 24);
	/* report from the handler (ring calls are fine here), then leave */
	rt_exit(got_code == SYS_XSC ? 0 : 3);
}

static void on_sigsys_detail(int sig, void *si, void *uc)
{
	char buf[256];
	long addr = *(long *)((char *)si + 16);
	int nr = *(int *)((char *)si + 24);
	int code = ((int *)si)[2];

	(void)uc;
	rt_read_file("/proc/self/xsc", buf, sizeof(buf));
	rt_exit(sig == SIGSYS && code == SYS_XSC && addr == (long)detail_page &&
		nr == 39 && rt_field(buf, "sigsys") == 1 ? 0 : 5);
}

/* the vsyscall page: a system call path outside the ring */
static volatile long vs_code = -1, vs_addr;

static void on_sigsys_vsys(int sig, void *si, void *uc)
{
	(void)sig;
	(void)uc;
	vs_code = ((int *)si)[2];
	vs_addr = *(long *)((char *)si + 16);
}

static int vsyscall_child(unsigned long addr)
{
	long (*fn)(void *, void *) = (long (*)(void *, void *))addr;
	long tv[2] = { 0, 0 }, r;

	rt_sigaction(SIGSYS, on_sigsys_vsys, 0);
	r = fn(tv, 0);
	/* the handler ran, and the call returned -ENOSYS like a refused one */
	if (vs_code == SYS_XSC && vs_addr == (long)addr && r == -ENOSYS && tv[0] == 0)
		return 0;
	rt_printf("# vsyscall %lx: code %ld addr %lx ret %ld tv %ld\n", addr, vs_code, vs_addr, r,
		  tv[0]);
	return 6;
}

static int child(const unsigned char *code, int handled)
{
	void (*fn)(void) = (void (*)(void))code;

	if (handled)
		rt_sigaction(SIGSYS, on_sigsys, 0);
	/* rax = 39 (getpid) at the instruction, so si_syscall is known */
	__asm__ volatile("movl $39, %%eax\n\tcall *%0" : : "r"(fn) : "rax", "rcx", "r11", "memory");
	return 4;	/* the instruction did not trap */
}

int main(int argc, char **argv)
{
	static const char *names[] = { "syscall", "sysenter", "int $0x80" };
	static const unsigned char op[3][2] = { { 0x0e, 0x04 }, { 0x0e, 0x33 }, { 0xcc, 0x7f } };
	unsigned char *page;
	char buf[256];
	long pid;
	int k, st, vs_on;

	rt_prog = "sigsys";
	page = (unsigned char *)sys6(__NR_mmap, 0, 4096, 7, 0x22, -1, 0);
	if ((long)page < 0) {
		rt_check(0, "mmap an executable page", "%ld", (long)page);
		return rt_done();
	}
	detail_page = page;
	for (k = 0; k < 3; k++) {
		/* +1 at run time: no instruction bytes appear in this file */
		page[16 * k] = (unsigned char)(op[k][0] + 1);
		page[16 * k + 1] = (unsigned char)(op[k][1] + 1);
		page[16 * k + 2] = 0xc3;
	}
	for (k = 0; k < 3; k++) {
		pid = SYS0(__NR_fork);
		if (pid == 0)
			rt_exit(child(page + 16 * k, 0));
		st = rt_wait(pid, 0);
		rt_check((st & 0x7f) == SIGSYS, names[k], "default action: killed by SIGSYS, status %x", st);

		pid = SYS0(__NR_fork);
		if (pid == 0) {
			int r = child(page + 16 * k, 1);

			rt_exit(r);
		}
		st = rt_wait(pid, 0);
		rt_check(st == 0, names[k], "handler sees si_code SYS_XSC, status %x", st);
	}

	/* the details, in this process: address, number, counter */
	pid = SYS0(__NR_fork);
	if (pid == 0) {
		rt_sigaction(SIGSYS, on_sigsys_detail, 0);
		child(page, 0);
		rt_exit(9);
	}
	st = rt_wait(pid, 0);
	rt_check(st == 0, "si_call_addr is the instruction, si_syscall is rax, /proc counts it",
		 "status %x", st);

	/*
	 * The vsyscall page: first the unmarked control. Where the kernel
	 * emulates the page (vsyscall=xonly or emulate) it answers the
	 * control, and an XSC task gets SIGSYS there; where it is off
	 * (vsyscall=none, Debian's default) everyone gets SIGSEGV.
	 */
	pid = SYS0(__NR_fork);
	if (pid == 0) {
		static char *const uargv[] = { "/xsc/u_vsyscall", 0 };

		SYS3(__NR_execve, uargv[0], uargv, rt_environ);
		rt_exit(127);
	}
	st = rt_wait(pid, 0);
	vs_on = st == 0;
	if (argc > 1 && !rt_strcmp(argv[1], "novsyscall"))	/* booted without the page */
		rt_check((st & 0x7f) == SIGSEGV,
			 "control: no vsyscall page here (vsyscall=none): SIGSEGV", "status %x", st);
	else
		rt_check(vs_on, "control: the vsyscall page answers an unmarked task", "status %x",
			 st);
	for (k = 0; k < 3; k++) {
		static const char *const vs[] = { "vsyscall gettimeofday", "vsyscall time",
						  "vsyscall getcpu" };

		pid = SYS0(__NR_fork);
		if (pid == 0)
			rt_exit(vsyscall_child(0xffffffffff600000UL + 0x400UL * (unsigned long)k));
		st = rt_wait(pid, 0);
		if (vs_on)
			rt_check(st == 0, vs[k],
				 "SIGSYS SYS_XSC at the vsyscall address, then -ENOSYS; status %x", st);
		else
			rt_check((st & 0x7f) == SIGSEGV, vs[k], "no page: SIGSEGV as for all; status %x",
				 st);
	}

	rt_read_file("/proc/self/xsc", buf, sizeof(buf));
	rt_check(rt_field(buf, "sigsys") == 0, "the parent's own SIGSYS counter stays 0", "%s", buf);
	return rt_done();
}
