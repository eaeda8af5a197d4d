/*
 * xsc-verify: check ELF files for XSC. Every executable section is
 * disassembled (Capstone, linear sweep, undecodable bytes skipped): a
 * syscall, sysenter or int $0x80 instruction is reported with its address,
 * section and symbol. Executables and shared objects must carry the
 * .note.XSC-ABI note (docs/abi.md section 1) with the version this tool
 * knows; relocatable objects are checked for it only with --require-note.
 * Archives are checked member by member.
 *
 * Exit status: 0 every file passed; 1 a forbidden instruction or a
 * missing or wrong note was found; 2 a file could not be checked (not ELF,
 * truncated, corrupt, 32-bit, not x86-64, unreadable, a directory) or the
 * command line was wrong. The worst status wins.
 */
#define _POSIX_C_SOURCE 200809L
#include <capstone/capstone.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <linux/xsc.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "xsc-verify.h"

#define NOTE_MAX 4096	/* the kernel reads the first 4 KiB of a PT_NOTE */
#define MAX_REPORTED 1000

struct sym {
	uint64_t value, size;
	size_t shndx;
	const char *name;
};

struct ctx {
	const struct xv_options *opt;
	struct xv_result *res;
	const char *name;	/* file, or archive(member) */
	struct sym *syms;
	size_t nsyms;
};

static void add_error(struct xv_result *r, const char *name, const char *fmt, const char *detail)
{
	if (r->status < XV_ERROR)
		r->status = XV_ERROR;
	snprintf(r->error, sizeof(r->error), "%s: %s%s%s", name, fmt, detail ? ": " : "",
		 detail ? detail : "");
}

static void load_symbols(struct ctx *c, Elf *e)
{
	Elf_Scn *scn = NULL;
	Elf_Scn *symtab = NULL, *dynsym = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(e, scn))) {
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_SYMTAB)
			symtab = scn;
		else if (sh.sh_type == SHT_DYNSYM)
			dynsym = scn;
	}
	scn = symtab ? symtab : dynsym;
	if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_entsize == 0)
		return;
	Elf_Data *d = elf_getdata(scn, NULL);
	if (!d || !d->d_buf)
		return;
	size_t n = d->d_size / sh.sh_entsize;
	c->syms = calloc(n ? n : 1, sizeof(*c->syms));
	if (!c->syms)
		return;
	for (size_t i = 0; i < n; i++) {
		GElf_Sym s;
		const char *nm;

		if (!gelf_getsym(d, (int)i, &s) || s.st_shndx == SHN_UNDEF || s.st_shndx >= SHN_LORESERVE)
			continue;
		if (GELF_ST_TYPE(s.st_info) != STT_FUNC && GELF_ST_TYPE(s.st_info) != STT_NOTYPE)
			continue;
		nm = elf_strptr(e, sh.sh_link, s.st_name);
		if (!nm || !*nm)
			continue;
		c->syms[c->nsyms++] = (struct sym){ s.st_value, s.st_size, s.st_shndx, nm };
	}
}

/* The symbol of section SHNDX that contains ADDR, or the closest below it. */
static const struct sym *symbol_at(const struct ctx *c, size_t shndx, uint64_t addr)
{
	const struct sym *best = NULL;

	for (size_t i = 0; i < c->nsyms; i++) {
		const struct sym *s = &c->syms[i];

		if (s->shndx != shndx || s->value > addr)
			continue;
		if (s->size && addr < s->value + s->size)
			return s;
		if (!best || s->value > best->value)
			best = s;
	}
	return best;
}

static void report(struct ctx *c, const char *section, size_t shndx, uint64_t addr, const char *insn)
{
	struct xv_result *r = c->res;
	const struct sym *s = symbol_at(c, shndx, addr);

	if (r->status < XV_VIOLATION)
		r->status = XV_VIOLATION;
	r->nfindings++;
	if (r->nfindings > MAX_REPORTED)
		return;
	struct xv_finding *f = realloc(r->findings, r->nfindings * sizeof(*f));
	if (!f)
		return;
	r->findings = f;
	f += r->nfindings - 1;
	snprintf(f->object, sizeof(f->object), "%s", c->name);
	snprintf(f->section, sizeof(f->section), "%s", section ? section : "?");
	snprintf(f->symbol, sizeof(f->symbol), "%s", s ? s->name : "");
	f->symoff = s ? addr - s->value : 0;
	f->address = addr;
	snprintf(f->insn, sizeof(f->insn), "%s", insn);
}

