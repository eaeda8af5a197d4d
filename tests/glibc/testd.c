// SPDX-License-Identifier: GPL-2.0
/*
 * xsc-testd: the guest side of glibc's test-wrapper (tests/glibc). As the
 * guest's init (rdinit=/testd -- SHARE...) it mounts the build machine's
 * /usr and /etc read-only and each SHARE read-write at its own path (9p),
 * brings up the user-mode network, and then runs every command a
 * connection sends (proto.h): in the directory it names, with its
 * arguments, its stdin relayed, its stdout and stderr sent back, then its
 * wait status. A dropped connection kills the command's process group.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "proto.h"

#define NINE_P "trans=virtio,version=9p2000.L,msize=512000"

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("xsc-testd: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void mkdirs(const char *path)
{
	char buf[4096];
	size_t i, n = strlen(path);

	if (n >= sizeof(buf))
		return;
	memcpy(buf, path, n + 1);
	for (i = 1; i <= n; i++) {
		if (buf[i] == '/' || buf[i] == 0) {
			char c = buf[i];

			buf[i] = 0;
			mkdir(buf, 0755);
			buf[i] = c;
		}
	}
}

static int do_mount(const char *src, const char *dst, const char *type,
		    unsigned long flags, const char *opts)
{
	mkdirs(dst);
	if (mount(src, dst, type, flags, opts) == 0)
		return 0;
	say("mount %s on %s (%s): %s", src, dst, type, strerror(errno));
	return -1;
}

static int if_up(int s, const char *name, const char *addr, const char *mask)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (addr) {
		sin->sin_family = AF_INET;
		inet_pton(AF_INET, addr, &sin->sin_addr);
		if (ioctl(s, SIOCSIFADDR, &ifr))
			return -1;
		inet_pton(AF_INET, mask, &sin->sin_addr);
		if (ioctl(s, SIOCSIFNETMASK, &ifr))
			return -1;
	}
	if (ioctl(s, SIOCGIFFLAGS, &ifr))
		return -1;
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	return ioctl(s, SIOCSIFFLAGS, &ifr);
}

/* the guest's init: file systems, the network; 0 or -1 */
static int setup(int argc, char **argv)
{
	int i, s, bad = 0;

	bad |= do_mount("proc", "/proc", "proc", 0, NULL);
	bad |= do_mount("sysfs", "/sys", "sysfs", 0, NULL);
	bad |= do_mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	bad |= do_mount("devpts", "/dev/pts", "devpts", 0, "ptmxmode=0666,mode=0620");
	bad |= do_mount("shm", "/dev/shm", "tmpfs", 0, "mode=1777");
	bad |= do_mount("tmp", "/tmp", "tmpfs", 0, "mode=1777");
	bad |= do_mount("run", "/run", "tmpfs", 0, "mode=0755");
	bad |= do_mount("var", "/var", "tmpfs", 0, "mode=0755");
	mkdirs("/var/tmp");
	chmod("/var/tmp", 01777);
	mkdirs("/var/lock");
	mkdirs("/root");
	bad |= do_mount("usr", "/usr", "9p", MS_RDONLY, NINE_P ",cache=loose");
	bad |= do_mount("etc", "/etc", "9p", MS_RDONLY, NINE_P ",cache=loose");
	for (i = 0; i < argc; i++) {
		char tag[16];

		snprintf(tag, sizeof(tag), "share%d", i);
		bad |= do_mount(tag, argv[i], "9p", 0, NINE_P ",cache=mmap");
	}
	if (sethostname("xsc-test", 8))
		say("sethostname: %s", strerror(errno));
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0 || if_up(s, "lo", "127.0.0.1", "255.0.0.0") ||
	    if_up(s, "eth0", "10.0.2.15", "255.255.255.0")) {
		say("network: %s", strerror(errno));
		bad = -1;
	}
	if (s >= 0)
		close(s);
	return bad ? -1 : 0;
}

/* ---- one command ---- */

struct req {
	char *cwd;
	char *argv[TESTD_MAX_ARGS + 1];
	int argc;
	char *envp[TESTD_MAX_ARGS + 8];
	int envc;
};

static void fail_frame(int sock, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail_frame(int sock, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(msg))
		n = sizeof(msg) - 1;
	send_frame(sock, 'F', msg, (uint32_t)n);
}

