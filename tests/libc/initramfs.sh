#!/bin/sh
# initramfs.sh SYSROOT TESTDIR INIT [TCDIR [PKGDIR]]: the gen_init_cpio list of the C
# library test guest: busybox, the XSC loader and libraries from SYSROOT,
# some of the programs glibc installs (getconf, iconv with two gconv
# modules, getent, locale, the static ldconfig), the test programs of
# TESTDIR in /xsc/libc, those the toolchain built (TCDIR) in /xsc/tc, the
# Debian packages it built with their tests (PKGDIR, a tree) in /xsc/pkg,
# /etc/hosts for getaddrinfo.
set -eu
sysroot=$1 tests=$2 init=$3 tc=${4:-} pkg=${5:-}
cat <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /sys 0755 0 0
dir /tmp 1777 0 0
dir /bin 0755 0 0
dir /sbin 0755 0 0
dir /etc 0755 0 0
dir /lib 0755 0 0
dir /lib64 0755 0 0
dir /lib/x86_64-xsc-linux-gnu 0755 0 0
dir /usr 0755 0 0
dir /usr/bin 0755 0 0
dir /usr/lib 0755 0 0
dir /usr/lib/x86_64-xsc-linux-gnu 0755 0 0
dir /usr/lib/x86_64-xsc-linux-gnu/gconv 0755 0 0
dir /usr/lib/x86_64-xsc-linux-gnu/gconv/gconv-modules.d 0755 0 0
dir /xsc 0755 0 0
dir /xsc/libc 0755 0 0
dir /xsc/tc 0755 0 0
file /bin/busybox /bin/busybox 0755 0 0
file /init $init 0755 0 0
file /etc/hosts $(dirname "$0")/hosts 0644 0 0
file /etc/nsswitch.conf $(dirname "$0")/nsswitch.conf 0644 0 0
LIST
for d in lib64 lib/x86_64-xsc-linux-gnu; do
	for f in "$sysroot/$d"/*; do
		n=/$d/$(basename "$f")
		if [ -L "$f" ]; then echo "slink $n $(readlink "$f") 0777 0 0"
		elif [ -f "$f" ]; then echo "file $n $f 0755 0 0"; fi
	done
done
for f in usr/bin/getconf usr/bin/iconv usr/bin/getent usr/bin/locale sbin/ldconfig; do
	echo "file /$f $sysroot/$f 0755 0 0"
done
g=usr/lib/x86_64-xsc-linux-gnu/gconv
for f in $g/gconv-modules $g/gconv-modules.d/gconv-modules-extra.conf $g/ISO8859-1.so $g/UTF-16.so; do
	echo "file /$f $sysroot/$f 0644 0 0"
done
for f in "$tests"/*; do
	[ -f "$f" ] && echo "file /xsc/libc/$(basename "$f") $f 0755 0 0"
done
for f in ${tc:+"$tc"/*}; do
	[ -f "$f" ] && echo "file /xsc/tc/$(basename "$f") $f 0755 0 0"
done
if [ -n "$pkg" ] && [ -d "$pkg" ]; then
	echo "dir /xsc/pkg 0755 0 0"
	(cd "$pkg" && find . -mindepth 1 | sort) | while read -r f; do
		n=/xsc/pkg/${f#./}
		if [ -L "$pkg/$f" ]; then echo "slink $n $(readlink "$pkg/$f") 0777 0 0"
		elif [ -d "$pkg/$f" ]; then echo "dir $n 0755 0 0"
		else echo "file $n $pkg/$f 0755 0 0"; fi
	done
fi
exit 0
