/*
 * l_stress [SECONDS]: threads make calls through the C library while a
 * high-rate timer signal's handler makes calls too, on whatever ring and
 * slot the interrupted thread was using. Every result is checked; the
 * calls must number at least 10^6 (the run goes on past SECONDS until they
 * do, up to ten times SECONDS) and the kernel's count must agree.
 */
#include "check.h"
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

#define NT 2
static atomic_long handler_calls, handler_bad, signals;
static volatile int stop;
static pid_t pid;
static int devnull, zero;

static void on_alarm(int sig)
{
	char b[8];
	int saved = errno;

	(void)sig;
	signals++;
	if (syscall(SYS_getpid) != pid)
		handler_bad++;
	if (read(zero, b, 3) != 3)
		handler_bad++;
	handler_calls += 2;
	errno = saved;
}

static void *worker(void *arg)
{
	long calls = 0, bad = 0, i = (long)arg;
	char buf[64];

	while (!stop) {
		size_t n = 1 + (i++ % 63);
		if (syscall(SYS_getpid) != pid)
			bad++;
		if (write(devnull, buf, n) != (ssize_t)n)
			bad++;
		if (read(zero, buf, n) != (ssize_t)n || buf[n - 1] != 0)
			bad++;
		if (getppid() <= 0)
			bad++;
		calls += 4;
	}
	return (void *)((calls << 20) | bad);
}

int main(int argc, char **argv)
{
	int secs = argc > 1 ? atoi(argv[1]) : 3;
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };
	struct itimerval it = { { 0, 200 }, { 0, 200 } };
	pthread_t t[NT];
	long calls = 0, bad = 0, before;
	void *r;
	int i;

	ck_begin("l_stress");
	pid = getpid();
	devnull = open("/dev/null", O_WRONLY);
	zero = open("/dev/zero", O_RDONLY);
	sigaction(SIGALRM, &sa, NULL);
	before = ck_ring_calls();
	setitimer(ITIMER_REAL, &it, NULL);
	for (i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, worker, (void *)(long)i);
	struct timespec t0, now, nap = { 0, 50000000 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* SECONDS at least, and on until the threads made 10^6 calls (a slow
	   TCG guest), but no longer than 10 times SECONDS */
	do	/* each SIGALRM ends a nanosleep early (EINTR) */
		nanosleep(&nap, NULL);
	while (clock_gettime(CLOCK_MONOTONIC, &now) == 0 &&
	       (now.tv_sec - t0.tv_sec < secs ||
		(ck_ring_calls() - before < 1100000 && now.tv_sec - t0.tv_sec < 10 * secs)));
	secs = (int)(now.tv_sec - t0.tv_sec);
	stop = 1;
	for (i = 0; i < NT; i++) {
		pthread_join(t[i], &r);
		calls += (long)r >> 20;
		bad += (long)r & 0xfffff;
	}
	it.it_value.tv_usec = it.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	long kernel = ck_ring_calls() - before;
	calls += handler_calls;
	CHECK(bad == 0 && handler_bad == 0, "%ld calls in %d s, %ld from %ld signal handlers: %ld wrong results",
	      calls, secs, (long)handler_calls, (long)signals, bad + handler_bad);
	CHECK(calls >= 1000000, "at least 10^6 calls (%ld)", calls);
	CHECK(signals >= 100, "the timer interrupted the threads %ld times", (long)signals);
	CHECK(kernel >= calls, "the kernel counted %ld ring calls for them", kernel);
	return ck_end();
}
