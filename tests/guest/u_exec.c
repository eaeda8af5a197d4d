/*
 * Unmarked helper: execve(argv[1], argv+1) and report the errno, so that
 * the guest can show how exec of an XSC binary fails without the driver.
 * (A shell would run an ENOEXEC file as a script instead.) Built a second
 * time as the XSC program t_exec (t_exec.c).
 */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	long r;

	if (argc < 2) {
		rt_printf("usage: %s PROGRAM [ARGS...]\n", argv[0]);
		return 2;
	}
	r = SYS3(__NR_execve, argv[1], argv + 1, rt_environ);
	rt_printf("%s: execve %s: %ld\n", argv[0], argv[1], r);
	return 1;
}
