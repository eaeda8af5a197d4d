#!/bin/bash
# packages.sh TOOLCHAIN WORKDIR OUTDIR: fetch the source packages of
# packages.list with apt-get source (deb-src must be configured: make deps
# does it as root), build each with the XSC toolchain through its own build
# system (zlib: its configure with CHOST; GNU hello: autotools with
# --host=x86_64-xsc-linux-gnu), check every program and library with
# xsc-verify, and put them with their tests into OUTDIR for the guest
# (pkg-guest.sh runs them there). One PASS/FAIL line per step; what was
# used goes to OUTDIR/packages.txt.
set -u
tc=$1 w=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
export PATH=$tc/bin:$PATH
mkdir -p "$w" "$out"
: > "$out/packages.txt"

fetch() { # fetch NAME VERSION SHA256: unpack the source into $w/NAME
	local name=$1 ver=$2 sum=$3 dsc got
	rm -rf "${w:?}/$name" "$w/dl-$name" && mkdir -p "$w/dl-$name"
	if ! (cd "$w/dl-$name" && apt-get source -q --download-only "$name" > ../"$name"-fetch.log 2>&1); then
		echo "FAIL packages: apt-get source $name: $(tail -1 "$w/$name-fetch.log") (needs a deb-src entry: make deps as root adds one)"
		return 1
	fi
	dsc=$(ls "$w/dl-$name"/*.dsc | head -1)
	got=$(sed -n 's/^Version: //p' "$dsc")
	if [ "$got" = "$ver" ] && [ "$(sha256sum < "$dsc" | cut -d' ' -f1)" != "$sum" ]; then
		echo "FAIL packages: $name $got: the .dsc's sha256 is not the pinned one"
		return 1
	fi
	[ "$got" != "$ver" ] && echo "# packages: NOTICE: apt serves $name $got, tested is $ver; going on"
	echo "$name $got $(sha256sum < "$dsc" | cut -d' ' -f1)" >> "$out/packages.txt"
	dpkg-source -x "$dsc" "$w/$name" > "$w/$name-unpack.log" 2>&1 ||
		{ echo "FAIL packages: dpkg-source -x $name"; return 1; }
}
verify() { # verify NAME FILE...: the toolchain's check on what a build made
	local name=$1
	shift
	if xsc-verify --quiet "$@" > "$w/$name-verify.log" 2>&1; then
		echo "PASS packages: $name: $# programs and libraries pass xsc-verify"
	else echo "FAIL packages: $name: $(head -3 "$w/$name-verify.log" | tr '\n' ' ')"; fi
}

while read -r name ver sum; do
	case "$name" in ''|'#'*) continue ;; esac
	fetch "$name" "$ver" "$sum" || continue
	cd "$w/$name" || continue
	case $name in
	zlib)	if CHOST=x86_64-xsc-linux-gnu CC=x86_64-xsc-linux-gnu-gcc ./configure --prefix=/usr \
			> ../zlib-build.log 2>&1 && make -j2 >> ../zlib-build.log 2>&1; then
			echo "PASS packages: zlib builds with its own configure (CHOST=x86_64-xsc-linux-gnu)"
			verify zlib example minigzip examplesh minigzipsh libz.so.*.*
			mkdir -p "$out/zlib" && cp -P example minigzip examplesh minigzipsh libz.so* "$out/zlib/"
		else echo "FAIL packages: zlib build ($(tail -2 ../zlib-build.log | tr '\n' ' '))"; fi ;;
	hello)	if ./configure --host=x86_64-xsc-linux-gnu --prefix=/usr > ../hello-build.log 2>&1 &&
		   make -j2 >> ../hello-build.log 2>&1; then
			echo "PASS packages: GNU hello builds with autotools (--host=x86_64-xsc-linux-gnu)"
			verify hello hello
			mkdir -p "$out/hello/tests" && cp hello "$out/hello/" &&
				cp $(sed -n '/^TESTS = /,/^$/s|.*\(tests/[a-z0-9-]*\).*|\1|p' Makefile.am) "$out/hello/tests/"
		else echo "FAIL packages: hello build ($(tail -2 ../hello-build.log | tr '\n' ' '))"; fi ;;
	esac
	cd - > /dev/null || exit 2
done < "$here/packages.list"
cp "$here/pkg-guest.sh" "$out/"
echo "XSC-GUEST-END"	# the end marker guestcheck wants: the script ran to the end
