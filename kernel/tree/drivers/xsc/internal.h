/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the built-in XSC files (core.c, entry.c, exec.c, task.c,
 * signal.c, proc.c); the ring driver sees only linux/xsc.h.
 */
#ifndef _DRIVERS_XSC_INTERNAL_H
#define _DRIVERS_XSC_INTERNAL_H

#include <linux/mutex.h>
#include <linux/xsc.h>

struct mm_struct;
struct vm_special_mapping;

/* core.c: the ring driver's ops and the references tasks hold on it */
extern const struct xsc_ops *xsc_ops;
extern struct mutex xsc_ops_lock;
const struct xsc_ops *xsc_get_driver(void);
void xsc_put_driver(void);
void xsc_put_driver_deferred(void);

/* core.c: boot options */
extern bool xsc_strict;
extern bool xsc_body_syscall;

/* entry.c */
int xsc_map_entry(struct mm_struct *mm, unsigned long *out);

/* signal.c: run again at slot (restart stubs of the entry page) */
void xsc_rewind(struct pt_regs *regs, unsigned int slot, unsigned int count,
		bool restart_block);
bool xsc_trap_frame(struct pt_regs *regs, const struct xsc_sqe *sqe,
		    const unsigned long *user, unsigned int slot,
		    unsigned int left);
void xsc_trap_resume(struct pt_regs *regs);

#endif
