/* XSC: the entry, the main thread's ring and the signal restorer, for
   ld.so and static programs.

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

#include <ldsodefs.h>
#include <tls.h>
#include <xsc-ring.h>

/* Filled from the auxiliary vector by _dl_parse_auxv (dl-auxv.h) before
   the first system call; the early ring is cleared by TLS_INIT_TP.  */
struct xsc_ring_hdr *_dl_xsc_early_ring attribute_hidden;
void *_dl_xsc_entry attribute_hidden;
void *_dl_xsc_sigreturn attribute_hidden;

_Static_assert (offsetof (tcbhead_t, sysinfo) == XSC_TCB_RING_OFFSET,
		"XSC ring TCB word");
_Static_assert (offsetof (tcbhead_t, unused_vgetcpu_cache[0])
		== XSC_TCB_ENTRY_OFFSET, "XSC entry TCB word");
_Static_assert (offsetof (tcbhead_t, unused_vgetcpu_cache[1])
		== XSC_TCB_SIGRETURN_OFFSET, "XSC restorer TCB word");
