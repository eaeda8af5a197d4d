/*
 * The kernel's XSC note parser against crafted ELF files. Each case
 * writes a tiny static executable to /tmp and runs it. Its only code is
 * a syscall instruction (exit_group(42)), so how it ends tells how the
 * kernel took it: exit 42 = an ordinary task, SIGSYS = started as an XSC
 * task, execve -ENOEXEC = refused. Sizes that wrap in 32 bits, notes at
 * the 4 KiB edge of what the kernel reads, several PT_NOTE segments,
 * stale bytes left by an earlier segment, truncated files. And a 32-bit
 * image with the XSC note, which is never an XSC task: "t_elfnote ia32"
 * on a kernel with IA32 emulation (it runs), refused (ENOEXEC) without.
 */
#include "../lib/rt.h"
#include <elf.h>

#define SIGSYS_ 31
#define BASE	0x400000UL
#define CODE	0x180		/* file offset of the code, after 4 phdrs */

enum { PLAIN, XSC, NOEXEC };
static const char *const what[] = { "an ordinary task", "an XSC task", "refused (ENOEXEC)" };

static unsigned char img[16384];
static unsigned long img_len;

struct seg {
	unsigned long off, filesz, align;
};

/* ELF header, PT_LOAD of the whole file, the PT_NOTEs named, the code */
static void elf(const struct seg *s, int n, unsigned long len)
{
	static const unsigned char code[] = {
		0xb8, 0xe7, 0x00, 0x00, 0x00,	/* mov $231, %eax (exit_group) */
		0xbf, 0x2a, 0x00, 0x00, 0x00,	/* mov $42, %edi */
		0x0f, 0x05,			/* syscall */
		0x0f, 0x0b,			/* ud2 */
	};
	Elf64_Ehdr *eh = (Elf64_Ehdr *)img;
	Elf64_Phdr *ph = (Elf64_Phdr *)(img + sizeof(*eh));
	int i;

	memset(img, 0, CODE + 16);
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = BASE + CODE;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = (Elf64_Half)(n + 1);
	ph[0].p_type = PT_LOAD;
	ph[0].p_flags = PF_R | PF_X;
	ph[0].p_vaddr = ph[0].p_paddr = BASE;
	ph[0].p_filesz = ph[0].p_memsz = len;
	ph[0].p_align = 0x1000;
	for (i = 0; i < n; i++) {
		ph[i + 1].p_type = PT_NOTE;
		ph[i + 1].p_flags = PF_R;
		ph[i + 1].p_offset = s[i].off;
		ph[i + 1].p_vaddr = ph[i + 1].p_paddr = BASE + s[i].off;
		ph[i + 1].p_filesz = ph[i + 1].p_memsz = s[i].filesz;
		ph[i + 1].p_align = s[i].align;
	}
	memcpy(img + CODE, code, sizeof(code));
	img_len = len;
}

/* wipe everything after the code: each case writes its own notes */
static void clear(void)
{
	memset(img + 0x200, 0, sizeof(img) - 0x200);
}

/*
 * A note at off, laid out as binutils does (ELF_NOTE_DESC_OFFSET): the
 * descriptor at ALIGN(12 + name length, align) from the note, the next
 * note at ALIGN(descriptor end, align). namesz/descsz are written as
 * given, whatever was really put there. Returns the next note's offset.
 */
static unsigned long note(unsigned long off, unsigned int namesz, unsigned int descsz,
			  unsigned int type, const char *name, const unsigned int *desc,
			  int ndesc, unsigned long align)
{
	unsigned int *h = (unsigned int *)(img + off);
	unsigned long nl = *name ? rt_strlen(name) + 1 : 0;
	unsigned long d = (12 + nl + align - 1) & ~(align - 1);
	unsigned long e = d + (unsigned long)ndesc * 4;

	h[0] = namesz;
	h[1] = descsz;
	h[2] = type;
	memcpy(img + off + 12, name, nl);
	memcpy(img + off + d, desc, (unsigned long)ndesc * 4);
	return off + ((e + align - 1) & ~(align - 1));
}

/* n20 notes of 20 bytes, then n12 of 12 (no name, no descriptor) */
static unsigned long pad(unsigned long p, int n20, int n12);

static const unsigned int v1[] = { XSC_ABI_VERSION }, v2[] = { 2 },
			  v1x[] = { XSC_ABI_VERSION, 0xdeadbeef };

static unsigned long pad(unsigned long p, int n20, int n12)
{
	while (n20--)
		p = note(p, 4, 4, 7, "PAD", v2, 1, 4);
	while (n12--)
		p = note(p, 0, 0, 7, "", v2, 0, 4);
	return p;
}

