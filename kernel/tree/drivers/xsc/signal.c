// SPDX-License-Identifier: GPL-2.0
/*
 * Signals and XSC: restart of interrupted ring calls, SIGSYS for syscall
 * instructions and the vsyscall page, SECCOMP_RET_TRAP of a ring call.
 */
#include <linux/entry-common.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/uaccess.h>
#include <linux/xsc.h>
#include <asm/syscall.h>
#include <asm/vdso.h>
#include "internal.h"

/* ---- restart ------------------------------------------------------- */

/*
 * An SQE returned -ERESTART*: leave the frame as the syscall instruction
 * leaves it (orig_ax = the call's number, ax = the error; ip is already
 * the return address of the entry call), with the run to resume in the
 * entry's own argument registers (di = slot, si = SQEs left), which the
 * entry clobbers anyway. Whoever delivers the signal (or finds there is
 * none) decides from these registers, like handle_signal() does for the
 * instruction, whether the SQE runs again or completes with -EINTR. So
 * a tracer at the signal-delivery stop sees the instruction's picture,
 * and what it leaves there (orig_ax = -1 and a new ip to call a function
 * of its own, or the saved registers back) is what happens.
 *
 * nr is never -1 here: for a signal between two SQEs it is the next
 * SQE's number cut to 32 bits.
 */
void xsc_set_restart(struct pt_regs *regs, long err, unsigned int slot,
		     unsigned int count, u64 nr)
{
	regs->ax = err;
	regs->orig_ax = nr;
	regs->di = slot;
	regs->si = count;
}
EXPORT_SYMBOL_GPL(xsc_set_restart);

/*
 * Make the task re-enter the ring at @slot when it returns to user mode:
 * the restart stubs push the return address (in rcx) and go through the
 * doorbell again. The state lives only in registers, so a signal frame
 * saves it and a longjmp out of a handler drops it, as for `syscall`.
 */
void xsc_rewind(struct pt_regs *regs, unsigned int slot, unsigned int count,
		bool restart_block)
{
	struct xsc_thread *x = &current->xsc;

	regs->cx = regs->ip;
	regs->ip = x->entry + (restart_block ? XSC_OFF_RESTART_BLOCK :
					       XSC_OFF_RESTART);
	regs->di = slot & (XSC_RING_ENTRIES - 1);
	regs->si = count;
}

/* write a CQE of the calling thread's ring; false when it cannot */
static bool xsc_complete(unsigned int slot, s64 res, u64 user_data)
{
	struct xsc_thread *x = &current->xsc;
	struct xsc_cqe __user *cqes =
		(struct xsc_cqe __user *)(x->ring + XSC_RING_CQES_OFF);
	struct xsc_cqe cqe = { .res = res, .user_data = user_data };

	if (copy_to_user(&cqes[slot & (XSC_RING_ENTRIES - 1)], &cqe,
			 sizeof(cqe)))
		return false;
	x->cnt.calls++;
	return true;
}

/* the interrupted SQE (regs->di) completes with -EINTR, the rest runs */
static void xsc_complete_eintr(struct pt_regs *regs)
{
	struct xsc_thread *x = &current->xsc;
	unsigned int slot = regs->di & (XSC_RING_ENTRIES - 1);
	unsigned int count = regs->si;
	struct xsc_sqe __user *sqes =
		(struct xsc_sqe __user *)(x->ring + XSC_RING_SQES_OFF);
	u64 user_data;

	if (get_user(user_data, &sqes[slot].user_data) ||
	    !xsc_complete(slot, -EINTR, user_data)) {
		force_sig(SIGSEGV);
		return;
	}
	regs->ax = -EINTR;
	if (count > 1)
		xsc_rewind(regs, slot + 1, count - 1, false);
}

static bool xsc_restart_frame(struct pt_regs *regs)
{
	return xsc_is_task(current) && regs->orig_ax != -1UL &&
	       (regs->ax == -ERESTARTSYS || regs->ax == -ERESTARTNOINTR ||
		regs->ax == -ERESTARTNOHAND ||
		regs->ax == -ERESTART_RESTARTBLOCK);
}