static void scan_code(struct ctx *c, csh cs, const uint8_t *code, size_t size, uint64_t addr,
		      const char *section, size_t shndx)
{
	cs_insn *insn = cs_malloc(cs);

	if (!insn)
		return;
	while (size > 0 && cs_disasm_iter(cs, &code, &size, &addr, insn)) {
		const char *what = NULL;

		if (insn->id == X86_INS_SYSCALL)
			what = "syscall";
		else if (insn->id == X86_INS_SYSENTER)
			what = "sysenter";
		else if (insn->id == X86_INS_INT && insn->detail && insn->detail->x86.op_count == 1 &&
			 insn->detail->x86.operands[0].type == X86_OP_IMM &&
			 (insn->detail->x86.operands[0].imm & 0xff) == 0x80)
			what = "int $0x80";
		if (what)
			report(c, section, shndx, insn->address, what);
	}
	cs_free(insn, 1);
}

/*
 * The kernel's note reading (drivers/xsc/exec.c): 1 an XSC note of our
 * version, -1 an XSC note of another version (or too short), 0 none.
 */
static int scan_notes(const uint8_t *buf, uint64_t len, uint64_t align)
{
	uint64_t off = 0;

	while (len - off >= 12) {
		uint32_t namesz, descsz, type;

		memcpy(&namesz, buf + off, 4);
		memcpy(&descsz, buf + off + 4, 4);
		memcpy(&type, buf + off + 8, 4);
		uint64_t desc = (12 + (uint64_t)namesz + align - 1) & ~(align - 1);
		uint64_t end = desc + descsz;

		if (end > len - off)
			break;
		if (type == XSC_NOTE_TYPE && namesz == 4 && !memcmp(buf + off + 12, "XSC", 4)) {
			uint32_t version;

			if (descsz < 4)
				return -1;
			memcpy(&version, buf + off + desc, 4);
			return version == XSC_ABI_VERSION ? 1 : -1;
		}
		end = (end + align - 1) & ~(align - 1);
		if (end >= len - off)
			break;
		off += end;
	}
	return 0;
}

static int find_note(Elf *e, const GElf_Ehdr *eh)
{
	size_t fsize = 0;
	const uint8_t *raw = (const uint8_t *)elf_rawfile(e, &fsize);
	int found = 0;

	if (eh->e_type == ET_REL) {
		Elf_Scn *scn = NULL;
		GElf_Shdr sh;

		while (found == 0 && (scn = elf_nextscn(e, scn))) {
			Elf_Data *d;

			if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_NOTE)
				continue;
			d = elf_getdata(scn, NULL);
			if (d && d->d_buf)
				found = scan_notes(d->d_buf, d->d_size < NOTE_MAX ? d->d_size : NOTE_MAX,
						   sh.sh_addralign == 8 ? 8 : 4);
		}
		return found;
	}
	size_t phnum = 0;
	if (!raw || elf_getphdrnum(e, &phnum) != 0)
		return 0;
	for (size_t i = 0; i < phnum && found == 0; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_NOTE)
			continue;
		uint64_t len = ph.p_filesz < NOTE_MAX ? ph.p_filesz : NOTE_MAX;
		if (ph.p_offset > fsize || len > fsize - ph.p_offset)
			continue;	/* as the kernel: an unreadable segment says nothing */
		found = scan_notes(raw + ph.p_offset, len, ph.p_align == 8 ? 8 : 4);
	}
	return found;
}

