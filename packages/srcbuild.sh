#!/bin/sh
# srcbuild.sh RECIPE TOOLCHAIN WORKDIR DESTDIR: build a Debian source
# package for XSC. RECIPE/source names it ("NAME VERSION SHA256-of-.dsc",
# the version tested); tools/apt-source.sh fetches and unpacks it into
# WORKDIR/NAME; RECIPE/build (a few shell lines: configure, make, make
# install) runs there with the XSC toolchain first in PATH and HOST
# (x86_64-xsc-linux-gnu), DESTDIR, JOBS set, its output in
# WORKDIR/NAME-build.log. What was used goes to WORKDIR/NAME.source.
set -eu
usage="usage: srcbuild.sh RECIPE TOOLCHAIN WORKDIR DESTDIR"
case ${1:-} in -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
[ $# -eq 4 ] || { echo "$usage" >&2; exit 2; }
recipe=$(cd "$1" && pwd) tc=$(cd "$2" && pwd) w=$3 dest=$4
here=$(cd "$(dirname "$0")/.." && pwd)
set -- $(grep -v '^#' "$recipe/source")
[ $# -eq 3 ] || { echo "srcbuild: $recipe/source: want NAME VERSION SHA256" >&2; exit 2; }
name=$1
mkdir -p "$w"
w=$(cd "$w" && pwd)
if ! used=$("$here/tools/apt-source.sh" "$@" "$w" 2> "$w/$name-fetch.err"); then
	echo "srcbuild: $(tail -1 "$w/$name-fetch.err")" >&2
	exit 1
fi
grep '^NOTICE' "$w/$name-fetch.err" | sed 's/^/srcbuild: /' >&2 || true
echo "srcbuild: $used: building with $tc (log: $w/$name-build.log)"
rm -rf "$dest" && mkdir -p "$dest" && dest=$(cd "$dest" && pwd)
if ! (cd "$w/$name" && HOST=x86_64-xsc-linux-gnu DESTDIR=$dest JOBS=${JOBS:-2} \
	PATH=$tc/bin:$PATH sh -ex "$recipe/build") > "$w/$name-build.log" 2>&1; then
	echo "srcbuild: $name: the build failed:" >&2
	tail -5 "$w/$name-build.log" >&2
	exit 1
fi
echo "$used" > "$w/$name.source"
echo "srcbuild: $name installed into $dest"
