// SPDX-License-Identifier: GPL-2.0
/*
 * exec: is the image marked with the XSC note, and the entry page and
 * ring for a marked one.
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/entry-common.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/xsc.h>
#include "internal.h"

#define XSC_NOTE_MAX	4096

/*
 * Is there an XSC note in these bytes of a PT_NOTE segment? 1 if so, 0 if
 * not, -ENOEXEC for an XSC note of another version or without one. The
 * layout is the gABI's as binutils reads it: the descriptor at
 * ALIGN(12 + namesz, align) from the note, the next note at
 * ALIGN(descriptor end, align). All sizes are 64-bit, so a 32-bit namesz
 * or descsz near 2^32 cannot wrap; a note whose name or descriptor does
 * not fit in what is left ends the scan of the segment.
 */
static int xsc_scan_notes(const u8 *buf, size_t len, size_t align)
{
	size_t off = 0;

	while (len - off >= sizeof(struct elf64_note)) {
		const struct elf64_note *n = (const void *)(buf + off);
		u64 desc = ALIGN((u64)sizeof(*n) + n->n_namesz, align);
		u64 end = desc + n->n_descsz;

		if (end > len - off)
			break;
		if (n->n_type == XSC_NOTE_TYPE &&
		    n->n_namesz == sizeof(XSC_NOTE_NAME) &&
		    !memcmp(buf + off + sizeof(*n), XSC_NOTE_NAME,
			    sizeof(XSC_NOTE_NAME))) {
			u32 version;

			if (n->n_descsz < sizeof(version))
				return -ENOEXEC;
			memcpy(&version, buf + off + desc, sizeof(version));
			return version == XSC_ABI_VERSION ? 1 : -ENOEXEC;
		}
		end = ALIGN(end, align);
		if (end >= len - off)
			break;
		off += end;
	}
	return 0;
}

/*
 * Does this 64-bit ELF file carry the XSC note? 1 if so, 0 if not,
 * -ENOEXEC for an XSC note of another version, -ENOMEM.
 */
static int xsc_file_marked(struct file *file, const struct elf64_phdr *phdr,
			   int phnum)
{
	int i, marked = 0;
	u8 *buf = NULL;

	for (i = 0; phdr && i < phnum && marked == 0; i++) {
		size_t len = min_t(u64, phdr[i].p_filesz, XSC_NOTE_MAX);
		loff_t pos = phdr[i].p_offset;

		if (phdr[i].p_type != PT_NOTE || len < sizeof(struct elf64_note))
			continue;
		if (!buf) {
			buf = kmalloc(XSC_NOTE_MAX, GFP_KERNEL);
			if (!buf)
				return -ENOMEM;
		}
		if (kernel_read(file, buf, len, &pos) != len)
			continue;
		marked = xsc_scan_notes(buf, len, phdr[i].p_align == 8 ? 8 : 4);
	}
	kfree(buf);
	return marked;
}

/*
 * Called by load_elf_binary() before the point of no return: returns 1
 * for an XSC image, 0 for an ordinary one, or -ENOEXEC with a log line
 * when the image cannot be run here. phdr is NULL for a 32-bit image
 * (compat_binfmt_elf), which is never an XSC image. interp and
 * interp_phdr (NULL without one) are the program interpreter's: an
 * ordinary image cannot run under the XSC loader, which would get no ring
 * and could not even say so.
 */
int xsc_elf_check(struct linux_binprm *bprm, const struct elf64_phdr *phdr,
		  int phnum, struct file *interp,
		  const struct elf64_phdr *interp_phdr, int interp_phnum)
{
	int marked = xsc_file_marked(bprm->file, phdr, phnum);

	if (marked == -ENOMEM)
		return marked;
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
	if (!marked && interp && interp_phdr &&
	    xsc_file_marked(interp, interp_phdr, interp_phnum) > 0) {
		pr_warn_ratelimited("xsc: %s: refused: not an XSC binary (no .note.XSC-ABI), but its interpreter is XSC's\n",
				    bprm->filename);
		return -ENOEXEC;
	}
	/*
	 * Strict mode applies once the ring driver is there: with xsc.ko as
	 * a module, the unmarked early userspace that loads it must run.
	 */
	if (!marked && xsc_strict && READ_ONCE(xsc_ops)) {
		pr_warn_ratelimited("xsc: %s: refused: not an XSC binary (no .note.XSC-ABI) and xsc_strict is set\n",
				    bprm->filename);
		return -ENOEXEC;
	}
	return marked;
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
	if (marked)
		ops = xsc_get_driver();
	x->flags = 0;
	x->entry = 0;
	x->ring = 0;
	x->child_ring = 0;
	clear_syscall_work(XSC);
	if (was)	/* this code may run under the driver's ring loop */
		xsc_put_driver_deferred();
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
	x->flags |= XSC_F_TASK;
	set_syscall_work(XSC);
	return 0;
}
