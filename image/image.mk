# xsc-minimal-amd64.iso (image/README.md): the Debian-config XSC kernel,
# xsc.ko, an initramfs with busybox, the .debs of the XSC glibc and
# xsc-tools; GRUB for BIOS and UEFI (grub-mkrescue). Reproducible.
#   make          builds $(IM)/xsc-minimal-amd64.iso and its manifest
#   make check    boots it from the CD image under BIOS (SeaBIOS) and UEFI
#                 (OVMF), judges the serial logs (image/bootcheck), builds
#                 it again from the same inputs: the same bytes
#   make run      boots it with the console on this terminal

IM := $(B)/image
ISO := $(IM)/xsc-minimal-amd64.iso
IMAGE_KDIR := $(B)/kernel/dist-module
IMAGE_PKGS := libc6 libgcc-s1 libxsc1 xsc-tools
IMAGE_DEB_NAMES := $(foreach p,$(IMAGE_PKGS),$(PK)/debs/$(p).deb-name)
OVMF_CODE := /usr/share/OVMF/OVMF_CODE_4M.fd
OVMF_VARS := /usr/share/OVMF/OVMF_VARS_4M.fd
FIRMWARE ?= bios

# mkiso ISO,MANIFEST,WORK
mkiso = image/mkiso.sh --kernel $(IMAGE_KDIR)/bzImage --module $(IMAGE_KDIR)/xsc.ko \
	--source-txt $(IMAGE_KDIR)/source.txt --busybox /bin/busybox --init image/init.sh \
	--grub-cfg image/grub.cfg --gen-init-cpio $(GEN_INIT_CPIO) --work $(3) --out $(1) \
	--manifest $(2) $$(cat $(IMAGE_DEB_NAMES))
$(ISO): $(IMAGE_KDIR)/bzImage $(IMAGE_KDIR)/xsc.ko $(IMAGE_DEB_NAMES) image/mkiso.sh image/init.sh \
		image/grub.cfg $(GEN_INIT_CPIO) | deps
	@mkdir -p $(IM)
	@echo "image: building $(notdir $@)"
	$(call mkiso,$@,$(IM)/xsc-minimal-amd64.manifest,$(IM)/work)
image: $(ISO)
all: $(ISO)
.PHONY: image

$(IM)/bootcheck: image/bootcheck.c | deps
	@mkdir -p $(IM)
	$(HOSTCC) $(TOOL_CFLAGS) $< -o $@

# boot_iso NAME,FIRMWARE-ARGS: the CD image, the check's SMBIOS product
# name (the init powers off instead of offering a shell)
define boot_iso
$(T)/iso-$(1).log: $(ISO) $(IM)/bootcheck $(T)/accel
	@mkdir -p $(T)
	@echo "tests: booting xsc-minimal-amd64.iso under $(1), $$$$(sed -n 2p $(T)/accel)"
	@start=$$$$(date +%s); rm -f $(T)/iso-$(1).serial; \
	$(if $(filter uefi,$(1)),cp $(OVMF_VARS) $(T)/iso-uefi.vars;) \
	timeout $(GUEST_TIMEOUT) $(QEMU) $$$$(sed -n 1p $(T)/accel) -m 1024 -smp 2 -display none \
		-monitor none -no-reboot $(2) -cdrom $(ISO) -boot d -smbios type=1,product=xsc-check \
		-serial file:$(T)/iso-$(1).serial > $(T)/iso-$(1).qemu 2>&1 || \
		echo "FAIL iso-$(1): qemu exited with status $$$$? (124: timed out) $$$$(tail -c 200 $(T)/iso-$(1).qemu)" \
		> $$@.tmp; \
	$(IM)/bootcheck --firmware $(1) $(1) $(T)/iso-$(1).serial >> $$@.tmp || true; \
	echo "XSC-GUEST-END" >> $$@.tmp; \
	echo "tests: iso $(1) boot done in $$$$(( $$$$(date +%s) - start )) s"
	@mv $$@.tmp $$@
endef
$(eval $(call boot_iso,bios,))
$(eval $(call boot_iso,uefi,-drive if=pflash$(comma)format=raw$(comma)readonly=on$(comma)file=$(OVMF_CODE) \
	-drive if=pflash$(comma)format=raw$(comma)file=$(T)/iso-uefi.vars))

# the same inputs again: the same bytes
$(T)/iso-repro.log: $(ISO) image/mkiso.sh
	@mkdir -p $(T)/iso-again
	@echo "tests: building xsc-minimal-amd64.iso a second time"
	@if SOURCE_DATE_EPOCH=$$(sed -n '1s/.*SOURCE_DATE_EPOCH=\([0-9]*\).*/\1/p' $(IM)/xsc-minimal-amd64.manifest) \
		$(call mkiso,$(T)/iso-again/xsc-minimal-amd64.iso,$(T)/iso-again/manifest,$(T)/iso-again/work) \
			> $(T)/iso-again/log 2>&1 && cmp -s $(ISO) $(T)/iso-again/xsc-minimal-amd64.iso; then \
		echo "PASS iso: built twice from the same inputs: the same bytes (sha256 $$(sha256sum < $(ISO) | cut -c1-16))"; \
	else echo "FAIL iso: a second build from the same inputs differs or failed ($(T)/iso-again)"; fi > $@.tmp
	@if cmp -s $(IM)/xsc-minimal-amd64.manifest $(T)/iso-again/manifest && \
			grep -q '^deb xsc-tools 1.0-1 xsc-amd64 ' $(IM)/xsc-minimal-amd64.manifest && \
			grep -q '^kernel .*-xsc ' $(IM)/xsc-minimal-amd64.manifest; then \
		echo "PASS iso: the manifest names the kernel and every .deb with versions and sha256"; \
	else echo "FAIL iso: the manifest is incomplete or differs ($(IM)/xsc-minimal-amd64.manifest)"; fi >> $@.tmp
	@echo "XSC-GUEST-END" >> $@.tmp
	@mv $@.tmp $@

check: $(T)/iso-bios.log $(T)/iso-uefi.log $(T)/iso-repro.log
IMAGE_CHECK_ARGS := $(T)/iso-bios.log $(T)/iso-uefi.log $(T)/iso-repro.log
.PHONY: $(T)/iso-bios.log $(T)/iso-uefi.log $(T)/iso-repro.log

# make run: the console on this terminal (Ctrl-a x leaves QEMU, Ctrl-a c
# its monitor); FIRMWARE=uefi boots through OVMF
run: $(ISO) $(T)/accel
	@echo "image: booting $(ISO) ($(FIRMWARE)); the shell is on this terminal; Ctrl-a x leaves QEMU"
	$(if $(filter uefi,$(FIRMWARE)),cp $(OVMF_VARS) $(IM)/run-uefi.vars;) \
	$(QEMU) $$(sed -n 1p $(T)/accel) -m 1024 -smp 2 -display none -serial mon:stdio \
		$(if $(filter uefi,$(FIRMWARE)),-drive if=pflash$(comma)format=raw$(comma)readonly=on$(comma)file=$(OVMF_CODE) \
		-drive if=pflash$(comma)format=raw$(comma)file=$(IM)/run-uefi.vars) -cdrom $(ISO) -boot d
.PHONY: run
