/*
 * Unmarked tracer for the module guest (it must hold no reference on
 * xsc.ko itself): runs argv[1..] (an XSC program that execs an unmarked
 * one through the ring) under ptrace and stops it at PTRACE_EVENT_EXEC
 * of that ring execve, where the task is still inside the ring driver's
 * entry. Unloading xsc.ko must fail there, and succeed once the task is
 * gone. Prints PASS/FAIL lines and "DONE modref".
 */
#include "../lib/rt.h"

#define PTRACE_TRACEME		0
#define PTRACE_CONT		7
#define PTRACE_SETOPTIONS	0x4200
#define PTRACE_O_TRACEEXEC	0x10
#define PTRACE_EVENT_EXEC	4
#define O_NONBLOCK_		04000

int main(int argc, char **argv)
{
	long c, r_stop = 1, r_after;
	int st, execs = 0, stopped_in_ring = 0;

	rt_prog = "modref";
	if (argc < 2) {
		rt_printf("usage: u_modref XSC-PROGRAM [ARGS...]\n");
		return 2;
	}
	c = SYS0(__NR_fork);
	if (c == 0) {
		SYS4(__NR_ptrace, PTRACE_TRACEME, 0, 0, 0);
		SYS2(__NR_kill, SYS0(__NR_getpid), SIGSTOP);
		SYS3(__NR_execve, argv[1], argv + 1, rt_environ);
		rt_exit(127);
	}
	st = rt_wait(c, 0);
	SYS4(__NR_ptrace, PTRACE_SETOPTIONS, c, 0, PTRACE_O_TRACEEXEC);
	for (;;) {
		SYS4(__NR_ptrace, PTRACE_CONT, c, 0, 0);
		st = rt_wait(c, 0);
		if ((st & 0x7f) != 0x7f)
			break;			/* exited */
		if ((st >> 8) != (SIGTRAP | (PTRACE_EVENT_EXEC << 8)))
			continue;
		/* the 1st exec is of argv[1] (an instruction here), the 2nd its ring execve */
		if (++execs == 2) {
			stopped_in_ring = 1;
			r_stop = SYS2(__NR_delete_module, "xsc", O_NONBLOCK_);
		}
	}
	r_after = SYS2(__NR_delete_module, "xsc", O_NONBLOCK_);
	rt_check(stopped_in_ring, "the traced task stopped at the exec event of its ring execve",
		 "%d exec events, status %x", execs, st);
	rt_check(r_stop == -EAGAIN,
		 "xsc.ko cannot be unloaded while a task that dropped XSC in a ring execve is still in it",
		 "delete_module: %ld", r_stop);
	rt_check((st & 0x7f) == 0 && ((st >> 8) & 0xff) == 9, "the task then runs the unmarked image",
		 "status %x", st);
	rt_check(r_after == 0 || r_stop == 0, "xsc.ko unloads once the task has left the driver",
		 "delete_module: %ld", r_after);
	return rt_done();
}
