// SPDX-License-Identifier: GPL-2.0
/*
 * XSC core: the part of XSC that is always built into the kernel image
 * when CONFIG_XSC is y or m. It owns the per-thread state, the kernel
 * entry page, the exec/fork/exit hooks, the per-SQE system call path,
 * signal restart, SIGSYS for syscall instructions and /proc/<pid>/xsc.
 * The ring driver (ring.c, the module xsc.ko) registers xsc_ops.
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/entry-common.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/nospec.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/xsc.h>
#include <asm/syscall.h>
#include <asm/trap_pf.h>
#include <asm/vdso.h>


/*
 * Boot option xsc_strict (or xsc_strict=1): refuse to exec binaries
 * without the XSC note. Not a module parameter: this file is built in, and
 * a built-in "xsc." parameter would claim the name of the module xsc.ko.
 */
static bool strict __ro_after_init;

static int __init xsc_strict_setup(char *s)
{
	if (!*s || !strcmp(s, "=1") || !strcmp(s, "=y")) {
		strict = true;
		return 1;
	}
	return !strcmp(s, "=0") || !strcmp(s, "=n");
}
__setup("xsc_strict", xsc_strict_setup);

static const struct xsc_ops *xsc_ops;
static DEFINE_MUTEX(xsc_ops_lock);

