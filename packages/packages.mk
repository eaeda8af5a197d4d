# Debian packages for xsc-amd64 (packages/README.md): the XSC glibc split
# as Debian splits it, libxsc, libgcc-s1, libstdc++6, libidn2-0, the kernel's UAPI headers, and
# xsc-tools (xsc_ring_test, xsc-verify built for XSC). One recipe folder
# per package, built by packages/mkdeb.sh with dpkg-deb.
#   $(PK)/debs/NAME_VERSION_ARCH.deb
# make check: lintian on every package (each finding fixed or explained in
# packages/lintian.explained), every file of the sysroot in exactly one
# package (or in packages/unpackaged.list, with the reason), the
# packages built twice are the same bytes.

PK := $(B)/packages
GLIBC_PKGS := libc6 libc-bin libc-dev-bin libc-devtools libc6-dev nscd locales libc-l10n
SYSROOT_PKGS := $(GLIBC_PKGS) linux-libc-dev libxsc1 libxsc-dev libgcc-s1 libstdc++6 libidn2-0
ALL_PKGS := $(SYSROOT_PKGS) xsc-tools
# every date in a package and an image: the last commit's when it was
# built (reproducible; the rebuilds of make check take the same, from
# NAME.sde beside the .deb and from the ISO's manifest)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2> /dev/null || echo 1764460800)
export SOURCE_DATE_EPOCH
XSC_PKG_VERSION := 1.0-1
# what the packages' versions are: what the build used
pkg_vars = --var GLIBC_VERSION=$$(sed -n 's/^version=//p' $(LIBC_SYSROOT)/usr/share/xsc/libc-source.txt) \
	--var GLIBC_UPSTREAM=$$(sed -n 's/^upstream=//p' $(LIBC_SYSROOT)/usr/share/xsc/libc-source.txt) \
	--var KERNEL_VERSION=$$(sed -n 's/^version=//p' $(B)/kernel/source.txt) \
	--var GCC_VERSION=$$(dpkg-query -W -f '$${Version}' libgcc-12-dev) \
	--var XSC_VERSION=$(XSC_PKG_VERSION)
# a recipe with a source file is built from Debian's source (srcbuild.sh):
# its control file has the version used and the unpacked tree
src_name = $(firstword $(shell grep -v '^#' packages/$(1)/source))
src_vars = $(if $(wildcard packages/$(1)/source),\
	--var SOURCE_VERSION=$$(cut -d' ' -f2 $(PK)/src/$(call src_name,$(1)).source) \
	--var SOURCE_DIR=$(PK)/src/$(call src_name,$(1)))

