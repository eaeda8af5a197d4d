/* XSC: clone3 through the calling thread's ring.

   The GNU C Library is free software; you can redistribute it and/or
   modify it under the terms of the GNU Lesser General Public
   License as published by the Free Software Foundation; either
   version 2.1 of the License, or (at your option) any later version.

   The GNU C Library is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
   Lesser General Public License for more details.

   You should have received a copy of the GNU Lesser General Public
   License along with the GNU C Library; if not, see
   <https://www.gnu.org/licenses/>.  */

#include <sysdep.h>
#include <xsc-macros.h>

/* int clone3 (struct clone_args *cl_args, size_t size,
	       int (*func)(void *arg), void *arg);
   in rdi, rsi, rdx, rcx; the kernel's clone3 takes cl_args and size.

   As in clone.S: what both sides need after the call stays in registers
   the entry preserves: rdx = func, r8 = arg, r9 = the sync_top value the
   parent took, r10 = flags.  The parent copies the entry and the signal
   restorer into a CLONE_SETTLS child's TCB; that child fetches its ring
   first thing.  */

        .text
ENTRY (__clone3)
	/* Sanity check arguments.  */
	movl	$-EINVAL, %eax
	test	%RDI_LP, %RDI_LP	/* No NULL cl_args pointer.  */
	jz	SYSCALL_ERROR_LABEL
	test	%RDX_LP, %RDX_LP	/* No NULL function pointer.  */
	jz	SYSCALL_ERROR_LABEL

	mov	%RCX_LP, %R8_LP		/* arg */
	movq	XSC_CL_FLAGS(%rdi), %r10

	/* A new TCB gets the entry and the restorer.  */
	testl	$XSC_CLONE_SETTLS, %r10d
	jz	2f
	movq	XSC_CL_TLS(%rdi), %r11
	movq	%fs:XSC_TCB_ENTRY, %rcx
	movq	%rcx, XSC_TCB_ENTRY(%r11)
	movq	%fs:XSC_TCB_SIGRETURN, %rcx
	movq	%rcx, XSC_TCB_SIGRETURN(%r11)
2:
	XSC_LOAD_RING (%r11)
	movl	$1, %r9d
	xaddl	%r9d, XSC_HDR_SYNC_TOP(%r11)
	movl	%r9d, %ecx
	XSC_SQE_ADDRESS (%r11, %ecx, %rcx)
	movq	$SYS_ify (clone3), (%rcx)
	movq	%rdi, XSC_SQE_ARGS+0(%rcx)
	movq	%rsi, XSC_SQE_ARGS+8(%rcx)
	movl	%r9d, %edi
	andl	$XSC_SLOT_MASK, %edi
	movl	$1, %esi

	/* End FDE now, because in the child the unwind info will be
	   wrong.  */
	cfi_endproc
	XSC_CALL_ENTRY

	test	%RAX_LP, %RAX_LP
	jz	L(thread_start)
	XSC_LOAD_RING (%r11)
	movl	%r9d, XSC_HDR_SYNC_TOP(%r11)
	test	%RAX_LP, %RAX_LP
	jl	SYSCALL_ERROR_LABEL
	ret

L(thread_start):
	cfi_startproc
	/* Clearing frame pointer is insufficient, use CFI.  */
	cfi_undefined (rip)
	/* Clear the frame pointer.  The ABI suggests this be done, to mark
	   the outermost frame obviously.  */
	xorl	%ebp, %ebp

	/* Align stack to 16 bytes per the x86-64 psABI.  */
	and	$-16, %RSP_LP

	/* This thread's ring: into its TCB, or r12 (xsc-macros.h).  */
	XSC_CHILD_RING (%r10d)
	/* Set up arguments for the function call.  */
	mov	%R8_LP, %RDI_LP	/* Argument.  */
	call	*%rdx		/* Call function.  */
	/* Call exit with return value from function call. */
	movq	%rax, %rdi
	XSC_CHILD_EXIT
	cfi_endproc

	cfi_startproc
PSEUDO_END (__clone3)

libc_hidden_def (__clone3)
weak_alias (__clone3, clone3)