/* the request up to its G frame; 0 or -1 (a message sent when it can be) */
static int read_request(int sock, struct req *r)
{
	static const char *const base[] = {
		"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
		"HOME=/root", "USER=root", "LOGNAME=root", "SHELL=/bin/sh",
	};
	size_t i;

	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		r->envp[r->envc++] = (char *)base[i];
	for (;;) {
		char type, *data;
		uint32_t len;
		int h = recv_header(sock, &type, &len);

		if (h <= 0) {
			fail_frame(sock, "a broken request");
			return -1;
		}
		data = malloc(len + 1);
		if (!data || (len && full_read(sock, data, len) != 1)) {
			fail_frame(sock, "a broken request (frame of %u bytes)", len);
			return -1;
		}
		data[len] = 0;
		if (memchr(data, 0, len) && type != 'I') {
			fail_frame(sock, "a NUL byte inside a '%c' string", type);
			return -1;
		}
		switch (type) {
		case 'C':
			free(r->cwd);
			r->cwd = data;
			break;
		case 'A':
			if (r->argc >= TESTD_MAX_ARGS) {
				fail_frame(sock, "more than %d arguments", TESTD_MAX_ARGS);
				return -1;
			}
			r->argv[r->argc++] = data;
			break;
		case 'E':
			if (r->envc >= TESTD_MAX_ARGS || !strchr(data, '=')) {
				fail_frame(sock, "a bad environment entry");
				return -1;
			}
			r->envp[r->envc++] = data;
			break;
		case 'G':
			free(data);
			if (!r->cwd || !r->argc) {
				fail_frame(sock, "a request without a directory or a command");
				return -1;
			}
			return 0;
		default:
			free(data);
			fail_frame(sock, "an unknown frame '%c' before the command", type);
			return -1;
		}
	}
}

static int child_pipe(int p[2])
{
	return pipe2(p, O_CLOEXEC);
}

/* exec failures travel on a close-on-exec pipe: errno and the step */
struct execfail {
	int err;
	char what[64];
};

static void run_child(struct req *r, int in, int out, int err, int report)
{
	struct execfail f = { 0, "" };
	const char *path = NULL;
	int i;

	setsid();
	signal(SIGPIPE, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) {
		snprintf(f.what, sizeof(f.what), "dup2");
		goto fail;
	}
	if (chdir(r->cwd)) {
		snprintf(f.what, sizeof(f.what), "chdir");
		goto fail;
	}
	r->envp[r->envc] = NULL;
	r->argv[r->argc] = NULL;
	for (i = 0; i < r->envc; i++)
		if (!strncmp(r->envp[i], "PATH=", 5))
			path = r->envp[i] + 5;
	if (path)
		setenv("PATH", path, 1);	/* what execvpe searches */
	execvpe(r->argv[0], r->argv, r->envp);
	snprintf(f.what, sizeof(f.what), "execve");
fail:
	f.err = errno;
	full_write(report, &f, sizeof(f));
	_exit(127);
}

