# XSC: system calls through per-thread rings. Top-level orchestration.
#
#   make          build everything (installs missing build dependencies
#                 through apt when run as root)
#   make check    run every test (what CI runs)
#   make help     the other targets
#
# Build output goes to $(B) (default ./build); compiler and kernel caches
# to $(XSC_CACHE) (default ~/.cache/xsc). Neither is needed for a build to
# succeed: a clean clone with an empty cache builds the same.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := all

XSC_CACHE ?= $(HOME)/.cache/xsc
B ?= $(CURDIR)/build
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(XSC_CACHE)/ccache
# relative paths in cache keys: a clone elsewhere still hits the cache
export CCACHE_BASEDIR ?= $(CURDIR)
CCACHE := $(shell command -v ccache 2>/dev/null)
comma := ,
HOSTCC := gcc
TOOL_CFLAGS := -std=c11 -O2 -Wall -Wextra -Werror

.PHONY: all deps kernel tests check check-full bench clean help
all: deps kernel tests

help:
	@echo "make             build everything: kernels, the XSC glibc, the toolchain, the tests"
	@echo "make check       build, then run every test in QEMU; ends with 'N passed, N failed'"
	@echo "make check-full  check plus the long suites (docs/check-full.md): t_stress for STRESS_SECS (60)"
	@echo "                 per entry body, the ring fuzzer for FUZZ_SECS (300) on the sanitizer kernel,"
	@echo "                 every test on the Debian-config kernel"
	@echo "make glibc-suite glibc's own make check in GLIBC_SUBDIRS, XSC glibc against the stock build,"
	@echo "                 on the Debian-config kernel (part of check-full; docs/glibc-testsuite.md)"
	@echo "make kernel-dist the Debian-config kernels: $(B)/kernel/dist-{module,builtin}/"
	@echo "make kernel-debug the sanitizer kernel: $(B)/kernel/debug/"
	@echo "make kernel      only the kernels: $(B)/kernel/{module,builtin}/"
	@echo "make libc        only the XSC glibc (+ libxsc): $(B)/libc/sysroot/"
	@echo "make libc-stock  the same glibc source without the port: $(B)/libc/stock/"
	@echo "make toolchain   the x86_64-xsc-linux-gnu toolchain: $(B)/toolchain/xsc/bin/"
	@echo "make packages    the xsc-amd64 .debs (glibc, libxsc, libgcc-s1, headers, xsc-tools): $(B)/packages/debs/"
	@echo "make image       the bootable ISO: $(B)/image/xsc-minimal-amd64.iso (+ .manifest)"
	@echo "make run         boot the ISO with its console on this terminal (Ctrl-a x leaves QEMU;"
	@echo "                 FIRMWARE=uefi boots through OVMF)"
	@echo "make tests       only the test programs and initramfs"
	@echo "make deps        install missing build dependencies (root, apt)"
	@echo "make clean       remove $(B) (the cache in $(XSC_CACHE) stays)"
	@echo "variables: B=$(B) XSC_CACHE=$(XSC_CACHE) JOBS=$(JOBS)"

deps:
	@tools/install-deps.sh

clean:
	rm -rf $(B)

include kernel/kernel.mk
include libc/libc.mk
include tests/tests.mk
include tests/libc/libc.mk
include tests/glibc/glibc.mk
include toolchain/toolchain.mk
include packages/packages.mk
include image/image.mk
include bench/bench.mk
