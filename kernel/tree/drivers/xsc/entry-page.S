/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The XSC entry page: kernel-owned code mapped read-only into every XSC
 * process (the "[xsc]" mapping). User space calls xsc_entry; what it
 * executes is the kernel's business, chosen at boot (xsc_entry=):
 *
 * fault    (default) a load from XSC_DOORBELL, a kernel address user mode
 *          can never map: #PF, recognised by exc_page_fault() before
 *          anything else. No syscall instruction anywhere.
 * syscall  the syscall instruction, accepted by do_syscall_64() only at
 *          these addresses of an XSC task's own entry page.
 *
 * Both doorbells are 2-byte instructions at the same offsets, so the
 * layout and every offset in linux/xsc.h are shared. The code is copied
 * into a page at boot; it is data to the kernel.
 */
#include <linux/linkage.h>
#include <linux/xsc.h>

.macro XSC_ENTRY_PAGE name, doorbell:vararg
SYM_DATA_START(\name)
	/* xsc_entry: edi = first slot, esi = count */
	movq	$XSC_DOORBELL, %rax
	.org	\name + XSC_OFF_DB_ENTRY
	\doorbell
	ud2

	/* restart after a signal: rcx = return address (set by the kernel) */
	.org	\name + XSC_OFF_RESTART, 0xcc
	pushq	%rcx
	jmp	\name

	/* as above, but the first SQE resumes through restart_syscall */
	.org	\name + XSC_OFF_RESTART_BLOCK, 0xcc
	pushq	%rcx
	movq	$XSC_DOORBELL, %rax
	.org	\name + XSC_OFF_DB_RESTART_BLOCK
	\doorbell
	ud2

	/* signal restorer: rt_sigreturn with the frame at rsp - 8 */
	.org	\name + XSC_OFF_SIGRETURN, 0xcc
	movq	$XSC_DOORBELL, %rax
	.org	\name + XSC_OFF_DB_SIGRETURN
	\doorbell
	ud2

	/*
	 * where a SECCOMP_RET_TRAP handler returns: its rax is the SQE's
	 * result, the kernel's save area at rsp (drivers/xsc/signal.c)
	 */
	.org	\name + XSC_OFF_TRAP, 0xcc
	movq	%rax, %rdx
	movq	$XSC_DOORBELL, %rax
	.org	\name + XSC_OFF_DB_TRAP
	\doorbell
	ud2
SYM_DATA_END_LABEL(\name, SYM_L_GLOBAL, \name\()_end)
.endm

	.section .rodata, "a"
	.balign 16
XSC_ENTRY_PAGE xsc_entry_code, movl (%rax), %eax
	.balign 16
XSC_ENTRY_PAGE xsc_entry_code_sc, syscall
