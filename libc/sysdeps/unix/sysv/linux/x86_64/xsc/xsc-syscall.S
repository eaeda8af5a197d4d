/* XSC: one system call through the calling thread's ring, for
   assembler callers.
   This file is part of the XSC port of the GNU C Library.

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

/* In:  rax = number; rdi, rsi, rdx, r10, r8, r9 = arguments (the
	registers of the syscall instruction).
   Out: rax = the value or -errno.
   Clobbers rcx, r11, rdi, rsi and the flags; uses 24 bytes of stack.
   Not for calls whose child returns on another stack or shares this
   one (clone, vfork: see clone.S, clone3.S, vfork.S).  */
	.text
	.hidden __xsc_syscall
ENTRY (__xsc_syscall)
	XSC_LOAD_RING (%r11)
	movl	$1, %ecx
	xaddl	%ecx, XSC_HDR_SYNC_TOP(%r11)
	pushq	%rcx			/* The value to give back.  */
	cfi_adjust_cfa_offset (8)
	pushq	%r11			/* The entry clobbers r11.  */
	cfi_adjust_cfa_offset (8)
	XSC_SQE_ADDRESS (%r11, %ecx, %rcx)
	movq	%rax, (%rcx)
	movq	%rdi, XSC_SQE_ARGS+0(%rcx)
	movq	%rsi, XSC_SQE_ARGS+8(%rcx)
	movq	%rdx, XSC_SQE_ARGS+16(%rcx)
	movq	%r10, XSC_SQE_ARGS+24(%rcx)
	movq	%r8, XSC_SQE_ARGS+32(%rcx)
	movq	%r9, XSC_SQE_ARGS+40(%rcx)
	movl	8(%rsp), %edi
	andl	$XSC_SLOT_MASK, %edi
	movl	$1, %esi
	XSC_CALL_ENTRY
	popq	%r11
	cfi_adjust_cfa_offset (-8)
	popq	%rcx
	cfi_adjust_cfa_offset (-8)
	movl	%ecx, XSC_HDR_SYNC_TOP(%r11)
	ret
END (__xsc_syscall)
