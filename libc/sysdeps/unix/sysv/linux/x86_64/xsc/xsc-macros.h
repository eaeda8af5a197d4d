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

#endif