static void verify_elf(struct ctx *c, Elf *e)
{
	GElf_Ehdr eh;
	size_t shstrndx;
	csh cs;

	if (gelf_getclass(e) == ELFCLASS32) {
		add_error(c->res, c->name, "32-bit ELF: XSC objects are x86-64 (ELFCLASS64)", NULL);
		return;
	}
	if (gelf_getclass(e) != ELFCLASS64 || !gelf_getehdr(e, &eh)) {
		add_error(c->res, c->name, "corrupt ELF header", elf_errmsg(-1));
		return;
	}
	if (eh.e_machine != EM_X86_64) {
		add_error(c->res, c->name, "not an x86-64 object", NULL);
		return;
	}
	/* headers that point past the end: a truncated (or corrupt) file */
	size_t fsize = 0;
	elf_rawfile(e, &fsize);
	if ((eh.e_shnum && (eh.e_shoff > fsize ||
			    (uint64_t)eh.e_shnum * eh.e_shentsize > fsize - eh.e_shoff)) ||
	    (eh.e_phnum && (eh.e_phoff > fsize ||
			    (uint64_t)eh.e_phnum * eh.e_phentsize > fsize - eh.e_phoff))) {
		add_error(c->res, c->name, "truncated or corrupt: headers beyond the end of the file", NULL);
		return;
	}
	if (eh.e_shnum == 0 && eh.e_phnum == 0) {
		add_error(c->res, c->name, "no section or program headers", NULL);
		return;
	}
	if (elf_getshdrstrndx(e, &shstrndx) != 0) {
		add_error(c->res, c->name, "truncated or corrupt section headers", elf_errmsg(-1));
		return;
	}
	if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
		add_error(c->res, c->name, "cannot start the disassembler", NULL);
		return;
	}
	cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
	cs_option(cs, CS_OPT_SKIPDATA, CS_OPT_ON);
	load_symbols(c, e);

	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	while ((scn = elf_nextscn(e, scn))) {
		if (!gelf_getshdr(scn, &sh)) {
			add_error(c->res, c->name, "corrupt section header", elf_errmsg(-1));
			break;
		}
		if (sh.sh_type != SHT_PROGBITS || !(sh.sh_flags & SHF_EXECINSTR) || sh.sh_size == 0)
			continue;
		const char *sname = elf_strptr(e, shstrndx, sh.sh_name);
		Elf_Data *d = elf_getdata(scn, NULL);
		if (!d || !d->d_buf || d->d_size == 0) {
			add_error(c->res, c->name, "section data beyond the end of the file",
				  sname ? sname : "?");
			continue;
		}
		scan_code(c, cs, d->d_buf, d->d_size, eh.e_type == ET_REL ? 0 : sh.sh_addr, sname,
			  elf_ndxscn(scn));
	}
	cs_close(&cs);

	int note = find_note(e, &eh);
	bool need = eh.e_type == ET_EXEC || eh.e_type == ET_DYN || c->opt->require_note;
	if (note == 1)
		c->res->note = XV_NOTE_OK;
	else if (note < 0)
		c->res->note = XV_NOTE_BAD_VERSION;
	else if (c->res->note == XV_NOTE_UNKNOWN)
		c->res->note = XV_NOTE_MISSING;
	if (note < 0 || (note == 0 && need)) {
		if (c->res->status < XV_VIOLATION)
			c->res->status = XV_VIOLATION;
		snprintf(c->res->note_object, sizeof(c->res->note_object), "%s", c->name);
	}
	free(c->syms);
	c->syms = NULL;
	c->nsyms = 0;
}

void xv_check_elf(Elf *e, const char *name, const struct xv_options *opt, struct xv_result *res)
{
	struct ctx c = { .opt = opt, .res = res, .name = name };

	switch (elf_kind(e)) {
	case ELF_K_ELF:
		verify_elf(&c, e);
		break;
	case ELF_K_AR: {
		Elf *m;
		Elf_Cmd cmd = ELF_C_READ;
		char member[512];
		int n = 0;

		while ((m = elf_begin(-1, cmd, e)) != NULL || n == 0) {
			if (!m)
				break;
			Elf_Arhdr *ah = elf_getarhdr(m);
			if (ah && ah->ar_name && ah->ar_name[0] != '/') {
				snprintf(member, sizeof(member), "%s(%s)", name, ah->ar_name);
				c.name = member;
				if (elf_kind(m) == ELF_K_ELF)
					verify_elf(&c, m);
				n++;
			}
			cmd = elf_next(m);
			elf_end(m);
		}
		break;
	}
	default:
		add_error(res, name, "not an ELF file", NULL);
	}
}

void xv_check_memory(const void *buf, size_t len, const struct xv_options *opt, struct xv_result *res)
{
	Elf *e = elf_memory((char *)buf, len);

	if (!e) {
		add_error(res, "<memory>", "not an ELF file", elf_errmsg(-1));
		return;
	}
	xv_check_elf(e, "<memory>", opt, res);
	elf_end(e);
}

void xv_check_path(const char *path, const struct xv_options *opt, struct xv_result *res)
{
	struct stat st;
	int fd;
	Elf *e;

	if (stat(path, &st) != 0) {
		add_error(res, path, "cannot read", strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		add_error(res, path, "is a directory", NULL);
		return;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		add_error(res, path, "cannot read", strerror(errno));
		return;
	}
	e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!e) {
		add_error(res, path, "not an ELF file", elf_errmsg(-1));
	} else {
		if (elf_kind(e) == ELF_K_NONE && st.st_size >= 4) {
			unsigned char m[4];
			if (pread(fd, m, 4, 0) == 4 && !memcmp(m, ELFMAG, 4))
				add_error(res, path, "truncated ELF file", NULL);
			else
				add_error(res, path, "not an ELF file", NULL);
		} else {
			xv_check_elf(e, path, opt, res);
		}
		elf_end(e);
	}
	close(fd);
}