# Debian source packages built with the XSC toolchain (packages/srcbuild.sh,
# a recipe's source and build files) and installed into the sysroot: the
# shared libraries the C library loads (libidn2 for getaddrinfo's AI_IDN)
$(XSC_LIBDIR)/libidn2.so.0: packages/srcbuild.sh tools/apt-source.sh $(wildcard packages/libidn2-0/*) \
		$(XT)/.stamp | deps
	@echo "packages: building Debian's libidn2 for XSC"
	packages/srcbuild.sh packages/libidn2-0 $(XT) $(PK)/src $(PK)/stage/libidn2-0
	cp -P $(PK)/stage/libidn2-0/lib/x86_64-xsc-linux-gnu/libidn2.so.0* $(XSC_LIBDIR)/

# xsc-tools' programs, built with the XSC toolchain; xsc-verify links
# Debian's libelf, Capstone and zlib archives (their headers alone are
# given to the compiler: the sysroot stays the XSC glibc's)
$(PK)/hostinc/.stamp: | deps
	@mkdir -p $(PK)/hostinc
	cp /usr/include/libelf.h /usr/include/gelf.h $(PK)/hostinc/
	cp -r /usr/include/capstone $(PK)/hostinc/
	@touch $@
HOSTA := /usr/lib/x86_64-linux-gnu
$(PK)/root/xsc-tools/usr/bin/xsc-verify: toolchain/xsc-verify-main.c $(XV_SRC) $(XT)/.stamp $(PK)/hostinc/.stamp
	@mkdir -p $(dir $@)
	$(XCC_TOOL) $(TOOL_CFLAGS) -Ikernel/tree/include/uapi -I$(PK)/hostinc toolchain/xsc-verify.c \
		toolchain/xsc-verify-main.c $(HOSTA)/libelf.a $(HOSTA)/libcapstone.a $(HOSTA)/libz.a -o $@
$(PK)/root/xsc-tools/usr/bin/xsc_ring_test: packages/xsc-tools/xsc_ring_test.c $(XT)/.stamp
	@mkdir -p $(dir $@)
	$(XCC_TOOL) $(TOOL_CFLAGS) $< -lxsc -o $@
XSC_TOOLS_BIN := $(PK)/root/xsc-tools/usr/bin/xsc-verify $(PK)/root/xsc-tools/usr/bin/xsc_ring_test

# one .deb per recipe; the name of the file is known once built: a stamp
# per package names it
MKDEB = packages/mkdeb.sh --recipe packages/$(1) --root $(2) --out $(3) \
	--verify $(B)/toolchain/xsc-verify $(pkg_vars) $(call src_vars,$(1))
$(foreach p,$(SYSROOT_PKGS),$(eval $(PK)/debs/$(p).deb-name: $(LIBC_SYSROOT)/.stamp \
	$(LIBC_SYSROOT)/.libxsc $(XSC_LIBDIR)/libgcc_s.so.1 $(XSC_LIBDIR)/libstdc++.so.6 \
	$(XSC_LIBDIR)/libidn2.so.0 $(shell find packages/$(p) -type f)))
$(foreach p,$(ALL_PKGS),$(eval $(PK)/debs/$(p).deb-name: packages/mkdeb.sh tools/elf-files.sh packages/packages.mk $(B)/toolchain/xsc-verify))
$(PK)/debs/xsc-tools.deb-name: $(XSC_TOOLS_BIN) $(wildcard packages/xsc-tools/*) toolchain/xsc-verify.1
$(PK)/debs/%.deb-name:
	@mkdir -p $(PK)/debs
	@echo "packages: $*"
	@rm -f $(PK)/debs/$*_*.deb
	$(call MKDEB,$*,$(if $(filter xsc-tools,$*),$(PK)/root/xsc-tools,$(LIBC_SYSROOT)),$(PK)/debs) > $@.tmp
	@echo $(SOURCE_DATE_EPOCH) > $(PK)/debs/$*.sde
	@mv $@.tmp $@
PKG_NAMES := $(foreach p,$(ALL_PKGS),$(PK)/debs/$(p).deb-name)
packages: $(PKG_NAMES)
all: packages
.PHONY: packages

# make check
$(T)/debs.log: $(PKG_NAMES) packages/check.sh packages/lintian.explained packages/unpackaged.list
	@mkdir -p $(T)
	@echo "tests: the packages (lintian, contents, reproducibility)"
	packages/check.sh --debs $(PK)/debs --sysroot $(LIBC_SYSROOT) --pkgs "$(ALL_PKGS)" \
		--verify $(B)/toolchain/xsc-verify \
		--sysroot-pkgs "$(SYSROOT_PKGS)" --work $(T)/packages \
		--rebuild "SOURCE_DATE_EPOCH=$$(cat $(PK)/debs/xsc-tools.sde) $(call MKDEB,xsc-tools,$(PK)/root/xsc-tools,$(T)/packages/again)" \
		--rebuild "SOURCE_DATE_EPOCH=$$(cat $(PK)/debs/libc6.sde) $(call MKDEB,libc6,$(LIBC_SYSROOT),$(T)/packages/again)" > $@.tmp
	@echo XSC-GUEST-END >> $@.tmp
	@mv $@.tmp $@
check: $(T)/debs.log
PACKAGES_CHECK_ARGS := $(T)/debs.log
.PHONY: $(T)/debs.log
