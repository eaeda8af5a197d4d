/* xsc-verify: the checks, as a library for the command and the fuzzer. */
#ifndef XSC_VERIFY_H
#define XSC_VERIFY_H

#include <libelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { XV_OK = 0, XV_VIOLATION = 1, XV_ERROR = 2 };
enum { XV_NOTE_UNKNOWN, XV_NOTE_OK, XV_NOTE_MISSING, XV_NOTE_BAD_VERSION };

struct xv_options {
	bool require_note;	/* relocatable objects too */
};

struct xv_finding {
	char object[600];	/* file, or archive(member) */
	char section[64];
	char symbol[128];
	uint64_t address, symoff;
	char insn[16];
};

struct xv_result {
	int status;		/* XV_OK, XV_VIOLATION, XV_ERROR */
	int note;		/* XV_NOTE_* (of the last object checked) */
	char note_object[600];	/* the object whose note is missing or wrong */
	size_t nfindings;	/* forbidden instructions (the first 1000 kept) */
	struct xv_finding *findings;
	char error[700];	/* why the file could not be checked */
};

void xv_check_path(const char *path, const struct xv_options *opt, struct xv_result *res);
void xv_check_memory(const void *buf, size_t len, const struct xv_options *opt,
		     struct xv_result *res);
void xv_check_elf(Elf *e, const char *name, const struct xv_options *opt, struct xv_result *res);

#endif
