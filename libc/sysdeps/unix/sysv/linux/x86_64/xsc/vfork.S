/* XSC: vfork through the shared ring.
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
#define _ERRNO_H	1
#include <bits/errno.h>
#include <xsc-macros.h>

#if SHSTK_ENABLED
# error "XSC: vfork with the CET shadow stack is not ported"
#endif

/* Clone the calling process, but without copying the whole address
   space.  The calling process is suspended until the new process exits
   or is replaced by a call to 'execve'.

   The child runs on this stack and in this ring (docs/abi.md 4, 6): the
   return address and the taken sync_top value live in registers the
   entry preserves (rdx, r8), nothing of ours on the stack survives the
   child.  The parent gives the slot back by storing its own value, which
   also forgets the slots a child that exec'd or exited still held; the
   child (rax == 0) leaves sync_top alone.  */

ENTRY (__vfork)
	popq	%rdx
	cfi_adjust_cfa_offset (-8)
	cfi_register (%rip, %rdx)

	XSC_LOAD_RING (%r11)
	movl	$1, %r8d
	xaddl	%r8d, XSC_HDR_SYNC_TOP(%r11)
	movl	%r8d, %ecx
	XSC_SQE_ADDRESS (%r11, %ecx, %rcx)
	movq	$SYS_ify (vfork), (%rcx)
	movl	%r8d, %edi
	andl	$XSC_SLOT_MASK, %edi
	movl	$1, %esi
	XSC_CALL_ENTRY

	testq	%rax, %rax
	jz	2f
	XSC_LOAD_RING (%r11)
	movl	%r8d, XSC_HDR_SYNC_TOP(%r11)
2:
	pushq	%rdx
	cfi_adjust_cfa_offset (8)
	cmpl	$-4095, %eax
	jae	SYSCALL_ERROR_LABEL
	ret

PSEUDO_END (__vfork)
libc_hidden_def (__vfork)

weak_alias (__vfork, vfork)
strong_alias (__vfork, __libc_vfork)
