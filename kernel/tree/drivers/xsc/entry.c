// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel-owned entry page ("[xsc]"), the doorbells that make a call
 * into it a system call entry, and one system call for the ring driver,
 * through the same entry and exit work as the syscall instruction.
 */
#include <linux/entry-common.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/nospec.h>
#include <linux/randomize_kstack.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/syscalls.h>
#include <linux/xsc.h>
#include <asm/nospec-branch.h>
#include <asm/syscall.h>
#include <asm/trap_pf.h>
#include <asm/vdso.h>
#include "internal.h"

/* ---- the page ------------------------------------------------------ */

static struct page *xsc_entry_pages[2];

static int xsc_entry_mremap(const struct vm_special_mapping *sm,
			    struct vm_area_struct *new_vma)
{
	return -EINVAL;	/* the doorbell check knows one address per task */
}

static const struct vm_special_mapping xsc_entry_mapping = {
	.name = "[xsc]",
	.pages = xsc_entry_pages,
	.mremap = xsc_entry_mremap,
};

static int __init xsc_core_init(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u8 *p;

	BUILD_BUG_ON(XSC_OFF_EH_FRAME_HDR != XSC_PAGE_EH_FRAME_HDR);
	if (!page)
		return -ENOMEM;
	if (WARN_ON(xsc_entry_code_end - xsc_entry_code > PAGE_SIZE ||
		    xsc_entry_code_sc_end - xsc_entry_code_sc > PAGE_SIZE))
		return -EINVAL;
	p = page_address(page);
	memset(p, 0xcc, PAGE_SIZE);
	if (xsc_body_syscall)
		memcpy(p, xsc_entry_code_sc,
		       xsc_entry_code_sc_end - xsc_entry_code_sc);
	else
		memcpy(p, xsc_entry_code, xsc_entry_code_end - xsc_entry_code);
	xsc_entry_pages[0] = page;
	pr_info("xsc: entry body: %s\n",
		xsc_body_syscall ? "syscall in the entry page" : "page-fault doorbell");
	if (xsc_strict)
		pr_info("xsc: strict: unmarked executables are refused while the ring driver is loaded\n");
	return 0;
}
core_initcall(xsc_core_init);

/*
 * Map the entry page directly below the XSC vDSO, whose clock fallbacks
 * call it (xsc_map_vdso() in arch/x86/entry/vdso/vma.c).
 */
int xsc_map_entry(struct mm_struct *mm, unsigned long *out)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	int ret;

	if (!xsc_entry_pages[0])
		return -ENOMEM;
	ret = xsc_map_vdso(&xsc_entry_mapping, out);
	if (ret != -ENODEV)
		return ret;

	/* booted with vdso=0: the entry page alone */
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = 0;
	addr = get_unmapped_area(NULL, 0, PAGE_SIZE, 0, 0);
	if (IS_ERR_VALUE(addr)) {
		ret = addr;
		goto out;
	}
	vma = _install_special_mapping(mm, addr, PAGE_SIZE,
				       VM_READ | VM_EXEC |
				       VM_MAYREAD | VM_MAYEXEC,
				       &xsc_entry_mapping);
	if (IS_ERR(vma))
		ret = PTR_ERR(vma);
	else
		*out = addr;
out:
	mmap_write_unlock(mm);
	return ret;
}

/*
 * fork copies the entry page's page table entry like an anonymous page's:
 * the child's first system call runs there, and a fault would fetch the
 * same page again. Called once per vma by vma_needs_copy().
 */
bool xsc_fork_copies_vma(const struct vm_area_struct *vma)
{
	return vma->vm_private_data == &xsc_entry_mapping;
}

/* ---- the doorbells --------------------------------------------------- */

static __always_inline bool xsc_db_offset(unsigned long off)
{
	return off == XSC_OFF_DB_ENTRY || off == XSC_OFF_DB_RESTART_BLOCK ||
	       off == XSC_OFF_DB_SIGRETURN || off == XSC_OFF_DB_TRAP;
}

/*
 * The fault doorbell: a user-mode read of XSC_DOORBELL from one of the
 * loads in the entry page of an XSC task. Everything else is an ordinary
 * fault. Runs before irqentry_enter(), so only plain loads here.
 *
 * entry_SYSCALL_64 and do_syscall_64() give every instruction syscall the
 * branch history clearing (spectre_bhi) and a random kernel stack offset;
 * the page-fault entry has neither, so a ring entry gets them here, before
 * any call is dispatched. IBRS, untraining and the buffer clearing on the
 * way out come with the exception entry and return, as for syscalls.
 */
