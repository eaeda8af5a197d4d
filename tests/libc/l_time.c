/*
 * l_time: time on the XSC C library: clock_gettime and gettimeofday and
 * time through the XSC vDSO, a CPU-time clock through its ring fallback,
 * nanosleep, clock_nanosleep, getcpu, a POSIX timer.
 */
#include "check.h"
#include <sched.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static double since(const struct timespec *a)
{
	struct timespec b;

	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) + (b.tv_nsec - a->tv_nsec) / 1e9;
}

static volatile sig_atomic_t fired;
static void on_timer(int sig)
{
	(void)sig;
	fired++;
}

int main(void)
{
	struct timespec t0, t1, r;
	struct timeval tv;
	long calls;
	int i;

	ck_begin("l_time");
	calls = ck_ring_calls();
	for (i = 0; i < 100; i++)
		clock_gettime(CLOCK_MONOTONIC, &t0);
	gettimeofday(&tv, NULL);
	/* time() reads the tick's coarse seconds: just after a second
	   begins it can still say the one before, a tick behind
	   gettimeofday (as on any Linux) */
	CHECK(t0.tv_sec > 0 && tv.tv_sec > 1000000000 && time(NULL) >= tv.tv_sec - 1,
	      "clock_gettime, gettimeofday, time");
	/* the vDSO answers these without the kernel, unless the clocksource
	   has no vDSO mode (then its fallback takes the ring) */
	CHECK(ck_ring_calls() - calls < 300, "100 clock_gettime calls: %ld ring calls (vDSO)",
	      ck_ring_calls() - calls);
	CHECK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1) == 0 && (t1.tv_sec > 0 || t1.tv_nsec > 0),
	      "CLOCK_PROCESS_CPUTIME_ID (the vDSO's ring fallback)");
	errno = 0;
	CHECK(clock_gettime(12345, &t1) == -1 && errno == EINVAL, "an invalid clock: EINVAL");
	CHECK(clock_getres(CLOCK_MONOTONIC, &r) == 0 && r.tv_nsec > 0, "clock_getres");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct timespec d = { 0, 20000000 };
	CHECK(nanosleep(&d, NULL) == 0 && since(&t0) >= 0.02, "nanosleep 20 ms slept at least 20 ms");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	t1 = t0;
	t1.tv_nsec += 10000000;
	if (t1.tv_nsec >= 1000000000) {
		t1.tv_sec++;
		t1.tv_nsec -= 1000000000;
	}
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t1, NULL) == 0 && since(&t0) >= 0.01,
	      "clock_nanosleep to an absolute time");

	unsigned cpu = 99, node = 99;
	CHECK(getcpu(&cpu, &node) == 0 && cpu < 2 && sched_getcpu() >= 0, "getcpu (cpu %u)", cpu);

	struct sigaction sa = { .sa_handler = on_timer };
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGRTMIN };
	struct itimerspec its = { { 0, 5000000 }, { 0, 5000000 } };
	timer_t tm;
	sigaction(SIGRTMIN, &sa, NULL);
	CHECK(timer_create(CLOCK_MONOTONIC, &ev, &tm) == 0 && timer_settime(tm, 0, &its, NULL) == 0,
	      "timer_create, timer_settime");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (fired < 5 && since(&t0) < 5)
		pause();
	CHECK(fired >= 5 && timer_delete(tm) == 0, "the timer fired %d times", (int)fired);
	return ck_end();
}
