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

	/*
	 * Unwind information for the code above (XSC_OFF_EH_FRAME_HDR):
	 * an .eh_frame_hdr with its binary-search table, then the .eh_frame.
	 * A restarted call shows the restart stub as the interrupted PC of
	 * its signal frame, with the call's return address still in rcx:
	 * unwinders (pthread_cancel, C++ exceptions, backtrace()) step from
	 * there to the caller. All offsets are relative: the page is a copy.
	 */
	.org	\name + XSC_OFF_EH_FRAME_HDR, 0xcc
\name\()_hdr:
	.byte	1			/* version */
	.byte	0x1b			/* eh_frame_ptr: DW_EH_PE_pcrel | sdata4 */
	.byte	0x03			/* fde_count: DW_EH_PE_udata4 */
	.byte	0x3b			/* table: DW_EH_PE_datarel | sdata4 */
	.long	\name\()_cie - .
	.long	3
	.long	\name + XSC_OFF_ENTRY - \name\()_hdr, \name\()_fde0 - \name\()_hdr
	.long	\name + XSC_OFF_RESTART - \name\()_hdr, \name\()_fde1 - \name\()_hdr
	.long	\name + XSC_OFF_RESTART_BLOCK - \name\()_hdr, \name\()_fde2 - \name\()_hdr
	.balign	8, 0
\name\()_cie:
	.long	\name\()_fde0 - \name\()_cie - 4
	.long	0			/* CIE id */
	.byte	1			/* version */
	.asciz	"zR"
	.uleb128 1			/* code alignment */
	.sleb128 -8			/* data alignment */
	.byte	16			/* return address: rip */
	.uleb128 1
	.byte	0x1b			/* FDE addresses: pcrel | sdata4 */
	.byte	0x0c, 7, 8		/* DW_CFA_def_cfa rsp, 8: just called */
	.byte	0x90, 1			/* DW_CFA_offset rip, cfa - 8 */
	.balign	8, 0
	/* the entry: as any function just called */
\name\()_fde0:
	.long	\name\()_fde1 - \name\()_fde0 - 4
	.long	. - \name\()_cie
	.long	\name + XSC_OFF_ENTRY - .
	.long	XSC_OFF_RESTART - XSC_OFF_ENTRY
	.uleb128 0
	.balign	8, 0
	/* the restart stubs: the return address in rcx until pushed */
\name\()_fde1:
	.long	\name\()_fde2 - \name\()_fde1 - 4
	.long	. - \name\()_cie
	.long	\name + XSC_OFF_RESTART - .
	.long	XSC_OFF_RESTART_BLOCK - XSC_OFF_RESTART
	.uleb128 0
	.byte	0x0e, 0			/* DW_CFA_def_cfa_offset 0 */
	.byte	0x09, 16, 2		/* DW_CFA_register rip, rcx */
	.byte	0x41			/* DW_CFA_advance_loc 1: pushq %rcx */
	.byte	0x0e, 8			/* DW_CFA_def_cfa_offset 8 */
	.byte	0x90, 1			/* DW_CFA_offset rip, cfa - 8 */
	.balign	8, 0
\name\()_fde2:
	.long	\name\()_end_fde - \name\()_fde2 - 4
	.long	. - \name\()_cie
	.long	\name + XSC_OFF_RESTART_BLOCK - .
	.long	XSC_OFF_SIGRETURN - XSC_OFF_RESTART_BLOCK
	.uleb128 0
	.byte	0x0e, 0
	.byte	0x09, 16, 2
	.byte	0x41
	.byte	0x0e, 8
	.byte	0x90, 1
	.balign	8, 0
\name\()_end_fde:
	.long	0			/* the end of .eh_frame */
SYM_DATA_END_LABEL(\name, SYM_L_GLOBAL, \name\()_end)
.endm

	.section .rodata, "a"
	.balign 16
XSC_ENTRY_PAGE xsc_entry_code, movl (%rax), %eax
	.balign 16
XSC_ENTRY_PAGE xsc_entry_code_sc, syscall
