#!/bin/sh
# prepare-source.sh OUT: find Debian's linux-source-6.1 tarball, check it
# against kernel/VERSION, unpack it to OUT/src and apply kernel/patches in
# series order. Writes OUT/source.txt: what this build actually used.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: prepare-source.sh OUTDIR}

. "$here/VERSION"

pinned=$("$here/../tools/pinned-source.sh" kernel "$here/VERSION")
set -- $pinned
got=$1 sum=$2

rm -rf "$out/src" "$out/src.tmp"
mkdir -p "$out/src.tmp"
echo "kernel: unpacking $tarball ($got)"
tar -xf "$tarball" -C "$out/src.tmp"
mv "$out/src.tmp/linux-source-$series" "$out/src"
rmdir "$out/src.tmp"

"$here/../tools/apply-series.sh" kernel "$out/src" "$here/patches"

upstream=$(make -s -C "$out/src" kernelversion)
printf 'package=%s\nversion=%s\nupstream=%s\nsha256=%s\npinned=%s\n' \
	"$package" "$got" "$upstream" "$sum" "$version" > "$out/source.txt"
echo "kernel: source ready: $package $got (Linux $upstream)"
