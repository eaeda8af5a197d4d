/* tc-meson: built by meson with the XSC cross file; exits 0 when its
 * library and a libxsc call both work. */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <xsc.h>

int demo_twice(int x);

int main(void)
{
	long pid = __xsc_submit_0(SYS_getpid);

	printf("tc-meson: demo_twice(21) = %d, pid %ld\n", demo_twice(21), pid);
	return demo_twice(21) == 42 && pid == getpid() ? 0 : 1;
}
