/*
 * bootcheck: judge the serial log of xsc-minimal-amd64.iso booted in QEMU
 * against the Phase 2 criteria, one PASS or FAIL line each:
 *
 *   bootcheck [--firmware bios|uefi] LABEL LOG
 *
 * firmware  the machine booted the way it was asked (/sys/firmware/efi)
 * kernel    the XSC kernel booted (its release ends in -xsc)
 * module    xsc.ko loaded (insmod, /sys/module/xsc)
 * packages  busybox's dpkg installed the .debs
 * binary    xsc_ring_test, an XSC program from the xsc-tools package, ran
 * rings     its /proc/self/xsc counters grew by exactly its calls
 * cqes      every completion it checked was right, none failed, exit 0
 * sigsys    a raw syscall instruction in its child ended in SIGSYS
 * verify    xsc-verify, built for XSC, ran on the system and passed
 * end       the guest reached the end of its checks
 *
 * The log's own lines follow, each behind "# ", so that the kernel's
 * error markers are still seen by tests/harness/guestcheck.
 * Exit status: 0 all passed, 1 a check failed, 2 bad usage or no log.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void check(int ok, const char *label, const char *what, const char *detail)
{
	printf("%s iso-%s: %s%s%s\n", ok ? "PASS" : "FAIL", label, what, detail && *detail ? ": " : "",
	       detail ? detail : "");
	if (!ok)
		failed = 1;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: bootcheck [--firmware bios|uefi] LABEL LOG\n"
		   "Judge the serial log of xsc-minimal-amd64.iso: one PASS/FAIL line per\n"
		   "Phase 2 criterion, then the log itself behind '# '.\n");
}

int main(int argc, char **argv)
{
	const char *fw = NULL, *label, *path;
	char *line = NULL, kernel[256] = "", counters[512] = "", summary[128] = "";
	char fwseen[16] = "", ringfail[256] = "";
	int module = 0, installed = 0, ran = 0, exit0 = 0, rings = 0, ring_fails = 0, sigsys = 0;
	int verify = 0, end = 0, npass = 0, nfail = -1;
	size_t cap = 0;
	FILE *f;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	if (argc > 2 && !strcmp(argv[1], "--firmware")) {
		fw = argv[2];
		i = 3;
	}
	if (argc - i != 2) {
		usage(stderr);
		return 2;
	}
	label = argv[i];
	path = argv[i + 1];
	f = fopen(path, "r");
	if (!f) {
		printf("FAIL iso-%s: cannot read the serial log %s\n", label, path);
		return 2;
	}
	while (getline(&line, &cap, f) > 0) {
		char *p;

		line[strcspn(line, "\r\n")] = 0;
		/* the console may prefix a line with escape sequences: find ours */
		if ((p = strstr(line, "XSC-ISO: kernel ")) && !kernel[0])
			snprintf(kernel, sizeof(kernel), "%s", p + 16);
		else if ((p = strstr(line, "XSC-ISO: firmware ")))
			snprintf(fwseen, sizeof(fwseen), "%s", p + 18);
		else if (strstr(line, "XSC-ISO: module xsc loaded"))
			module = 1;
		else if (strstr(line, "XSC-ISO: installed "))
			installed = 1;
		else if (strstr(line, "xsc_ring_test 1.0: "))
			ran = 1;
		else if (strstr(line, "XSC-ISO: xsc_ring_test exit 0"))
			exit0 = 1;
		else if (strstr(line, "XSC-ISO: xsc-verify exit 0"))
			verify = 1;
		else if (strstr(line, "XSC-ISO-END"))
			end = 1;
		else if (!strncmp(line, "PASS counters: ring_calls grew", 30) ||
			 !strncmp(line, "PASS counters: entries grew", 27)) {
			rings++;
			strncat(counters, line + 15, sizeof(counters) - strlen(counters) - 3);
			strcat(counters, "; ");
		} else if (!strncmp(line, "PASS sigsys:", 12))
			sigsys++;
		else if (!strncmp(line, "FAIL ", 5)) {
			ring_fails++;
			if (!ringfail[0])
				snprintf(ringfail, sizeof(ringfail), "%s", line);
		} else if (sscanf(line, "%d passed, %d failed", &npass, &nfail) == 2)
			snprintf(summary, sizeof(summary), "%s", line);
	}
	fclose(f);

	if (fw) {
		char want[16];

		snprintf(want, sizeof(want), "%s", !strcmp(fw, "uefi") ? "UEFI" : "BIOS");
		check(!strcmp(fwseen, want), label, "firmware: booted from the CD image under", fwseen[0] ?
		      fwseen : "(no firmware line)");
	}
	check(kernel[0] && strstr(kernel, "-xsc "), label, "kernel: the XSC kernel booted", kernel);
	check(module, label, "module: xsc.ko loaded", NULL);
	check(installed, label, "packages: the .debs installed with dpkg", NULL);
	check(ran, label, "binary: xsc_ring_test (XSC glibc, libxsc) executed", NULL);
	check(rings == 2, label, "rings: system calls completed through the rings", counters);
	check(exit0 && nfail == 0 && npass > 0 && !ring_fails, label,
	      "cqes: every CQE held the expected result", ring_fails ? ringfail : summary);
	check(sigsys == 2, label, "sigsys: a raw syscall instruction ended in SIGSYS", NULL);
	check(verify, label, "verify: xsc-verify (built for XSC) passed on the installed system", NULL);
	check(end, label, "end: the guest finished its checks", NULL);

	f = fopen(path, "r");
	while (f && getline(&line, &cap, f) > 0)
		printf("# %s", line);
	if (f)
		fclose(f);
	free(line);
	return failed;
}
