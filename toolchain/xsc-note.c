/*
 * xsc-note.o: the .note.XSC-ABI note alone (docs/abi.md section 1), from
 * the UAPI header. The toolchain's ld adds it to links without the start
 * files (-nostdlib, -nostartfiles), whose crti.o would carry it.
 */
#include <linux/xsc.h>

__attribute__((used, aligned(4), section(".note.XSC-ABI")))
static const struct {
	unsigned int namesz, descsz, type;
	char name[4];
	unsigned int version;
} xsc_abi_note = { 4, 4, XSC_NOTE_TYPE, XSC_NOTE_NAME, XSC_ABI_VERSION };
