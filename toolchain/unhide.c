/*
 * unhide FILE.o...: give every defined global or weak symbol that has
 * hidden visibility default visibility again, in place (libelf).
 *
 * GCC's libgcc.a and libgcc_eh.a are built with hidden symbols, for
 * linking into each object statically; libgcc_s.so.1 is made of the same
 * objects with their symbols exported. libgcc-s.sh uses this to link an
 * XSC libgcc_s.so.1 from Debian's archives; its version script then
 * decides what is exported.
 *
 * Exit status: 0 done, 1 a file could not be read or written, 2 usage.
 */
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int unhide(const char *path)
{
	int fd = open(path, O_RDWR);
	Elf *e;
	Elf_Scn *scn = NULL;
	int changed = 0, rc = 1;

	if (fd < 0) {
		perror(path);
		return 1;
	}
	e = elf_begin(fd, ELF_C_RDWR, NULL);
	if (!e || elf_kind(e) != ELF_K_ELF) {
		fprintf(stderr, "unhide: %s: not an ELF object\n", path);
		goto out;
	}
	while ((scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;
		size_t i, n;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
			continue;
		d = elf_getdata(scn, NULL);
		n = d ? d->d_size / sh.sh_entsize : 0;
		for (i = 0; i < n; i++) {
			GElf_Sym s;

			if (!gelf_getsym(d, (int)i, &s))
				continue;
			if (s.st_shndx == SHN_UNDEF ||
			    (GELF_ST_BIND(s.st_info) != STB_GLOBAL &&
			     GELF_ST_BIND(s.st_info) != STB_WEAK) ||
			    GELF_ST_VISIBILITY(s.st_other) != STV_HIDDEN)
				continue;
			s.st_other = (unsigned char)((s.st_other & ~3) | STV_DEFAULT);
			gelf_update_sym(d, (int)i, &s);
			changed = 1;
		}
		if (changed)
			elf_flagdata(d, ELF_C_SET, ELF_F_DIRTY);
	}
	elf_flagelf(e, ELF_C_SET, ELF_F_LAYOUT);
	if (changed && elf_update(e, ELF_C_WRITE) < 0) {
		fprintf(stderr, "unhide: %s: %s\n", path, elf_errmsg(-1));
		goto out;
	}
	rc = 0;
out:
	if (e)
		elf_end(e);
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	int i, rc = 0;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fprintf(argc < 2 ? stderr : stdout,
			"usage: unhide FILE.o...\n"
			"Give the hidden global and weak symbols defined in each relocatable\n"
			"ELF object default visibility, in place.\n");
		return argc < 2 ? 2 : 0;
	}
	if (elf_version(EV_CURRENT) == EV_NONE)
		return 1;
	for (i = 1; i < argc; i++)
		rc |= unhide(argv[i]);
	return rc;
}