int xsc_register(const struct xsc_ops *ops)
{
	int ret = 0;

	mutex_lock(&xsc_ops_lock);
	if (xsc_ops)
		ret = -EBUSY;
	else
		WRITE_ONCE(xsc_ops, ops);
	mutex_unlock(&xsc_ops_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(xsc_register);

/* Only called when no XSC task holds a reference to ops->owner. */
void xsc_unregister(const struct xsc_ops *ops)
{
	mutex_lock(&xsc_ops_lock);
	if (xsc_ops == ops)
		WRITE_ONCE(xsc_ops, NULL);
	mutex_unlock(&xsc_ops_lock);
}
EXPORT_SYMBOL_GPL(xsc_unregister);

/* An XSC task holds a reference on the driver, so ops cannot vanish. */
static const struct xsc_ops *xsc_task_ops(void)
{
	return READ_ONCE(xsc_ops);
}

/* ---- the kernel-owned entry page ---------------------------------- */

static struct page *xsc_entry_pages[2];

/*
 * Boot option xsc_entry=fault|syscall: the body of the entry page (see
 * entry.S). The ABI is the same; docs/performance.md compares the two.
 */
static bool xsc_body_syscall __ro_after_init;

static int __init xsc_entry_setup(char *s)
{
	if (!strcmp(s, "syscall"))
		xsc_body_syscall = true;
	else if (strcmp(s, "fault"))
		pr_warn("xsc: unknown xsc_entry=%s, using fault\n", s);
	return 1;
}
__setup("xsc_entry=", xsc_entry_setup);

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

	if (!page)
		return -ENOMEM;
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
	return 0;
}
core_initcall(xsc_core_init);

/*
 * Map the entry page directly below the XSC vDSO, whose clock fallbacks
 * call it (xsc_map_vdso() in arch/x86/entry/vdso/vma.c).
 */
static int xsc_map_entry(struct mm_struct *mm, unsigned long *out)
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

/* ---- exec ---------------------------------------------------------- */

#define XSC_NOTE_MAX	4096

/* Is there an XSC note in this PT_NOTE segment? <0 on a bad XSC note. */
static int xsc_scan_notes(const u8 *buf, size_t len, size_t align)
{
	size_t off = 0;

	while (off + sizeof(struct elf64_note) <= len) {
		const struct elf64_note *n = (const void *)(buf + off);
		size_t name = ALIGN(n->n_namesz, align);
		size_t desc = ALIGN(n->n_descsz, align);
		const u8 *nm = buf + off + sizeof(*n);

		if (name > len || desc > len ||
		    off + sizeof(*n) + name + desc > len)
			break;
		if (n->n_type == XSC_NOTE_TYPE &&
		    n->n_namesz == sizeof(XSC_NOTE_NAME) &&
		    !memcmp(nm, XSC_NOTE_NAME, sizeof(XSC_NOTE_NAME))) {
			u32 version;

			if (n->n_descsz < sizeof(version))
				return -ENOEXEC;
			memcpy(&version, nm + name, sizeof(version));
			return version == XSC_ABI_VERSION ? 1 : -ENOEXEC;
		}
		off += sizeof(*n) + name + desc;
	}
	return 0;
}

/*
 * Called by load_elf_binary() before the point of no return: returns 1
 * for an XSC image, 0 for an ordinary one, or -ENOEXEC with a log line
 * when the image cannot be run here.
 */
int xsc_elf_check(struct linux_binprm *bprm, const struct elf64_phdr *phdr,
		  int phnum)
{
	int i, marked = 0;
	u8 *buf = NULL;

	for (i = 0; i < phnum && marked == 0; i++) {
		size_t len = min_t(u64, phdr[i].p_filesz, XSC_NOTE_MAX);
		loff_t pos = phdr[i].p_offset;

		if (phdr[i].p_type != PT_NOTE || len < sizeof(struct elf64_note))
			continue;
		if (!buf) {
			buf = kmalloc(XSC_NOTE_MAX, GFP_KERNEL);
			if (!buf)
				return -ENOMEM;
		}
		if (kernel_read(bprm->file, buf, len, &pos) != len)
			continue;
		marked = xsc_scan_notes(buf, len, phdr[i].p_align == 8 ? 8 : 4);
	}
	kfree(buf);

	if (marked < 0) {
		pr_warn_ratelimited("xsc: %s: unsupported XSC ABI note (kernel speaks version %d)\n",
				    bprm->filename, XSC_ABI_VERSION);
		return -ENOEXEC;
	}
	if (marked && !READ_ONCE(xsc_ops)) {
		pr_warn_ratelimited("xsc: %s: XSC binary, but XSC support is not loaded (modprobe xsc)\n",
				    bprm->filename);
		return -ENOEXEC;
	}
	if (!marked && strict) {
		pr_warn_ratelimited("xsc: %s: refused: not an XSC binary (no .note.XSC-ABI) and xsc_strict is set\n",
				    bprm->filename);
		return -ENOEXEC;
	}
	return marked;
}

static void xsc_put_driver(void)
{
	module_put(xsc_task_ops()->owner);
}

/*
 * Called by load_elf_binary() after the point of no return, in the new
 * mm, before the auxiliary vector is written.
 */
int xsc_exec_setup(struct linux_binprm *bprm, int marked)
{
	struct xsc_thread *x = &current->xsc;
	bool was = x->flags & XSC_F_TASK;
	const struct xsc_ops *ops = NULL;
	unsigned long entry = 0, ring;
	int ret;

	if (!was && !marked)
		return 0;
	if (marked) {
		mutex_lock(&xsc_ops_lock);
		ops = xsc_ops;
		if (ops && !try_module_get(ops->owner))
			ops = NULL;
		mutex_unlock(&xsc_ops_lock);
	}
	if (was)
		xsc_put_driver();
	x->flags = 0;
	x->entry = 0;
	x->ring = 0;
	x->child_ring = 0;
	x->rs_pending = 0;
	clear_syscall_work(XSC);
	if (!marked)
		return 0;
	if (!ops) {
		pr_warn_ratelimited("xsc: %s: XSC support was unloaded during exec\n",
				    bprm->filename);
		return -ENOEXEC;
	}

	ret = xsc_map_entry(current->mm, &entry);
	ring = ret ? 0 : ops->ring_alloc();
	if (!ring) {
		module_put(ops->owner);
		return ret ?: -ENOMEM;
	}
	x->entry = entry;
	x->ring = ring;
	x->flags = XSC_F_TASK;
	set_syscall_work(XSC);
	return 0;
}

/* ---- fork and exit ------------------------------------------------- */

/* Called at the end of copy_process(), when the child can no longer fail. */
void xsc_copy_task(struct task_struct *p, unsigned long clone_flags)
{
	struct xsc_thread *cx = &current->xsc, *px = &p->xsc;

	if (!(cx->flags & XSC_F_TASK)) {
		memset(px, 0, sizeof(*px));
		return;
	}
	px->flags &= ~(XSC_F_OWNS_RING | XSC_F_REFUSED);
	px->child_ring = 0;
	px->rs_pending = 0;
	memset(&px->cnt, 0, sizeof(px->cnt));
	/*
	 * A thread (shared mm, not vfork) gets the ring that the clone SQE
	 * prepared. fork and vfork children keep the caller's ring address:
	 * fork has its own copy there, vfork shares it while the parent
	 * waits inside its own call.
	 */
	if ((clone_flags & CLONE_VM) && !(clone_flags & CLONE_VFORK)) {
		px->ring = cx->child_ring;
		cx->child_ring = 0;
		if (px->ring)
			px->flags |= XSC_F_OWNS_RING;
	}
	__module_get(xsc_task_ops()->owner);
}

/* Called by do_exit() before exit_mm(). */
void xsc_exit_task(struct task_struct *tsk)
{
	struct xsc_thread *x = &tsk->xsc;
	struct mm_struct *mm = tsk->mm;

	if (!(x->flags & XSC_F_TASK))
		return;

	spin_lock_irq(&tsk->sighand->siglock);
	xsc_counters_add(&tsk->signal->xsc, &x->cnt);
	memset(&x->cnt, 0, sizeof(x->cnt));
	spin_unlock_irq(&tsk->sighand->siglock);

	/* a thread's own ring goes with it unless the whole mm goes */
	if ((x->flags & XSC_F_OWNS_RING) && mm &&
	    !(tsk->flags & (PF_KTHREAD | PF_IO_WORKER)) &&
	    !(tsk->signal->flags & SIGNAL_GROUP_EXIT) &&
	    !tsk->signal->group_exec_task &&
	    atomic_read(&mm->mm_users) > 1)
		vm_munmap(x->ring, XSC_RING_SIZE);
	x->flags = 0;
	x->ring = 0;
	xsc_put_driver();
}

/* ---- system calls from the ring ------------------------------------ */

/*
 * The doorbell: a user-mode read of XSC_DOORBELL from one of the loads
 * in the entry page of an XSC task. Everything else is an ordinary fault.
 * Runs before irqentry_enter(), so only plain loads here.
 */
static __always_inline bool xsc_db_offset(unsigned long off)
{
	return off == XSC_OFF_DB_ENTRY || off == XSC_OFF_DB_RESTART_BLOCK ||
	       off == XSC_OFF_DB_SIGRETURN;
}

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
	xsc_entry_from_user_mode(regs, off);
	return true;
}

