/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * XSC: system calls through per-thread shared-memory rings.
 *
 * This header is the whole user/kernel contract of XSC. The kernel, the C
 * library and the freestanding tests all include this one file; see
 * docs/abi.md in the XSC repository for the prose version.
 */
#ifndef _UAPI_LINUX_XSC_H
#define _UAPI_LINUX_XSC_H

#include <linux/types.h>

/*
 * ELF marking: an executable with a PT_NOTE entry of this name and type,
 * whose descriptor is a 4-byte ABI version, is started as an XSC task.
 */
#define XSC_NOTE_NAME		"XSC"
#define XSC_NOTE_TYPE		1
#define XSC_ABI_VERSION		1

/*
 * Auxiliary vector entries given to an XSC task. The values sit far above
 * the Linux AT_* range so that no future Linux tag can collide with them.
 *
 * AT_XSC_ENTRY      address of the entry function (see below)
 * AT_XSC_RING       address of the calling thread's ring (struct xsc_ring_hdr)
 * AT_XSC_SIGRETURN  address of a signal restorer that performs rt_sigreturn
 *                   without touching the ring; pass it as sa_restorer
 */
#define AT_XSC_ENTRY		0x78736301
#define AT_XSC_RING		0x78736302
#define AT_XSC_SIGRETURN	0x78736303

/*
 * Submission queue entry: an x86-64 system call number and its six
 * arguments, exactly as they would be passed in rax, rdi, rsi, rdx, r10,
 * r8 and r9. user_data is copied to the completion entry untouched.
 */
struct xsc_sqe {
	__u64 nr;
	__u64 args[6];
	__u64 user_data;
};

/* Completion queue entry: the value the syscall instruction returns. */
struct xsc_cqe {
	__s64 res;		/* result or -errno */
	__u64 user_data;	/* copied from the SQE */
};

/*
 * A ring is one private anonymous mapping per thread: this header at
 * offset 0, then sq_entries SQEs at sqes_off and as many CQEs at cqes_off.
 * The kernel fills the header when it creates the ring and never reads
 * it back: corrupting it hurts only the task that owns it.
 */
struct xsc_ring_hdr {
	__u32 magic;		/* XSC_RING_MAGIC */
	__u32 version;		/* XSC_ABI_VERSION */
	__u32 sq_entries;	/* power of two */
	__u32 cq_entries;	/* == sq_entries; CQE i answers SQE i */
	__u32 sqes_off;		/* byte offset of struct xsc_sqe[sq_entries] */
	__u32 cqes_off;		/* byte offset of struct xsc_cqe[cq_entries] */
	__u32 ring_size;	/* bytes mapped, header included */
	__u32 flags;		/* none defined yet, 0 */
	/*
	 * User-space convention, never read by the kernel: the next free
	 * slot of the synchronous-call stack. A synchronous caller reserves
	 * a slot with one non-locked xadd (signal handlers nest, so the
	 * slots are used like a stack), submits it and gives it back.
	 */
	__u32 sync_top;
	__u32 reserved0;
	__u64 reserved[11];
};

#define XSC_RING_MAGIC		0x52435358	/* "XSCR" little-endian */
#define XSC_RING_ENTRIES	256
#define XSC_RING_SQES_OFF	4096
#define XSC_RING_CQES_OFF	(XSC_RING_SQES_OFF + \
				 XSC_RING_ENTRIES * sizeof(struct xsc_sqe))
#define XSC_RING_SIZE		(XSC_RING_CQES_OFF + \
				 XSC_RING_ENTRIES * sizeof(struct xsc_cqe))

/*
 * The entry function (AT_XSC_ENTRY), called with `call`:
 *
 *   in:   edi = first slot, esi = count
 *   out:  rax = result of the last SQE executed, or -EINVAL when
 *         first >= sq_entries or count > sq_entries (nothing executed)
 *         count == 0: rax = address of the calling thread's ring
 *   clobbers: rcx, rdi, rsi, r11, flags; every other register is kept
 *
 * It executes SQEs first, first+1, ... first+count-1 (slot indices taken
 * modulo sq_entries) in order and writes each result to the CQE of the
 * same index before it returns. Signals are delivered between SQEs and
 * interrupted calls restart exactly as with the syscall instruction
 * (SA_RESTART, -EINTR, restart_syscall). The entry returns only once the
 * whole run is done, unless an SQE does not return (exit, a successful
 * execve, rt_sigreturn).
 *
 * In the child of a clone/fork/vfork SQE the entry returns at once with
 * rax = 0 and writes no CQE; the rest of the run is the parent's.
 */

/*
 * Unwind information: the page that holds the entry (AT_XSC_ENTRY rounded
 * down to 4096) carries at this offset an .eh_frame_hdr (version 1, with a
 * binary-search table) and the .eh_frame it points to, describing the
 * page's code. A signal frame of a restarted call shows a PC inside this
 * page; an unwinder asked about such a PC uses this header as it would an
 * object's PT_GNU_EH_FRAME (glibc's _dl_find_object returns it).
 */
#define XSC_PAGE_EH_FRAME_HDR	0x80

/* si_code of the SIGSYS an XSC task gets for a syscall instruction */
#define SYS_XSC			3

#endif /* _UAPI_LINUX_XSC_H */
