/* SPDX-License-Identifier: GPL-2.0 */
/*
 * XSC kernel-internal interface: per-thread state and the hooks that the
 * XSC patch series places in exec, fork, exit, the page-fault and trap
 * handlers and the x86 signal code. The hooks live in drivers/xsc/ (all but ring.c),
 * which is always built in when CONFIG_XSC is y or m; the ring driver
 * itself (drivers/xsc/ring.c) may be the module xsc.ko.
 */
#ifndef _LINUX_XSC_H
#define _LINUX_XSC_H

#include <linux/const.h>

/* Fixed kernel address whose user-mode load is the XSC doorbell. */
#define XSC_DOORBELL		_UL(0xffffffffffe00000)

/* Offsets inside the kernel-owned entry page (see drivers/xsc/entry-page.S). */
#define XSC_OFF_ENTRY		0x00
#define XSC_OFF_DB_ENTRY	0x07	/* the faulting load of xsc_entry */
#define XSC_OFF_RESTART		0x10
#define XSC_OFF_RESTART_BLOCK	0x20
#define XSC_OFF_DB_RESTART_BLOCK 0x28
#define XSC_OFF_SIGRETURN	0x30
#define XSC_OFF_DB_SIGRETURN	0x37
#define XSC_OFF_TRAP		0x40	/* return of a SECCOMP_RET_TRAP handler */
#define XSC_OFF_DB_TRAP		0x4a
/* the unwind information: uapi XSC_PAGE_EH_FRAME_HDR (checked in entry.c) */
#define XSC_OFF_EH_FRAME_HDR	0x80

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <uapi/linux/xsc.h>

struct pt_regs;
struct task_struct;
struct linux_binprm;
struct file;
struct k_sigaction;
struct seq_file;
struct pid_namespace;
struct pid;
struct elf64_phdr;
struct vm_area_struct;

/* struct xsc_thread.flags */
#define XSC_F_TASK		0x1	/* this thread is an XSC task */
#define XSC_F_OWNS_RING		0x2	/* ring was made for this thread */
#define XSC_F_REFUSED		0x4	/* syscall insn refused, skip exit work */
#define XSC_F_PUT_DRIVER	0x8	/* drop a driver reference once out of it */
#define XSC_F_TRAPPED		0x10	/* seccomp trapped the running ring call */

#define xsc_is_task(t)		((t)->xsc.flags & XSC_F_TASK)

/* per thread, and in signal_struct for the threads that exited */
struct xsc_counters {
	u64 calls;	/* SQEs executed */
	u64 entries;	/* doorbell entries */
	u64 sigsys;	/* syscall instructions refused */
	u64 slow;	/* calls that took the full entry work */
};

static inline void xsc_counters_add(struct xsc_counters *to,
				    const struct xsc_counters *from)
{
	to->calls += from->calls;
	to->entries += from->entries;
	to->sigsys += from->sigsys;
	to->slow += from->slow;
}

/*
 * Per thread. A pending restart of an interrupted SQE lives in the user
 * register frame only (orig_ax, ax, di = slot, si = count), as the
 * instruction's does, so that a tracer or a signal frame owns it.
 */
struct xsc_thread {
	unsigned long	entry;		/* user address of the entry page */
	unsigned long	ring;		/* user address of this thread's ring */
	unsigned long	child_ring;	/* ring prepared for a clone child */
	unsigned int	flags;
	/* the frame a running ring call got (/proc/<pid>/syscall) */
	struct pt_regs	*call;
	/* folded into signal_struct when the thread exits */
	struct xsc_counters cnt;
};

/* Filled in by the ring driver (xsc.ko or built in) when it loads. */
struct xsc_ops {
	struct module *owner;
	/* run the SQEs named by regs (doorbell entry) */
	void (*ring_enter)(struct pt_regs *regs, bool restart_block);
	/* make a ring in the current mm; 0 on failure */
	unsigned long (*ring_alloc)(void);
};

