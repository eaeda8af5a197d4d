/*
 * Basic ring calls: auxv, results equal to the instruction's, -ENOSYS,
 * -EFAULT, bad ranges, batches, the ring query, /proc/self/xsc (the
 * vDSO: t_vdso).
 */
#include "../lib/rt.h"



static char maps[16384];

int main(int argc, char **argv)
{
	struct xsc_ring_hdr *r = (struct xsc_ring_hdr *)rt_ring0;
	char buf[512];
	long pid, ppid, tid, v;
	unsigned int i;

	(void)argc;
	(void)argv;
	rt_prog = "basic";
	rt_check(rt_entry && rt_ring0 && rt_sigreturn, "auxv has AT_XSC_ENTRY, AT_XSC_RING, AT_XSC_SIGRETURN",
		 "entry=%lx ring=%lx sigret=%lx", rt_entry, rt_ring0, rt_sigreturn);
	rt_check(r->magic == XSC_RING_MAGIC && r->version == XSC_ABI_VERSION &&
		 r->sq_entries == XSC_RING_ENTRIES && r->sqes_off == XSC_RING_SQES_OFF &&
		 r->cqes_off == XSC_RING_CQES_OFF && r->ring_size == XSC_RING_SIZE,
		 "ring header filled by the kernel", "magic=%x entries=%u", r->magic, r->sq_entries);

	pid = SYS0(__NR_getpid);
	tid = SYS0(__NR_gettid);
	ppid = SYS0(__NR_getppid);
	rt_check(pid > 0 && tid == pid && ppid >= 0, "getpid/gettid/getppid through the ring",
		 "pid=%ld tid=%ld ppid=%ld", pid, tid, ppid);
	v = SYS3(__NR_write, 1, "hello from the ring\n", 20);
	rt_check(v == 20, "write(1) returns the byte count", "%ld", v);

	v = SYS0(5000);
	rt_check(v == -ENOSYS, "unknown syscall number gives -ENOSYS", "%ld", v);
	v = sys6(-5, 0, 0, 0, 0, 0, 0);
	rt_check(v == -ENOSYS, "negative syscall number gives -ENOSYS", "%ld", v);
	/* the instruction takes the low 32 bits of rax as the number (int) */
	v = sys6((1L << 32) | __NR_getpid, 0, 0, 0, 0, 0, 0);
	rt_check(v == pid, "(1<<32)|39 is getpid: the number is the low 32 bits", "%ld", v);
	v = sys6((long)0xffffffff00000000UL | __NR_getppid, 0, 0, 0, 0, 0, 0);
	rt_check(v == ppid, "0xffffffff0000006e is getppid", "%ld", v);
	v = sys6(0x80000000L | __NR_getpid, 0, 0, 0, 0, 0, 0);
	rt_check(v == -ENOSYS, "0x80000027 is a negative int: -ENOSYS", "%ld", v);
	v = sys6(0x40000000 + 39, 0, 0, 0, 0, 0, 0);
	rt_check(v == -ENOSYS, "x32 syscall numbers are not taken", "%ld", v);
	v = SYS3(__NR_write, 1, (void *)16, 10);
	rt_check(v == -EFAULT, "bad user pointer gives -EFAULT", "%ld", v);
	v = SYS3(__NR_read, 12345, buf, 1);
	rt_check(v == -EBADF, "bad fd gives -EBADF", "%ld", v);

	/* bad runs: nothing is executed */
	rt_sqe(r, 200)->nr = __NR_getpid;
	rt_cqe(r, 200)->res = 777;
	v = rt_enter(XSC_RING_ENTRIES, 1);
	rt_check(v == -EINVAL, "first slot out of range gives -EINVAL", "%ld", v);
	v = rt_enter(200, XSC_RING_ENTRIES + 1);
	rt_check(v == -EINVAL && rt_cqe(r, 200)->res == 777,
		 "count above ring size gives -EINVAL and runs nothing", "%ld", v);
	v = rt_enter(0, 0);
	rt_check(v == (long)rt_ring0, "count 0 returns the thread's ring", "%lx", v);

	/* a batch of 8 with distinct user_data, wrapping the end of the ring */
	for (i = 0; i < 8; i++) {
		struct xsc_sqe *q = rt_sqe(r, (252 + i) & 255);

		q->nr = (i & 1) ? __NR_getppid : __NR_getpid;
		q->user_data = 0xabc0 + i;
		rt_cqe(r, (252 + i) & 255)->res = -1;
	}
	v = rt_enter(252, 8);
	{
		int ok = v == ppid;

		for (i = 0; i < 8; i++) {
			struct xsc_cqe *c = rt_cqe(r, (252 + i) & 255);

			ok &= c->user_data == 0xabc0 + i &&
			      c->res == ((i & 1) ? ppid : pid);
		}
		rt_check(ok, "batch of 8 wrapping the ring: every CQE right, rax = last result",
			 "rax=%ld", v);
	}

	/* the header is the task's to scribble on: the kernel never reads it
	 * (the SQE is placed with the ABI constants, not the header) */
	{
		struct xsc_ring_hdr saved = *r;
		struct xsc_sqe *q = (struct xsc_sqe *)((char *)r + XSC_RING_SQES_OFF) + 77;

		memset(r, 0xff, sizeof(*r));
		q->nr = __NR_getpid;
		v = rt_enter(77, 1);
		*r = saved;
	}
	rt_check(v == pid, "a corrupted ring header does not matter to the kernel", "%ld", v);

	v = rt_read_file("/proc/self/xsc", buf, sizeof(buf));
	rt_check(v > 0 && rt_field(buf, "xsc") == 1 && rt_field(buf, "ring_calls") > 10 &&
		 rt_field(buf, "entries") > 10 && rt_field(buf, "sigsys") == 0,
		 "/proc/self/xsc shows an XSC process and its counters", "%s", buf);
	v = rt_read_file("/proc/1/xsc", buf, sizeof(buf));
	rt_check(v > 0 && rt_field(buf, "xsc") == 0, "/proc/1/xsc: init is not an XSC task", "%ld", v);
	v = rt_read_file("/proc/self/maps", maps, sizeof(maps));
	rt_check(rt_contains(maps, "[xsc]") && rt_contains(maps, "[vdso]"),
		 "maps show the [xsc] entry page and the [vdso]", "");
	return rt_done();
}
