/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The XSC entry page: kernel-owned code mapped read-only into every XSC
 * process (the "[xsc]" mapping). User space calls xsc_entry; what it
 * executes is the kernel's business. Today: a load from XSC_DOORBELL, a
 * kernel address user mode can never map, which raises #PF. The page
 * fault handler recognises the address and the instruction pointer before
 * anything else and runs the ring instead (drivers/xsc/core.c).
 *
 * The code is copied into a page at boot; it is data to the kernel.
 */
#include <linux/linkage.h>
#include <linux/xsc.h>

	.section .rodata, "a"
	.balign 16
SYM_DATA_START(xsc_entry_code)
.Lxsc_entry:
	/* xsc_entry: edi = first slot, esi = count */
	movq	$XSC_DOORBELL, %rax
	.org	xsc_entry_code + XSC_OFF_DB_ENTRY
	movl	(%rax), %eax
	ud2

	/* restart after a signal: rcx = return address (set by the kernel) */
	.org	xsc_entry_code + XSC_OFF_RESTART, 0xcc
	pushq	%rcx
	jmp	.Lxsc_entry

	/* as above, but the first SQE resumes through restart_syscall */
	.org	xsc_entry_code + XSC_OFF_RESTART_BLOCK, 0xcc
	pushq	%rcx
	movq	$XSC_DOORBELL, %rax
	.org	xsc_entry_code + XSC_OFF_DB_RESTART_BLOCK
	movl	(%rax), %eax
	ud2

	/* signal restorer: rt_sigreturn with the frame at rsp - 8 */
	.org	xsc_entry_code + XSC_OFF_SIGRETURN, 0xcc
	movq	$XSC_DOORBELL, %rax
	.org	xsc_entry_code + XSC_OFF_DB_SIGRETURN
	movl	(%rax), %eax
	ud2
SYM_DATA_END_LABEL(xsc_entry_code, SYM_L_GLOBAL, xsc_entry_code_end)
