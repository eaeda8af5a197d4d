#!/bin/sh
# libstdcxx.sh SYSROOT OUT: link GCC's C++ runtime into an XSC
# libstdc++.so.6, from the objects Debian's libstdc++.so.6 is made of
# (libstdc++_pic.a and its version script, package libstdc++-12-pic): the
# XSC start files give it the .note.XSC-ABI note, it is linked against the
# XSC libc, libm and libgcc_s, and it must export what the system's
# libstdc++.so.6 exports, with the same versions, save the compatibility
# symbols the PIC archive lacks (checked here, see below). C++
# programs load it; the objects hold no syscall instruction (the toolchain's
# ld checks what it writes, make check runs xsc-verify over the sysroot).
set -eu
usage="usage: libstdcxx.sh SYSROOT OUT"
case ${1:-} in -h|--help) echo "$usage"; exit 0 ;; esac
sysroot=${1:?$usage} out=${2:?$usage}
host=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
lib=$sysroot/usr/lib/x86_64-xsc-linux-gnu slib=$sysroot/lib/x86_64-xsc-linux-gnu
gccdir=$(dirname "$(gcc -print-libgcc-file-name)")
pic=$gccdir/libstdc++_pic.a map=$gccdir/libstdc++_pic.map
trap 'rm -f "$out.tmp" "$out.host-syms" "$out.syms" "$out.syms.names"' EXIT
for f in "$pic" "$map"; do
	[ -f "$f" ] || { echo "libstdcxx: $f missing (package libstdc++-12-pic)" >&2; exit 1; }
done
[ -f "$slib/libgcc_s.so.1" ] || { echo "libstdcxx: no XSC libgcc_s.so.1 in $slib" >&2; exit 1; }

gcc -shared -nostdlib -Wl,-soname,libstdc++.so.6 -Wl,--version-script="$map" \
	-Wl,-z,relro -Wl,--hash-style=gnu -o "$out.tmp" \
	"$lib/crti.o" "$gccdir/crtbeginS.o" \
	-Wl,--whole-archive "$pic" -Wl,--no-whole-archive \
	-L"$lib" -L"$slib" --sysroot="$sysroot" -lm -lc \
	"$slib/libgcc_s.so.1" "$gccdir/libgcc.a" \
	"$gccdir/crtendS.o" "$lib/crtn.o"

# what it exports against the system's library: libstdc++-12-pic has no
# compatibility objects (compatibility*.cc: symbols kept for programs built
# by GCC 4.0 to 4.7, versions GLIBCXX_3.4 to 3.4.17), so exactly those may
# be absent; everything newer, every CXXABI symbol, and every name that
# the library exports must be the system library's too
syms() { objdump -T "$1" | awk '$0 !~ /\*UND\*/ && NF >= 6 { v = $(NF - 1); gsub(/[()]/, "", v); print v, $NF }' | sort -u; }
syms "$host" > "$out.host-syms"
syms "$out.tmp" > "$out.syms"
missing=$(comm -23 "$out.host-syms" "$out.syms")
bad=$(echo "$missing" | awk '$1 != "" && $1 !~ /^GLIBCXX_3\.4(\.([0-9]|1[0-7]))?$/')
awk '{ print $2 }' "$out.syms" | sort -u > "$out.syms.names"
extra=$(awk '{ print $2 }' "$out.host-syms" | sort -u | comm -13 - "$out.syms.names")
if [ -n "$bad$extra" ]; then
	echo "libstdcxx: $out does not export what $host does:" >&2
	[ -z "$bad" ] || echo "$bad" | sed 's/^/missing: /' | head -20 >&2
	[ -z "$extra" ] || echo "$extra" | sed "s|^|not in $host: |" | head -20 >&2
	exit 1
fi
n=$(wc -l < "$out.syms") compat=$(echo "$missing" | grep -c . || :)	# grep -c exits 1 on none
mv "$out.tmp" "$out"
echo "libstdcxx: $out ($n symbols; $compat compatibility symbols of GCC 4.0-4.7 programs not carried; from $(dpkg-query -W -f '${Package} ${Version}' libstdc++-12-pic))"
