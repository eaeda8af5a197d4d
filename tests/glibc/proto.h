/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The protocol between xsc-test-wrapper (on the build machine, glibc's
 * test-wrapper) and xsc-testd (in the guest): one TCP connection per
 * command, frames of a type byte, a 32-bit little-endian length and that
 * many bytes.
 *
 * wrapper -> testd: C cwd, A argument (one per argv word, in order),
 *                   E "NAME=value" (added to the guest's environment),
 *                   G go (the command starts), then I stdin bytes and
 *                   i (stdin is at its end).
 * testd -> wrapper: O stdout bytes, R stderr bytes, and last either
 *                   X the wait status (4 bytes) or F a message saying why
 *                   the command could not be run.
 */
#ifndef XSC_TESTD_PROTO_H
#define XSC_TESTD_PROTO_H

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define TESTD_PORT 7070		/* in the guest; the host forwards its own */
#define TESTD_MAX_FRAME (1u << 20)
#define TESTD_MAX_ARGS 4096

static inline int full_write(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* 1: the whole buffer, 0: end of stream before its first byte, -1: error
 * or an end of stream inside it */
static inline int full_read(int fd, void *buf, size_t len)
{
	char *p = buf;
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, p + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return got ? -1 : 0;
		got += (size_t)n;
	}
	return 1;
}

static inline int send_frame(int fd, char type, const void *data, uint32_t len)
{
	unsigned char h[5] = { (unsigned char)type, len & 0xff, (len >> 8) & 0xff,
			       (len >> 16) & 0xff, (len >> 24) & 0xff };

	if (full_write(fd, h, sizeof(h)))
		return -1;
	return len ? full_write(fd, data, len) : 0;
}

/* the frame's header: 1 and *type, *len set; 0 at a clean end; -1 */
static inline int recv_header(int fd, char *type, uint32_t *len)
{
	unsigned char h[5];
	int r = full_read(fd, h, sizeof(h));

	if (r <= 0)
		return r;
	*type = (char)h[0];
	*len = h[1] | (uint32_t)h[2] << 8 | (uint32_t)h[3] << 16 | (uint32_t)h[4] << 24;
	if (*len > TESTD_MAX_FRAME)
		return -1;
	return 1;
}

#endif
