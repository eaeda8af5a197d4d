// SPDX-License-Identifier: GPL-2.0
/*
 * xsc-test-wrapper: glibc's test-wrapper for a guest running xsc-testd.
 * Runs COMMAND in the guest in the current directory (the build tree is
 * shared at the same path), relays stdin, stdout and stderr, and ends as
 * the command ended: its exit status, or the same signal.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>

#include "proto.h"

static const char *prog = "xsc-test-wrapper";

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s --port PORT [--timeout SECS] [--timeoutfactor F] COMMAND [ARG...]\n"
		"Run COMMAND in the XSC test guest (xsc-testd listening behind PORT on\n"
		"127.0.0.1), in the current directory, which must be on a share the guest\n"
		"mounts at the same path. stdin, stdout and stderr are relayed; the exit\n"
		"status is the command's, a command killed by a signal kills this program\n"
		"with the same signal. For glibc: make check test-wrapper='%s --port PORT'.\n"
		"  --port PORT        the host port forwarded to the guest's 7070\n"
		"                     (default: $XSC_TESTD_PORT)\n"
		"  --timeout SECS     give up after SECS seconds (exit 124), killing the\n"
		"                     command in the guest (default: $XSC_TEST_TIMEOUT, or none)\n"
		"  --timeoutfactor F  set TIMEOUTFACTOR=F for the command (default: this\n"
		"                     program's own TIMEOUTFACTOR, if set)\n"
		"Exit status: the command's; 124 timed out; 125 the guest could not be\n"
		"reached or dropped the connection; 127 the command could not be run.\n",
		prog, prog);
}

static int dial(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	int one = 1, s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || connect(s, (struct sockaddr *)&a, sizeof(a))) {
		fprintf(stderr, "%s: connecting to 127.0.0.1:%d: %s (is the test guest running?)\n",
			prog, port, strerror(errno));
		exit(125);
	}
	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return s;
}

static void die_like(int status)
{
	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	if (WIFSIGNALED(status)) {
		struct rlimit no = { 0, 0 };
		int sig = WTERMSIG(status);

		setrlimit(RLIMIT_CORE, &no);
		signal(sig, SIG_DFL);
		fflush(NULL);
		raise(sig);
		exit(128 + sig);
	}
	exit(125);
}

static long num(const char *opt, const char *v, long max)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v ? v : "", &end, 10);
	if (!v || !*v || *end || errno || n < 0 || n > max) {
		fprintf(stderr, "%s: %s needs a number from 0 to %ld, not '%s'\n",
			prog, opt, max, v ? v : "");
		exit(125);
	}
	return n;
}

int main(int argc, char **argv)
{
	const char *factor = getenv("TIMEOUTFACTOR"), *e;
	long port = -1, timeout = 0;
	int i, s, in_open = 1;
	char cwd[PATH_MAX], buf[65536];
	struct timespec start;

	if ((e = getenv("XSC_TESTD_PORT")) && *e)
		port = num("XSC_TESTD_PORT", e, 65535);
	if ((e = getenv("XSC_TEST_TIMEOUT")) && *e)
		timeout = num("XSC_TEST_TIMEOUT", e, 1000000);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--port")) {
			port = num("--port", argv[++i], 65535);
		} else if (!strcmp(argv[i], "--timeout")) {
			timeout = num("--timeout", argv[++i], 1000000);
		} else if (!strcmp(argv[i], "--timeoutfactor")) {
			factor = argv[++i];
			if (!factor) {
				fprintf(stderr, "%s: --timeoutfactor needs a value\n", prog);
				return 125;
			}
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			fprintf(stderr, "%s: unknown option '%s'\n", prog, argv[i]);
			usage(stderr);
			return 125;
		}
	}
	if (i >= argc || port <= 0) {
		fprintf(stderr, "%s: %s\n", prog, i >= argc ? "no command" : "no --port");
		usage(stderr);
		return 125;
	}
	if (argc - i > TESTD_MAX_ARGS) {
		fprintf(stderr, "%s: more than %d arguments\n", prog, TESTD_MAX_ARGS);
		return 125;
	}
	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "%s: getcwd: %s\n", prog, strerror(errno));
		return 125;
	}
	signal(SIGPIPE, SIG_IGN);
	s = dial((int)port);
	if (send_frame(s, 'C', cwd, (uint32_t)strlen(cwd)))
		goto lost;
	for (; i < argc; i++)
		if (send_frame(s, 'A', argv[i], (uint32_t)strlen(argv[i])))
			goto lost;
	if (factor && *factor) {
		snprintf(buf, sizeof(buf), "TIMEOUTFACTOR=%s", factor);
		if (send_frame(s, 'E', buf, (uint32_t)strlen(buf)))
			goto lost;
	}
	if (send_frame(s, 'G', NULL, 0))
		goto lost;
	clock_gettime(CLOCK_MONOTONIC, &start);

	for (;;) {
		struct pollfd p[2] = { { s, POLLIN, 0 }, { 0, POLLIN, 0 } };
		int wait_ms = -1;

		if (timeout) {
			struct timespec now;
			long left;

			clock_gettime(CLOCK_MONOTONIC, &now);
			left = timeout * 1000 - ((now.tv_sec - start.tv_sec) * 1000 +
						 (now.tv_nsec - start.tv_nsec) / 1000000);
			if (left <= 0) {
				fprintf(stderr, "%s: %s: timed out after %ld s\n", prog,
					argv[argc - 1], timeout);
				return 124;	/* closing the connection kills it */
			}
			wait_ms = left > INT_MAX ? INT_MAX : (int)left;
		}
		if (poll(p, in_open ? 2 : 1, wait_ms) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (in_open && p[1].revents) {
			ssize_t n = read(0, buf, sizeof(buf));

			if (n > 0) {
				if (send_frame(s, 'I', buf, (uint32_t)n))
					goto lost;
			} else if (n == 0 || errno != EINTR) {
				in_open = 0;
				if (send_frame(s, 'i', NULL, 0))
					goto lost;
			}
		}
		if (p[0].revents) {
			char type, *data;
			uint32_t len;
			int status;

			if (recv_header(s, &type, &len) != 1)
				goto lost;
			data = malloc(len + 1);
			if (!data || (len && full_read(s, data, len) != 1))
				goto lost;
			data[len] = 0;
			switch (type) {
			case 'O':
				full_write(1, data, len);	/* stdout gone: keep going */
				break;
			case 'R':
				full_write(2, data, len);
				break;
			case 'X':
				if (len != 4)
					goto lost;
				memcpy(&status, data, 4);
				die_like(status);
				break;
			case 'F':
				fprintf(stderr, "%s: in the guest: %s\n", prog, data);
				return 127;
			default:
				fprintf(stderr, "%s: unknown frame '%c' from the guest\n", prog, type);
				return 125;
			}
			free(data);
		}
	}
lost:
	fprintf(stderr, "%s: the guest dropped the connection (did it crash? see its console log)\n",
		prog);
	return 125;
}
