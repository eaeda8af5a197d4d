#!/bin/sh
# pkg-guest.sh DIR: in the guest, the Debian packages' own tests on what
# packages.sh built for XSC: zlib's "make test" (static and shared:
# example, and a minigzip round trip), GNU hello's tests/ scripts, and the
# test lists ctest (cJSON) and meson (libdrm) gave for the XSC builds
# (NAME/tests.list: name, directory, command; exit 77 is a skip, as
# both ctest and meson count it).
d=${1:-/xsc/pkg}
passed=0 failed=0
ok() { echo "PASS packages: $*"; passed=$((passed + 1)); }
ko() { echo "FAIL packages: $*"; failed=$((failed + 1)); }
cd /tmp || exit 1
if [ -x "$d/zlib/example" ]; then
	if [ "$(echo hello world | "$d/zlib/minigzip" | "$d/zlib/minigzip" -d)" = "hello world" ] &&
	   "$d/zlib/example" tmpst_$$ > /tmp/zlib.out 2>&1; then ok "zlib test (static): example and a minigzip round trip"
	else ko "zlib test (static) ($(tail -2 /tmp/zlib.out | tr '\n' ' '))"; fi
	if [ "$(echo hello world | LD_LIBRARY_PATH=$d/zlib "$d/zlib/minigzipsh" |
		LD_LIBRARY_PATH=$d/zlib "$d/zlib/minigzipsh" -d)" = "hello world" ] &&
	   LD_LIBRARY_PATH=$d/zlib "$d/zlib/examplesh" tmpsh_$$ > /tmp/zlib.out 2>&1; then
		ok "zlib test (shared libz.so.1): examplesh and minigzipsh"
	else ko "zlib test (shared) ($(tail -2 /tmp/zlib.out | tr '\n' ' '))"; fi
else ko "zlib was not built"; fi
if [ -x "$d/hello/hello" ]; then
	for t in "$d"/hello/tests/*; do
		HELLO=$d/hello/hello sh "$t" > /tmp/hello.out 2>&1
		rc=$?
		if [ $rc = 0 ]; then ok "GNU hello $(basename "$t")"
		elif [ $rc = 77 ]; then	# automake's SKIP: neither passed nor failed
			echo "# packages: GNU hello $(basename "$t") skipped itself (exit 77: $(tr '\n' ' ' < /tmp/hello.out | cut -c1-100))"
		else ko "GNU hello $(basename "$t") (exit $rc: $(tr '\n' ' ' < /tmp/hello.out | cut -c1-150))"; fi
	done
else ko "GNU hello was not built"; fi
for p in cjson libdrm; do
	if [ ! -s "$d/$p/tests.list" ]; then ko "$p was not built"; continue; fi
	libs=$(find "$d/$p" -name '*.so*' -exec dirname {} \; | sort -u | tr '\n' :)
	while IFS='	' read -r name dir cmd; do
		# shellcheck disable=SC2086 # the command's words, as the build system listed them
		(cd "$d/$p/$dir" && LD_LIBRARY_PATH=$libs exec "$d/$p/"$cmd) > /tmp/pkgt.out 2>&1 < /dev/null
		rc=$?
		if [ $rc = 0 ]; then ok "$p test $name"
		elif [ $rc = 77 ]; then
			echo "# packages: $p test $name skipped itself (exit 77: $(tr '\n' ' ' < /tmp/pkgt.out | cut -c1-100))"
		else ko "$p test $name (exit $rc: $(tr '\n' ' ' < /tmp/pkgt.out | tail -c 200))"; fi
	done < "$d/$p/tests.list"
done
echo "DONE packages: $passed passed, $failed failed"