noinstr bool xsc_doorbell(struct pt_regs *regs, unsigned long error_code)
{
	struct xsc_thread *x = &current->xsc;
	unsigned long off;

	if (xsc_body_syscall || !user_mode(regs) || !(x->flags & XSC_F_TASK) ||
	    (error_code & (X86_PF_WRITE | X86_PF_INSTR)) ||
	    !(error_code & X86_PF_USER))
		return false;
	off = regs->ip - x->entry;
	if (!xsc_db_offset(off))
		return false;
	asm volatile(ALTERNATIVE("", "call clear_bhb_loop",
				 X86_FEATURE_CLEAR_BHB_LOOP)
		     : ASM_CALL_CONSTRAINT : : "eax", "ecx", "memory", "cc");
	add_random_kstack_offset();
	/*
	 * A fault leaves RF set in the saved flags so that the faulting
	 * instruction is not trapped again on return; this return goes
	 * elsewhere, and RF would hide a breakpoint on the next instruction.
	 */
	regs->flags &= ~X86_EFLAGS_RF;
	xsc_entry_from_user_mode(regs, off);
	return true;
}

/*
 * The syscall body: do_syscall_64() asks first, for tasks with the
 * SYSCALL_WORK_XSC bit only, after its own mitigations. Only the syscall
 * instructions of the task's own entry page count; ip is past them. Any
 * other syscall instruction of an XSC task still gets SIGSYS.
 */
noinstr bool xsc_syscall_doorbell(struct pt_regs *regs)
{
	struct xsc_thread *x = &current->xsc;
	unsigned long off;

	if (!xsc_body_syscall || !(x->flags & XSC_F_TASK))
		return false;
	off = regs->ip - 2 - x->entry;
	if (!xsc_db_offset(off))
		return false;
	xsc_entry_from_user_mode(regs, off);
	return true;
}

/* The rt_sigreturn doorbell: no ring, no SQE, the frame is at regs->sp. */
static void xsc_sigreturn(struct pt_regs *regs)
{
	static const struct xsc_sqe none = { .nr = __NR_rt_sigreturn };
	bool owned;

	xsc_run_syscall(regs, &none, false, XSC_RING_ENTRIES, 0, &owned);
}

/* Called by xsc_entry_from_user_mode() with interrupts enabled. */
void xsc_ring_call(struct pt_regs *regs, unsigned long off)
{
	struct xsc_thread *x = &current->xsc;
	const struct xsc_ops *ops = READ_ONCE(xsc_ops);

	x->cnt.entries++;
	regs->orig_ax = -1;
	if (off == XSC_OFF_DB_SIGRETURN)
		xsc_sigreturn(regs);
	else if (off == XSC_OFF_DB_TRAP)
		xsc_trap_resume(regs);
	else
		ops->ring_enter(regs, off == XSC_OFF_DB_RESTART_BLOCK);
	/* an execve SQE left XSC: its reference goes now, outside the driver */
	if (unlikely(x->flags & XSC_F_PUT_DRIVER)) {
		x->flags &= ~XSC_F_PUT_DRIVER;
		module_put(ops->owner);
	}
}

/* ---- one system call for the ring ------------------------------------ */

static void xsc_save_args(const struct pt_regs *regs, unsigned long *a)
{
	a[0] = regs->di;
	a[1] = regs->si;
	a[2] = regs->dx;
	a[3] = regs->r10;
	a[4] = regs->r8;
	a[5] = regs->r9;
}

static void xsc_load_args(struct pt_regs *regs, const unsigned long *a)
{
	regs->di = a[0];
	regs->si = a[1];
	regs->dx = a[2];
	regs->r10 = a[3];
	regs->r8 = a[4];
	regs->r9 = a[5];
}

/* the call itself, on its own frame, seen by /proc/<pid>/syscall */
static long xsc_dispatch(struct pt_regs *call, int nr)
{
	struct xsc_thread *x = &current->xsc;
	long ret;

	WRITE_ONCE(x->call, call);
	if ((unsigned int)nr < NR_syscalls)
		ret = x64_sys_call(call, array_index_nospec((unsigned int)nr,
							    NR_syscalls));
	else
		ret = __x64_sys_ni_syscall(call);
	WRITE_ONCE(x->call, NULL);
	return ret;
}

