/*
 * xsc-tool: the toolchain's as and ld (x86_64-xsc-linux-gnu-as, -ld, and
 * ROOT/libexec/xsc/{as,ld} where the XSC gcc looks for them). Each runs
 * Debian's binutils, then checks what it wrote with xsc-verify:
 *
 *   as   the object may contain no syscall, sysenter or int $0x80, so a
 *        .s/.S file (or inline asm) with one fails at assembly time;
 *   ld   the output may contain none either, and must carry the XSC note:
 *        a link without the start files (-nostdlib, -nostartfiles: no
 *        crti.o among the inputs) gets ROOT/lib/xsc/xsc-note.o added.
 *        On a forbidden instruction the inputs that hold it are named.
 *
 * ld also drops the host's library directories that gcc adds after the
 * sysroot's (-L/usr/lib/x86_64-linux-gnu and the like, LIBRARY_PATH): a
 * library the sysroot lacks is not found rather than taken from the host.
 *
 * A failing output file is removed; the exit status is 1, as for any
 * assembler or linker error. ld -r (a relocatable link) is checked like as.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char root[PATH_MAX];

/* run ARGV; its standard output goes nowhere (QUIET 1) or to stderr (2) */
static int run(char **argv, int quiet)
{
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (quiet == 1 && !freopen("/dev/null", "w", stdout))
			_exit(127);
		if (quiet == 2)
			dup2(2, 1);
		execvp(argv[0], argv);
		fprintf(stderr, "xsc: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/*
 * Is DIR one of the host system's library directories? gcc adds them to
 * every link (its multiarch and ../../.. paths, LIBRARY_PATH) after the
 * sysroot's; an XSC link must not find a host library there.
 */
static int host_libdir(const char *dir)
{
	static const char *const host[] = {
		"/lib", "/lib64", "/usr/lib", "/usr/lib64", "/lib/x86_64-linux-gnu",
		"/usr/lib/x86_64-linux-gnu", "/usr/local/lib", "/usr/local/lib64",
	};
	char real[PATH_MAX];
	size_t i;

	if (!realpath(dir, real))
		return 0;
	if (!strncmp(real, "/usr/local/", 11))
		return 1;
	for (i = 0; i < sizeof(host) / sizeof(host[0]); i++)
		if (!strcmp(real, host[i]))
			return 1;
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

int main(int argc, char **argv)
{
	char self[PATH_MAX], verify[PATH_MAX + 32], note[PATH_MAX + 32];
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	int is_ld = ends_with(base, "ld"), relocatable = 0, have_crti = 0, i, k = 0, rc;
	const char *out = "a.out";
	char **args = calloc((size_t)argc + 4, sizeof(*args));
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (!args || n <= 0)
		return 2;
	self[n] = 0;
	/* ROOT/bin/NAME: libexec/xsc/{as,ld} are links to it, which
	   /proc/self/exe resolves */
	snprintf(root, sizeof(root), "%s", dirname(dirname(self)));
	snprintf(verify, sizeof(verify), "%s/bin/xsc-verify", root);
	snprintf(note, sizeof(note), "%s/lib/xsc/xsc-note.o", root);

	args[k++] = is_ld ? "/usr/bin/ld" : "/usr/bin/as";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (is_ld && !strncmp(a, "-L", 2) && a[2] && host_libdir(a + 2))
			continue;	/* the host's libraries are not XSC's */

		if (!strcmp(a, "-o") && i + 1 < argc)
			out = argv[i + 1];
		else if (!strncmp(a, "-o", 2) && a[2])
			out = a + 2;
		if (!strcmp(a, "-r") || !strcmp(a, "--relocatable") || !strcmp(a, "-i"))
			relocatable = 1;
		if (ends_with(a, "/crti.o") || !strcmp(a, "crti.o"))
			have_crti = 1;
		args[k++] = argv[i];
	}
	if (is_ld && !relocatable && !have_crti)
		args[k++] = note;	/* -nostdlib, -nostartfiles: the mark */
	args[k] = NULL;

	rc = run(args, 0);
	if (rc != 0 || access(out, F_OK) != 0)
		return rc;

	char *vargs[] = { verify, "--quiet", (char *)out, NULL };
	if (run(vargs, 1) == 0)
		return 0;
	/* say why: xsc-verify's findings on the output, then on the inputs */
	fprintf(stderr, "%s: error: %s is not an XSC object:\n", base, out);
	run(vargs, 2);
	for (i = 1; is_ld && i < argc; i++) {
		char lib[PATH_MAX], *file = argv[i];

		if (!strncmp(argv[i], "-l", 2)) {	/* -lNAME: the archive it finds */
			const char *name = argv[i][2] ? argv[i] + 2 : (i + 1 < argc ? argv[i + 1] : "");

			file = NULL;
			for (int j = 1; j < argc && !file; j++) {
				const char *dir = NULL;

				if (!strncmp(argv[j], "-L", 2))
					dir = argv[j][2] ? argv[j] + 2 : (j + 1 < argc ? argv[j + 1] : NULL);
				if (dir && snprintf(lib, sizeof(lib), "%s/lib%s.a", dir, name) < (int)sizeof(lib) &&
				    access(lib, R_OK) == 0)
					file = lib;
			}
			if (!file)
				continue;
		}
		char *in[] = { verify, "--quiet", file, NULL };

		if (file[0] == '-' || !(ends_with(file, ".o") || ends_with(file, ".a")) ||
		    access(file, R_OK) != 0 || run(in, 1) != 1)
			continue;
		fprintf(stderr, "%s: error: it comes from %s:\n", base, file);
		run(in, 2);
	}
	unlink(out);
	return 1;
}
