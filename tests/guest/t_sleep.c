/* an XSC task that lives for argv[1] seconds (module unload test) */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	long ts[2] = { argc > 1 ? argv[1][0] - '0' : 3, 0 };

	return SYS2(__NR_nanosleep, ts, 0) == 0 ? 0 : 1;
}