/*
 * Run one system call for the ring, through the same entry and exit work
 * as the syscall instruction: seccomp, ptrace, audit and the raw_syscalls
 * tracepoints see the number and the SQE arguments in the task's own
 * register frame. The call itself gets a copy of that frame, while the
 * real frame holds the caller's registers again, so that clone children,
 * signal frames and rt_sigreturn find user state, not SQE arguments.
 *
 * The number is what the instruction makes of rax: orig_ax keeps all 64
 * bits, the call is chosen by the low 32 (an int; x32 numbers are not
 * taken, a ring is x86-64 only). restart_block: run restart_syscall
 * instead (the first SQE of a run resumed by the kernel).
 *
 * *frame_owned is set when the frame belongs to someone else now: the
 * call replaced it (rt_sigreturn, a successful execve), or seccomp
 * trapped it and a SIGSYS handler gets it. The caller must then leave
 * regs and the ring alone. slot and left (SQEs after this one) are for
 * the trap.
 */
long xsc_run_syscall(struct pt_regs *regs, const struct xsc_sqe *sqe,
		     bool restart_block, unsigned int slot, unsigned int left,
		     bool *frame_owned)
{
	struct xsc_thread *x = &current->xsc;
	int nr = restart_block ? __NR_restart_syscall : (int)sqe->nr;
	unsigned long user[6], args[6], work;
	struct pt_regs call;
	long ret;

	*frame_owned = false;

	/*
	 * Fast path: no seccomp, ptrace, audit or tracepoint work, and a call
	 * that leaves the frame alone. Nobody looks at the frame, so the call
	 * gets a copy of it with the SQE's arguments.
	 */
	work = READ_ONCE(current_thread_info()->syscall_work) &
	       SYSCALL_WORK_RING;
	if (likely(!work) && nr != __NR_rt_sigreturn && nr != __NR_execve &&
	    nr != __NR_execveat) {
		call = *regs;
		xsc_load_args(&call, (const unsigned long *)sqe->args);
		call.orig_ax = restart_block ? nr : sqe->nr;
		call.ax = -ENOSYS;
		regs->orig_ax = call.orig_ax;	/* a clone child's frame shows its call */
		ret = xsc_dispatch(&call, nr);
		regs->orig_ax = -1;
		return ret;
	}

	x->cnt.slow++;
	x->flags &= ~XSC_F_REFUSED;	/* never this call's exit work */
	xsc_save_args(regs, user);
	regs->orig_ax = restart_block ? nr : sqe->nr;
	regs->ax = -ENOSYS;
	xsc_load_args(regs, (const unsigned long *)sqe->args);

	nr = syscall_enter_from_ring_work(regs, nr);

	if (unlikely(x->flags & XSC_F_TRAPPED)) {
		/* SECCOMP_RET_TRAP: a handler sees the call (signal.c) */
		x->flags &= ~XSC_F_TRAPPED;
		*frame_owned = xsc_trap_frame(regs, sqe, user, slot, left);
		if (*frame_owned)
			return 0;
		nr = -1;	/* no stack for the handler: SIGSEGV is pending */
	}

	call = *regs;
	xsc_load_args(regs, user);

	if (nr == __NR_rt_sigreturn) {
		/* restores the frame from the signal frame at regs->sp */
		regs->ax = x64_sys_call(regs, nr);
		*frame_owned = true;
		syscall_exit_from_ring_work(regs);
		return regs->ax;
	}
	/* nr == -1: seccomp or the tracer skipped it and set call.ax */
	if (nr != -1)
		call.ax = xsc_dispatch(&call, nr);

	if ((nr == __NR_execve || nr == __NR_execveat) && call.ax == 0) {
		/* the frame and the ring belong to the new image now */
		regs->ax = 0;
		*frame_owned = true;
		syscall_exit_from_ring_work(regs);
		return 0;
	}

	/* exit work sees the call as entry work did */
	regs->orig_ax = call.orig_ax;
	regs->ax = call.ax;
	xsc_save_args(&call, args);
	xsc_load_args(regs, args);
	syscall_exit_from_ring_work(regs);
	ret = regs->ax;
	xsc_load_args(regs, user);
	regs->orig_ax = -1;
	return ret;
}
EXPORT_SYMBOL_GPL(xsc_run_syscall);
