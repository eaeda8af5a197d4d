/* XSC: ____longjmp_chk; its sigaltstack call goes through the ring.

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

/* The standard file asks sigaltstack for the current alternate stack
   with a stack_t in the red zone (-sizeSS(%rsp)).  __xsc_syscall
   (xsc-syscall.S) pushes onto the stack, so the call steps over the red
   zone first; it clobbers rdi and rsi besides rcx and r11, and the code
   after it restores rdi and rsi from r10 and rbx anyway.  The token is
   replaced here rather than the file copied.  */
#define syscall							\
	subq $128, %rsp;					\
	cfi_adjust_cfa_offset (128);				\
	call __xsc_syscall;					\
	addq $128, %rsp;					\
	cfi_adjust_cfa_offset (-128)
#include <sysdeps/unix/sysv/linux/x86_64/____longjmp_chk.S>
