/*
 * Unmarked control for t_sigsys: the legacy vsyscall page (emulated by
 * the kernel) answers an ordinary task, so an XSC task's SIGSYS there is
 * the XSC rule and not a page that does not exist. Exits 0 on success.
 */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	long (*gtod)(long *, void *) = (long (*)(long *, void *))0xffffffffff600000UL;
	long (*tm)(long *) = (long (*)(long *))0xffffffffff600400UL;
	long tv[2] = { 0, 0 }, t;

	(void)argc;
	(void)argv;
	if (gtod(tv, 0) != 0 || tv[0] <= 0)
		return 1;
	t = tm(0);
	return t >= tv[0] - 1 ? 0 : 2;	/* time() is the coarse clock: it may lag a tick */
}
