/*
 * l_process: processes and threads on the XSC C library: fork, vfork,
 * posix_spawn, execve, wait, 100 threads, pthread_cancel of a thread
 * blocked in read, setuid in a threaded process (SIGSETXID), and clone
 * of a thread with its own TLS.
 */
#include "check.h"
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>

extern char **environ;

static int child_status(pid_t pid)
{
	int st;

	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void test_fork(void)
{
	int p[2];
	char c = 0;
	pid_t pid;

	pipe(p);
	pid = fork();
	if (pid == 0) {
		/* the child's calls go through its copy of the ring */
		c = getppid() > 0 ? 'k' : 'x';
		write(p[1], &c, 1);
		_exit(3);
	}
	close(p[1]);
	CHECK(read(p[0], &c, 1) == 1 && c == 'k', "fork: the child makes calls and writes to the parent");
	CHECK(child_status(pid) == 3, "fork: wait returns the child's exit status");
	close(p[0]);
}

static void test_vfork(char *self)
{
	volatile int seen = 0;
	pid_t pid = vfork();

	if (pid == 0) {
		seen = getpid();	/* a call in the child, on the shared ring */
		_exit(4);
	}
	CHECK(pid > 0 && seen == pid, "vfork: the child ran first and made a call");
	CHECK(child_status(pid) == 4, "vfork: wait returns the child's status");
	CHECK(getpid() > 0 && getppid() >= 0, "vfork: the parent's calls work afterwards");

	pid = vfork();
	if (pid == 0) {
		char *argv[] = { self, "--exit", "5", NULL };
		execve(self, argv, environ);
		_exit(99);
	}
	CHECK(child_status(pid) == 5, "vfork + execve: the new program ran (status 5)");
}

static void test_spawn_exec(char *self)
{
	char *argv[] = { self, "--exit", "6", NULL };
	pid_t pid;
	int rc = posix_spawn(&pid, self, NULL, NULL, argv, environ);

	CHECK(rc == 0 && child_status(pid) == 6, "posix_spawn: the child ran (status 6)");
	rc = posix_spawn(&pid, "/nonexistent", NULL, NULL, argv, environ);
	CHECK(rc == ENOENT, "posix_spawn of a missing file returns ENOENT (%d)", rc);

	pid = fork();
	if (pid == 0) {
		char *av[] = { self, "--exit", "9", NULL };
		execv(self, av);
		_exit(98);
	}
	CHECK(child_status(pid) == 9, "fork + execve: the new program ran (status 9)");
	errno = 0;
	CHECK(execl("/nonexistent", "x", NULL) == -1 && errno == ENOENT,
	      "execve of a missing file fails with ENOENT");
}

#define NTHREADS 100
static void *worker(void *arg)
{
	long i, bad = 0;
	pid_t me = getpid();

	for (i = 0; i < 200; i++) {
		if (syscall(SYS_getpid) != me)
			bad++;
		if (syscall(SYS_gettid) <= 0)
			bad++;
	}
	return (void *)(bad + (long)arg * 0);
}

static void test_threads(void)
{
	pthread_t t[NTHREADS];
	long bad = 0, made = 0, i;
	void *r;

	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)i) == 0)
			made++;
	for (i = 0; i < made; i++) {
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	CHECK(made == NTHREADS && bad == 0, "%ld threads made 400 calls each, %ld wrong results", made, bad);
}

static int cleaned;
static void cleanup(void *arg)
{
	(void)arg;
	cleaned = 1;
}
static void *reader(void *arg)
{
	int fd = *(int *)arg;
	char c;

	pthread_cleanup_push(cleanup, NULL);
	read(fd, &c, 1);	/* blocks: a cancellation point */
	pthread_cleanup_pop(0);
	return NULL;
}

static void test_cancel(void)
{
	int p[2];
	pthread_t t;
	void *r = NULL;

	pipe(p);
	pthread_create(&t, NULL, reader, &p[0]);
	usleep(100000);
	CHECK(pthread_cancel(t) == 0, "pthread_cancel of a thread blocked in read");
	pthread_join(t, &r);
	CHECK(r == PTHREAD_CANCELED && cleaned, "the cancelled thread unwound, its cleanup ran");
	/* the thread's own calls after cancellation must not disturb ours */
	CHECK(write(p[1], "x", 1) == 1, "calls work after the cancellation");
	close(p[0]);
	close(p[1]);
}

static pthread_barrier_t bar;
static void *sleeper(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&bar);
	pthread_barrier_wait(&bar);	/* main calls setuid in between */
	return (void *)(long)syscall(SYS_getuid);
}

static void test_setxid(void)
{
	pid_t pid;

	if (getuid() != 0) {
		CHECK(1, "setuid in a threaded process: not root, not tested");
		return;
	}
	pid = fork();
	if (pid == 0) {
		pthread_t t[4];
		void *r;
		int i, ok = 1;

		pthread_barrier_init(&bar, NULL, 5);
		for (i = 0; i < 4; i++)
			pthread_create(&t[i], NULL, sleeper, NULL);
		pthread_barrier_wait(&bar);
		if (setuid(1000) != 0)	/* SIGSETXID to every thread */
			ok = 0;
		pthread_barrier_wait(&bar);
		for (i = 0; i < 4; i++) {
			pthread_join(t[i], &r);
			if ((long)r != 1000)
				ok = 0;
		}
		_exit(ok ? 0 : 1);
	}
	CHECK(child_status(pid) == 0, "setuid in a threaded process changed every thread's uid");
}

static char stack[65536] __attribute__((aligned(16)));
static volatile int clone_ran;
static int clone_fn(void *arg)
{
	(void)arg;
	clone_ran = getppid() > 0;
	return 12;
}

static void test_clone(void)
{
	pid_t pid = clone(clone_fn, stack + sizeof(stack), SIGCHLD, NULL);

	CHECK(pid > 0 && child_status(pid) == 12, "clone (no CLONE_VM): the child ran fn and exited with its value");
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--exit") == 0)
		return getpid() > 0 ? atoi(argv[2]) : 100;
	ck_begin("l_process");
	test_fork();
	test_vfork(argv[0]);
	test_spawn_exec(argv[0]);
	test_threads();
	test_cancel();
	test_setxid();
	test_clone();
	return ck_end();
}