/* a 32-bit static image with an XSC note: int $0x80 exit(42) */
static void elf32(void)
{
	static const unsigned char code[] = {
		0xb8, 0x01, 0x00, 0x00, 0x00,	/* mov $1, %eax (exit) */
		0xbb, 0x2a, 0x00, 0x00, 0x00,	/* mov $42, %ebx */
		0xcd, 0x80,			/* int $0x80 */
		0x0f, 0x0b,			/* ud2 */
	};
	Elf32_Ehdr *eh = (Elf32_Ehdr *)img;
	Elf32_Phdr *ph = (Elf32_Phdr *)(img + sizeof(*eh));
	unsigned long end;

	clear();
	memset(img, 0, 0x200);
	end = note(0x200, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS32;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_386;
	eh->e_version = EV_CURRENT;
	eh->e_entry = 0x08048000 + CODE;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 2;
	ph[0].p_type = PT_LOAD;
	ph[0].p_flags = PF_R | PF_X;
	ph[0].p_vaddr = ph[0].p_paddr = 0x08048000;
	ph[0].p_filesz = ph[0].p_memsz = (Elf32_Word)end;
	ph[0].p_align = 0x1000;
	ph[1].p_type = PT_NOTE;
	ph[1].p_flags = PF_R;
	ph[1].p_offset = 0x200;
	ph[1].p_vaddr = ph[1].p_paddr = 0x08048200;
	ph[1].p_filesz = ph[1].p_memsz = (Elf32_Word)(end - 0x200);
	ph[1].p_align = 4;
	memcpy(img + CODE, code, sizeof(code));
	img_len = end;
}

static int run(const char *name)
{
	static char *const argv[] = { "/tmp/elfnote", 0 };
	long fd, c;
	int st;

	SYS1(__NR_unlink, "/tmp/elfnote");
	fd = SYS4(__NR_openat, -100, "/tmp/elfnote", 01 | 0100 | 01000 /* WRONLY CREAT TRUNC */, 0755);
	if (fd < 0) {
		rt_printf("# %s: cannot create /tmp/elfnote: %ld\n", name, fd);
		return -1;
	}
	rt_write((int)fd, (const char *)img, img_len);
	SYS1(__NR_close, fd);
	c = SYS0(__NR_fork);
	if (c == 0) {
		long r = SYS3(__NR_execve, "/tmp/elfnote", argv, rt_environ);

		rt_exit(r == -ENOEXEC ? 100 : 101);
	}
	st = rt_wait(c, 0);
	if ((st & 0x7f) == SIGSYS_)
		return XSC;
	if ((st & 0x7f) == 0 && ((st >> 8) & 0xff) == 42)
		return PLAIN;
	if ((st & 0x7f) == 0 && ((st >> 8) & 0xff) == 100)
		return NOEXEC;
	rt_printf("# %s: unexpected status %x\n", name, st);
	return -1;
}

static void expect(const char *name, int want)
{
	int got = run(name);

	rt_check(got == want, name, "want %s, got %s", what[want],
		 got >= 0 ? what[got] : "something else");
}

int main(int argc, char **argv)
{
	struct seg s[3];
	unsigned long end, p;
	unsigned int big[] = { 0xfffffffd, 0xfffffffe, 0xffffffff };
	int i;

	rt_prog = "elfnote";

	/* controls: the oracle sees all three outcomes */
	clear();
	s[0] = (struct seg){ 0x200, 0, 4 };
	end = note(0x200, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	s[0].filesz = end - 0x200;
	elf(s, 1, end);
	expect("a well-formed XSC note: XSC task", XSC);
	elf(s, 0, end);
	expect("no PT_NOTE: ordinary task", PLAIN);
	note(0x200, 4, 4, XSC_NOTE_TYPE, "XSC", v2, 1, 4);
	elf(s, 1, end);
	expect("XSC note of version 2: ENOEXEC", NOEXEC);

	/* 8-byte aligned PT_NOTE: the descriptor at 16, the note 24 bytes */
	clear();
	s[0] = (struct seg){ 0x200, 0, 8 };
	end = note(0x200, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 8);
	s[0].filesz = end - 0x200;
	elf(s, 1, end);
	expect("XSC note in an 8-aligned PT_NOTE: XSC task", XSC);

	/* a longer descriptor: the version is its first word */
	clear();
	s[0] = (struct seg){ 0x200, 0, 4 };
	end = note(0x200, 4, 8, XSC_NOTE_TYPE, "XSC", v1x, 2, 4);
	s[0].filesz = end - 0x200;
	elf(s, 1, end);
	expect("XSC note with an 8-byte descriptor: XSC task", XSC);

	/* descsz 0: a note without a version */
	clear();
	end = note(0x200, 4, 0, XSC_NOTE_TYPE, "XSC", v1, 0, 4);
	s[0].filesz = end - 0x200;
	elf(s, 1, end);
	expect("XSC note with descsz 0: ENOEXEC", NOEXEC);

	/*
	 * descsz near 2^32: aligning it in 32 bits wraps to 0. The segment
	 * ends right after the name, so the version would come from beyond
	 * the note: from the stale bytes of the first PT_NOTE (an unrelated
	 * note whose descriptor is 1 at the same offset) that the kernel read
	 * into the same buffer just before.
	 */
	for (i = 0; i < 3; i++) {
		char name[96];

		clear();
		s[0] = (struct seg){ 0x200, 0, 4 };
		end = note(0x200, 4, 4, 7, "ABC", v1, 1, 4);
		s[0].filesz = end - 0x200;
		s[1] = (struct seg){ 0x300, 16, 4 };
		note(0x300, 4, big[i], XSC_NOTE_TYPE, "XSC", v1, 0, 4);
		elf(s, 2, 0x400);
		memcpy(name, "XSC note with descsz 0xfffffffX (wraps), stale version behind it: ordinary",
		       75);
		name[30] = "def"[i];
		expect(name, PLAIN);
	}
	/* the same wrapping descsz with the version right behind the note */
	clear();
	s[0] = (struct seg){ 0x200, 20, 4 };
	note(0x200, 4, 0xffffffff, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	elf(s, 1, 0x400);
	expect("XSC note with descsz 0xffffffff, version bytes follow: ordinary", PLAIN);

	/*
	 * namesz near 2^32 wraps to 0 as well: the next note would be read
	 * from inside this one's name, where a well-formed XSC note hides.
	 */
	clear();
	s[0] = (struct seg){ 0x200, 0x40, 4 };
	note(0x200, 0xfffffffd, 0, 7, "", v1, 0, 4);
	note(0x20c, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	elf(s, 1, 0x400);
	expect("a note with namesz 0xfffffffd hides an XSC note in its name: ordinary", PLAIN);

	/* several PT_NOTE segments: the XSC note in the third */
	clear();
	s[0] = (struct seg){ 0x200, 0, 4 };
	end = note(0x200, 4, 4, 3, "GNU", v2, 1, 4);
	s[0].filesz = end - 0x200;
	s[1] = (struct seg){ 0x280, 0, 4 };
	end = note(0x280, 5, 8, 1, "ABCD", v1x, 2, 4);
	s[1].filesz = end - 0x280;
	s[2] = (struct seg){ 0x300, 0, 4 };
	end = note(0x300, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	s[2].filesz = end - 0x300;
	elf(s, 3, end);
	expect("three PT_NOTE segments, the XSC note in the last: XSC task", XSC);

	/*
	 * The kernel reads 4 KiB of a segment: a note ending at 4096 counts.
	 * 199 notes of 20 bytes and 8 of 12 put the XSC note at 4076.
	 */
	clear();
	p = pad(0x1000, 199, 8);
	note(p, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	s[0] = (struct seg){ 0x1000, 0x2000, 4 };
	elf(s, 1, 0x3000);
	expect("an XSC note ending exactly at the 4 KiB read limit: XSC task", XSC);
	/* ...and one at 4088, crossing it, is not seen (it is cut short) */
	clear();
	p = pad(0x1000, 199, 9);
	note(p, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	elf(s, 1, 0x3000);
	expect("an XSC note crossing the 4 KiB read limit: ordinary", PLAIN);

	/* segments the kernel cannot read whole */
	clear();
	s[0] = (struct seg){ 0x200, 0, 4 };
	end = note(0x200, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	s[0].filesz = end - 0x200;
	elf(s, 1, end - 4);
	expect("file truncated in the middle of the XSC note: ordinary", PLAIN);
	clear();
	s[0] = (struct seg){ 0x7fffffffffff0000UL, 0xffffffffffffffffUL, 4 };
	elf(s, 1, 0x400);
	expect("PT_NOTE with a huge offset and size: ordinary", PLAIN);
	clear();
	s[0] = (struct seg){ 0x200, 11, 4 };
	note(0x200, 4, 4, XSC_NOTE_TYPE, "XSC", v1, 1, 4);
	elf(s, 1, 0x400);
	expect("PT_NOTE of 11 bytes (shorter than a note header): ordinary", PLAIN);
	s[0] = (struct seg){ 0x200, 19, 4 };
	elf(s, 1, 0x400);
	expect("PT_NOTE that ends inside the XSC version: ordinary", PLAIN);

	/* a 32-bit image is never an XSC task, note or not */
	elf32();
	if (argc > 1 && !rt_strcmp(argv[1], "ia32"))
		expect("a 32-bit image with the XSC note, IA32 emulation: ordinary", PLAIN);
	else
		expect("a 32-bit image with the XSC note, no IA32 emulation: ENOEXEC", NOEXEC);

	SYS1(__NR_unlink, "/tmp/elfnote");
	return rt_done();
}
