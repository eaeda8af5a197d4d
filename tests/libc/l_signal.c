/*
 * l_signal: signals on the XSC C library: sigaction, sigprocmask, kill,
 * handlers that make calls, SA_RESTART against EINTR, siglongjmp out of
 * a handler, sigaltstack, backtrace() through the signal frame, also
 * from an SA_RESTART handler that interrupted a blocked read (its frame
 * shows the restart stub of the [xsc] page: the page's own unwind
 * information leads back to the reader).
 */
#include "check.h"
#include <execinfo.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/syscall.h>

static volatile sig_atomic_t got, handler_calls_ok = 1;
static int pfd[2];

static void handler(int sig)
{
	/* calls from the handler, on the ring the interrupted code uses */
	if (syscall(SYS_getpid) != getpid() || write(pfd[1], "h", 1) != 1)
		handler_calls_ok = 0;
	got = sig;
}

static sigjmp_buf jb;
static void jumper(int sig)
{
	(void)sig;
	siglongjmp(jb, 1);
}

static int frames;
static void tracer(int sig)
{
	void *bt[32];

	(void)sig;
	frames = backtrace(bt, 32);
}
static __attribute__((noinline)) void deep(void)
{
	raise(SIGUSR2);
}

/* backtrace() in an SA_RESTART handler: does it reach the blocked reader? */
static void *restart_bt[32];
static int restart_frames;
static void restart_tracer(int sig)
{
	(void)sig;
	restart_frames = backtrace(restart_bt, 32);
}
/* in a section of its own: the linker's __start_/__stop_ symbols bound it */
extern char __start_l_signal_reader[], __stop_l_signal_reader[];
static __attribute__((noinline, section("l_signal_reader"))) int blocked_reader(int fd)
{
	char c;
	int rc = (int)read(fd, &c, 1);

	__asm__ volatile("" ::: "memory");	/* no tail call: a frame of its own */
	return rc;
}
struct late { int fd[2]; pthread_t reader; };
static void *late_writer(void *arg)
{
	struct late *l = arg;

	usleep(300000);
	pthread_kill(l->reader, SIGUSR2);	/* into the blocked read */
	usleep(300000);
	if (write(l->fd[1], "w", 1) != 1)
		return arg;
	return NULL;
}
static int reader_in_backtrace(void)
{
	struct sigaction rs = { .sa_handler = restart_tracer, .sa_flags = SA_RESTART };
	struct late l = { .reader = pthread_self() };
	pthread_t t;
	int i;

	sigaction(SIGUSR2, &rs, NULL);
	if (pipe(l.fd))
		return -1;
	pthread_create(&t, NULL, late_writer, &l);
	i = blocked_reader(l.fd[0]);
	pthread_join(t, NULL);
	close(l.fd[0]);
	close(l.fd[1]);
	if (i != 1 || !restart_frames)
		return -1;
	for (i = 1; i < restart_frames; i++)	/* 0 is the handler */
		if ((char *)restart_bt[i] > __start_l_signal_reader &&
		    (char *)restart_bt[i] <= __stop_l_signal_reader)
			return i;
	return -2;
}

static void drain(void)
{
	char buf[64];

	while (read(pfd[0], buf, sizeof(buf)) > 0)
		;
}

static void *kicker(void *arg)
{
	usleep(200000);
	pthread_kill(*(pthread_t *)arg, SIGUSR1);
	return NULL;
}

/* read a pipe that stays empty while another thread signals us */
static int interrupted_read(int flags)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = flags };
	pthread_t self = pthread_self(), t;
	int p[2], rc;
	char c;

	sigaction(SIGUSR1, &sa, NULL);
	pipe(p);
	pthread_create(&t, NULL, kicker, &self);
	if (flags & SA_RESTART) {
		/* restarted: the read goes on until data comes */
		alarm(1);
		struct sigaction al = { .sa_handler = handler };
		sigaction(SIGALRM, &al, NULL);
	}
	errno = 0;
	rc = read(p[0], &c, 1);
	rc = rc < 0 ? -errno : rc;
	pthread_join(t, NULL);
	alarm(0);
	close(p[0]);
	close(p[1]);
	return rc;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = handler };
	sigset_t set, old, pend;
	char c;
	int i;

	ck_begin("l_signal");
	pipe(pfd);
	fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
	CHECK(kill(getpid(), SIGUSR1) == 0 && got == SIGUSR1, "kill: the handler ran");
	CHECK(handler_calls_ok && read(pfd[0], &c, 1) == 1 && c == 'h', "the handler made calls");

	got = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0 && raise(SIGUSR1) == 0 && got == 0,
	      "sigprocmask: a blocked signal waits");
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1), "sigpending shows it");
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0 && got == SIGUSR1, "unblocked: delivered");
	read(pfd[0], &c, 1);

	CHECK(interrupted_read(0) == -EINTR, "without SA_RESTART a blocked read returns EINTR");
	/* with SA_RESTART the read is restarted; SIGALRM (no SA_RESTART) ends it */
	CHECK(interrupted_read(SA_RESTART) == -EINTR && got == SIGALRM,
	      "with SA_RESTART the read went on after SIGUSR1 (ended by SIGALRM)");

	struct sigaction js = { .sa_handler = jumper };
	sigaction(SIGUSR1, &js, NULL);
	int jumps = 0;
	for (i = 0; i < 1000; i++)
		if (sigsetjmp(jb, 1) == 0)
			raise(SIGUSR1);
		else
			jumps++;
	CHECK(jumps == 1000, "1000 siglongjmps out of a handler");
	drain();
	CHECK(getpid() > 0 && write(pfd[1], "z", 1) == 1 && read(pfd[0], &c, 1) == 1 && c == 'z',
	      "calls still work after them");

	stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536 };
	struct sigaction os = { .sa_handler = handler, .sa_flags = SA_ONSTACK };
	got = 0;
	CHECK(sigaltstack(&ss, NULL) == 0 && sigaction(SIGUSR1, &os, NULL) == 0 && raise(SIGUSR1) == 0 &&
	      got == SIGUSR1 && handler_calls_ok, "a handler on the alternate stack makes calls");
	drain();

	struct sigaction ts = { .sa_handler = tracer };
	sigaction(SIGUSR2, &ts, NULL);
	deep();
	CHECK(frames >= 4, "backtrace() from a handler steps through the signal frame (%d frames)", frames);
	i = reader_in_backtrace();
	CHECK(i > 0, "backtrace() in an SA_RESTART handler that interrupted a blocked read reaches the "
	      "reader (frame %d of %d; -2: not found, -1: the read failed)", i, restart_frames);
	return ck_end();
}
