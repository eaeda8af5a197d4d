# Tests: freestanding XSC programs (tests/guest, runtime tests/lib), the
# no-syscall-instruction check, an initramfs beside busybox-static, and
# three QEMU boots judged by tests/harness/guestcheck.
#   module   kernel with xsc.ko: driver absent, load, every test, unload
#   builtin  kernel with the driver built in: a smoke subset
#   strict   builtin kernel booted with xsc_strict and vdso=0: unmarked
#            exec refused, XSC tasks without a vDSO
#   strictmod  module kernel booted with xsc_strict: the unmarked init
#            runs and loads xsc.ko, then unmarked exec is refused
#   syscall  builtin kernel with the syscall entry body: every test again

T := $(B)/tests
TEST_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fno-builtin \
	-fno-tree-loop-distribute-patterns -nostdlib -static -fno-pie -no-pie \
	-fno-stack-protector -mno-red-zone -fno-asynchronous-unwind-tables \
	-Ikernel/tree/include/uapi
XSC_PROGS := t_basic t_sigsys t_signals t_proc t_seccomp t_ptrace t_bad t_audit t_vdso t_stress t_trace t_hello \
	t_sleep t_strict t_elfnote t_exec t_fuzz
RAW_PROGS := u_hello u_exec u_vsyscall u_modref
BENCH_XSC := b_xsc
BENCH_RAW := b_raw
GUEST_TIMEOUT ?= 600
QEMU := qemu-system-x86_64
QEMU_MEM ?= 512
QEMU_ARGS = -m $(QEMU_MEM) -smp 2 -display none -monitor none -no-reboot

tests: $(T)/initramfs.cpio.gz $(T)/guestcheck

$(T)/rt_xsc.o: tests/lib/rt.c tests/lib/rt.h kernel/tree/include/uapi/linux/xsc.h | deps
	@mkdir -p $(T)/bin
	$(HOSTCC) $(TEST_CFLAGS) -c $< -o $@
$(T)/rt_raw.o: tests/lib/rt.c tests/lib/rt.h kernel/tree/include/uapi/linux/xsc.h | deps
	@mkdir -p $(T)/bin
	$(HOSTCC) $(TEST_CFLAGS) -DRT_RAW -c $< -o $@
$(T)/note.o: tests/lib/note.S | deps
	@mkdir -p $(T)/bin
	$(HOSTCC) -c $< -o $@
$(addprefix $(T)/bin/,$(XSC_PROGS)): $(T)/bin/%: tests/guest/%.c $(T)/rt_xsc.o $(T)/note.o
	$(HOSTCC) $(TEST_CFLAGS) $< $(T)/rt_xsc.o $(T)/note.o -o $@
$(addprefix $(T)/bin/,$(RAW_PROGS)): $(T)/bin/%: tests/guest/%.c $(T)/rt_raw.o
	$(HOSTCC) $(TEST_CFLAGS) $< $(T)/rt_raw.o -o $@
$(T)/bin/t_exec: tests/guest/u_exec.c	# the XSC build of u_exec.c

$(T)/guestcheck: tests/harness/guestcheck.c | deps
	@mkdir -p $(T)
	$(HOSTCC) $(TOOL_CFLAGS) $< -o $@

# Every XSC program: the ABI note present, no syscall instruction. The
# unmarked control must show both missing/present, or the check is blind.
ALL_BINS := $(addprefix $(T)/bin/,$(XSC_PROGS) $(RAW_PROGS) $(BENCH_XSC) $(BENCH_RAW))
VDSO_DIR = $(B)/kernel/obj-$(1)/arch/x86/entry/vdso
XSC_VDSOS := $(call VDSO_DIR,module)/vdsoxsc.so $(call VDSO_DIR,builtin)/vdsoxsc.so
RAW_VDSOS := $(call VDSO_DIR,module)/vdso64.so
$(call VDSO_DIR,module)/vdsoxsc.so $(RAW_VDSOS): $(B)/kernel/module/bzImage
$(call VDSO_DIR,builtin)/vdsoxsc.so: $(B)/kernel/builtin/bzImage
$(T)/static.log: $(ALL_BINS) tests/check-binaries.sh tests/check-kernel.sh $(XSC_VDSOS) $(RAW_VDSOS)
	tests/check-kernel.sh $(B)/kernel/obj-module $(B)/kernel/obj-builtin > $@.tmp
	tests/check-binaries.sh $(T)/bin "$(XSC_PROGS) $(BENCH_XSC)" "$(RAW_PROGS) $(BENCH_RAW)" \
		"$(XSC_VDSOS)" "$(RAW_VDSOS)" >> $@.tmp
	@mv $@.tmp $@
	@grep -c '^PASS' $@ | sed 's/^/tests: static checks passed: /'

# one initramfs per kernel family: xsc.ko must match its kernel
define initramfs
$(T)/$(1): $(ALL_BINS) tests/guest/init.sh $(2) $(GEN_INIT_CPIO) tests/initramfs.list
	sed -e 's|@BIN@|$(T)/bin|g' -e 's|@KO@|$(2)|g' \
	    -e 's|@INIT@|$(CURDIR)/tests/guest/init.sh|g' tests/initramfs.list > $$@.list
	$(GEN_INIT_CPIO) $$@.list | gzip -1 > $$@.tmp
	@mv $$@.tmp $$@
endef
$(eval $(call initramfs,initramfs.cpio.gz,$(B)/kernel/module/xsc.ko))
$(eval $(call initramfs,initramfs-dist.cpio.gz,$(B)/kernel/dist-module/xsc.ko))