/*
 * Called by the x86 signal code before its own restart logic; ka is NULL
 * when no handler runs. The rules are the instruction's; afterwards
 * orig_ax is -1 so that the instruction's restart stays out.
 */
void xsc_signal_restart(struct pt_regs *regs, struct k_sigaction *ka)
{
	bool restart;

	if (likely(!xsc_restart_frame(regs)))
		return;
	switch (regs->ax) {
	case -ERESTARTSYS:
		restart = !ka || (ka->sa.sa_flags & SA_RESTART);
		break;
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		restart = !ka;
		break;
	default:	/* -ERESTARTNOINTR, or a signal between two SQEs */
		restart = true;
		break;
	}
	if (restart)
		xsc_rewind(regs, regs->di, regs->si,
			   regs->ax == -ERESTART_RESTARTBLOCK);
	else
		xsc_complete_eintr(regs);
	regs->orig_ax = -1;
}

/*
 * Last word before user mode, interrupts off: a restart that no signal
 * claimed (the signal was handled in the kernel, or went away) restarts.
 */
void xsc_ring_exit(struct pt_regs *regs)
{
	if (unlikely(xsc_restart_frame(regs))) {
		xsc_rewind(regs, regs->di, regs->si,
			   regs->ax == -ERESTART_RESTARTBLOCK);
		regs->orig_ax = -1;
	}
}

/* ---- SIGSYS for syscall instructions ------------------------------- */

static void xsc_sigsys(struct pt_regs *regs, unsigned long insn,
		       unsigned long nr)
{
	struct kernel_siginfo info;

	current->xsc.cnt.sigsys++;
	clear_siginfo(&info);
	info.si_signo = SIGSYS;
	info.si_code = SYS_XSC;
	info.si_errno = 0;
	info.si_call_addr = (void __user *)insn;
	info.si_syscall = nr;
	info.si_arch = syscall_get_arch(current);
	force_sig_info(&info);
}

/*
 * syscall_trace_enter() calls this first for every instruction syscall of
 * an XSC task (SYSCALL_WORK_XSC): refuse it, roll the registers back and
 * send SIGSYS for the instruction, before ptrace, seccomp and audit. The
 * 32-bit entries (int $0x80, sysenter with IA32 emulation) come here too.
 */
bool xsc_syscall_insn(struct pt_regs *regs)
{
	unsigned long insn = regs->ip - 2;

	syscall_rollback(current, regs);
	if (READ_ONCE(current_thread_info()->syscall_work) & SYSCALL_WORK_EXIT)
		current->xsc.flags |= XSC_F_REFUSED;
#ifdef CONFIG_IA32_EMULATION
	/*
	 * sysenter (Intel, from any mode) and the compat-mode syscall save
	 * no return address: do_fast_syscall_32() put the 32-bit vDSO's
	 * landing pad in ip, which an XSC task does not have. The address
	 * is unknown (0), and so is where to resume: a handler that returns
	 * faults at 0 instead of running whatever lies at the pad.
	 */
	if (in_ia32_syscall() &&
	    regs->ip == (unsigned long)current->mm->context.vdso +
			vdso_image_32.sym_int80_landing_pad) {
		insn = 0;
		regs->ip = 0;
	}
#endif
	xsc_sigsys(regs, insn, regs->orig_ax);
	return true;
}

/*
 * #UD and #GP from an XSC task: sysenter (no 32-bit entry on this CPU or
 * kernel) and int $0x80 (no IA32 emulation) fault instead of entering the
 * kernel. They are still syscall instructions: SIGSYS, not SIGILL/SIGSEGV.
 */
bool xsc_trap_insn(struct pt_regs *regs)
{
	u8 insn[2];

	if (!user_mode(regs) || !xsc_is_task(current))
		return false;
	if (copy_from_user_nofault(insn, (const void __user *)regs->ip, 2))
		return false;
	if (!((insn[0] == 0x0f && (insn[1] == 0x05 || insn[1] == 0x34)) ||
	      (insn[0] == 0xcd && insn[1] == 0x80)))
		return false;
	xsc_sigsys(regs, regs->ip, regs->ax);
	return true;
}

