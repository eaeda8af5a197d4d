/* XSC: ld.so loads XSC objects only.

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

#ifndef _DL_MACHINE_REJECT_PHDR_H
#define _DL_MACHINE_REJECT_PHDR_H 1

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <alloca.h>
#include <not-cancel.h>
#include <libc-pointer-arith.h>
#include <linux/xsc.h>

static inline bool
elf_machine_reject_phdr_p (const ElfW(Phdr) *phdr, unsigned int phnum,
			   const char *buf, size_t len, struct link_map *map,
			   int fd)
{
  return false;
}

/* open_verify (patch 0001) stops the load of an object this returns a
   message for, naming the file: a standard object would die of SIGSYS
   at its first system call, or worse, run with another C library's
   idea of the process.  The notes are read as the kernel reads the
   executable's (docs/abi.md section 1): the first 4 KiB of each
   PT_NOTE, the descriptor at ALIGN (12 + namesz, p_align) from the
   note, everything in 64-bit arithmetic and within what was read.  */
#define ELF_MACHINE_PHDR_ERROR 1
static inline const char *
elf_machine_phdr_error (const ElfW(Phdr) *phdr, unsigned int phnum,
			const char *buf, size_t len, int fd)
{
  for (const ElfW(Phdr) *ph = phdr; ph < &phdr[phnum]; ++ph)
    {
      if (ph->p_type != PT_NOTE)
	continue;
      uint64_t size = ph->p_filesz < 4096 ? ph->p_filesz : 4096;
      const char *notes;
      if (ph->p_offset <= len && size <= len - ph->p_offset)
	notes = buf + ph->p_offset;
      else
	{
	  char *copy = alloca (size);
	  if ((uint64_t) __pread64_nocancel (fd, copy, size, ph->p_offset)
	      != size)
	    continue;
	  notes = copy;
	}
      uint64_t align = ph->p_align == 8 ? 8 : 4;
      uint64_t off = 0;
      while (off <= size && size - off >= sizeof (ElfW(Nhdr)))
	{
	  ElfW(Nhdr) nh;
	  memcpy (&nh, notes + off, sizeof nh);
	  uint64_t name = off + sizeof nh;
	  if (nh.n_namesz > size - name)
	    break;
	  uint64_t desc = ALIGN_UP (name + nh.n_namesz, align);
	  if (desc > size || nh.n_descsz > size - desc)
	    break;
	  if (nh.n_type == XSC_NOTE_TYPE
	      && nh.n_namesz == sizeof XSC_NOTE_NAME
	      && memcmp (notes + name, XSC_NOTE_NAME,
			 sizeof XSC_NOTE_NAME) == 0)
	    {
	      uint32_t version;
	      if (nh.n_descsz < sizeof version)
		return "unsupported XSC ABI note";
	      memcpy (&version, notes + desc, sizeof version);
	      return version == XSC_ABI_VERSION
		     ? NULL : "unsupported XSC ABI version";
	    }
	  off = ALIGN_UP (desc + nh.n_descsz, align);
	}
    }
  return "not an XSC object (no .note.XSC-ABI note)";
}

#endif /* dl-machine-reject-phdr.h */
