/*
 * l_io: file I/O on the XSC C library: open, read, write, close, lseek,
 * pread/pwrite, readv/writev, ioctl, fcntl, dup, and errno for failures.
 */
#include "check.h"
#include <sys/ioctl.h>
#include <sys/uio.h>

int main(void)
{
	char buf[64] = { 0 };
	const char *path = "/tmp/l_io.dat";
	int fd, fd2, n, fl;
	void *volatile bad_ptr = (void *)8;

	ck_begin("l_io");
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0, "open O_CREAT");
	CHECK(write(fd, "hello, ring", 11) == 11, "write returns the byte count");
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek");
	CHECK(read(fd, buf, sizeof(buf)) == 11 && memcmp(buf, "hello, ring", 11) == 0,
	      "read returns what was written");
	CHECK(pwrite(fd, "XY", 2, 7) == 2 && pread(fd, buf, 4, 7) == 4 && memcmp(buf, "XYng", 4) == 0,
	      "pwrite and pread at an offset");
	struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
	CHECK(lseek(fd, 0, SEEK_END) == 11 && writev(fd, iov, 2) == 5, "writev of two buffers");
	char a[3] = { 0 }, b[3] = { 0 };
	struct iovec riov[2] = { { a, 2 }, { b, 3 } };
	CHECK(lseek(fd, 11, SEEK_SET) == 11 && readv(fd, riov, 2) == 5 && memcmp(a, "ab", 2) == 0 &&
	      memcmp(b, "cde", 3) == 0, "readv into two buffers");
	fd2 = dup(fd);
	CHECK(fd2 > fd && lseek(fd2, 0, SEEK_CUR) == 16, "dup shares the offset");
	CHECK(dup2(fd, 40) == 40 && close(40) == 0, "dup2 to a chosen number");
	fl = fcntl(fd, F_GETFL);
	CHECK(fl >= 0 && (fl & O_ACCMODE) == O_RDWR, "fcntl F_GETFL");
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "fcntl F_SETFD/F_GETFD");
	CHECK(fcntl(fd, F_DUPFD, 50) >= 50, "fcntl F_DUPFD");

	int p[2];
	CHECK(pipe(p) == 0 && write(p[1], "12345", 5) == 5, "pipe");
	CHECK(ioctl(p[0], FIONREAD, &n) == 0 && n == 5, "ioctl FIONREAD says 5 bytes (%d)", n);
	CHECK(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0 && read(p[0], buf, 5) == 5, "read the pipe");
	errno = 0;
	CHECK(read(p[0], buf, 1) == -1 && errno == EAGAIN, "empty non-blocking pipe: EAGAIN");
	errno = 0;
	CHECK(ioctl(fd, TIOCGWINSZ, buf) == -1 && errno == ENOTTY, "ioctl on a file: ENOTTY");

	errno = 0;
	CHECK(read(-1, buf, 1) == -1 && errno == EBADF, "read(-1): EBADF");
	errno = 0;
	CHECK(open("/nonexistent/x", O_RDONLY) == -1 && errno == ENOENT, "open of a missing file: ENOENT");
	errno = 0;
	CHECK(write(fd, bad_ptr, 8) == -1 && errno == EFAULT, "write from a bad pointer: EFAULT");
	CHECK(close(fd) == 0 && close(fd2) == 0, "close");
	errno = 0;
	CHECK(close(fd) == -1 && errno == EBADF, "close twice: EBADF");
	unlink(path);
	return ck_end();
}
