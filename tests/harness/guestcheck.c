/*
 * guestcheck: judge the serial console log of an XSC test guest.
 *
 *   guestcheck [--expect PROG]... [--end MARKER] LOG...
 *
 * Counts "PASS ..." and "FAIL ..." lines, requires a "DONE PROG:" line for
 * every --expect'ed program (a program that died early has none) and the
 * end marker (default XSC-GUEST-END; missing means the guest hung or
 * crashed), and treats any kernel oops, BUG, WARNING or panic in the log
 * as a failure. Prints every failure, then "N passed, N failed".
 * Exit status: 0 when nothing failed, 1 otherwise, 2 on usage errors.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const bad_kernel[] = {
	"Oops", "BUG:", "WARNING:", "Kernel panic", "Call Trace:",
	"general protection fault", "UBSAN:", "KASAN:", "kernel BUG at",
};

static void usage(FILE *f)
{
	fprintf(f, "usage: guestcheck [--expect PROG]... [--end MARKER] LOG...\n"
		   "Judge the serial log of an XSC test guest; prints failures and a\n"
		   "closing 'N passed, N failed' line.\n");
}

int main(int argc, char **argv)
{
	const char **expect = calloc((size_t)argc, sizeof(*expect));
	int *expect_seen = calloc((size_t)argc, sizeof(*expect_seen));
	const char *end = "XSC-GUEST-END";
	int nexpect = 0, passed = 0, failed = 0, i;
	char *line = NULL;
	size_t cap = 0;

	if (!expect || !expect_seen)
		return 2;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--expect") && i + 1 < argc) {
			expect[nexpect++] = argv[++i];
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
		FILE *f = fopen(argv[i], "r");
		int end_seen = 0;

		if (!f) {
			printf("FAIL %s: cannot read the log\n", argv[i]);
			failed++;
			continue;
		}
		while (getline(&line, &cap, f) > 0) {
			char *p = strstr(line, "PASS ");
			size_t k;

			line[strcspn(line, "\r\n")] = 0;
			if (p == line) {
				passed++;
				continue;
			}
			if (strstr(line, "FAIL ") == line) {
				printf("%s\n", line);
				failed++;
				continue;
			}
			if (!strncmp(line, "DONE ", 5))
				for (int e = 0; e < nexpect; e++) {
					size_t n = strlen(expect[e]);

					if (!strncmp(line + 5, expect[e], n) && line[5 + n] == ':')
						expect_seen[e] = 1;
				}
			if (strstr(line, end) == line)
				end_seen = 1;
			for (k = 0; k < sizeof(bad_kernel) / sizeof(bad_kernel[0]); k++)
				if (strstr(line, bad_kernel[k])) {
					printf("FAIL kernel: %s\n", line);
					failed++;
					break;
				}
		}
		fclose(f);
		if (!end_seen) {
			printf("FAIL %s: no '%s' line: the guest hung, crashed or timed out\n",
			       argv[i], end);
			failed++;
		}
	}
	for (i = 0; i < nexpect; i++)
		if (!expect_seen[i]) {
			printf("FAIL %s: the program never finished (no DONE line)\n", expect[i]);
			failed++;
		}
	free(line);
	free(expect);
	free(expect_seen);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
