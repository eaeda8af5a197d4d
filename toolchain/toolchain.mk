# Toolchain pieces built so far (issue: toolchain x86_64-xsc-linux-gnu):
#   $(B)/toolchain/unhide      libelf tool: hidden symbols made visible again
#   libgcc_s.so.1 in the XSC sysroot, linked from Debian's libgcc archives
#   with the XSC start files (toolchain/libgcc-s.sh)
#   libstdc++.so.6 beside it, from Debian's libstdc++_pic.a (libstdcxx.sh)

$(B)/toolchain/unhide: toolchain/unhide.c | deps
	@mkdir -p $(B)/toolchain
	$(HOSTCC) $(TOOL_CFLAGS) $< -lelf -o $@

$(XSC_LIBDIR)/libgcc_s.so.1: $(LIBC_SYSROOT)/.stamp $(B)/toolchain/unhide toolchain/libgcc-s.sh
	toolchain/libgcc-s.sh $(LIBC_SYSROOT) $(B)/toolchain/unhide $@
# libstdc++.so.6 in the XSC sysroot, linked from Debian's libstdc++_pic.a
$(XSC_LIBDIR)/libstdc++.so.6: $(XSC_LIBDIR)/libgcc_s.so.1 toolchain/libstdcxx.sh | deps
	toolchain/libstdcxx.sh $(LIBC_SYSROOT) $@
all: $(XSC_LIBDIR)/libstdc++.so.6

# xsc-verify: libelf + Capstone (toolchain/xsc-verify*.c); its tests are
# crafted ELF files (tests/verify-cases.sh) and the fuzzer's corpus,
# replayed under AddressSanitizer and UBSan
XV_SRC := toolchain/xsc-verify.c toolchain/xsc-verify.h kernel/tree/include/uapi/linux/xsc.h
$(B)/toolchain/xsc-verify: toolchain/xsc-verify-main.c $(XV_SRC) | deps
	@mkdir -p $(B)/toolchain
	$(HOSTCC) $(TOOL_CFLAGS) -Ikernel/tree/include/uapi toolchain/xsc-verify.c \
		toolchain/xsc-verify-main.c -lelf -lcapstone -o $@
$(B)/toolchain/xsc-verify-fuzz: toolchain/fuzz/xsc-verify-fuzz.c $(XV_SRC) | deps
	@mkdir -p $(B)/toolchain
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-Ikernel/tree/include/uapi toolchain/fuzz/xsc-verify-fuzz.c toolchain/xsc-verify.c \
		-lelf -lcapstone -o $@

