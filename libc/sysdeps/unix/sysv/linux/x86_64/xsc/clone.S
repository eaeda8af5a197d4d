/* XSC: clone through the calling thread's ring.

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
#define _ERRNO_H	1
#include <bits/errno.h>
#include <asm-syntax.h>
#include <xsc-macros.h>

/* int clone (int (*fn)(void *arg), void *child_stack, int flags,
	      void *arg, pid_t *parent_tid, void *tls, pid_t *child_tid);
   in rdi, rsi, rdx, rcx, r8, r9 and 8(%rsp); the kernel's clone takes
   flags, child_stack, parent_tid, child_tid, tls.

   The child returns from the entry on its new stack with the caller's
   registers, so everything both sides need after the call is kept in
   registers the entry preserves: r9 = the sync_top value the parent
   took, r10 = flags.  A child with CLONE_SETTLS has a TCB of its own:
   the parent copies the entry and the signal restorer into it before
   the call, the child asks the kernel for its ring (entry with count 0)
   before anything else.  A child without CLONE_SETTLS shares the
   parent's TCB (and with CLONE_VM|CLONE_VFORK the parent's ring, as the
   kernel does); a CLONE_VM child without either has a ring of its own
   that the shared TCB cannot name: see docs/libc.md.  */

        .text
ENTRY (__clone)
	/* Sanity check arguments.  */
	movq	$-EINVAL,%rax
	testq	%rdi,%rdi		/* no NULL function pointers */
	jz	SYSCALL_ERROR_LABEL
	/* Align stack to 16 bytes per the x86-64 psABI.  */
	andq	$-16, %rsi
	jz	SYSCALL_ERROR_LABEL	/* no NULL stack pointers */

	/* Insert the argument onto the new stack.  */
	movq	%rcx,-8(%rsi)
	subq	$16,%rsi
	/* Save the function pointer.  It will be popped off in the
	   child.  */
	movq	%rdi,0(%rsi)

	/* The kernel's arguments.  */
	movq	%rdx, %rdi		/* flags */
	movq	%r8, %rdx		/* parent_tid */
	movq	%r9, %r8		/* tls */
	mov	8(%rsp), %R10_LP	/* child_tid */

	/* A new TCB gets the entry and the restorer.  */
	testl	$XSC_CLONE_SETTLS, %edi
	jz	2f
	movq	%fs:XSC_TCB_ENTRY, %rcx
	movq	%rcx, XSC_TCB_ENTRY(%r8)
	movq	%fs:XSC_TCB_SIGRETURN, %rcx
	movq	%rcx, XSC_TCB_SIGRETURN(%r8)
2:
	XSC_LOAD_RING (%r11)
	movl	$1, %r9d
	xaddl	%r9d, XSC_HDR_SYNC_TOP(%r11)
	movl	%r9d, %ecx
	XSC_SQE_ADDRESS (%r11, %ecx, %rcx)
	movq	$SYS_ify (clone), (%rcx)
	movq	%rdi, XSC_SQE_ARGS+0(%rcx)
	movq	%rsi, XSC_SQE_ARGS+8(%rcx)
	movq	%rdx, XSC_SQE_ARGS+16(%rcx)
	movq	%r10, XSC_SQE_ARGS+24(%rcx)
	movq	%r8, XSC_SQE_ARGS+32(%rcx)
	movq	%rdi, %r10		/* flags, for the child */
	movl	%r9d, %edi
	andl	$XSC_SLOT_MASK, %edi
	movl	$1, %esi

	/* End FDE now, because in the child the unwind info will be
	   wrong.  */
	cfi_endproc;
	XSC_CALL_ENTRY

	testq	%rax,%rax
	jz	L(thread_start)
	XSC_LOAD_RING (%r11)
	movl	%r9d, XSC_HDR_SYNC_TOP(%r11)
	testq	%rax,%rax
	jl	SYSCALL_ERROR_LABEL
	ret

L(thread_start):
	cfi_startproc;
	/* Clearing frame pointer is insufficient, use CFI.  */
	cfi_undefined (rip);
	/* Clear the frame pointer.  The ABI suggests this be done, to mark
	   the outermost frame obviously.  */
	xorl	%ebp, %ebp

	/* This thread's ring: into its TCB, or r12 (xsc-macros.h).  */
	XSC_CHILD_RING (%r10d)
	/* Set up arguments for the function call.  */
	popq	%rax		/* Function to call.  */
	popq	%rdi		/* Argument.  */
	call	*%rax
	/* Call exit with return value from function call. */
	movq	%rax, %rdi
	XSC_CHILD_EXIT
	cfi_endproc;

	cfi_startproc;
PSEUDO_END (__clone)

libc_hidden_def (__clone)
weak_alias (__clone, clone)
