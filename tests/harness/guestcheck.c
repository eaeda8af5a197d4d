/*
 * guestcheck: judge the serial console log of an XSC test guest.
 *
 *   guestcheck [--end MARKER] LOG[:PROG,PROG...]...
 *
 * Counts "PASS ..." and "FAIL ..." lines, requires in each LOG a "DONE
 * PROG:" line for every PROG listed after it (a program that died early has
 * none) and the
 * end marker (default XSC-GUEST-END; missing means the guest hung or
 * crashed), and treats any kernel oops, BUG, WARNING, panic or sanitizer (KASAN, UBSAN,
 * KFENCE, lockdep) report or hung task in the log
 * as a failure. Prints every failure, then "N passed, N failed".
 * Exit status: 0 when nothing failed, 1 otherwise, 2 on usage errors.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const bad_kernel[] = {
	"Oops", "BUG:", "WARNING:", "Kernel panic", "Call Trace:",
	/* the kernel's own; a user task's reads "general protection fault ip:" */
	"general protection fault:", "general protection fault,", "UBSAN:", "KASAN:",
	"kernel BUG at",
	"KFENCE:", "blocked for more than", "possible circular locking",
	"inconsistent lock state",
};

static void usage(FILE *f)
{
	fprintf(f, "usage: guestcheck [--end MARKER] LOG[:PROG,PROG...]...\n"
		   "Judge the serial logs of XSC test guests: every PROG listed after a\n"
		   "LOG must print a DONE line in it. Prints failures and a closing\n"
		   "'N passed, N failed' line.\n");
}

/* Judge one log; expect is a comma-separated list of programs or NULL. */
static void judge(const char *path, char *expect, const char *end, int *passed,
		  int *failed)
{
	const char *want[64];
	int seen[64] = { 0 }, nwant = 0, end_seen = 0, e;
	char *line = NULL, *tok;
	size_t cap = 0, k;
	FILE *f;

	for (tok = expect ? strtok(expect, ",") : NULL; tok && nwant < 64; tok = strtok(NULL, ","))
		want[nwant++] = tok;
	f = fopen(path, "r");
	if (!f) {
		printf("FAIL %s: cannot read the log\n", path);
		(*failed)++;
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\r\n")] = 0;
		if (!strncmp(line, "PASS ", 5)) {
			(*passed)++;
			continue;
		}
		if (!strncmp(line, "FAIL ", 5)) {
			printf("%s [%s]\n", line, path);
			(*failed)++;
			continue;
		}
		if (!strncmp(line, "DONE ", 5))
			for (e = 0; e < nwant; e++) {
				size_t n = strlen(want[e]);

				if (!strncmp(line + 5, want[e], n) && line[5 + n] == ':')
					seen[e] = 1;
			}
		if (strstr(line, end) == line)
			end_seen = 1;
		for (k = 0; k < sizeof(bad_kernel) / sizeof(bad_kernel[0]); k++)
			if (strstr(line, bad_kernel[k])) {
				printf("FAIL kernel: %s [%s]\n", line, path);
				(*failed)++;
				break;
			}
	}
	fclose(f);
	free(line);
	if (!end_seen) {
		printf("FAIL %s: no '%s' line: the guest hung, crashed or timed out\n", path, end);
		(*failed)++;
	}
	for (e = 0; e < nwant; e++)
		if (!seen[e]) {
			printf("FAIL %s: program %s never finished (no DONE line)\n", path, want[e]);
			(*failed)++;
		}
}

int main(int argc, char **argv)
{
	const char *end = "XSC-GUEST-END";
	int passed = 0, failed = 0, i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--end") && i + 1 < argc) {
			end = argv[++i];
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (i == argc) {
		usage(stderr);
		return 2;
	}
	for (; i < argc; i++) {
		char *colon = strchr(argv[i], ':');

		if (colon)
			*colon++ = 0;
		judge(argv[i], colon, end, &passed, &failed);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
