/* XSC: pick the ring, the entry and the restorer from the auxiliary
   vector.

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

#ifndef _XSC_DL_AUXV_H
#define _XSC_DL_AUXV_H 1

#include <link.h>
#include <xsc-ring.h>

/* Runs at the end of _dl_parse_auxv, in ld.so and in static programs,
   before their first system call (and, in static PIE, before
   relocation: only hidden variables are written).  GLRO(dl_auxv) is set
   before _dl_parse_auxv is called in both.  */
static inline void
_dl_xsc_parse_auxv (ElfW(auxv_t) *av)
{
  struct xsc_ring_hdr *ring = NULL;
  void *entry = NULL, *sigreturn = NULL;

  for (; av->a_type != AT_NULL; av++)
    switch (av->a_type)
      {
      case AT_XSC_ENTRY:
	entry = (void *) av->a_un.a_val;
	break;
      case AT_XSC_RING:
	ring = (void *) av->a_un.a_val;
	break;
      case AT_XSC_SIGRETURN:
	sigreturn = (void *) av->a_un.a_val;
	break;
      }

  /* Not started as an XSC task (an executable without the note, or a
     kernel without XSC), or a ring of another layout: no system call can
     be made, not even to say so.  Stop at once with SIGILL rather than
     jump to a null entry.  */
  if (entry == NULL || ring == NULL || sigreturn == NULL
      || ring->magic != XSC_RING_MAGIC
      || ring->version != XSC_ABI_VERSION
      || ring->sq_entries != XSC_RING_ENTRIES
      || ring->sqes_off != XSC_RING_SQES_OFF)
    __builtin_trap ();

  _dl_xsc_entry = entry;
  _dl_xsc_sigreturn = sigreturn;
  _dl_xsc_early_ring = ring;
}

#define DL_PLATFORM_AUXV _dl_xsc_parse_auxv (GLRO(dl_auxv));

#endif
