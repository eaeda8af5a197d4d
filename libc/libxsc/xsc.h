/*
 * <xsc.h>: libxsc, direct use of the calling thread's XSC ring.
 *
 * The C library already makes every system call through the ring; libxsc
 * is for programs that want the ring itself: one call with the raw result
 * (-errno, no errno), or many calls queued and run with one entry into the
 * kernel. It follows the C library's slot rules (docs/abi.md section 6),
 * so its calls, libc's calls and signal handlers mix freely in one thread:
 *
 *   - __xsc_submit_N takes a slot of the synchronous stack (sync_top),
 *     like every libc call;
 *   - a batch takes its slots from the other end of the ring (a second
 *     stack counted in the header word after sync_top), so a signal
 *     handler's calls, or a handler's own batch, never touch them.
 *
 * Limits: a batch holds at most XSC_BATCH_MAX SQEs; a thread's nested
 * batches and synchronous calls together must stay below the ring's 256
 * slots. A child of clone(CLONE_VM) without CLONE_SETTLS or CLONE_VFORK
 * has a ring of its own that libxsc cannot find (it shares its parent's
 * TCB): it must not use libxsc.
 *
 * Link with -lxsc. See xsc(3).
 */
#ifndef _XSC_H
#define _XSC_H 1

#include <linux/xsc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The calling thread's ring. */
struct xsc_ring_hdr *xsc_ring(void);

/* One system call NR, synchronously: the value or -errno, errno untouched. */
long __xsc_submit_0(long nr);
long __xsc_submit_1(long nr, long a1);
long __xsc_submit_2(long nr, long a1, long a2);
long __xsc_submit_3(long nr, long a1, long a2, long a3);
long __xsc_submit_4(long nr, long a1, long a2, long a3, long a4);
long __xsc_submit_5(long nr, long a1, long a2, long a3, long a4, long a5);
long __xsc_submit_6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#define XSC_BATCH_MAX 128

/* A batch: up to CAP SQEs written into consecutive slots, run in order by
   one entry into the kernel, each answered in the CQE of its slot. */
struct xsc_batch {
	struct xsc_ring_hdr *ring;
	unsigned int taken;	/* the batch-stack value taken (given back) */
	unsigned int first;	/* first slot */
	unsigned int count;	/* SQEs added */
	unsigned int cap;	/* slots reserved */
};

/* Reserve CAP (1..XSC_BATCH_MAX) slots: 0, or -EINVAL. */
int xsc_batch_init(struct xsc_batch *b, unsigned int cap);
/* Queue call NR with six arguments (unused ones ignored) and USER_DATA:
   its index in the batch, or -ENOSPC when the batch is full. */
int xsc_batch_add(struct xsc_batch *b, long nr, long a1, long a2, long a3,
		  long a4, long a5, long a6, unsigned long user_data);
/* Run the queued SQEs with one entry into the kernel: the result of the
   last one executed (see docs/abi.md section 3 for runs that stop early:
   exit, execve, an unreadable SQE). The batch can then be read, refilled
   with xsc_batch_reset and run again. */
long xsc_batch_submit(struct xsc_batch *b);
/* The completion of the batch's I-th call (valid after submit). */
const struct xsc_cqe *xsc_batch_cqe(const struct xsc_batch *b, unsigned int i);
/* Empty the batch, keeping its slots. */
void xsc_batch_reset(struct xsc_batch *b);
/* Give the slots back (batches nest: release in reverse order). */
void xsc_batch_release(struct xsc_batch *b);

#ifdef __cplusplus
}
#endif

#endif /* xsc.h */
