/*
 * Ring calls are audited like instruction syscalls: add an audit rule
 * for getppid over netlink (what auditctl -a always,exit -S getppid
 * does), make a ring call with a marker argument, and find the
 * AUDIT_SYSCALL record (printed to the kernel log when no auditd runs).
 */
#include "../lib/rt.h"

#define AF_NETLINK 16
#define SOCK_RAW 3
#define NETLINK_AUDIT 9
#define AUDIT_ADD_RULE 1011
#define AUDIT_FILTER_EXIT 0x04
#define AUDIT_ALWAYS 2
#define AUDIT_ARCH_FIELD 11
#define AUDIT_EQUAL 0x40000000
#define NLMSG_ERROR 2

struct nlmsghdr_ {
	unsigned int len;
	unsigned short type, flags;
	unsigned int seq, pid;
};

struct rule {
	unsigned int flags, action, field_count;
	unsigned int mask[64];
	unsigned int fields[64], values[64], fieldflags[64];
	unsigned int buflen;
};

static struct {
	struct nlmsghdr_ h;
	struct rule r;
} msg;
static char kmsg[262144];

int main(int argc, char **argv)
{
	struct {
		struct nlmsghdr_ h;
		int error;
		char rest[256];
	} ack;
	long fd, v, n = 0, k, kfd, t0;
	int found = 0;

	(void)argc;
	(void)argv;
	rt_prog = "audit";
	fd = SYS3(__NR_socket, AF_NETLINK, SOCK_RAW, NETLINK_AUDIT);
	msg.h.len = sizeof(msg);
	msg.h.type = AUDIT_ADD_RULE;
	msg.h.flags = 1 | 4;	/* NLM_F_REQUEST | NLM_F_ACK */
	msg.h.seq = 1;
	msg.r.flags = AUDIT_FILTER_EXIT;
	msg.r.action = AUDIT_ALWAYS;
	msg.r.field_count = 1;
	msg.r.fields[0] = AUDIT_ARCH_FIELD;
	msg.r.values[0] = 0xc000003e;	/* AUDIT_ARCH_X86_64 */
	msg.r.fieldflags[0] = AUDIT_EQUAL;
	msg.r.mask[__NR_getppid / 32] = 1U << (__NR_getppid % 32);
	v = sys6(__NR_sendto, fd, (long)&msg, sizeof(msg), 0, 0, 0);
	ack.error = -1;
	SYS3(__NR_read, fd, &ack, sizeof(ack));
	rt_check(fd >= 0 && v == (long)sizeof(msg) && ack.h.type == NLMSG_ERROR && ack.error == 0,
		 "audit rule for getppid added over netlink", "fd=%ld sent=%ld type=%d error=%d", fd,
		 v, ack.h.type, ack.error);

	v = SYS1(__NR_getppid, 0x5a5a2);

	/* kauditd prints the record asynchronously */
	kfd = SYS4(__NR_openat, -100, "/dev/kmsg", 0x800 /* O_NONBLOCK */, 0);
	t0 = rt_now_ns();
	while (!found && rt_now_ns() - t0 < 5000000000L) {
		while (n < (long)sizeof(kmsg) - 2048 && (k = SYS3(__NR_read, kfd, kmsg + n, 2048)) > 0)
			n += k;
		kmsg[n] = 0;
		found = rt_contains(kmsg, "syscall=110") && rt_contains(kmsg, "a0=5a5a2");
		if (!found)
			rt_sleep_ms(100);
	}
	rt_check(v > 0 && found, "the ring call produced an AUDIT_SYSCALL record with its argument",
		 "getppid=%ld, %ld bytes of log", v, n);
	return rt_done();
}
