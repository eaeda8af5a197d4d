#!/bin/sh
# install-deps.sh: install the Debian packages the build and the tests
# need, when some are missing. As root it uses apt; otherwise it lists
# what is missing and fails.
set -eu
pkgs="build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils patch
      ccache kmod qemu-system-x86 busybox-static linux-source-6.1 linux-config-6.1
      gnuplot-nox openssl gawk python3 glibc-source libcapstone-dev clang
      libclang-rt-14-dev gcc-12-plugin-dev cmake ninja-build meson lintian zlib1g-dev
      grub-pc-bin grub-efi-amd64-bin grub-common xorriso mtools ovmf faketime
      libstdc++-12-pic"
missing=
for p in $pkgs; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
# apt-get source (glibc's testsuite, the toolchain's package tests) needs
# deb-src entries: add them beside Debian's own, as root
srcs() { grep -rhs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; }
if [ -z "$(srcs)" ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "deps: adding deb-src entries (/etc/apt/sources.list.d/xsc-deb-src.sources)"
		sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
			> /etc/apt/sources.list.d/xsc-deb-src.sources
		apt-get update -qq
	else
		echo "deps: no deb-src entry for apt-get source; run 'make' as root" >&2
	fi
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing" >&2
	echo "deps: run 'make' as root, or: sudo apt-get install$missing" >&2
	exit 1
fi
echo "deps: installing$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