#ifdef CONFIG_XSC_CORE

/* entry page images, drivers/xsc/entry-page.S: fault and syscall bodies */
extern const u8 xsc_entry_code[], xsc_entry_code_end[];
extern const u8 xsc_entry_code_sc[], xsc_entry_code_sc_end[];

int xsc_register(const struct xsc_ops *ops);
void xsc_unregister(const struct xsc_ops *ops);

/* exec */
int xsc_elf_check(struct linux_binprm *bprm, const struct elf64_phdr *phdr,
		  int phnum, struct file *interp,
		  const struct elf64_phdr *interp_phdr, int interp_phnum);
int xsc_exec_setup(struct linux_binprm *bprm, int marked);

/* fork/exit */
void xsc_copy_task(struct task_struct *p, unsigned long clone_flags);
void xsc_exit_task(struct task_struct *tsk);
/*
 * fork: is addr in the ring of tsk, the forking thread? copy_present_pte()
 * copies those pages for the child at once instead of copy-on-write.
 * A macro: linux/sched.h includes this file before task_struct is whole.
 */
#define xsc_fork_copies_now(tsk, addr)					\
	(((tsk)->xsc.flags & XSC_F_TASK) && (tsk)->xsc.ring &&		\
	 (addr) - (tsk)->xsc.ring < XSC_RING_SIZE)
/* fork: copy this vma's page table (the entry page) instead of faulting */
bool xsc_fork_copies_vma(const struct vm_area_struct *vma);

/* entry: xsc_doorbell() is called from exc_page_fault() */
bool xsc_doorbell(struct pt_regs *regs, unsigned long error_code);
/* the syscall entry body: do_syscall_64() calls this first */
bool xsc_syscall_doorbell(struct pt_regs *regs);
void xsc_ring_call(struct pt_regs *regs, unsigned long off);
long xsc_run_syscall(struct pt_regs *regs, const struct xsc_sqe *sqe,
		     bool restart_block, unsigned int slot, unsigned int left,
		     bool *frame_owned);
void xsc_set_restart(struct pt_regs *regs, long err, unsigned int slot,
		     unsigned int count, u64 nr);

/* signals and traps */
void xsc_signal_restart(struct pt_regs *regs, struct k_sigaction *ka);
void xsc_ring_exit(struct pt_regs *regs);
bool xsc_syscall_insn(struct pt_regs *regs);
bool xsc_trap_insn(struct pt_regs *regs);
bool xsc_vsyscall(struct pt_regs *regs, unsigned long address, int nr);
void xsc_seccomp_trap(struct pt_regs *regs);

/* /proc/<pid>/xsc and /proc/<pid>/syscall */
int xsc_proc_show(struct seq_file *m, struct pid_namespace *ns,
		  struct pid *pid, struct task_struct *task);
void xsc_syscall_args(struct task_struct *t, unsigned long *args);

#else
#define xsc_fork_copies_now(tsk, addr)	false
static inline bool xsc_fork_copies_vma(const struct vm_area_struct *vma)
{
	return false;
}
static inline void xsc_copy_task(struct task_struct *p,
				 unsigned long clone_flags) { }
static inline void xsc_exit_task(struct task_struct *tsk) { }
static inline void xsc_signal_restart(struct pt_regs *regs,
				      struct k_sigaction *ka) { }
static inline bool xsc_trap_insn(struct pt_regs *regs) { return false; }
static inline bool xsc_vsyscall(struct pt_regs *regs, unsigned long address,
				int nr) { return false; }
static inline void xsc_seccomp_trap(struct pt_regs *regs) { }
static inline void xsc_syscall_args(struct task_struct *t,
				    unsigned long *args) { }
#endif /* CONFIG_XSC_CORE */
#endif /* __ASSEMBLY__ */
#endif /* _LINUX_XSC_H */
