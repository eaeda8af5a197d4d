/* XSC: the ring's sync_top in a jmp_buf.

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

#ifndef _XSC_JMPBUF_H
#define _XSC_JMPBUF_H 1

#include <setjmp.h>
#include <stddef.h>
#include <sysdep.h>

/* __sigjmp_save keeps the thread's sync_top in the 4 bytes of padding
   after __mask_was_saved, and libxsc's batch counter (the header word
   after sync_top) at byte 96, past the saved signal mask and the shadow
   stack pointer: places every buffer that reaches __sigsetjmp has
   (jmp_buf, sigjmp_buf, nptl's and the public pthread unwind buffers, whose
   priv.pad[3] is byte 96: docs/libc-port-map.md section 5).
   _longjmp_unwind, which longjmp, siglongjmp, __longjmp_chk and
   cancellation's __libc_longjmp all call first, puts both back.  So a
   longjmp out of a signal handler that interrupted a call (or a batch)
   gives its slots back, and a cancelled thread's cleanups run at the
   depth the buffer was made at.  */
#define XSC_JMPBUF_TOP_OFFSET \
  (offsetof (struct __jmp_buf_tag, __mask_was_saved) + sizeof (int))
#define XSC_JMPBUF_BATCH_OFFSET 96
_Static_assert (XSC_JMPBUF_TOP_OFFSET + sizeof (unsigned int)
		<= offsetof (struct __jmp_buf_tag, __saved_mask),
		"no room for sync_top in jmp_buf");
_Static_assert (offsetof (struct __jmp_buf_tag, __saved_mask) + 24
		== XSC_JMPBUF_BATCH_OFFSET,
		"the batch counter's word moved");

static inline void
xsc_jmpbuf_save_top (struct __jmp_buf_tag *env)
{
  struct xsc_ring_hdr *ring = __xsc_ring ();
  *(unsigned int *) ((char *) env + XSC_JMPBUF_TOP_OFFSET) = ring->sync_top;
  *(unsigned int *) ((char *) env + XSC_JMPBUF_BATCH_OFFSET)
    = ring->reserved0;
}

static inline void
xsc_jmpbuf_restore_top (struct __jmp_buf_tag *env)
{
  struct xsc_ring_hdr *ring = __xsc_ring ();
  *(volatile unsigned int *) &ring->sync_top
    = *(unsigned int *) ((char *) env + XSC_JMPBUF_TOP_OFFSET);
  *(volatile unsigned int *) &ring->reserved0
    = *(unsigned int *) ((char *) env + XSC_JMPBUF_BATCH_OFFSET);
}

#endif
