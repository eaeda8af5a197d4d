/* tracepoint probe: one getppid with a marker argument (see init script) */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return SYS1(__NR_getppid, 0x5a5a1) > 0 ? 0 : 1;
}
