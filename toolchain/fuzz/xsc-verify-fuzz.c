/*
 * libFuzzer harness for xsc-verify: every input is checked as an ELF file
 * in memory. Built with AddressSanitizer and UBSan (toolchain.mk); the
 * corpus in toolchain/fuzz/corpus is replayed by make check, and
 * make check-full fuzzes on for FUZZ_SECS.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../xsc-verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct xv_options opt = { .require_note = size & 1 };
	struct xv_result r = { 0 };
	char *copy;

	if (!ready) {
		if (elf_version(EV_CURRENT) == EV_NONE)
			abort();
		ready = 1;
	}
	/* libelf gets a buffer of its own, exactly SIZE bytes long */
	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	xv_check_memory(copy, size, &opt, &r);
	free(r.findings);
	free(copy);
	return 0;
}
