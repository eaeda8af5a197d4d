# Kernel: Debian's linux-source-6.1 + kernel/patches + kernel/tree
# (drivers/xsc and the XSC headers), built from one source tree:
#   $(B)/kernel/module/        test config, the ring driver as xsc.ko
#   $(B)/kernel/builtin/       test config, the ring driver built in
#   $(B)/kernel/dist-module/   Debian's config trimmed (config/dist.config):
#   $(B)/kernel/dist-builtin/    dist-module boots the ISO; both in make check-full
#   $(B)/kernel/debug/         test config + KASAN, UBSAN, lockdep, KFENCE
# (make builds the first three; the others: make kernel-dist, kernel-debug)

KSRC := $(B)/kernel/src
KTREE := $(shell find kernel/tree -type f)
KPATCHES := kernel/patches/series $(wildcard kernel/patches/*.patch)

kernel: $(B)/kernel/module/bzImage $(B)/kernel/builtin/bzImage
kernel-dist: $(B)/kernel/dist-module/bzImage $(B)/kernel/dist-builtin/bzImage
kernel-debug: $(B)/kernel/debug/bzImage
.PHONY: kernel-dist kernel-debug

# variant name -> driver mode and config flavour
kmode = $(if $(filter %module,$(1)),m,y)
kflavour = $(if $(filter dist-%,$(1)),dist,$(if $(filter debug,$(1)),debug,test))

$(B)/kernel/src.stamp: kernel/VERSION $(KPATCHES) kernel/prepare-source.sh | deps
	@mkdir -p $(B)/kernel
	kernel/prepare-source.sh $(B)/kernel
	@touch $@

$(B)/kernel/%/bzImage: $(B)/kernel/src.stamp $(wildcard kernel/config/*.config) kernel/configure.sh \
		kernel/build.sh $(KTREE)
	cp -rp kernel/tree/. $(KSRC)/
	JOBS=$(JOBS) kernel/build.sh $(KSRC) $(B)/kernel/obj-$* $(B)/kernel/$* $(call kmode,$*) $(call kflavour,$*)

$(B)/kernel/module/xsc.ko: $(B)/kernel/module/bzImage
$(B)/kernel/dist-module/xsc.ko: $(B)/kernel/dist-module/bzImage

# gen_init_cpio comes with the kernel build
GEN_INIT_CPIO := $(B)/kernel/obj-module/usr/gen_init_cpio
$(GEN_INIT_CPIO): $(B)/kernel/module/bzImage

# one kernel build at a time: they share the source tree and 2 cores
# (the top-level make runs serially; each kernel build uses JOBS)
$(B)/kernel/builtin/bzImage: | $(B)/kernel/module/bzImage
.NOTPARALLEL:
