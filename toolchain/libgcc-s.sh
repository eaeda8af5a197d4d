#!/bin/sh
# libgcc-s.sh SYSROOT UNHIDE OUT: link GCC's runtime (Debian's libgcc.a and
# libgcc_eh.a, the objects libgcc_s.so.1 is made of) into an XSC
# libgcc_s.so.1: the XSC start files give it the .note.XSC-ABI note, it is
# linked against the XSC libc, and it exports what the system's
# libgcc_s.so.1 exports, with the same symbol versions. glibc loads it for
# pthread_cancel and backtrace(); C++ and Fortran programs need it too.
set -eu
usage="usage: libgcc-s.sh SYSROOT UNHIDE OUT"
sysroot=${1:?$usage} unhide=${2:?$usage} out=${3:?$usage}
host=/lib/x86_64-linux-gnu/libgcc_s.so.1
lib=$sysroot/usr/lib/x86_64-xsc-linux-gnu
gccdir=$(dirname "$(gcc -print-libgcc-file-name)")
map=$out.map

# the version script: every symbol the host library defines, by version
objdump -T "$host" | awk '
	$0 ~ /\*UND\*/ || NF < 6 { next }
	{ v = $(NF - 1); gsub(/[()]/, "", v); if (v == "Base" || v == $NF) next
	  syms[v] = syms[v] "\t\t" $NF ";\n"; if (!(v in seen)) { seen[v] = 1; order[++n] = v } }
	END { for (i = 1; i <= n; i++)
		printf "%s {\n\tglobal:\n%s%s};\n", order[i], syms[order[i]], i == 1 ? "\tlocal: *;\n" : "" }' > "$map"
[ -s "$map" ] || { echo "libgcc-s: no symbols read from $host" >&2; exit 1; }

# the archives' objects, their hidden symbols made visible (unhide.c)
work=$out.objs
rm -rf "$work"
mkdir -p "$work/eh" "$work/gcc"
(cd "$work/eh" && ar x "$gccdir/libgcc_eh.a")
(cd "$work/gcc" && ar x "$gccdir/libgcc.a")
"$unhide" "$work"/eh/*.o "$work"/gcc/*.o

gcc -shared -nostdlib -Wl,-soname,libgcc_s.so.1 -Wl,--version-script="$map" \
	-Wl,-Bsymbolic -Wl,-z,relro -Wl,-z,now -Wl,--hash-style=both -o "$out.tmp" \
	"$lib/crti.o" "$gccdir/crtbeginS.o" \
	"$work"/eh/*.o "$work"/gcc/*.o \
	-L"$lib" -L"$sysroot/lib/x86_64-xsc-linux-gnu" --sysroot="$sysroot" -lc \
	"$gccdir/crtendS.o" "$lib/crtn.o"
rm -rf "$work"
mv "$out.tmp" "$out"
echo "libgcc-s: $out ($(awk '/;$/ && !/local/' "$map" | wc -l) symbols, from $(dpkg-query -W -f '${Package} ${Version}' libgcc-12-dev 2>/dev/null || echo "gcc's libgcc.a"))"