/*
 * The syscall body: do_syscall_64() asks first, for tasks with the
 * SYSCALL_WORK_XSC bit only. Only the syscall
 * instructions of the task's own entry page count; ip is past them.
 * Any other syscall instruction of an XSC task still gets SIGSYS.
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

/*
 * Run one system call for the ring, through the same entry and exit work
 * as the syscall instruction: seccomp, ptrace, audit and the raw_syscalls
 * tracepoints see nr and the SQE arguments in the task's own register
 * frame. The call itself gets a copy of that frame, while the real frame
 * holds the caller's registers again, so that clone children, signal
 * frames and rt_sigreturn find user state, not SQE arguments.
 *
 * *frame_owned is set when the call replaced the frame (rt_sigreturn, a
 * successful execve): the caller must then leave regs and the ring alone.
 */
long xsc_run_syscall(struct pt_regs *regs, const struct xsc_sqe *sqe,
		     long nr, bool *frame_owned)
{
	unsigned long user[6], args[6], work;
	struct pt_regs call;
	long ret;

	*frame_owned = false;

	/*
	 * Fast path: no seccomp, ptrace, audit or tracepoint work, and a call
	 * that leaves the frame alone. Nobody looks at the frame, so the call
	 * just gets its arguments (the x64 syscall wrappers read only these
	 * six fields of the regs they are given).
	 */
	work = READ_ONCE(current_thread_info()->syscall_work) &
	       SYSCALL_WORK_RING;
	if (likely(!work) && nr != __NR_rt_sigreturn && nr != __NR_execve &&
	    nr != __NR_execveat) {
		if ((unsigned long)nr >= NR_syscalls)
			return -ENOSYS;
		call.di = sqe->args[0];
		call.si = sqe->args[1];
		call.dx = sqe->args[2];
		call.r10 = sqe->args[3];
		call.r8 = sqe->args[4];
		call.r9 = sqe->args[5];
		regs->orig_ax = nr;	/* a clone child's frame shows its call */
		ret = x64_sys_call(&call, array_index_nospec((unsigned int)nr,
							     NR_syscalls));
		regs->orig_ax = -1;
		return ret;
	}

	current->xsc.cnt.slow++;
	xsc_save_args(regs, user);
	regs->orig_ax = nr;
	regs->ax = -ENOSYS;
	xsc_load_args(regs, (const unsigned long *)sqe->args);

	nr = syscall_enter_from_ring_work(regs, nr);

	call = *regs;
	xsc_load_args(regs, user);

	if (nr == __NR_rt_sigreturn) {
		/* restores the frame from the signal frame at regs->sp */
		regs->ax = x64_sys_call(regs, nr);
		*frame_owned = true;
		syscall_exit_from_ring_work(regs);
		return regs->ax;
	}
	if ((unsigned long)nr < NR_syscalls) {
		unsigned int unr = array_index_nospec((unsigned int)nr,
						      NR_syscalls);

		call.ax = x64_sys_call(&call, unr);
	} else if (nr != -1) {
		call.ax = __x64_sys_ni_syscall(&call);
	}
	/* nr == -1: seccomp or the tracer skipped it and set call.ax */

	if ((nr == __NR_execve || nr == __NR_execveat) && call.ax == 0) {
		/* the frame and the ring belong to the new image now */
		regs->ax = 0;
		*frame_owned = true;
		syscall_exit_from_ring_work(regs);
		return 0;
	}

	/* exit work sees the call as entry work did */
	regs->orig_ax = nr;
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

/* The rt_sigreturn doorbell: no ring, no SQE, the frame is at regs->sp. */
static void xsc_sigreturn(struct pt_regs *regs)
{
	static const struct xsc_sqe none = { .nr = __NR_rt_sigreturn };
	bool owned;

	xsc_run_syscall(regs, &none, __NR_rt_sigreturn, &owned);
}

/* Called by xsc_entry_from_user_mode() with interrupts enabled. */
void xsc_ring_call(struct pt_regs *regs, unsigned long off)
{
	current->xsc.cnt.entries++;
	regs->orig_ax = -1;
	if (off == XSC_OFF_DB_SIGRETURN)
		xsc_sigreturn(regs);
	else
		xsc_task_ops()->ring_enter(regs,
					   off == XSC_OFF_DB_RESTART_BLOCK);
}

/* ---- restart ------------------------------------------------------- */

/*
 * An SQE returned -ERESTART*: remember it. Whoever delivers the signal
 * (or finds there is none) decides, like handle_signal() does for the
 * instruction, whether the SQE is restarted or completes with -EINTR.
 */
void xsc_set_restart(struct pt_regs *regs, long err, unsigned int slot,
		     unsigned int count, u64 user_data)
{
	struct xsc_thread *x = &current->xsc;

	x->rs_pending = 1;
	x->rs_err = err;
	x->rs_slot = slot;
	x->rs_count = count;
	x->rs_user_data = user_data;
	regs->ax = err;		/* what a tracer sees at the signal stop */
	regs->orig_ax = -1;	/* keep the instruction restart logic out */
}
EXPORT_SYMBOL_GPL(xsc_set_restart);

/*
 * Make the task re-enter the ring at @slot when it returns to user mode:
 * the restart stubs push the return address (in rcx) and go through the
 * doorbell again. The state lives only in registers, so a signal frame
 * saves it and a longjmp out of a handler drops it, as for `syscall`.
 */
static void xsc_rewind(struct pt_regs *regs, unsigned int slot,
		       unsigned int count, bool restart_block)
{
	struct xsc_thread *x = &current->xsc;

	regs->cx = regs->ip;
	regs->ip = x->entry + (restart_block ? XSC_OFF_RESTART_BLOCK :
					       XSC_OFF_RESTART);
	regs->di = slot;
	regs->si = count;
}

static void xsc_complete_eintr(struct pt_regs *regs)
{
	struct xsc_thread *x = &current->xsc;
	struct xsc_cqe __user *cqes =
		(struct xsc_cqe __user *)(x->ring + XSC_RING_CQES_OFF);
	struct xsc_cqe cqe = { .res = -EINTR, .user_data = x->rs_user_data };

	if (copy_to_user(&cqes[x->rs_slot], &cqe, sizeof(cqe)))
		force_sig(SIGSEGV);
	x->cnt.calls++;
	regs->ax = -EINTR;
	if (x->rs_count > 1)
		xsc_rewind(regs, (x->rs_slot + 1) & (XSC_RING_ENTRIES - 1),
			   x->rs_count - 1, false);
}

/* Called by the x86 signal code; ka is NULL when no handler runs. */
void xsc_signal_restart(struct pt_regs *regs, struct k_sigaction *ka)
{
	struct xsc_thread *x = &current->xsc;
	bool restart;

	if (likely(!x->rs_pending))
		return;
	x->rs_pending = 0;

	switch (x->rs_err) {
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
		xsc_rewind(regs, x->rs_slot, x->rs_count,
			   x->rs_err == -ERESTART_RESTARTBLOCK);
	else
		xsc_complete_eintr(regs);
}

/*
 * Last word before user mode, interrupts off: a restart that no signal
 * claimed (the signal was handled in the kernel, or went away) restarts.
 */
void xsc_ring_exit(struct pt_regs *regs)
{
	struct xsc_thread *x = &current->xsc;

	if (unlikely(x->rs_pending)) {
		x->rs_pending = 0;
		xsc_rewind(regs, x->rs_slot, x->rs_count,
			   x->rs_err == -ERESTART_RESTARTBLOCK);
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
 * send SIGSYS for the instruction, before ptrace, seccomp and audit.
 */
bool xsc_syscall_insn(struct pt_regs *regs)
{
	syscall_rollback(current, regs);
	if (READ_ONCE(current_thread_info()->syscall_work) & SYSCALL_WORK_EXIT)
		current->xsc.flags |= XSC_F_REFUSED;
	xsc_sigsys(regs, regs->ip - 2, regs->orig_ax);
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

/* ---- /proc/<pid>/xsc ----------------------------------------------- */

int xsc_proc_show(struct seq_file *m, struct pid_namespace *ns,
		  struct pid *pid, struct task_struct *task)
{
	struct xsc_counters c = { };
	struct task_struct *t;
	unsigned long flags;
	bool is = false;

	if (lock_task_sighand(task, &flags)) {
		c = task->signal->xsc;
		for_each_thread(task, t) {
			is |= !!xsc_is_task(t);
			xsc_counters_add(&c, &t->xsc.cnt);
		}
		unlock_task_sighand(task, &flags);
	}
	seq_printf(m, "xsc:\t%d\nring_calls:\t%llu\nentries:\t%llu\n",
		   is, c.calls, c.entries);
	seq_printf(m, "sigsys:\t%llu\nslow_calls:\t%llu\n", c.sigsys, c.slow);
	return 0;
}
