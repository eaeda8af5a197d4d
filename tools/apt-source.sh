#!/bin/sh
# apt-source.sh NAME VERSION SHA256 WORKDIR: fetch Debian's source package
# NAME with apt-get source (deb-src entries: make deps adds them as root)
# and unpack it into WORKDIR/NAME. VERSION and SHA256 (of its .dsc) are the
# ones tested: the same version with another .dsc is refused, a newer
# revision of the same upstream version is used with a notice on stderr,
# another upstream version is refused. Prints "NAME VERSION SHA256" of what
# it unpacked; on failure one line on stderr saying why, exit 1.
set -u
usage="usage: apt-source.sh NAME VERSION SHA256 WORKDIR"
case ${1:-} in -h|--help) echo "$usage"; exit 0 ;; esac
[ $# -eq 4 ] || { echo "$usage" >&2; exit 2; }
name=$1 ver=$2 sum=$3 w=$4
up() { v=${1#*:}; echo "${v%-*}"; } # upstream part of a Debian version
mkdir -p "$w" && rm -rf "${w:?}/$name" "$w/dl-$name" && mkdir -p "$w/dl-$name" || exit 1
if ! (cd "$w/dl-$name" && apt-get source -q --download-only "$name" > "../$name-fetch.log" 2>&1); then
	echo "apt-get source $name: $(tail -1 "$w/$name-fetch.log") (needs a deb-src entry: make deps as root adds one)" >&2
	exit 1
fi
dsc=$(ls "$w/dl-$name"/*.dsc 2> /dev/null | head -1)
[ -n "$dsc" ] || { echo "apt-get source $name: no .dsc downloaded" >&2; exit 1; }
got=$(sed -n 's/^Version: //p' "$dsc")
gotsum=$(sha256sum < "$dsc" | cut -d' ' -f1)
if [ "$got" = "$ver" ] && [ "$gotsum" != "$sum" ]; then
	echo "$name $got: the .dsc's sha256 $gotsum is not the pinned $sum" >&2
	exit 1
fi
if [ "$(up "$got")" != "$(up "$ver")" ]; then
	echo "$name: apt serves $got, another upstream version than the tested $ver" >&2
	exit 1
fi
[ "$got" = "$ver" ] || echo "NOTICE: apt serves $name $got, tested is $ver; going on" >&2
dpkg-source -x "$dsc" "$w/$name" > "$w/$name-unpack.log" 2>&1 ||
	{ echo "dpkg-source -x $name: $(tail -1 "$w/$name-unpack.log")" >&2; exit 1; }
echo "$name $got $gotsum"
