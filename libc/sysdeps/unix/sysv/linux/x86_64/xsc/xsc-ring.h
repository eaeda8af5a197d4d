/* XSC: submission of one system call through the calling thread's ring.
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

#ifndef _XSC_RING_H
#define _XSC_RING_H 1

/* The contract is the kernel's <linux/xsc.h> (docs/abi.md in the XSC
   repository).  Every system call of the C library goes through
   __xsc_call below or through __xsc_syscall (xsc-syscall.S), which
   follow the same rules:

   - the slot comes from the ring's synchronous stack: one non-locked
     xadd on sync_top, so a signal handler that makes calls while the
     interrupted code is in the middle of one takes the next slot;
   - the slot is given back by storing the value the xadd returned, not
     by decrementing: a vfork child's leaked slots and a handler left by
     longjmp are forgotten as soon as the outer call finishes;
   - the entry clobbers rcx, r11, rdi, rsi and the flags; the C library
     is built with -mno-red-zone, so the `call' cannot overwrite data
     the compiler keeps below the stack pointer.

   Where each thread finds its ring: the TCB (tcbhead_t.sysinfo, unused on
   x86-64) holds the ring, two more unused TCB words the entry and the
   signal restorer.  Before the thread pointer is set up (ld.so, and
   static programs up to __libc_setup_tls) the main thread's ring and the
   entry come from hidden variables filled from the auxiliary vector
   (dl-xsc.c); TLS_INIT_TP copies them into the TCB and clears the early
   ring pointer.  */

#ifndef __ASSEMBLER__
# include <linux/xsc.h>

/* TCB words: tcbhead_t.sysinfo and unused_vgetcpu_cache[2], unused
   on x86-64 (numbers here because <tls.h> includes this file before it
   defines tcbhead_t; dl-xsc.c checks them against the type, xsc-asm.sym
   gives the assembler the same values).  */
# define XSC_TCB_RING_OFFSET		0x20
# define XSC_TCB_ENTRY_OFFSET		0x38
# define XSC_TCB_SIGRETURN_OFFSET	0x40

# if IS_IN (rtld) || (IS_IN (libc) && !defined SHARED)
/* Code that may run before the thread pointer exists.  */
#  define XSC_EARLY 1
extern struct xsc_ring_hdr *_dl_xsc_early_ring attribute_hidden;
extern void *_dl_xsc_entry attribute_hidden;
extern void *_dl_xsc_sigreturn attribute_hidden;
# endif

/* Statement expressions rather than inline functions: they are used in
   gnu_inline functions, which may not call static ones.  */
# ifdef XSC_EARLY
#  define __xsc_ring()							\
  ({ struct xsc_ring_hdr *__xr = _dl_xsc_early_ring;			\
     if (__glibc_likely (__xr == NULL))					\
       __xr = *(struct xsc_ring_hdr *__seg_fs *) XSC_TCB_RING_OFFSET;	\
     __xr; })
#  define XSC_ENTRY_OPERAND _dl_xsc_entry
# else
#  define __xsc_ring()							\
  (*(struct xsc_ring_hdr *__seg_fs *) XSC_TCB_RING_OFFSET)
#  define XSC_ENTRY_OPERAND \
  (*(void *__seg_fs *) XSC_TCB_ENTRY_OFFSET)
# endif

/* One synchronous call: NR with NARGS arguments (a compile-time
   constant; the unused SQE words are left alone, as unused argument
   registers are for the instruction).  The value is what the
   instruction would have returned: the result or -errno.  */
# define __xsc_call(number, nargs, a1, a2, a3, a4, a5, a6)			\
  ({									\
    _Static_assert (sizeof (struct xsc_sqe) == 64, "SQE size");	\
    unsigned long int __x1 = (a1), __x2 = (a2), __x3 = (a3);		\
    unsigned long int __x4 = (a4), __x5 = (a5), __x6 = (a6);		\
    long int __xnr = (number);						\
    struct xsc_ring_hdr *__xring = __xsc_ring ();			\
    unsigned int __xtop = 1;						\
    /* One instruction: a signal sees the slot either taken or free.  */ \
    asm volatile ("xaddl %0, %1"					\
		  : "+r" (__xtop), "+m" (__xring->sync_top) : : "cc");	\
    unsigned int __xslot = __xtop & (XSC_RING_ENTRIES - 1);		\
    struct xsc_sqe *__xsqe = (struct xsc_sqe *)				\
      ((char *) __xring + XSC_RING_SQES_OFF) + __xslot;			\
    __xsqe->nr = __xnr;							\
    if ((nargs) > 0)							\
      __xsqe->args[0] = __x1;						\
    if ((nargs) > 1)							\
      __xsqe->args[1] = __x2;						\
    if ((nargs) > 2)							\
      __xsqe->args[2] = __x3;						\
    if ((nargs) > 3)							\
      __xsqe->args[3] = __x4;						\
    if ((nargs) > 4)							\
      __xsqe->args[4] = __x5;						\
    if ((nargs) > 5)							\
      __xsqe->args[5] = __x6;						\
    register unsigned long int __xrdi asm ("rdi") = __xslot;		\
    register unsigned long int __xrsi asm ("rsi") = 1;			\
    long int __xres;							\
    asm volatile ("call *%[entry]"					\
		  : "=a" (__xres), "+r" (__xrdi), "+r" (__xrsi)		\
		  : [entry] "m" (XSC_ENTRY_OPERAND)			\
		  : "memory", "cc", "rcx", "r11");			\
    *(volatile unsigned int *) &__xring->sync_top = __xtop;		\
    __xres;								\
  })
#endif /* !__ASSEMBLER__ */

#endif /* xsc-ring.h */
