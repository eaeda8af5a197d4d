# glibc's own testsuite (tests/glibc/README.md): the tests run in a guest on
# our kernel through glibc's test-wrapper hook (xsc-test-wrapper on this
# machine, xsc-testd as the guest's init, $(B)/libc shared over 9p at its
# own path).
#   make check:      the tests of quick.list, from the XSC glibc's tree, on
#                    the test kernel
#   make check-full: glibc's make check in GLIBC_SUBDIRS for the XSC glibc
#                    and the stock build of the same source, on the
#                    test kernel, compared (compare.sh); also
#                    alone: make glibc-suite

GT := $(T)/glibc
# riskiest first: a run cut short still compares what it finished
GLIBC_SUBDIRS ?= nptl signal setjmp posix debug rt io misc time socket stdlib malloc elf \
	stdio-common string dirent resolv termios login
GLIBC_TIMEOUTFACTOR ?= 10
# the kernel of the full runs: the test kernel, as docs/glibc-testsuite.md
# was made (no namespaces: glibc's container tests say UNSUPPORTED on both
# builds); GLIBC_SUITE_KERNEL=dist-builtin takes Debian's configuration
GLIBC_SUITE_KERNEL ?= builtin
GSK := $(B)/kernel/$(GLIBC_SUITE_KERNEL)/bzImage

$(GT)/xsc-testd: tests/glibc/testd.c tests/glibc/proto.h
	@mkdir -p $(GT)
	$(HOSTCC) $(TOOL_CFLAGS) -std=gnu11 -static $< -o $@
$(GT)/xsc-test-wrapper: tests/glibc/test-wrapper.c tests/glibc/proto.h
	@mkdir -p $(GT)
	$(HOSTCC) $(TOOL_CFLAGS) -std=gnu11 $< -o $@

# the guest's root: xsc-testd, and the loaders' paths pointing into the
# build machine's /usr (a 9p share) and the XSC sysroot (in $(B)/libc)
$(GT)/initramfs.cpio.gz: $(GT)/xsc-testd $(GEN_INIT_CPIO)
	{ for d in dev proc sys tmp run var usr etc lib lib64 root; do echo "dir /$$d 0755 0 0"; done; \
	  echo "nod /dev/console 0600 0 0 c 5 1"; \
	  echo "file /testd $(GT)/xsc-testd 0755 0 0"; \
	  echo "slink /bin usr/bin 0777 0 0"; \
	  echo "slink /sbin usr/sbin 0777 0 0"; \
	  echo "slink /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu 0777 0 0"; \
	  echo "slink /lib/x86_64-xsc-linux-gnu $(XSC_LIBDIR) 0777 0 0"; \
	  echo "slink /lib64/ld-linux-x86-64.so.2 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 0777 0 0"; \
	  echo "slink /lib64/ld-linux-xsc-x86-64.so.2 $(LIBC_SYSROOT)/lib64/ld-linux-xsc-x86-64.so.2 0777 0 0"; \
	} > $@.list
	$(GEN_INIT_CPIO) $@.list | gzip -1 > $@.tmp
	@mv $@.tmp $@

GLIBC_GUEST_DEPS := $(XSC_LIBDIR)/libgcc_s.so.1 $(XSC_LIBDIR)/libstdc++.so.6 $(XSC_LIBDIR)/libidn2.so.0 $(LIBC_SYSROOT)/.libxsc $(GT)/xsc-testd $(GT)/xsc-test-wrapper $(GT)/initramfs.cpio.gz \
	tests/glibc/suite.sh $(T)/accel
# suite NAME,KERNEL,OBJ,SRC,ARGS
glibc_suite = tests/glibc/suite.sh --name $(1) --kernel $(2) --initrd $(GT)/initramfs.cpio.gz \
	--share $(B)/libc --obj $(3) --src $(4) --wrapper $(GT)/xsc-test-wrapper \
	--console $(GT)/$(1).console --accel "$$(sed -n 1p $(T)/accel)" \
	--timeoutfactor $(GLIBC_TIMEOUTFACTOR) --jobs $(JOBS) $(5)

# make check: the wrapper and xsc-testd on this machine, then the
# representative tests
$(T)/glibc-wrapper.log: $(GT)/xsc-testd $(GT)/xsc-test-wrapper tests/glibc/selftest.sh
	tests/glibc/selftest.sh $(GT)/xsc-testd $(GT)/xsc-test-wrapper > $@.tmp
	@mv $@.tmp $@
