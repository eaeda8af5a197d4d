#!/bin/bash
# packages.sh TOOLCHAIN WORKDIR OUTDIR: fetch the source packages of
# packages.list with apt-get source (deb-src must be configured: make deps
# does it as root), build each with the XSC toolchain through its own build
# system (zlib: its configure with CHOST; GNU hello: autotools with
# --host=x86_64-xsc-linux-gnu), check every program and library with
# xsc-verify, and put them with their tests into OUTDIR for the guest
# (pkg-guest.sh runs them there). cJSON: CMake with the toolchain file;
# libdrm: meson with the cross file. Their test lists come from ctest and
# meson themselves (OUTDIR/NAME/tests.list: name, directory, command, run
# in the guest). One PASS/FAIL line per step; what was used goes to
# OUTDIR/packages.txt.
set -u
tc=$1 w=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
export PATH=$tc/bin:$PATH
mkdir -p "$w" "$out"
: > "$out/packages.txt"

fetch() { # fetch NAME VERSION SHA256: unpack the source into $w/NAME
	local line
	if ! line=$("$here/../../tools/apt-source.sh" "$1" "$2" "$3" "$w" 2> "$w/$1-fetch.err"); then
		echo "FAIL packages: $(tail -1 "$w/$1-fetch.err")"
		return 1
	fi
	sed -n 's/^NOTICE/# packages: NOTICE/p' "$w/$1-fetch.err"
	echo "$line" >> "$out/packages.txt"
}
verify() { # verify NAME FILE...: the toolchain's check on what a build made
	local name=$1
	shift
	if xsc-verify --quiet "$@" > "$w/$name-verify.log" 2>&1; then
		echo "PASS packages: $name: $# programs and libraries pass xsc-verify"
	else echo "FAIL packages: $name: $(head -3 "$w/$name-verify.log" | tr '\n' ' ')"; fi
}

guest_tests() { # guest_tests NAME BUILDDIR: ctest's or meson's own test list
	# (JSON on stdin) as "name<TAB>dir<TAB>command" relative to BUILDDIR
	python3 -c '
import json, sys
b = sys.argv[1] + "/"
rel = lambda p: p[len(b):] if p.startswith(b) else p
d = json.load(sys.stdin)
for t in d["tests"] if isinstance(d, dict) else d:
	wd = t.get("workdir") or "".join(p["value"] for p in t.get("properties", [])
					if p["name"] == "WORKING_DIRECTORY") or b
	cmd = t.get("cmd") or t.get("command")
	print(t["name"], rel(wd.rstrip("/") + "/").rstrip("/") or ".", " ".join(rel(c) for c in cmd), sep="\t")
' "$2" > "$out/$1/tests.list" && [ -s "$out/$1/tests.list" ]
}
pack() { # pack NAME BUILDDIR FILE...: the built files, by their build-tree paths
	local name=$1 b=$2 f
	shift 2
	for f in "$@"; do
		mkdir -p "$out/$name/$(dirname "${f#"$b"/}")" && cp -a "$f" "$out/$name/${f#"$b"/}" || return 1
	done
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
	cjson)	# debian/rules: dh --buildsystem=cmake, i.e. these cmake options
		if cmake -S . -B bx -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc/share/xsc/cmake/x86_64-xsc-linux-gnu.cmake" \
			-DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=None > ../cjson-build.log 2>&1 &&
		   ninja -C bx >> ../cjson-build.log 2>&1; then
			echo "PASS packages: cJSON builds with CMake (the toolchain file share/xsc/cmake)"
			mkdir -p "$out/cjson"
			if (cd bx && ctest --show-only=json-v1) | guest_tests cjson "$PWD/bx"; then
				set -- $(cut -f3 "$out/cjson/tests.list" | sed 's|^|bx/|')
				verify cjson bx/libcjson.so.*.* "$@"
				pack cjson "$PWD/bx" "$PWD"/bx/libcjson.so* "$PWD"/bx/tests/inputs \
					$(cut -f3 "$out/cjson/tests.list" | sed "s|^|$PWD/bx/|") ||
					echo "FAIL packages: cJSON: copying its tests"
			else echo "FAIL packages: cJSON: ctest lists no tests"; fi
		else echo "FAIL packages: cJSON build ($(tail -2 ../cjson-build.log | tr '\n' ' '))"; fi ;;
	libdrm)	# debian/rules' amd64 options, except intel (needs libpciaccess,
		# not in the XSC sysroot) and the man pages (docbook)
		if meson setup --cross-file "$tc/share/xsc/meson/x86_64-xsc-linux-gnu.ini" bx \
			--auto-features=disabled -Ddefault_library=both -Dman-pages=disabled \
			-Dradeon=enabled -Damdgpu=enabled -Dinstall-test-programs=true -Dvalgrind=disabled \
			-Dudev=true -Dvmwgfx=enabled -Dnouveau=enabled -Dintel=disabled -Dexynos=disabled \
			-Domap=disabled -Detnaviv=disabled -Dtegra=disabled -Dfreedreno=disabled \
			> ../libdrm-build.log 2>&1 && ninja -C bx >> ../libdrm-build.log 2>&1; then
			echo "PASS packages: libdrm builds with meson (the cross file share/xsc/meson)"
			# its symbol checks read the libraries with the toolchain's nm: on this machine
			sym=$(meson test -C bx --list 2>/dev/null | grep symbols-check)
			if [ -n "$sym" ] && meson test -C bx $sym >> ../libdrm-build.log 2>&1; then
				echo "PASS packages: libdrm's own symbols-check tests ($(echo $sym | wc -w), on the XSC libraries)"
			else echo "FAIL packages: libdrm symbols-check ($(grep -m2 FAIL ../libdrm-build.log | tr '\n' ' '))"; fi
			mkdir -p "$out/libdrm"
			if meson introspect --tests bx | guest_tests libdrm "$PWD/bx"; then
				sed -i '/symbols-check/d' "$out/libdrm/tests.list"
				libs=$(find bx -path '*.p' -prune -o \( -type f -o -type l \) -name 'libdrm*.so*' -print | sort)
				verify libdrm $libs $(cut -f3 "$out/libdrm/tests.list" | sed 's|^|bx/|') bx/tests/modetest/modetest
				pack libdrm "$PWD/bx" $(printf "$PWD/%s\n" $libs) \
					$(cut -f3 "$out/libdrm/tests.list" | sed "s|^|$PWD/bx/|") ||
					echo "FAIL packages: libdrm: copying its tests"
			else echo "FAIL packages: libdrm: meson lists no tests"; fi
		else echo "FAIL packages: libdrm build ($(tail -2 ../libdrm-build.log | tr '\n' ' '))"; fi ;;
	esac
	cd - > /dev/null || exit 2
done < "$here/packages.list"
cp "$here/pkg-guest.sh" "$out/"
echo "XSC-GUEST-END"	# the end marker guestcheck wants: the script ran to the end