# KVM only when a real guest answers within seconds; TCG otherwise.
$(T)/accel: $(B)/kernel/builtin/bzImage $(T)/initramfs.cpio.gz tests/kvm-probe.sh
	tests/kvm-probe.sh $(B)/kernel/builtin/bzImage $(T)/initramfs.cpio.gz > $@

# guest_boot NAME,KERNEL,CMDLINE[,INITRAMFS]
define guest_boot
$(T)/$(1).log: $(2) $(T)/$(or $(4),initramfs.cpio.gz) $(T)/accel
	@echo "tests: booting the $(1) guest, $$$$(sed -n 2p $(T)/accel)"
	@start=$$$$(date +%s); \
	timeout $$(GUEST_TIMEOUT) $(QEMU) $$$$(sed -n 1p $(T)/accel) $$(QEMU_ARGS) \
		-kernel $(2) -initrd $(T)/$(or $(4),initramfs.cpio.gz) \
		-append "console=ttyS0 panic=-1 $(3)" -serial file:$$@.tmp || \
		echo "FAIL qemu: the $(1) guest exited with status $$$$? (124: timed out)" >> $$@.tmp; \
	echo "tests: $(1) guest done in $$$$(( $$$$(date +%s) - start )) s"
	@mv $$@.tmp $$@
endef
$(eval $(call guest_boot,module,$(B)/kernel/module/bzImage,xsc_variant=module audit=1))
$(eval $(call guest_boot,builtin,$(B)/kernel/builtin/bzImage,xsc_variant=builtin))
$(eval $(call guest_boot,strict,$(B)/kernel/builtin/bzImage,xsc_strict=1 vdso=0 rdinit=/xsc/t_strict))
$(eval $(call guest_boot,strictmod,$(B)/kernel/module/bzImage,xsc_variant=strictmod xsc_strict=1))
$(eval $(call guest_boot,syscall,$(B)/kernel/builtin/bzImage,xsc_variant=syscall xsc_entry=syscall audit=1))

GUEST_LOGS := $(T)/static.log $(T)/module.log $(T)/builtin.log $(T)/strict.log $(T)/strictmod.log \
	$(T)/syscall.log
# the programs that must finish (print DONE) in each guest
ALL_DONE := basic,sigsys,signals,proc,seccomp,ptrace,bad,audit,vdso,elfnote,stress,fuzz,insn,xsc1
check: all $(T)/guestcheck $(GUEST_LOGS)
	@echo "== results =="
	@$(T)/guestcheck $(T)/static.log $(T)/module.log:$(ALL_DONE),modref \
		$(T)/builtin.log:basic,sigsys,vdso,elfnote,insn,xsc1 $(T)/strict.log:strict \
		$(T)/strictmod.log:strict $(T)/syscall.log:$(ALL_DONE) $(LIBC_CHECK_ARGS) \
		$(TOOLCHAIN_CHECK_ARGS) $(GLIBC_CHECK_ARGS) $(PACKAGES_CHECK_ARGS) $(IMAGE_CHECK_ARGS)

# make check-full: everything in make check, then
# - a long stress run in its own boot per entry body (STRESS_SECS each)
# - the sanitizer kernel (KASAN, UBSAN, lockdep, KFENCE): the ring fuzzer
#   for FUZZ_SECS, then the stress test, any report failing the boot
# - the Debian-config kernel, driver as a module and built in: every test
#   (with IA32 emulation, x32 and the vsyscall page as Debian has them)
STRESS_SECS ?= 60
FUZZ_SECS ?= 300
$(eval $(call guest_boot,stress-fault,$(B)/kernel/builtin/bzImage,xsc_variant=stress xsc_stress=$(STRESS_SECS)))
$(eval $(call guest_boot,stress-syscall,$(B)/kernel/builtin/bzImage,xsc_variant=stress xsc_entry=syscall xsc_stress=$(STRESS_SECS)))
$(eval $(call guest_boot,debug,$(B)/kernel/debug/bzImage,xsc_variant=stress xsc_fuzz=$(FUZZ_SECS) xsc_stress=$(STRESS_SECS)))
$(eval $(call guest_boot,distmod,$(B)/kernel/dist-module/bzImage,xsc_variant=distmod audit=1,initramfs-dist.cpio.gz))
$(eval $(call guest_boot,dist,$(B)/kernel/dist-builtin/bzImage,xsc_variant=dist vsyscall=xonly syscall.x32=y,initramfs-dist.cpio.gz))
$(T)/stress-fault.log $(T)/stress-syscall.log: GUEST_TIMEOUT = $(shell expr $(STRESS_SECS) + 600)
$(T)/debug.log: GUEST_TIMEOUT = $(shell expr $(STRESS_SECS) + $(FUZZ_SECS) + 1200)
$(T)/debug.log: QEMU_MEM = 2048
$(T)/distmod.log $(T)/dist.log: GUEST_TIMEOUT = 1200
FULL_LOGS := $(T)/stress-fault.log $(T)/stress-syscall.log $(T)/debug.log $(T)/distmod.log $(T)/dist.log
check-full: check $(FULL_LOGS)
	@echo "== results of the long runs =="
	@$(T)/guestcheck $(T)/stress-fault.log:stress $(T)/stress-syscall.log:stress \
		$(T)/debug.log:fuzz,stress $(T)/distmod.log:$(ALL_DONE),modref $(T)/dist.log:$(ALL_DONE) \
		$(LIBC_FULL_ARGS) $(TOOLCHAIN_FULL_ARGS) $(GLIBC_FULL_ARGS)

# guest logs are results of a run, not build products: always boot again
.PHONY: $(T)/module.log $(T)/builtin.log $(T)/strict.log $(T)/strictmod.log $(T)/syscall.log $(T)/static.log $(T)/accel \
	$(FULL_LOGS)
