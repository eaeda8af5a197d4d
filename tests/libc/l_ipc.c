/*
 * l_ipc: inter-process communication on the XSC C library: pipes, mmap
 * shared between processes, futexes through contended mutexes and
 * condition variables, POSIX and System V semaphores, eventfd.
 */
#include "check.h"
#include <pthread.h>
#include <semaphore.h>
#include <sys/eventfd.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/wait.h>

#define NT 8
#define ITER 20000
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long counter, turn;
static sem_t sem_a, sem_b;

static void *adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITER; i++) {
		pthread_mutex_lock(&mu);
		counter++;
		pthread_mutex_unlock(&mu);
	}
	return NULL;
}

static void *pinger(void *arg)
{
	long me = (long)arg;

	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&mu);
		while (turn % 2 != me)
			pthread_cond_wait(&cv, &mu);
		turn++;
		pthread_cond_broadcast(&cv);
		pthread_mutex_unlock(&mu);
	}
	return NULL;
}

static void *sem_partner(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		sem_wait(&sem_a);
		sem_post(&sem_b);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[NT];
	int i, st;

	ck_begin("l_ipc");
	for (i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, adder, NULL);
	for (i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	CHECK(counter == NT * ITER, "contended mutex: %ld of %d increments", counter, NT * ITER);

	pthread_create(&t[0], NULL, pinger, (void *)0L);
	pthread_create(&t[1], NULL, pinger, (void *)1L);
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	CHECK(turn == 2000, "condition variable ping-pong: %ld turns", turn);

	sem_init(&sem_a, 0, 0);
	sem_init(&sem_b, 0, 0);
	pthread_create(&t[0], NULL, sem_partner, NULL);
	for (i = 0; i < 1000; i++) {
		sem_post(&sem_a);
		sem_wait(&sem_b);
	}
	pthread_join(t[0], NULL);
	CHECK(sem_trywait(&sem_a) == -1 && errno == EAGAIN, "POSIX semaphores: 1000 round trips, none left");

	int semid = semget(IPC_PRIVATE, 1, 0600);
	struct sembuf up = { 0, 1, 0 }, down = { 0, -1, 0 };
	CHECK(semid >= 0 && semop(semid, &up, 1) == 0 && semop(semid, &down, 1) == 0 &&
	      semctl(semid, 0, GETVAL) == 0 && semctl(semid, 0, IPC_RMID) == 0, "System V semaphore");

	long *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(shared != MAP_FAILED, "mmap MAP_SHARED");
	pid_t pid = fork();
	if (pid == 0) {
		shared[0] = 0x5c5c;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	CHECK(shared[0] == 0x5c5c, "the child's store is seen through the shared mapping");
	CHECK(mprotect(shared, 4096, PROT_READ) == 0 && munmap(shared, 4096) == 0, "mprotect, munmap");
	errno = 0;
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF,
	      "mmap of fd -1 without MAP_ANONYMOUS: EBADF");

	int p[2];
	char buf[100000];
	CHECK(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		memset(buf, 'p', sizeof(buf));
		_exit(write(p[1], buf, sizeof(buf)) == sizeof(buf) ? 0 : 1);
	}
	close(p[1]);
	ssize_t n, total = 0;
	while ((n = read(p[0], buf, sizeof(buf))) > 0)
		total += n;
	waitpid(pid, &st, 0);
	CHECK(total == sizeof(buf) && st == 0, "100000 bytes through a pipe between processes");

	int efd = eventfd(0, 0);
	uint64_t v = 3;
	CHECK(write(efd, &v, 8) == 8 && write(efd, &v, 8) == 8 && read(efd, &v, 8) == 8 && v == 6, "eventfd");
	return ck_end();
}
