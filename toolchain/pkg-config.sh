#!/bin/sh
# x86_64-xsc-linux-gnu-pkg-config: pkg-config confined to the XSC sysroot
# (the GNU cross convention: .pc files of the target only, paths they
# give prefixed with the sysroot).
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
sysroot=$root/sysroot
export PKG_CONFIG_SYSROOT_DIR="$sysroot"
export PKG_CONFIG_LIBDIR="$sysroot/usr/lib/x86_64-xsc-linux-gnu/pkgconfig:$sysroot/usr/lib/pkgconfig:$sysroot/usr/share/pkgconfig"
unset PKG_CONFIG_PATH
exec pkg-config "$@"
