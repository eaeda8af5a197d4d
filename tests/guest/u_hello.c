/* exec target: an unmarked static image, syscall instruction, exits 9 */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (rt_ring0 || rt_entry)
		return 100;	/* an unmarked image must not get a ring */
	return SYS0(__NR_getpid) > 0 ? 9 : 101;
}
