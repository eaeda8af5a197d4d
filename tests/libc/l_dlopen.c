/*
 * l_dlopen: the XSC ld.so loads XSC objects and refuses standard ones with
 * a message naming the file (dlopen), and libgcc_s is found for unwinding;
 * the kernel refuses a standard program whose interpreter is the XSC loader.
 */
#include "check.h"
#include <dlfcn.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/xsc/libc";
	char path[256];
	void *h;

	ck_begin("l_dlopen");
	snprintf(path, sizeof(path), "%s/x_lib.so", dir);
	h = dlopen(path, RTLD_NOW);
	int (*f)(void) = h ? (int (*)(void))dlsym(h, "lib_answer") : NULL;
	CHECK(f && f() == 42, "dlopen of an XSC object, call into it (%s)", h ? "ok" : dlerror());
	if (h)
		dlclose(h);

	snprintf(path, sizeof(path), "%s/u_lib.so", dir);
	h = dlopen(path, RTLD_NOW);
	const char *err = h ? "loaded!" : dlerror();
	CHECK(!h && strstr(err, "not an XSC object") && strstr(err, "u_lib.so"),
	      "dlopen of a standard object is refused: %s", err);
	h = dlopen("libgcc_s.so.1", RTLD_NOW);
	CHECK(h != NULL, "libgcc_s.so.1 (XSC) is found: %s", h ? "ok" : dlerror());

	/* a standard program whose interpreter is the XSC loader: refused by
	   the kernel at execve (the loader would get no ring) */
	snprintf(path, sizeof(path), "%s/u_interp", dir);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { path, NULL };
		execv(path, argv);
		_exit(errno == ENOEXEC ? 0 : 1);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "execve of a standard program with the XSC loader as interpreter: ENOEXEC (status %#x)", st);
	return ck_end();
}
