/*
 * libxsc: direct use of the calling thread's XSC ring (see xsc.h).
 * Built with -mno-red-zone: the entry is called from inline asm.
 *
 * Where things are: the XSC C library keeps each thread's ring, the
 * entry and the signal restorer in its TCB (%fs:0x20, 0x38, 0x40;
 * libc/sysdeps/unix/sysv/linux/x86_64/xsc/xsc-ring.h). The word after
 * sync_top in the ring header (reserved0, never read by the kernel)
 * counts the batch stack.
 */
#include <errno.h>
#include <stddef.h>
#include <xsc.h>

#define TCB_RING 0x20
#define TCB_ENTRY 0x38
#define MASK (XSC_RING_ENTRIES - 1)

_Static_assert(sizeof(struct xsc_sqe) == 64, "SQE size");
_Static_assert(offsetof(struct xsc_ring_hdr, reserved0) ==
	       offsetof(struct xsc_ring_hdr, sync_top) + 4, "batch counter");

struct xsc_ring_hdr *xsc_ring(void)
{
	return *(struct xsc_ring_hdr *__seg_fs *)TCB_RING;
}

static inline struct xsc_sqe *sqe_at(struct xsc_ring_hdr *r, unsigned int slot)
{
	return (struct xsc_sqe *)((char *)r + XSC_RING_SQES_OFF) + (slot & MASK);
}

static inline long enter(unsigned int first, unsigned int count)
{
	register unsigned long rdi asm("rdi") = first;
	register unsigned long rsi asm("rsi") = count;
	long res;

	asm volatile("call *%%fs:%c[entry]"
		     : "=a"(res), "+r"(rdi), "+r"(rsi)
		     : [entry] "i"(TCB_ENTRY)
		     : "memory", "cc", "rcx", "r11");
	return res;
}

/* One synchronous call on the sync stack, as the C library makes it. */
static long submit(long nr, int n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	struct xsc_ring_hdr *r = xsc_ring();
	unsigned int top = 1;
	struct xsc_sqe *s;
	long res;

	asm volatile("xaddl %0, %1" : "+r"(top), "+m"(r->sync_top) : : "cc");
	s = sqe_at(r, top);
	s->nr = (unsigned long)nr;
	s->args[0] = (unsigned long)a1;
	if (n > 1)
		s->args[1] = (unsigned long)a2;
	if (n > 2)
		s->args[2] = (unsigned long)a3;
	if (n > 3)
		s->args[3] = (unsigned long)a4;
	if (n > 4)
		s->args[4] = (unsigned long)a5;
	if (n > 5)
		s->args[5] = (unsigned long)a6;
	res = enter(top & MASK, 1);
	*(volatile unsigned int *)&r->sync_top = top;
	return res;
}

long __xsc_submit_0(long nr) { return submit(nr, 0, 0, 0, 0, 0, 0, 0); }
long __xsc_submit_1(long nr, long a1) { return submit(nr, 1, a1, 0, 0, 0, 0, 0); }
long __xsc_submit_2(long nr, long a1, long a2) { return submit(nr, 2, a1, a2, 0, 0, 0, 0); }
long __xsc_submit_3(long nr, long a1, long a2, long a3)
{
	return submit(nr, 3, a1, a2, a3, 0, 0, 0);
}
long __xsc_submit_4(long nr, long a1, long a2, long a3, long a4)
{
	return submit(nr, 4, a1, a2, a3, a4, 0, 0);
}
long __xsc_submit_5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	return submit(nr, 5, a1, a2, a3, a4, a5, 0);
}
long __xsc_submit_6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return submit(nr, 6, a1, a2, a3, a4, a5, a6);
}

int xsc_batch_init(struct xsc_batch *b, unsigned int cap)
{
	struct xsc_ring_hdr *r = xsc_ring();
	unsigned int taken = cap;

	if (cap == 0 || cap > XSC_BATCH_MAX)
		return -EINVAL;
	/* the batch stack counts down from the ring's last slot */
	asm volatile("xaddl %0, %1" : "+r"(taken), "+m"(r->reserved0) : : "cc");
	b->ring = r;
	b->taken = taken;
	b->first = (XSC_RING_ENTRIES - taken - cap) & MASK;
	b->count = 0;
	b->cap = cap;
	return 0;
}

int xsc_batch_add(struct xsc_batch *b, long nr, long a1, long a2, long a3,
		  long a4, long a5, long a6, unsigned long user_data)
{
	struct xsc_sqe *s;

	if (b->count >= b->cap)
		return -ENOSPC;
	s = sqe_at(b->ring, b->first + b->count);
	s->nr = (unsigned long)nr;
	s->args[0] = (unsigned long)a1;
	s->args[1] = (unsigned long)a2;
	s->args[2] = (unsigned long)a3;
	s->args[3] = (unsigned long)a4;
	s->args[4] = (unsigned long)a5;
	s->args[5] = (unsigned long)a6;
	s->user_data = user_data;
	return (int)b->count++;
}

long xsc_batch_submit(struct xsc_batch *b)
{
	if (b->count == 0)
		return -EINVAL;
	return enter(b->first, b->count);
}

const struct xsc_cqe *xsc_batch_cqe(const struct xsc_batch *b, unsigned int i)
{
	if (i >= b->count)
		return NULL;
	return (const struct xsc_cqe *)((const char *)b->ring + b->ring->cqes_off) +
	       ((b->first + i) & MASK);
}

void xsc_batch_reset(struct xsc_batch *b)
{
	b->count = 0;
}

void xsc_batch_release(struct xsc_batch *b)
{
	*(volatile unsigned int *)&b->ring->reserved0 = b->taken;
	b->count = b->cap = 0;
}
