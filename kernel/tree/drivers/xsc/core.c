// SPDX-License-Identifier: GPL-2.0
/*
 * XSC core: the part of XSC that is always built into the kernel image
 * when CONFIG_XSC is y or m. One file per concern:
 *
 *   core.c    the ring driver's registration, the references XSC tasks
 *             hold on it, boot options
 *   entry.c   the entry page, the doorbells, one system call for the ring
 *   exec.c    the ELF note, exec of marked images
 *   task.c    fork and exit
 *   signal.c  restart of interrupted ring calls, SIGSYS for syscall
 *             instructions and the vsyscall page, seccomp traps
 *   proc.c    /proc/<pid>/xsc and the arguments in /proc/<pid>/syscall
 *
 * The ring driver (ring.c, the module xsc.ko) registers xsc_ops.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/xsc.h>
#include "internal.h"

/*
 * Boot option xsc_strict (or xsc_strict=1): refuse to exec binaries
 * without the XSC note once the ring driver is there. Not a module
 * parameter: this file is built in, and a built-in "xsc." parameter would
 * claim the name of the module xsc.ko.
 */
bool xsc_strict __ro_after_init;

static int __init xsc_strict_setup(char *s)
{
	if (!*s || !strcmp(s, "=1") || !strcmp(s, "=y")) {
		xsc_strict = true;
		return 1;
	}
	return !strcmp(s, "=0") || !strcmp(s, "=n");
}
__setup("xsc_strict", xsc_strict_setup);

/*
 * Boot option xsc_entry=fault|syscall: the body of the entry page (see
 * entry-page.S). The ABI is the same; docs/performance.md compares the two.
 */
bool xsc_body_syscall __ro_after_init;

static int __init xsc_entry_setup(char *s)
{
	if (!strcmp(s, "syscall"))
		xsc_body_syscall = true;
	else if (strcmp(s, "fault"))
		pr_warn("xsc: unknown xsc_entry=%s, using fault\n", s);
	return 1;
}
__setup("xsc_entry=", xsc_entry_setup);

const struct xsc_ops *xsc_ops;
DEFINE_MUTEX(xsc_ops_lock);

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

/* A reference for a new XSC image, or NULL when no driver is loaded. */
const struct xsc_ops *xsc_get_driver(void)
{
	const struct xsc_ops *ops;

	mutex_lock(&xsc_ops_lock);
	ops = xsc_ops;
	if (ops && !try_module_get(ops->owner))
		ops = NULL;
	mutex_unlock(&xsc_ops_lock);
	return ops;
}

/* An XSC task holds a reference on the driver, so ops cannot vanish. */
void xsc_put_driver(void)
{
	module_put(READ_ONCE(xsc_ops)->owner);
}

/*
 * The current task stops being an XSC task while it may still run the
 * driver's code: an execve SQE, called from the driver's ring loop, that
 * loads an unmarked image (or fails after the point of no return). The
 * reference is dropped once the task is back in the built-in entry code
 * (xsc_ring_call()), or at exit, never under the driver's own frames.
 */
void xsc_put_driver_deferred(void)
{
	current->xsc.flags |= XSC_F_PUT_DRIVER;
}
