/* XSC: assembler helpers for the hand-written entries.
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

#ifndef _XSC_MACROS_H
#define _XSC_MACROS_H 1

#include <xsc-asm.h>

/* Load the calling thread's ring into REG (see xsc-ring.h: before the
   thread pointer exists, ld.so and static programs use the main
   thread's ring from the auxiliary vector).  */
#if IS_IN (rtld) || (IS_IN (libc) && !defined SHARED)
# define XSC_LOAD_RING(reg)					\
	movq	_dl_xsc_early_ring(%rip), reg;			\
	testq	reg, reg;					\
	jnz	1f;						\
	movq	%fs:XSC_TCB_RING, reg;				\
1:
# define XSC_CALL_ENTRY	call *_dl_xsc_entry(%rip)
#else
# define XSC_LOAD_RING(reg)	movq %fs:XSC_TCB_RING, reg
# define XSC_CALL_ENTRY	call *%fs:XSC_TCB_ENTRY
#endif

#if XSC_SQE_SIZE != 64
# error "struct xsc_sqe is not 64 bytes"
#endif

/* A sync_top value (or slot number) in REG32 becomes the address of its
   slot's SQE in REG64 (the same register).  */
#define XSC_SQE_ADDRESS(ring, reg32, reg64)			\
	andl	$XSC_SLOT_MASK, reg32;				\
	shll	$6, reg32;					\
	leaq	XSC_HDR_SQES(ring, reg64), reg64

/* The start of a clone or clone3 child that shares its parent's memory
   (docs/abi.md: it has a new ring, which it asks the kernel for before its
   first call).  With a TCB of its own (CLONE_SETTLS) the ring goes there;
   a child that shares its parent's TCB must not touch it (its ring word is
   the parent's): it keeps the ring in r12, which the function it runs
   preserves, for its exit.  FLAGS holds the clone flags.  Clobbers rax,
   rcx, rsi, rdi, r11, r12.  */
#define XSC_CHILD_RING(flags)					\
	xorl	%edi, %edi;					\
	xorl	%esi, %esi;					\
	call	*%fs:XSC_TCB_ENTRY;				\
	xorl	%r12d, %r12d;					\
	testl	$XSC_CLONE_SETTLS, flags;			\
	jz	4f;						\
	movq	%rax, %fs:XSC_TCB_RING;				\
	jmp	5f;						\
4:	movq	%rax, %r12;					\
5:

/* The child's exit with the status in rdi, through its own ring: the
   TCB's, or the one XSC_CHILD_RING kept in r12.  Does not return.  */
#define XSC_CHILD_EXIT						\
	testq	%r12, %r12;					\
	jnz	6f;						\
	movl	$SYS_ify (exit), %eax;				\
	call	__xsc_syscall;					\
	hlt;							\
6:	movl	$1, %esi;					\
	xaddl	%esi, XSC_HDR_SYNC_TOP(%r12);			\
	movl	%esi, %ecx;					\
	XSC_SQE_ADDRESS (%r12, %ecx, %rcx);			\
	movq	$SYS_ify (exit), (%rcx);			\
	movq	%rdi, XSC_SQE_ARGS(%rcx);			\
	movl	%esi, %edi;					\
	andl	$XSC_SLOT_MASK, %edi;				\
	movl	$1, %esi;					\
	call	*%fs:XSC_TCB_ENTRY;				\
	hlt

#endif
