/* XSC: syscall(2), any number through the calling thread's ring.
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

/* long syscall (long number, ...): the arguments shift down one
   register, the sixth comes from the stack, as in the standard port;
   __xsc_syscall then takes the registers of the instruction.  */
	.text
ENTRY (syscall)
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	call	__xsc_syscall
	cmpq	$-4095, %rax
	jae	SYSCALL_ERROR_LABEL
	ret
PSEUDO_END (syscall)
