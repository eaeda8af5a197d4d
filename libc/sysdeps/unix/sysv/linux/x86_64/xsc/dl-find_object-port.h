/* XSC: _dl_find_object answers for the kernel's entry page.

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

#ifndef _DL_FIND_OBJECT_PORT_H
#define _DL_FIND_OBJECT_PORT_H

#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <linux/xsc.h>

extern void *_dl_xsc_entry attribute_hidden;

/* A signal that interrupts a ring call the kernel will restart shows the
   restart stub in the [xsc] page as the interrupted PC (docs/abi.md
   section 4).  The page belongs to no object, but it carries its own
   .eh_frame_hdr at XSC_PAGE_EH_FRAME_HDR: hand that to the unwinder, so
   that cancellation, C++ exceptions and backtrace() step through it to
   the caller.  A kernel whose page has no such header leaves a version
   byte other than 1 there, which the unwinder refuses.  */
static inline bool
_dl_find_object_port (uintptr_t pc, struct dl_find_object *result)
{
  uintptr_t page = (uintptr_t) _dl_xsc_entry & -(uintptr_t) 4096;

  if (_dl_xsc_entry == NULL || pc - page >= 4096)
    return false;
  result->dlfo_flags = 0;
  result->dlfo_map_start = (void *) page;
  result->dlfo_map_end = (void *) (page + 4096);
  result->dlfo_link_map = NULL;
  result->dlfo_eh_frame = (void *) (page + XSC_PAGE_EH_FRAME_HDR);
  return true;
}

#endif
