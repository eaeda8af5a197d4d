/* exec target: an XSC image exits with argv[1] after checking its ring */
#include "../lib/rt.h"

int main(int argc, char **argv)
{
	int code = 0;

	if (argc > 1)
		for (const char *p = argv[1]; *p; p++)
			code = code * 10 + (*p - '0');
	if (!rt_ring0 || rt_ring()->magic != XSC_RING_MAGIC ||
	    SYS0(__NR_getpid) <= 0)
		return 100;
	return code;
}
