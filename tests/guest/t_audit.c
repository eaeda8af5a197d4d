/*
 * Ring calls are audited like instruction syscalls: enable audit and add
 * an audit rule for getppid over netlink (what auditctl -e 1 and
 * auditctl -a always,exit -S getppid do), make a ring call with a marker
 * argument in a child forked after that, and find the AUDIT_SYSCALL
 * record (printed to the kernel log when no auditd runs); then delete the
 * rule.
 */
#include "../lib/rt.h"

#define AF_NETLINK 16
#define SOCK_RAW 3
#define NETLINK_AUDIT 9
#define AUDIT_SET 1001
#define AUDIT_STATUS_ENABLED 1
#define AUDIT_ADD_RULE 1011
#define AUDIT_DEL_RULE 1012
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
	int found = 0, st = -1;

	(void)argc;
	(void)argv;
	rt_prog = "audit";
	/*
	 * kauditd prints under printk_ratelimit(): on a kernel that logs much
	 * (Debian's: AppArmor, a record per SIGSYS death) our record could be
	 * one of the "callbacks suppressed". No rate limit for this test.
	 */
	kfd = SYS4(__NR_openat, -100, "/proc/sys/kernel/printk_ratelimit", 01 /* O_WRONLY */, 0);
	SYS3(__NR_write, kfd, "0\n", 2);
	SYS1(__NR_close, kfd);
	fd = SYS3(__NR_socket, AF_NETLINK, SOCK_RAW, NETLINK_AUDIT);
	/* auditctl -e 1: a kernel booted without audit=1 audits from now on */
	{
		struct {
			struct nlmsghdr_ h;
			unsigned int mask, enabled, rest[9];
		} en = { { sizeof(en), AUDIT_SET, 1 | 4, 2, 0 }, AUDIT_STATUS_ENABLED, 1, { 0 } };

		sys6(__NR_sendto, fd, (long)&en, sizeof(en), 0, 0, 0);
		ack.error = -1;
		SYS3(__NR_read, fd, &ack, sizeof(ack));
		rt_check(ack.h.type == NLMSG_ERROR && ack.error == 0, "audit enabled over netlink",
			 "type=%d error=%d", ack.h.type, ack.error);
	}
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

	/* a task gets its audit context at fork: make the call in a new one */
	v = SYS0(__NR_fork);
	if (v == 0)
		rt_exit(SYS1(__NR_getppid, 0x5a5a2) > 0 ? 0 : 1);
	st = rt_wait(v, 0);
	v = st == 0;

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
		 "child status %x, %ld bytes of log", st, n);
	/* auditctl -d: the rest of the boot is not logged call by call */
	msg.h.type = AUDIT_DEL_RULE;
	msg.h.seq = 3;
	sys6(__NR_sendto, fd, (long)&msg, sizeof(msg), 0, 0, 0);
	SYS3(__NR_read, fd, &ack, sizeof(ack));
	return rt_done();
}
