/*
 * /init of the strict-mode boot (xsc_strict=1 vdso=0): only XSC images
 * may run. Checks that exec of an unmarked image fails with ENOEXEC and a
 * log line, that an XSC image still runs, that without vDSOs an XSC task
 * gets its entry page alone, then powers the guest off. "t_strict module":
 * the same after the unmarked init of a module kernel loaded xsc.ko and
 * exec'd this (there is a vDSO then).
 */
#include "../lib/rt.h"


static char kmsg[65536], maps[16384];

int main(int argc, char **argv)
{
	static char *const bb[] = { "/bin/busybox", "true", 0 };
	static char *const hello[] = { "/xsc/t_hello", "5", 0 };
	int module = argc > 1 && !rt_strcmp(argv[1], "module");
	long c, r, n = 0, k, fd;
	int st = -1;

	rt_prog = "strict";
	if (!module) {
		SYS5(__NR_mount, "proc", "/proc", "proc", 0, 0);
		SYS5(__NR_mount, "dev", "/dev", "devtmpfs", 0, 0);
		rt_printf("XSC-GUEST-START strict\n");
	}

	c = SYS0(__NR_fork);
	if (c == 0) {
		r = SYS3(__NR_execve, "/bin/busybox", bb, rt_environ);
		rt_exit(r == -ENOEXEC ? 0 : 1);
	}
	SYS4(__NR_wait4, c, &st, 0, 0);
	rt_check(st == 0, "exec of an unmarked binary fails with ENOEXEC", "status %x", st);

	fd = SYS4(__NR_openat, -100, "/dev/kmsg", 0x800 /* O_NONBLOCK */, 0);
	while (fd >= 0 && n < (long)sizeof(kmsg) - 1024 &&
	       (k = SYS3(__NR_read, fd, kmsg + n, 1024)) > 0)
		n += k;
	kmsg[n] = 0;
	rt_check(rt_contains(kmsg, "xsc: /bin/busybox: refused: not an XSC binary"),
		 "the kernel log says why", "%ld bytes of log read", n);

	c = SYS0(__NR_fork);
	if (c == 0) {
		SYS3(__NR_execve, "/xsc/t_hello", hello, rt_environ);
		rt_exit(1);
	}
	SYS4(__NR_wait4, c, &st, 0, 0);
	rt_check(((st >> 8) & 0xff) == 5, "an XSC binary still runs in strict mode", "status %x", st);

	rt_read_file("/proc/self/maps", maps, sizeof(maps));
	if (module)
		rt_check(rt_vdso && SYS0(__NR_getpid) == 1, "an XSC init after the unmarked one",
			 "pid %ld", SYS0(__NR_getpid));
	else
		rt_check(rt_vdso == 0 && rt_contains(maps, "[xsc]") &&
			 !rt_contains(maps, "[vdso]") && !rt_contains(maps, "[vvar]") &&
			 SYS0(__NR_getpid) == 1,
			 "vdso=0: the entry page alone, no vDSO, ring calls work", "%lx", rt_vdso);
	rt_done();
	rt_printf("XSC-GUEST-END\n");
	SYS4(__NR_reboot, 0xfee1dead, 672274793, 0x01234567 /* RESTART: qemu -no-reboot exits */, 0);
	return 0;
}
