/* XSC: the loader's cache has a name of its own.

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

/* An XSC userland and a standard one may share a filesystem (docs/libc.md):
   the XSC ld.so and ldconfig keep their cache, and ldconfig its
   configuration, apart from the standard system's, or either would find
   the other's libraries first.  */
#define LD_SO_CACHE SYSCONFDIR "/ld-xsc.so.cache"

#include <sysdeps/unix/sysv/linux/x86_64/dl-cache.h>
