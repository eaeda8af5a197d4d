/* XSC: thread pointer setup for Linux/x86-64.

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

#ifndef _XSC_TLS_H
#define _XSC_TLS_H 1

#include <sysdeps/x86_64/nptl/tls.h>

#ifndef __ASSEMBLER__
/* The main thread's TCB gets its ring, the entry and the signal restorer
   before %fs points to it; once the arch_prctl succeeded the early ring
   pointer is cleared and every later call of this thread finds its ring
   in the TCB (xsc-ring.h).  TLS_INIT_TP is used by ld.so and by static
   programs only, where the hidden variables of dl-xsc.c exist.  */
# undef TLS_INIT_TP
# define TLS_INIT_TP(thrdescr) \
  ({ void *_thrdescr = (thrdescr);					      \
     tcbhead_t *_head = _thrdescr;					      \
     long int _result;							      \
									      \
     _head->tcb = _thrdescr;						      \
     /* For now the thread descriptor is at the same address.  */	      \
     _head->self = _thrdescr;						      \
     _head->sysinfo = (uintptr_t) __xsc_ring ();			      \
     _head->unused_vgetcpu_cache[0] = (unsigned long int) _dl_xsc_entry;      \
     _head->unused_vgetcpu_cache[1] = (unsigned long int) _dl_xsc_sigreturn;  \
									      \
     _result = INTERNAL_SYSCALL_CALL (arch_prctl, ARCH_SET_FS, _thrdescr);   \
     if (_result == 0)							      \
       _dl_xsc_early_ring = NULL;					      \
    _result ? "cannot set %fs base address for thread-local storage" : 0;     \
  })
#endif

#endif
