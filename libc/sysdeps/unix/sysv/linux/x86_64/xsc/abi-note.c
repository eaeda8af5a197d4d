/* XSC: the ABI tag object also carries the .note.XSC-ABI note.

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

/* glibc's makefiles link abi-note.o into crt1.o and into every shared
   object they build (build-shlib, build-module), the testsuite's modules
   linked with -nostdlib among them: on XSC each of those needs the note
   the kernel and ld.so look for (docs/abi.md section 1), as crti.o gives
   it to everything linked with the start files.  */
#include <sysdeps/x86/abi-note.c>
#include <linux/xsc.h>

#define XSC_STR1(x) #x
#define XSC_STR(x) XSC_STR1 (x)
__asm__ (".section .note.XSC-ABI, \"a\", @note\n"
	 "\t.balign 4\n"
	 "\t.long 4\n"			/* namesz */
	 "\t.long 4\n"			/* descsz */
	 "\t.long " XSC_STR (XSC_NOTE_TYPE) "\n"
	 "\t.asciz \"" XSC_NOTE_NAME "\"\n"
	 "\t.long " XSC_STR (XSC_ABI_VERSION) "\n"
	 "\t.previous");
