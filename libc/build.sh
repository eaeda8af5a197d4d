#!/bin/bash
# build.sh SRC OBJ SYSROOT FLAVOUR KHEADERS: configure glibc in OBJ with
# Debian's amd64 options (docs/libc-port-map.md section 9), build it and
# install it into SYSROOT with the kernel headers from KHEADERS.
#   xsc:   --host=x86_64-xsc-linux-gnu, libraries in /lib/x86_64-xsc-linux-gnu,
#          loader /lib64/ld-linux-xsc-x86-64.so.2
#   stock: --host=x86_64-linux-gnu, Debian's paths (for glibc's testsuite)
# A progress line every 500 build steps; the full log is OBJ/build.log.
set -eo pipefail
src=$1 obj=$2 sysroot=$3 flavour=$4 kheaders=$5
jobs=${JOBS:-$(nproc)}
cc=gcc cxx=g++
if command -v ccache >/dev/null; then cc="ccache gcc" cxx="ccache g++"; fi
# ccache's direct mode does not notice a header added earlier in the
# include path (which is how the port overrides glibc's): preprocess.
export CCACHE_NODIRECT=1

case "$flavour" in
xsc)	triplet=x86_64-xsc-linux-gnu pkgversion="XSC GLIBC" ;;
stock)	triplet=x86_64-linux-gnu pkgversion="Debian GLIBC" ;;
*)	echo "libc: unknown flavour $flavour" >&2; exit 2 ;;
esac
. "$src/xsc-source.txt"
here=$(cd "$(dirname "$0")" && pwd)

# The port's files, changed ones only (their mtimes drive the rebuild).
# A file added to or removed from the port can change which header or
# source a glibc file uses, which glibc's dependency files do not see, and
# so can a changed Makefile fragment: then the object tree starts afresh
# (ccache makes that quick).
if [ "$flavour" = xsc ]; then
	layout=$( (cd "$here/sysdeps" && find . -type f | sort; find . -name Makefile -exec cat {} +) | md5sum)
	if [ -f "$obj/port-layout" ] && [ "$(cat "$obj/port-layout")" != "$layout" ]; then
		echo "libc: the port's files or Makefiles changed: rebuilding $obj from scratch"
		rm -rf "$obj" "$src/sysdeps/unix/sysv/linux/x86_64/xsc" "$src/sysdeps/unix/sysv/xsc"
	fi
	mkdir -p "$obj"
	echo "$layout" > "$obj/port-layout"
	(cd "$here/sysdeps" && find . -type f) | while read -r f; do
		cmp -s "$here/sysdeps/$f" "$src/sysdeps/$f" ||
			install -D -m 644 "$here/sysdeps/$f" "$src/sysdeps/$f"
	done
fi

mkdir -p "$obj"
# Debian's configparms (debian/rules.d/build.mk), with our library paths.
# No -g: the sysroot stays small and the build quicker.
cat > "$obj/configparms.new" <<CONF
CFLAGS = -pipe -O2
ASFLAGS = -pipe -O2
BUILD_CC = gcc
BUILD_CFLAGS = -O2
BASH := /bin/bash
KSH := /bin/bash
SHELL := /bin/bash
bindir = /usr/bin
datadir = /usr/share
complocaledir = /usr/lib/locale
sysconfdir = /etc
libexecdir = /usr/lib
rootsbindir = /sbin
includedir = /usr/include
docdir = /usr/share/doc
mandir = /usr/share/man
sbindir = /usr/sbin
vardbdir = /var/lib/misc
libdir = /usr/lib/$triplet
slibdir = /lib/$triplet
rtlddir = /lib64
CONF
opts=(--host=$triplet --build=x86_64-linux-gnu --prefix=/usr
      --disable-crypt --enable-stackguard-randomization
      --enable-stack-protector=strong --without-selinux --enable-multi-arch
      "--with-pkgversion=$pkgversion $version" --with-bugurl=https://www.debian.org/Bugs/
      --with-timeoutfactor=25 --with-headers=$kheaders/include --enable-kernel=3.2)
echo "${opts[*]} CC=$cc" > "$obj/options.new"
if [ ! -f "$obj/config.status" ] || ! cmp -s "$obj/options.new" "$obj/options" ||
   ! cmp -s "$obj/configparms.new" "$obj/configparms"; then
	echo "libc: configuring the $flavour glibc in $obj"
	mv "$obj/configparms.new" "$obj/configparms"
	(cd "$obj" && CC="$cc" CXX="$cxx" AR=ar RANLIB=ranlib AUTOCONF=false MAKEINFO=: \
		"$src/configure" "${opts[@]}" > "$obj/configure.log" 2>&1) || {
		tail -30 "$obj/configure.log" >&2
		echo "libc: configure failed (log: $obj/configure.log)" >&2
		exit 1
	}
	mv "$obj/options.new" "$obj/options"
fi
rm -f "$obj/options.new" "$obj/configparms.new"

echo "libc: building the $flavour glibc ($package $version) with $jobs jobs, log $obj/build.log"
start=$(date +%s)
if ! make -C "$obj" -j"$jobs" 2>&1 | tee "$obj/build.log" |
	awk 'NR % 500 == 0 { print "libc:   ... " substr($0, 1, 150); fflush() }'; then
	grep -n -B2 -A8 -E 'Error [0-9]|error:' "$obj/build.log" | head -60 >&2
	echo "libc: $flavour glibc build failed (log: $obj/build.log)" >&2
	exit 1
fi
echo "libc: built in $(( $(date +%s) - start )) s; installing into $sysroot"
rm -rf "$sysroot.new"
if ! make -C "$obj" -j"$jobs" install install_root="$sysroot.new" > "$obj/install.log" 2>&1; then
	tail -30 "$obj/install.log" >&2
	echo "libc: install failed (log: $obj/install.log)" >&2
	exit 1
fi
cp -r "$kheaders/include/." "$sysroot.new/usr/include/"
mkdir -p "$sysroot.new/usr/share/xsc"
{ cat "$src/xsc-source.txt"; echo "triplet=$triplet"; echo "configure=${opts[*]}"
  echo "cc=$(gcc --version | head -1)"; } > "$sysroot.new/usr/share/xsc/libc-source.txt"
rm -rf "$sysroot"
mv "$sysroot.new" "$sysroot"
echo "libc: $flavour glibc installed in $sysroot ($(( $(date +%s) - start )) s)"
