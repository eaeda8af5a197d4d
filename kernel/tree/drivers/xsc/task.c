// SPDX-License-Identifier: GPL-2.0
/* fork and exit of XSC tasks. */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/module.h>
#include <linux/xsc.h>
#include "internal.h"

/* Called at the end of copy_process(), when the child can no longer fail. */
void xsc_copy_task(struct task_struct *p, unsigned long clone_flags)
{
	struct xsc_thread *cx = &current->xsc, *px = &p->xsc;

	if (!(cx->flags & XSC_F_TASK)) {
		memset(px, 0, sizeof(*px));
		return;
	}
	px->flags &= ~(XSC_F_OWNS_RING | XSC_F_REFUSED | XSC_F_PUT_DRIVER |
		       XSC_F_TRAPPED);
	px->child_ring = 0;
	px->call = NULL;
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
	__module_get(READ_ONCE(xsc_ops)->owner);
}

/*
 * Does the mm outlive this thread, so that its own ring must be unmapped?
 * Not when the whole thread group is going and no other process shares
 * the mm (clone(CLONE_VM) without CLONE_THREAD sets MMF_MULTIPROCESS):
 * then the mm goes with the group, rings and all.
 */
static bool xsc_mm_outlives(struct task_struct *tsk, struct mm_struct *mm)
{
	if (!mm || (tsk->flags & (PF_KTHREAD | PF_IO_WORKER)) ||
	    atomic_read(&mm->mm_users) <= 1)
		return false;
	if ((tsk->signal->flags & SIGNAL_GROUP_EXIT) || tsk->signal->group_exec_task)
		return test_bit(MMF_MULTIPROCESS, &mm->flags);
	return true;
}

/* Called by do_exit() before exit_mm(). */
void xsc_exit_task(struct task_struct *tsk)
{
	struct xsc_thread *x = &tsk->xsc;

	if (unlikely(x->flags & XSC_F_PUT_DRIVER)) {	/* left XSC in exec */
		x->flags &= ~XSC_F_PUT_DRIVER;
		xsc_put_driver();
	}
	if (!(x->flags & XSC_F_TASK))
		return;

	spin_lock_irq(&tsk->sighand->siglock);
	xsc_counters_add(&tsk->signal->xsc, &x->cnt);
	memset(&x->cnt, 0, sizeof(x->cnt));
	spin_unlock_irq(&tsk->sighand->siglock);

	/* a thread's own ring goes with it unless the whole mm goes */
	if ((x->flags & XSC_F_OWNS_RING) && xsc_mm_outlives(tsk, tsk->mm))
		vm_munmap(x->ring, XSC_RING_SIZE);
	x->flags = 0;
	x->ring = 0;
	xsc_put_driver();
}