$(T)/toolchain-static.log: $(B)/toolchain/xsc-verify $(B)/toolchain/xsc-verify-fuzz \
		toolchain/tests/verify-cases.sh $(LIBC_SYSROOT)/.stamp $(wildcard toolchain/fuzz/corpus/*)
	@mkdir -p $(T)
	toolchain/tests/verify-cases.sh $(B)/toolchain/xsc-verify $(LIBC_SYSROOT) $(T)/verify-cases \
		> $@.tmp
	@if $(B)/toolchain/xsc-verify-fuzz -runs=0 toolchain/fuzz/corpus > $(T)/verify-corpus.out 2>&1; then \
		echo "PASS xsc-verify: the fuzz corpus ($$(ls toolchain/fuzz/corpus | wc -l) inputs) under ASan and UBSan"; \
	else echo "FAIL xsc-verify: a fuzz corpus input crashes it ($(T)/verify-corpus.out)"; fi >> $@.tmp
	@mv $@.tmp $@

# make check-full: fuzz on for FUZZ_SECS, from a copy of the corpus
$(T)/xsc-verify-fuzz.log: $(B)/toolchain/xsc-verify-fuzz
	@rm -rf $(T)/fuzz-work && mkdir -p $(T)/fuzz-work && cp toolchain/fuzz/corpus/* $(T)/fuzz-work/
	@if (cd $(T) && $(B)/toolchain/xsc-verify-fuzz -max_total_time=$(FUZZ_SECS) -max_len=8192 \
		-rss_limit_mb=2048 fuzz-work > xsc-verify-fuzz.out 2>&1); then \
		echo "PASS xsc-verify: fuzzed $(FUZZ_SECS) s: $$(grep -o 'Done [0-9]* runs' $(T)/xsc-verify-fuzz.out)"; \
	else echo "FAIL xsc-verify: the fuzzer found a crash ($(T)/xsc-verify-fuzz.out, $(T)/crash-*)"; fi > $@.tmp
	@echo "XSC-GUEST-END" >> $@.tmp
	@mv $@.tmp $@

all: $(B)/toolchain/xsc-verify
check: $(T)/toolchain-static.log
check-full: $(T)/xsc-verify-fuzz.log
TOOLCHAIN_CHECK_ARGS := $(T)/toolchain-static.log
TOOLCHAIN_FULL_ARGS = $(T)/xsc-verify-fuzz.log
.PHONY: $(T)/toolchain-static.log $(T)/xsc-verify-fuzz.log

# The toolchain tree $(XT): bin/x86_64-xsc-linux-gnu-*, the as/ld that
# gcc runs (libexec/xsc), the note object, the sysroot (a link to the XSC
# glibc's). Debian's GCC 12 and binutils underneath.
XT := $(B)/toolchain/xsc
XTRIPLET := x86_64-xsc-linux-gnu
XBINUTILS := ar nm objdump objcopy readelf strip ranlib size
XCC_TOOL := $(XT)/bin/$(XTRIPLET)-gcc
toolchain: $(XT)/.stamp
.PHONY: toolchain
$(XT)/.stamp: toolchain/xsc-cc.c toolchain/xsc-tool.c toolchain/xsc-note.c toolchain/pkg-config.sh toolchain/toolchain.mk \
		toolchain/xsc-nosyscall.cc toolchain/cmake/x86_64-xsc-linux-gnu.cmake \
		toolchain/meson/x86_64-xsc-linux-gnu.ini toolchain/xsc-verify.1 toolchain/x86_64-xsc-linux-gnu-gcc.1 \
		$(B)/toolchain/xsc-verify $(LIBC_SYSROOT)/.libxsc $(XSC_LIBDIR)/libgcc_s.so.1
	@mkdir -p $(XT)/bin $(XT)/libexec/xsc $(XT)/lib/xsc
	$(HOSTCC) $(TOOL_CFLAGS) toolchain/xsc-cc.c -o $(XT)/bin/$(XTRIPLET)-gcc
	$(HOSTCC) $(TOOL_CFLAGS) toolchain/xsc-tool.c -o $(XT)/bin/$(XTRIPLET)-as
	$(HOSTCC) -c -Ikernel/tree/include/uapi toolchain/xsc-note.c -o $(XT)/lib/xsc/xsc-note.o
	g++ -std=gnu++17 -O2 -Wall -Wextra -Werror -fPIC -shared -fno-rtti \
		-I$$($(HOSTCC) -print-file-name=plugin)/include toolchain/xsc-nosyscall.cc \
		-o $(XT)/lib/xsc/xsc-nosyscall.so
	@# gcc's own link spec, the loader path replaced (checked: it must
	@# change), --sysroot passed on to ld (a -specs *link drops it)
	$(HOSTCC) -dumpspecs | sed -n '/^\*link:$$/{p;n;p}' | \
		sed -e 's|/lib64/ld-linux-x86-64.so.2|/lib64/ld-linux-xsc-x86-64.so.2|' \
		    -e '2s|^|%(sysroot_spec) |' > $(XT)/lib/xsc/specs
	grep -q ld-linux-xsc-x86-64.so.2 $(XT)/lib/xsc/specs
	ln -sf $(XTRIPLET)-gcc $(XT)/bin/$(XTRIPLET)-cc
	ln -sf $(XTRIPLET)-gcc $(XT)/bin/$(XTRIPLET)-cpp
	ln -sf $(XTRIPLET)-as $(XT)/bin/$(XTRIPLET)-ld
	ln -sf ../../bin/$(XTRIPLET)-as $(XT)/libexec/xsc/as
	ln -sf ../../bin/$(XTRIPLET)-ld $(XT)/libexec/xsc/ld
	for t in $(XBINUTILS); do ln -sf /usr/bin/x86_64-linux-gnu-$$t $(XT)/bin/$(XTRIPLET)-$$t; done
	install -m 755 toolchain/pkg-config.sh $(XT)/bin/$(XTRIPLET)-pkg-config
	install -m 755 $(B)/toolchain/xsc-verify $(XT)/bin/xsc-verify
	install -D -m 644 toolchain/xsc-verify.1 $(XT)/share/man/man1/xsc-verify.1
	install -D -m 644 toolchain/x86_64-xsc-linux-gnu-gcc.1 $(XT)/share/man/man1/x86_64-xsc-linux-gnu-gcc.1
	install -D -m 644 toolchain/cmake/x86_64-xsc-linux-gnu.cmake \
		$(XT)/share/xsc/cmake/x86_64-xsc-linux-gnu.cmake
	@mkdir -p $(XT)/share/xsc/meson
	sed 's|@ROOT@|$(XT)|' toolchain/meson/x86_64-xsc-linux-gnu.ini > $(XT)/share/xsc/meson/x86_64-xsc-linux-gnu.ini
	ln -sfn $(LIBC_SYSROOT) $(XT)/sysroot
	@touch $@
all: toolchain

# the driver on a corpus and on the ways a syscall instruction gets in;
# the corpus programs (tc/guest) run in the libc guest
$(T)/toolchain-cases.log: $(XT)/.stamp toolchain/tests/toolchain-cases.sh tests/libc/check.h \
		$(wildcard tests/libc/l_*.c) $(wildcard toolchain/tests/cmake-demo/* toolchain/tests/meson-demo/*)
	@mkdir -p $(T)
	rm -rf $(T)/tc
	toolchain/tests/toolchain-cases.sh $(XT) $(T)/tc > $@.tmp
	@mv $@.tmp $@
check: $(T)/toolchain-cases.log
TOOLCHAIN_CHECK_ARGS += $(T)/toolchain-cases.log
TC_DONE := l_io-tc,l_process-tc,l_signal-tc,l_xsc-tc,l_io-tc-spie,l_time-tc-static

# Debian source packages built with the toolchain (toolchain/tests/packages.sh);
# their own tests run in the libc guest (pkg-guest.sh)
$(T)/packages.log: $(XT)/.stamp toolchain/tests/packages.sh toolchain/tests/packages.list \
		toolchain/tests/pkg-guest.sh | deps
	@mkdir -p $(T)
	rm -rf $(T)/pkg
	toolchain/tests/packages.sh $(XT) $(B)/toolchain/pkg-work $(T)/pkg > $@.tmp
	@mv $@.tmp $@
check: $(T)/packages.log
TOOLCHAIN_CHECK_ARGS += $(T)/packages.log
TC_DONE := $(TC_DONE),packages
