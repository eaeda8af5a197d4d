// SPDX-License-Identifier: GPL-2.0
/* /proc/<pid>/xsc, and the arguments of a ring call in /proc/<pid>/syscall */
#include <linux/pid_namespace.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/xsc.h>
#include <asm/syscall.h>
#include "internal.h"

/*
 * Per-process call counts are a side channel (a password's length read
 * off another user's read count, CVE-2011-2495), and slow_calls tells
 * whether a process is traced or audited: the same check as
 * /proc/<pid>/io, under the same lock.
 */
int xsc_proc_show(struct seq_file *m, struct pid_namespace *ns,
		  struct pid *pid, struct task_struct *task)
{
	struct xsc_counters c = { };
	struct task_struct *t;
	unsigned long flags;
	bool is = false;
	int ret;

	ret = down_read_killable(&task->signal->exec_update_lock);
	if (ret)
		return ret;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS)) {
		ret = -EACCES;
		goto out;
	}
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
out:
	up_read(&task->signal->exec_update_lock);
	return ret;
}

/*
 * collect_syscall() for a task blocked in a ring call: the arguments are
 * in the frame the call got, not in the task's own (which holds the
 * caller's registers). @t is inactive or current, its stack pinned.
 */
void xsc_syscall_args(struct task_struct *t, unsigned long *args)
{
	struct pt_regs *call = READ_ONCE(t->xsc.call);

	if (call)
		syscall_get_arguments(t, call, args);
}