/*
 * The legacy vsyscall page is a system call path too (emulate_vsyscall()
 * runs gettimeofday, time or getcpu for a call to it). An XSC task gets
 * SIGSYS there, with the address called and the call's number, and the
 * call returns -ENOSYS to its caller if a handler lets it go on, as a
 * refused syscall instruction would. False for other tasks.
 */
bool xsc_vsyscall(struct pt_regs *regs, unsigned long address, int nr)
{
	unsigned long caller;

	if (!xsc_is_task(current))
		return false;
	if (get_user(caller, (unsigned long __user *)regs->sp)) {
		force_sig(SIGSEGV);
		return true;
	}
	regs->ax = -ENOSYS;
	regs->ip = caller;
	regs->sp += 8;
	xsc_sigsys(regs, address, nr);
	return true;
}

/* ---- SECCOMP_RET_TRAP of a ring call ------------------------------- */

/*
 * Called by seccomp for SECCOMP_RET_TRAP, after syscall_rollback() and
 * before the SIGSYS is made; only ring calls get here for an XSC task
 * (its instructions are refused before seccomp). The handler will run
 * with the call's number in rax and its arguments in rdi..r9, as for the
 * instruction, and return to the trap stub of the entry page, which hands
 * its rax back to the kernel as the SQE's result (xsc_trap_resume()).
 * So ip is the stub from here on: si_call_addr and the handler's rip
 * agree, as sandboxes check. The return address waits in cx.
 */
void xsc_seccomp_trap(struct pt_regs *regs)
{
	struct xsc_thread *x = &current->xsc;

	if (!xsc_is_task(current))
		return;
	x->flags |= XSC_F_TRAPPED;
	regs->cx = regs->ip;
	regs->ip = x->entry + XSC_OFF_TRAP;
}

/*
 * What the trap stub needs after the handler, on the user stack below the
 * red zone, like a signal frame: the caller's registers that the entry
 * keeps, where to return, and the rest of the run.
 */
struct xsc_trap_save {
	u64 ret, sp;
	u64 dx, r10, r8, r9;
	u64 user_data;
	u32 slot, left;
};

/*
 * Called by xsc_run_syscall() for a trapped SQE, with regs as seccomp
 * left them (SQE arguments, ax = nr). @user: the caller's di..r9. False
 * (and SIGSEGV) when the stack cannot take the save area.
 */
bool xsc_trap_frame(struct pt_regs *regs, const struct xsc_sqe *sqe,
		    const unsigned long *user, unsigned int slot,
		    unsigned int left)
{
	struct xsc_trap_save s = {
		.ret = regs->cx, .sp = regs->sp,
		.dx = user[2], .r10 = user[3], .r8 = user[4], .r9 = user[5],
		.user_data = sqe->user_data, .slot = slot, .left = left,
	};
	unsigned long sp = round_down(regs->sp - 128 - sizeof(s), 16);

	if (copy_to_user((void __user *)sp, &s, sizeof(s))) {
		regs->ip = regs->cx;
		force_sig(SIGSEGV);
		return false;
	}
	regs->sp = sp;
	regs->orig_ax = -1;	/* the call is over: nothing to restart */
	return true;
}

/*
 * The trap stub's doorbell: the handler returned, its result is in dx
 * (the stub moved it there from rax). Complete the SQE with it, give the
 * caller its registers back and run the rest of the batch, if any.
 */
void xsc_trap_resume(struct pt_regs *regs)
{
	struct xsc_trap_save s;
	s64 res = regs->dx;

	/*
	 * The doorbell popped no return address: the save area is at sp.
	 * slot XSC_RING_ENTRIES: the trapped call had no SQE (the sigreturn
	 * doorbell), nothing to complete.
	 */
	if (copy_from_user(&s, (void __user *)regs->sp, sizeof(s)) ||
	    (s.slot < XSC_RING_ENTRIES &&
	     !xsc_complete(s.slot, res, s.user_data))) {
		force_sig(SIGSEGV);
		return;
	}
	regs->ip = s.ret;
	regs->sp = s.sp;
	regs->dx = s.dx;
	regs->r10 = s.r10;
	regs->r8 = s.r8;
	regs->r9 = s.r9;
	regs->ax = res;
	if (s.left)
		xsc_rewind(regs, s.slot + 1, min_t(u32, s.left,
						   XSC_RING_ENTRIES), false);
}