check: $(T)/glibc-wrapper.log
# the representative tests of quick.list: the XSC glibc on the test kernel
$(T)/glibc-quick.log: $(GLIBC_GUEST_DEPS) tests/glibc/quick.list $(LIBC_SYSROOT)/.stamp \
		$(B)/kernel/builtin/bzImage
	@echo "tests: glibc's own tests of tests/glibc/quick.list in a guest"
	@start=$$(date +%s); \
	$(call glibc_suite,glibc-quick,$(B)/kernel/builtin/bzImage,$(B)/libc/obj-xsc,$(B)/libc/src-xsc,\
		--expect-xsc 1 --test-timeout 900 -- $$(sed 's/#.*//' tests/glibc/quick.list)) > $@.tmp || true; \
	cat $(GT)/glibc-quick.console >> $@.tmp; echo XSC-GUEST-END >> $@.tmp; \
	echo "tests: glibc quick tests done in $$(( $$(date +%s) - start )) s"
	@mv $@.tmp $@
check: $(T)/glibc-quick.log
GLIBC_CHECK_ARGS := $(T)/glibc-wrapper.log $(T)/glibc-quick.log

# make check-full: glibc's make check in each of GLIBC_SUBDIRS, the XSC
# build then the stock one, directory by directory (one guest each, on the
# Debian-config kernel), then the comparison
GLIBC_SUITE_LOGS := $(foreach d,$(GLIBC_SUBDIRS),$(GT)/suite/xsc-$(d).log $(GT)/suite/stock-$(d).log)
$(GT)/suite/xsc-%.log: $(GLIBC_GUEST_DEPS) $(LIBC_SYSROOT)/.stamp $(GSK)
	@mkdir -p $(GT)/suite
	@echo "tests: glibc's make check in $* on the XSC glibc"
	$(call glibc_suite,suite/xsc-$*,$(GSK),$(B)/libc/obj-xsc,\
		$(B)/libc/src-xsc,--expect-xsc 1 --subdirs $*) > $@.tmp || true
	@# the results outlive the build tree (a port change restarts it)
	@mkdir -p $(GT)/suite/xsc/$* && cp $(B)/libc/obj-xsc/$*/subdir-tests.sum $(GT)/suite/xsc/$*/ || \
		echo "FAIL suite/xsc-$*: no subdir-tests.sum" >> $@.tmp
	@mv $@.tmp $@
$(GT)/suite/stock-%.log: $(GLIBC_GUEST_DEPS) $(B)/libc/stock/.stamp $(GSK)
	@mkdir -p $(GT)/suite
	@echo "tests: glibc's make check in $* on the stock build"
	$(call glibc_suite,suite/stock-$*,$(GSK),$(B)/libc/obj-stock,\
		$(B)/libc/src-stock,--expect-xsc 0 --subdirs $*) > $@.tmp || true
	@mkdir -p $(GT)/suite/stock/$* && cp $(B)/libc/obj-stock/$*/subdir-tests.sum $(GT)/suite/stock/$*/ || \
		echo "FAIL suite/stock-$*: no subdir-tests.sum" >> $@.tmp
	@mv $@.tmp $@
$(T)/glibc-suite.log: $(GLIBC_SUITE_LOGS) tests/glibc/compare.sh tests/glibc/differences.list
	{ cat $(GLIBC_SUITE_LOGS); \
	  tests/glibc/compare.sh $(GT)/suite/stock $(GT)/suite/xsc tests/glibc/differences.list \
		"$(GLIBC_SUBDIRS)" $(B)/libc/src-xsc/xsc-source.txt $(GT)/glibc-testsuite.md \
		"$(GLIBC_SUITE_KERNEL) variant, linux-source-6.1 $$(sed -n 's/^version=//p' $(B)/kernel/source.txt)"; \
	  echo XSC-GUEST-END; } > $@.tmp
	@mv $@.tmp $@
	@echo "tests: the comparison table: $(GT)/glibc-testsuite.md (docs/glibc-testsuite.md holds the last one)"
GLIBC_FULL_ARGS := $(T)/glibc-suite.log
check-full: $(T)/glibc-suite.log
glibc-suite: $(T)/glibc-suite.log

.PHONY: $(T)/glibc-wrapper.log $(T)/glibc-quick.log glibc-suite
