#!/bin/sh
# prepare-source.sh OUT FLAVOUR: unpack Debian's glibc-source tarball
# (checked against libc/VERSION) to OUT/src-FLAVOUR. FLAVOUR xsc adds the
# XSC sysdeps (libc/sysdeps) and applies libc/patches in series order;
# FLAVOUR stock is the same source without the port (glibc's testsuite
# compares the two). Writes OUT/src-FLAVOUR/xsc-source.txt. build.sh
# copies libc/sysdeps again before each build, changed files only, so
# that a change to the port rebuilds what depends on it, not everything.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: prepare-source.sh OUTDIR xsc|stock}
flavour=${2:?usage: prepare-source.sh OUTDIR xsc|stock}
. "$here/VERSION"

pinned=$("$here/../tools/pinned-source.sh" libc "$here/VERSION")
set -- $pinned
got=$1 sum=$2

src=$out/src-$flavour
rm -rf "$src" "$src.tmp"
mkdir -p "$src.tmp"
echo "libc: unpacking $tarball ($got) for the $flavour build"
tar -xf "$tarball" -C "$src.tmp"
mv "$src.tmp/glibc-$series" "$src"
rmdir "$src.tmp"

if [ "$flavour" = xsc ]; then
	cp -r "$here/sysdeps/." "$src/sysdeps/"
	"$here/../tools/apply-series.sh" libc "$src" "$here/patches"
fi

printf 'package=%s\nversion=%s\nupstream=%s\nsha256=%s\npinned=%s\nflavour=%s\n' \
	"$package" "$got" "$(cat "$src/version.h" | sed -n 's/.*VERSION "\(.*\)"/\1/p')" \
	"$sum" "$version" "$flavour" > "$src/xsc-source.txt"
echo "libc: $flavour source ready: $package $got"
