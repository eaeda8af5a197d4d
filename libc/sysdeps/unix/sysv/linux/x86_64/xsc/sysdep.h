/* XSC: system calls through the calling thread's ring.  Linux/x86-64.
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

#ifndef _LINUX_X86_64_XSC_SYSDEP_H
#define _LINUX_X86_64_XSC_SYSDEP_H 1

/* Everything of the x86-64 port stays; only the two ways it enters the
   kernel change: DO_CALL (the syscalls.list stubs) and
   internal_syscall0..6 (every INTERNAL_SYSCALL, INLINE_SYSCALL and
   SYSCALL_CANCEL).  The few hand-written entries have their own files in
   this directory.  */
#include <sysdeps/unix/sysv/linux/x86_64/sysdep.h>

#ifdef __ASSEMBLER__

/* __xsc_syscall (xsc-syscall.S) takes the number in rax and the
   arguments in the syscall registers, like the instruction, and clobbers
   rdi and rsi besides rcx and r11: a stub is a function, its caller
   expects all of them to be clobbered.  */
# undef	DO_CALL
# define DO_CALL(syscall_name, args, ulong_arg_1, ulong_arg_2) \
    DOARGS_##args				\
    ZERO_EXTEND_##ulong_arg_1			\
    ZERO_EXTEND_##ulong_arg_2			\
    movl $SYS_ify (syscall_name), %eax;		\
    call __xsc_syscall;

#else	/* !__ASSEMBLER__ */

# include <xsc-ring.h>

# define XSC_ARG(X) ((unsigned long int) ARGIFY (X))

# undef internal_syscall0
# define internal_syscall0(number, dummy...)				\
  __xsc_call ((long int) (number), 0, 0, 0, 0, 0, 0, 0)

# undef internal_syscall1
# define internal_syscall1(number, arg1)				\
  __xsc_call ((long int) (number), 1, XSC_ARG (arg1), 0, 0, 0, 0, 0)

# undef internal_syscall2
# define internal_syscall2(number, arg1, arg2)				\
  __xsc_call ((long int) (number), 2, XSC_ARG (arg1), XSC_ARG (arg2),	\
	      0, 0, 0, 0)

# undef internal_syscall3
# define internal_syscall3(number, arg1, arg2, arg3)			\
  __xsc_call ((long int) (number), 3, XSC_ARG (arg1), XSC_ARG (arg2),	\
	      XSC_ARG (arg3), 0, 0, 0)

# undef internal_syscall4
# define internal_syscall4(number, arg1, arg2, arg3, arg4)		\
  __xsc_call ((long int) (number), 4, XSC_ARG (arg1), XSC_ARG (arg2),	\
	      XSC_ARG (arg3), XSC_ARG (arg4), 0, 0)

# undef internal_syscall5
# define internal_syscall5(number, arg1, arg2, arg3, arg4, arg5)	\
  __xsc_call ((long int) (number), 5, XSC_ARG (arg1), XSC_ARG (arg2),	\
	      XSC_ARG (arg3), XSC_ARG (arg4), XSC_ARG (arg5), 0)

# undef internal_syscall6
# define internal_syscall6(number, arg1, arg2, arg3, arg4, arg5, arg6)	\
  __xsc_call ((long int) (number), 6, XSC_ARG (arg1), XSC_ARG (arg2),	\
	      XSC_ARG (arg3), XSC_ARG (arg4), XSC_ARG (arg5), XSC_ARG (arg6))

#endif	/* __ASSEMBLER__ */

#endif /* linux/x86_64/xsc/sysdep.h */
