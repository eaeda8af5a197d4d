// SPDX-License-Identifier: GPL-2.0
/*
 * XSC ring driver: creates rings and runs the SQEs a task submits through
 * its entry. Loadable as xsc.ko; the hooks it relies on are built in
 * (core.c and the files beside it).
 * While any XSC task lives it holds a reference on this module, so the
 * module cannot be unloaded under it.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <linux/xsc.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

/* Map and initialise a ring in the current mm; 0 on failure. */
static unsigned long xsc_ring_alloc(void)
{
	const struct xsc_ring_hdr hdr = {
		.magic = XSC_RING_MAGIC,
		.version = XSC_ABI_VERSION,
		.sq_entries = XSC_RING_ENTRIES,
		.cq_entries = XSC_RING_ENTRIES,
		.sqes_off = XSC_RING_SQES_OFF,
		.cqes_off = XSC_RING_CQES_OFF,
		.ring_size = XSC_RING_SIZE,
	};
	unsigned long addr;

	addr = vm_mmap(NULL, 0, XSC_RING_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return 0;
	if (copy_to_user((void __user *)addr, &hdr, sizeof(hdr))) {
		vm_munmap(addr, XSC_RING_SIZE);
		return 0;
	}
	return addr;
}

/* Does this SQE create a thread that needs a ring of its own? */
static bool xsc_needs_child_ring(const struct xsc_sqe *sqe)
{
	int nr = (int)sqe->nr;	/* what the call will be, as in entry.c */
	u64 flags;

	if (nr == __NR_clone)
		flags = sqe->args[0];
	else if (nr != __NR_clone3 ||
		 get_user(flags, (u64 __user *)sqe->args[0]))
		return false;
	return (flags & CLONE_VM) && !(flags & CLONE_VFORK);
}

static bool xsc_is_restart(long res)
{
	return res == -ERESTARTSYS || res == -ERESTARTNOINTR ||
	       res == -ERESTARTNOHAND || res == -ERESTART_RESTARTBLOCK;
}

/*
 * The doorbell of xsc_entry: edi = first slot, esi = count. The call is
 * returned from first (ip and sp as after `ret`), so every SQE runs with
 * the frame of a syscall instruction at the caller's call site.
 */
static void xsc_ring_enter(struct pt_regs *regs, bool restart_block)
{
	struct xsc_thread *x = &current->xsc;
	unsigned int first = (u32)regs->di, count = (u32)regs->si, k;
	struct xsc_sqe __user *sqes;
	struct xsc_cqe __user *cqes;
	unsigned long ret_addr;

	if (get_user(ret_addr, (unsigned long __user *)regs->sp)) {
		force_sig(SIGSEGV);
		return;
	}
	regs->ip = ret_addr;
	regs->sp += sizeof(unsigned long);

	if (!count) {
		regs->ax = x->ring;
		return;
	}
	if (!x->ring) {
		regs->ax = -ENXIO;
		return;
	}
	if (first >= XSC_RING_ENTRIES || count > XSC_RING_ENTRIES) {
		regs->ax = -EINVAL;
		return;
	}
	sqes = (struct xsc_sqe __user *)(x->ring + XSC_RING_SQES_OFF);
	cqes = (struct xsc_cqe __user *)(x->ring + XSC_RING_CQES_OFF);

	for (k = 0; k < count; k++) {
		unsigned int slot = (first + k) & (XSC_RING_ENTRIES - 1);
		struct xsc_sqe sqe;
		struct xsc_cqe cqe;
		/* the first SQE of a run the kernel resumes: restart_syscall */
		bool rb = k == 0 && restart_block;
		bool owned;
		long res;

		if (copy_from_user(&sqe, &sqes[slot], sizeof(sqe))) {
			regs->ax = -EFAULT;
			return;
		}
		if (k) {
			/* deliver signals between SQEs; the rest runs after */
			if (signal_pending(current)) {
				xsc_set_restart(regs, -ERESTARTNOINTR, slot,
						count - k, (u32)sqe.nr);
				return;
			}
			cond_resched();
		}
		if (!rb && xsc_needs_child_ring(&sqe)) {
			x->child_ring = xsc_ring_alloc();
			if (!x->child_ring) {
				res = -ENOMEM;
				goto complete;
			}
		}
		res = xsc_run_syscall(regs, &sqe, rb, slot, count - k - 1,
				      &owned);
		if (x->child_ring) {	/* no thread took it */
			vm_munmap(x->child_ring, XSC_RING_SIZE);
			x->child_ring = 0;
		}
		if (owned)
			return;
		if (unlikely(xsc_is_restart(res))) {
			xsc_set_restart(regs, res, slot, count - k,
					rb ? __NR_restart_syscall : sqe.nr);
			return;
		}
complete:
		/*
		 * A CQE that cannot be written: the SQE has run, its result
		 * is lost; the entry returns -EFAULT and runs no more.
		 */
		cqe.res = res;
		cqe.user_data = sqe.user_data;
		if (copy_to_user(&cqes[slot], &cqe, sizeof(cqe))) {
			regs->ax = -EFAULT;
			return;
		}
		x->cnt.calls++;
		regs->ax = res;
	}
}

static const struct xsc_ops xsc_ring_ops = {
	.owner = THIS_MODULE,
	.ring_enter = xsc_ring_enter,
	.ring_alloc = xsc_ring_alloc,
};

static int __init xsc_ring_init(void)
{
	int ret = xsc_register(&xsc_ring_ops);

	if (!ret)
		pr_info("xsc: ring driver ready (ABI %d, %d entries per ring)\n",
			XSC_ABI_VERSION, XSC_RING_ENTRIES);
	return ret;
}

static void __exit xsc_ring_exit_module(void)
{
	xsc_unregister(&xsc_ring_ops);
}

module_init(xsc_ring_init);
module_exit(xsc_ring_exit_module);
MODULE_DESCRIPTION("XSC: system calls through per-thread rings");
MODULE_LICENSE("GPL");
