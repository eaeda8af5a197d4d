/*
 * XSC helper: execve(argv[1], argv+1) through the ring and report the
 * errno if it returns (u_exec is the unmarked twin). u_modref traces it
 * to stop the task inside a ring execve.
 */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	long r;

	if (argc < 2) {
		rt_printf("usage: t_exec PROGRAM [ARGS...]\n");
		return 2;
	}
	r = SYS3(__NR_execve, argv[1], argv + 1, rt_environ);
	rt_printf("t_exec: execve %s: %ld\n", argv[1], r);
	return 1;
}
