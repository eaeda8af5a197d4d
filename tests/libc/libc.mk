# C library tests: tests/libc programs built against the XSC glibc, each
# dynamic (NAME) and static (NAME-static), run in the libc guest on the
# kernel with the driver built in; plus the installed-objects check.

LT := $(T)/libc
LIBC_TESTS := l_process l_io l_fs l_net l_ipc l_signal l_time l_stress l_xsc l_dlopen
LIBC_STATIC_TESTS := $(filter-out l_dlopen,$(LIBC_TESTS))
# until the toolchain (x86_64-xsc-linux-gnu-gcc) exists: the system gcc
# pointed at the XSC sysroot
XCC = $(XSC_SYSROOT_CC) -Wl,-rpath-link=$(XSC_LIBDIR) \
	-Wl,--dynamic-linker=/lib64/ld-linux-xsc-x86-64.so.2
LT_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -pthread
LT_BINS := $(addprefix $(LT)/,$(LIBC_TESTS) $(addsuffix -static,$(LIBC_STATIC_TESTS)) \
	x_lib.so u_lib.so n_needs_u u_interp)

$(LT)/%: tests/libc/%.c tests/libc/check.h $(LIBC_SYSROOT)/.stamp $(LIBC_SYSROOT)/.libxsc
	@mkdir -p $(LT)
	$(XCC) $(LT_CFLAGS) $< -lxsc -o $@
$(LT)/%-static: tests/libc/%.c tests/libc/check.h $(LIBC_SYSROOT)/.stamp $(LIBC_SYSROOT)/.libxsc
	@mkdir -p $(LT)
	$(XCC) $(LT_CFLAGS) -DCK_STATIC -static $< -lxsc -o $@
$(LT)/x_lib.so: tests/libc/u_lib.c $(LIBC_SYSROOT)/.stamp
	@mkdir -p $(LT)
	$(XCC) $(LT_CFLAGS) -shared -fPIC -Wl,-soname,x_lib.so $< -o $@
$(LT)/u_lib.so: tests/libc/u_lib.c	# the standard way: no XSC note
	@mkdir -p $(LT)
	$(HOSTCC) $(LT_CFLAGS) -shared -fPIC -Wl,-soname,u_lib.so $< -o $@

$(LT)/n_needs_u: tests/libc/u_main.c $(LT)/u_lib.so $(LIBC_SYSROOT)/.stamp
	$(XCC) $(LT_CFLAGS) $< $(LT)/u_lib.so -Wl,-rpath,/xsc/libc -o $@
$(LT)/u_interp: tests/libc/u_main.c	# standard, but PT_INTERP is the XSC loader
	@mkdir -p $(LT)
	$(HOSTCC) $(LT_CFLAGS) -DNO_LIB $< -Wl,--dynamic-linker=/lib64/ld-linux-xsc-x86-64.so.2 -o $@

$(T)/initramfs-libc.cpio.gz: $(LT_BINS) $(XSC_LIBDIR)/libgcc_s.so.1 tests/guest/init.sh \
		tests/libc/initramfs.sh tests/libc/hosts tests/libc/nsswitch.conf $(GEN_INIT_CPIO) \
		$(T)/toolchain-cases.log $(T)/packages.log
	tests/libc/initramfs.sh $(LIBC_SYSROOT) $(LT) $(CURDIR)/tests/guest/init.sh $(T)/tc/guest \
		$(T)/pkg > $@.list
	$(GEN_INIT_CPIO) $@.list | gzip -1 > $@.tmp
	@mv $@.tmp $@

$(eval $(call guest_boot,libc,$(B)/kernel/builtin/bzImage,xsc_variant=libc,initramfs-libc.cpio.gz))
$(eval $(call guest_boot,libc-syscall,$(B)/kernel/builtin/bzImage,xsc_variant=libc xsc_entry=syscall,initramfs-libc.cpio.gz))
# make check-full: l_stress for STRESS_SECS, dynamic and static
$(eval $(call guest_boot,libc-stress,$(B)/kernel/builtin/bzImage,xsc_variant=libc xsc_libc_stress=$(STRESS_SECS),initramfs-libc.cpio.gz))
# make check-full: the C library tests on the Debian-configuration kernel too
$(eval $(call guest_boot,libc-dist,$(B)/kernel/dist-builtin/bzImage,xsc_variant=libc vsyscall=xonly,initramfs-libc.cpio.gz))
$(T)/libc-stress.log: GUEST_TIMEOUT = $(shell expr 20 \* $(STRESS_SECS) + 600)

# the installed objects: no syscall instruction, the note everywhere
# (xsc-verify: toolchain/toolchain.mk)
$(T)/libc-static.log: $(LIBC_SYSROOT)/.stamp $(XSC_LIBDIR)/libgcc_s.so.1 $(LT_BINS) tests/check-libc.sh \
		$(B)/toolchain/xsc-verify
	tests/check-libc.sh $(B)/toolchain/xsc-verify $(LIBC_SYSROOT) $(filter-out $(LT)/u_%,$(LT_BINS)) > $@.tmp
	@mv $@.tmp $@

comma := ,
empty :=
space := $(empty) $(empty)
LIBC_DONE := $(subst $(space),$(comma),$(strip $(LIBC_TESTS) $(addsuffix -static,$(LIBC_STATIC_TESTS))))
all: libc $(T)/initramfs-libc.cpio.gz
check: $(T)/libc-static.log $(T)/libc.log $(T)/libc-syscall.log
LIBC_CHECK_ARGS = $(T)/libc-static.log $(T)/libc.log:$(LIBC_DONE),$(TC_DONE) \
	$(T)/libc-syscall.log:$(LIBC_DONE),$(TC_DONE)
check-full: $(T)/libc-stress.log $(T)/libc-dist.log
LIBC_FULL_ARGS = $(T)/libc-stress.log:l_stress,l_stress-static $(T)/libc-dist.log:$(LIBC_DONE),$(TC_DONE)
.PHONY: $(T)/libc-static.log $(T)/libc.log $(T)/libc-syscall.log $(T)/libc-stress.log $(T)/libc-dist.log
