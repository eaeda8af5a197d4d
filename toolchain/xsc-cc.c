/*
 * xsc-cc: the x86_64-xsc-linux-gnu-gcc, -cc and -cpp drivers. Runs
 * Debian's GCC 12 (gcc, or cpp when called as ...-cpp) for the XSC target:
 * the XSC sysroot (the XSC glibc and the XSC kernel's headers), the XSC
 * dynamic loader (ROOT/lib/xsc/specs: gcc's link spec naming it), and
 * the toolchain's own as and ld (libexec/xsc), which
 * refuse objects with syscall instructions and mark every linked file
 * with the .note.XSC-ABI note.
 *
 * The toolchain root is two levels above this program (ROOT/bin/NAME):
 *   ROOT/sysroot, ROOT/libexec/xsc/{as,ld}, ROOT/bin/xsc-verify.
 *
 * -mno-syscall is always on (the GCC plugin ROOT/lib/xsc/xsc-nosyscall.so):
 * it is accepted and changes nothing; -msyscall is an error. -dumpmachine prints the XSC triplet.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TRIPLET "x86_64-xsc-linux-gnu"

static char *join(const char *a, const char *b)
{
	char *s;

	if (asprintf(&s, "%s%s", a, b) < 0) {
		perror("xsc-cc");
		exit(2);
	}
	return s;
}

int main(int argc, char **argv)
{
	char self[PATH_MAX], root[PATH_MAX];
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	int cpp = strlen(base) >= 3 && !strcmp(base + strlen(base) - 3, "cpp");
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char **args;
	int i, k = 0;

	if (n <= 0) {
		perror("xsc-cc: /proc/self/exe");
		return 2;
	}
	self[n] = 0;
	snprintf(root, sizeof(root), "%s", dirname(dirname(self)));

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-dumpmachine")) {
			puts(TRIPLET);
			return 0;
		}
		if (!strcmp(argv[i], "-msyscall")) {
			fprintf(stderr, "%s: error: -msyscall is not available: XSC programs make "
				"no syscall instructions (-mno-syscall is always on)\n", base);
			return 1;
		}
	}

	args = calloc((size_t)argc + 16, sizeof(*args));
	if (!args)
		return 2;
	args[k++] = cpp ? "cpp" : "gcc";
	args[k++] = join("--sysroot=", join(root, "/sysroot"));
	args[k++] = join("-B", join(root, "/libexec/xsc/"));
	if (!cpp) {
		char *lib = join(root, "/sysroot/lib/" TRIPLET);
		char *ulib = join(root, "/sysroot/usr/lib/" TRIPLET);

		args[k++] = join("-B", join(ulib, "/"));
		args[k++] = join("-L", ulib);
		args[k++] = join("-L", lib);
		args[k++] = join("-Wl,-rpath-link=", lib);
		/* gcc's link spec with the XSC loader (toolchain.mk): a
		   dynamic executable gets it, -static-pie and -shared none */
		args[k++] = join("-specs=", join(root, "/lib/xsc/specs"));
		/* -mno-syscall: inline asm with a syscall instruction is an
		   error at its source line (xsc-nosyscall.cc) */
		args[k++] = join("-fplugin=", join(root, "/lib/xsc/xsc-nosyscall.so"));
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-mno-syscall"))
			continue;
		args[k++] = argv[i];
	}
	args[k] = NULL;
	execvp(args[0], args);
	fprintf(stderr, "%s: cannot run %s: %s\n", base, args[0], strerror(errno));
	return 2;
}
