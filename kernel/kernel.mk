# Kernel: Debian's linux-source-6.1 + kernel/patches + kernel/tree
# (drivers/xsc and the XSC headers), built twice from one source tree:
#   $(B)/kernel/module/   bzImage with the ring driver as xsc.ko
#   $(B)/kernel/builtin/  bzImage with the ring driver built in

KSRC := $(B)/kernel/src
KTREE := $(shell find kernel/tree -type f)
KPATCHES := kernel/patches/series $(wildcard kernel/patches/*.patch)

kernel: $(B)/kernel/module/bzImage $(B)/kernel/builtin/bzImage

$(B)/kernel/src.stamp: kernel/VERSION $(KPATCHES) kernel/prepare-source.sh | deps
	@mkdir -p $(B)/kernel
	kernel/prepare-source.sh $(B)/kernel
	@touch $@

$(B)/kernel/%/bzImage: $(B)/kernel/src.stamp kernel/xsc.config kernel/configure.sh kernel/build.sh $(KTREE)
	cp -rp kernel/tree/. $(KSRC)/
	JOBS=$(JOBS) kernel/build.sh $(KSRC) $(B)/kernel/obj-$* $(B)/kernel/$* $(if $(filter module,$*),m,y)

$(B)/kernel/module/xsc.ko: $(B)/kernel/module/bzImage

# gen_init_cpio comes with the kernel build
GEN_INIT_CPIO := $(B)/kernel/obj-module/usr/gen_init_cpio
$(GEN_INIT_CPIO): $(B)/kernel/module/bzImage

# one kernel build at a time: they share the source tree and 2 cores
$(B)/kernel/builtin/bzImage: | $(B)/kernel/module/bzImage