static int serve(int sock)
{
	struct req r;
	int in[2], out[2], err[2], rep[2];
	char buf[65536], *pending = NULL;
	size_t pend_len = 0, pend_off = 0;
	int status = 0, reaped = 0, out_open = 1, err_open = 1, sock_open = 1;
	struct execfail f;
	struct timespec exited = { 0, 0 };
	pid_t pid;

	memset(&r, 0, sizeof(r));
	if (read_request(sock, &r))
		return 1;
	if (!strcmp(r.argv[0], "xsc-testd:poweroff")) {
		send_frame(sock, 'X', &status, 4);
		sync();
		reboot(RB_AUTOBOOT);	/* qemu -no-reboot: the guest ends */
		return 0;
	}
	if (child_pipe(in) || child_pipe(out) || child_pipe(err) || child_pipe(rep)) {
		fail_frame(sock, "pipe: %s", strerror(errno));
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		fail_frame(sock, "fork: %s", strerror(errno));
		return 1;
	}
	if (pid == 0)
		run_child(&r, in[0], out[1], err[1], rep[1]);
	close(in[0]);
	close(out[1]);
	close(err[1]);
	close(rep[1]);
	if (full_read(rep[0], &f, sizeof(f)) == 1) {
		waitpid(pid, &status, 0);
		f.what[sizeof(f.what) - 1] = 0;
		fail_frame(sock, "%s %s (in %s): %s", f.what, r.argv[0], r.cwd, strerror(f.err));
		return 1;
	}
	close(rep[0]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);

	while (out_open || err_open || !reaped) {
		struct pollfd p[4];
		int n = 0, io = -1, is = -1, ie = -1, iw = -1, timeout = 200;

		if (sock_open && !pending) {
			p[n] = (struct pollfd){ sock, POLLIN, 0 };
			is = n++;
		}
		if (out_open) {
			p[n] = (struct pollfd){ out[0], POLLIN, 0 };
			io = n++;
		}
		if (err_open) {
			p[n] = (struct pollfd){ err[0], POLLIN, 0 };
			ie = n++;
		}
		if (pending && in[1] >= 0) {
			p[n] = (struct pollfd){ in[1], POLLOUT, 0 };
			iw = n++;
		}
		if (poll(p, (nfds_t)n, timeout) < 0 && errno != EINTR)
			break;
		if (is >= 0 && p[is].revents) {
			char type;
			uint32_t len;

			if (recv_header(sock, &type, &len) != 1) {
				/* the wrapper is gone (make's timeout, ^C) */
				kill(-pid, SIGKILL);
				sock_open = 0;
				break;
			}
			pending = malloc(len ? len : 1);
			if (!pending || (len && full_read(sock, pending, len) != 1)) {
				kill(-pid, SIGKILL);
				break;
			}
			if (type == 'I' && len && in[1] >= 0) {
				pend_len = len;
				pend_off = 0;
			} else {
				free(pending);
				pending = NULL;
				if (type == 'i' && in[1] >= 0) {
					close(in[1]);
					in[1] = -1;
				}
			}
		}
		if (iw >= 0 && p[iw].revents) {
			ssize_t w = write(in[1], pending + pend_off, pend_len - pend_off);

			if (w > 0)
				pend_off += (size_t)w;
			if ((w < 0 && errno != EAGAIN) || pend_off == pend_len) {
				free(pending);
				pending = NULL;
			}
			if (w < 0 && errno == EPIPE) {
				close(in[1]);
				in[1] = -1;
			}
		}
		if (io >= 0 && p[io].revents) {
			ssize_t k = read(out[0], buf, sizeof(buf));

			if (k > 0)
				send_frame(sock, 'O', buf, (uint32_t)k);
			else if (k == 0 || errno != EINTR)
				out_open = 0;
		}
		if (ie >= 0 && p[ie].revents) {
			ssize_t k = read(err[0], buf, sizeof(buf));

			if (k > 0)
				send_frame(sock, 'R', buf, (uint32_t)k);
			else if (k == 0 || errno != EINTR)
				err_open = 0;
		}
		if (!reaped && waitpid(pid, &status, WNOHANG) == pid) {
			reaped = 1;
			clock_gettime(CLOCK_MONOTONIC, &exited);
		}
		if (reaped && (out_open || err_open)) {
			/* something the command left running holds its output
			 * open: wait a little for it, as ssh would, then stop */
			struct timespec now;

			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec - exited.tv_sec > 5)
				break;
		}
	}
	if (!reaped) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	if (sock_open)
		send_frame(sock, 'X', &status, 4);
	kill(-pid, SIGKILL);	/* what it left behind, if anything */
	return 0;
}

static void reap(int sig)
{
	int e = errno;

	(void)sig;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	errno = e;
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(TESTD_PORT) };
	int one = 1, ls, i;

	if (argc > 2 && !strcmp(argv[1], "--port") && getpid() != 1)
		a.sin_port = htons((uint16_t)atoi(argv[2]));	/* a test of it, not as init */
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		puts("usage: xsc-testd [SHARE...]   (as init: rdinit=/testd -- SHARE...)\n"
		     "       xsc-testd --port PORT  (not as init: serve on PORT, for tests)\n"
		     "The guest's init for glibc's testsuite: mounts the 9p shares usr and etc\n"
		     "read-only and share0, share1... read-write at the paths SHARE..., brings\n"
		     "up the network and runs the commands xsc-test-wrapper sends to TCP port\n"
		     "7070 (tests/glibc/proto.h).");
		return 0;
	}
	if (getpid() == 1) {
		int fd = open("/dev/console", O_RDWR);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		i = 1;
		if (argc > 1 && !strcmp(argv[1], "--"))
			i = 2;
		if (setup(argc - i, argv + i))
			say("setup incomplete: commands may fail");
	}
	signal(SIGPIPE, SIG_IGN);
	ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (ls < 0 || setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(ls, (struct sockaddr *)&a, sizeof(a)) || listen(ls, 64)) {
		say("listening on port %d: %s", ntohs(a.sin_port), strerror(errno));
		if (getpid() == 1)
			reboot(RB_POWER_OFF);
		return 1;
	}
	signal(SIGCHLD, reap);
	printf("XSC-TESTD-READY port %d\n", ntohs(a.sin_port));
	fflush(stdout);
	for (;;) {
		int c = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
		pid_t pid;

		if (c < 0)
			continue;
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		pid = fork();
		if (pid == 0) {
			signal(SIGCHLD, SIG_DFL);
			close(ls);
			_exit(serve(c));
		}
		close(c);
	}
}
