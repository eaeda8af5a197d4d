/* XSC: the .note.XSC-ABI note that makes an ELF file an XSC object.

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

#include <xsc-asm.h>

/* docs/abi.md section 1: name "XSC", type XSC_NOTE_TYPE, a 4-byte
   descriptor holding XSC_ABI_VERSION.  crti.o carries it into every
   executable and shared object linked with the start files; libc.so and
   ld.so, linked without them, get it from this file.  */
	.section .note.XSC-ABI, "a", @note
	.balign 4
	.long	4			/* namesz */
	.long	4			/* descsz */
	.long	XSC_ABI_NOTE_TYPE	/* type */
	.asciz	"XSC"
	.long	XSC_ABI_NOTE_VERSION
	.previous
