/* XSC: swapcontext; its one system call (rt_sigprocmask) goes through the
   ring.

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

/* The standard file's only system call is rt_sigprocmask, made with the
   `syscall' instruction; __xsc_syscall (xsc-syscall.S) takes the same
   registers and clobbers rdi and rsi besides rcx and r11, which the
   code after the call does not use (it reloads them, or keeps what it
   needs in rdx, r9, r12).  The token is replaced here rather than the
   file copied.  */
#define syscall call __xsc_syscall
#include <sysdeps/unix/sysv/linux/x86_64/swapcontext.S>
