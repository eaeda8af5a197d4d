/*
 * xsc-verify [--json] [--require-note] [--quiet] FILE...
 * The command around xsc-verify.c; see --help and xsc-verify(1).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xsc-verify.h"

static const char usage[] =
	"usage: xsc-verify [--json] [--require-note] [--quiet] FILE...\n"
	"\n"
	"Check ELF files (executables, shared objects, relocatable objects, archives)\n"
	"for XSC: every executable section is disassembled, and a syscall, sysenter or\n"
	"int $0x80 instruction is reported with its address, section and symbol;\n"
	"executables and shared objects must carry the .note.XSC-ABI note of ABI\n"
	"version 1.\n"
	"\n"
	"  --json          one JSON array on standard output, an object per file\n"
	"  --require-note  relocatable objects and archive members need the note too\n"
	"  --quiet         print nothing for files that pass\n"
	"  --help          this text\n"
	"\n"
	"Exit status: 0 every file passed; 1 a forbidden instruction or a missing or\n"
	"wrong note; 2 a file could not be checked (not ELF, truncated, corrupt,\n"
	"32-bit, not x86-64, unreadable, a directory) or bad usage. The worst wins.\n";

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static const char *note_name(int n)
{
	switch (n) {
	case 1: return "present";
	case 2: return "missing";
	case 3: return "wrong-version";
	default: return "unknown";
	}
}

int main(int argc, char **argv)
{
	struct xv_options opt = { 0 };
	int json = 0, quiet = 0, worst = 0, nfiles = 0, i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "--require-note"))
			opt.require_note = true;
		else if (!strcmp(argv[i], "--quiet"))
			quiet = 1;
		else if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			fprintf(stderr, "xsc-verify: unknown option %s\n%s", argv[i], usage);
			return 2;
		}
	}
	if (i >= argc) {
		fputs(usage, stderr);
		return 2;
	}
	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "xsc-verify: libelf is too old\n");
		return 2;
	}
	if (json)
		putchar('[');
	for (; i < argc; i++, nfiles++) {
		struct xv_result r = { 0 };

		xv_check_path(argv[i], &opt, &r);
		if (r.status > worst)
			worst = r.status;
		if (json) {
			printf("%s\n{\"file\": ", nfiles ? "," : "");
			json_str(argv[i]);
			printf(", \"status\": \"%s\", \"note\": \"%s\"",
			       r.status == 0 ? "ok" : r.status == 1 ? "violation" : "error", note_name(r.note));
			if (r.status == 2) {
				printf(", \"error\": ");
				json_str(r.error);
			}
			printf(", \"forbidden\": %zu, \"findings\": [", r.nfindings);
			for (size_t k = 0; k < r.nfindings && k < 1000; k++) {
				const struct xv_finding *f = &r.findings[k];
				printf("%s{\"object\": ", k ? ", " : "");
				json_str(f->object);
				printf(", \"address\": \"0x%llx\", \"section\": ", (unsigned long long)f->address);
				json_str(f->section);
				printf(", \"symbol\": ");
				json_str(f->symbol);
				printf(", \"offset\": %llu, \"instruction\": ", (unsigned long long)f->symoff);
				json_str(f->insn);
				putchar('}');
			}
			printf("]}");
		} else {
			for (size_t k = 0; k < r.nfindings && k < 1000; k++) {
				const struct xv_finding *f = &r.findings[k];
				printf("%s: %s at 0x%llx in %s", f->object, f->insn,
				       (unsigned long long)f->address, f->section);
				if (f->symbol[0])
					printf(" (%s+0x%llx)", f->symbol, (unsigned long long)f->symoff);
				putchar('\n');
			}
			if (r.nfindings > 1000)
				printf("%s: ... %zu forbidden instructions in all\n", argv[i], r.nfindings);
			if (r.status == 2)
				fprintf(stderr, "xsc-verify: %s\n", r.error);
			else if (r.note_object[0])
				printf("%s: %s .note.XSC-ABI note\n", r.note_object,
				       r.note == 3 ? "unsupported version of the" : "no");
			else if (!quiet && r.status == 0)
				printf("%s: ok\n", argv[i]);
		}
		free(r.findings);
	}
	if (json)
		printf("\n]\n");
	return worst;
}
