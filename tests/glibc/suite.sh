#!/bin/bash
# suite.sh: run glibc's own tests from a glibc build tree inside a guest
# on our kernel, with glibc's test-wrapper hook (xsc-test-wrapper, one TCP
# connection per command to xsc-testd in the guest; the tree shared over
# 9p at the same path). Thin glue around make and qemu:
#
#   suite.sh [options] -- TEST...    the named tests (dir/name), e.g.
#                                    nptl/tst-cancel4; PASS/FAIL lines
#   suite.sh [options] --subdirs "DIR..."
#                                    glibc's make check on those
#                                    directories; their tests.sum files
#
# options: --kernel BZIMAGE --initrd CPIO --share DIR (the 9p share, at
# its own path: must hold the build tree, the source and the sysroot)
# --obj OBJDIR --src SRCDIR --wrapper PATH --console LOG [--accel "ARGS"]
# [--jobs N] [--timeoutfactor N] [--mem MiB] [--name NAME]
# [--test-timeout SECS] (the last resort for a hung command; default 300
# times the factor: above every test's own TIMEOUT)
# [--expect-xsc 1|0] (a program of the build, run as the tests are, reads
# its /proc/self/xsc: an XSC task or not)
set -u
kernel= initrd= share= obj= src= wrapper= console= accel="-accel tcg" jobs=2 factor=10
mem=2048 name=glibc subdirs= tests=() expect= ttimeout=
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift ;;
	--initrd) initrd=$2; shift ;;
	--share) share=$2; shift ;;
	--obj) obj=$2; shift ;;
	--src) src=$2; shift ;;
	--wrapper) wrapper=$2; shift ;;
	--console) console=$2; shift ;;
	--accel) accel=$2; shift ;;
	--jobs) jobs=$2; shift ;;
	--timeoutfactor) factor=$2; shift ;;
	--mem) mem=$2; shift ;;
	--name) name=$2; shift ;;
	--subdirs) subdirs=$2; shift ;;
	--expect-xsc) expect=$2; shift ;;
	--test-timeout) ttimeout=$2; shift ;;
	--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; tests=("$@"); break ;;
	*) echo "suite.sh: unknown option $1 (--help)" >&2; exit 2 ;;
	esac
	shift
done
for v in kernel initrd share obj src wrapper console; do
	[ -n "${!v}" ] || { echo "suite.sh: --$v is needed (--help)" >&2; exit 2; }
done
[ -n "$subdirs" ] || [ ${#tests[@]} -gt 0 ] || { echo "suite.sh: no tests and no --subdirs" >&2; exit 2; }

qpid=
stop_guest() {
	[ -n "$qpid" ] || return 0
	"$wrapper" --port "$port" --timeout 20 xsc-testd:poweroff > /dev/null 2>&1
	for _ in $(seq 1 30); do kill -0 "$qpid" 2> /dev/null || break; sleep 1; done
	kill "$qpid" 2> /dev/null
	wait "$qpid" 2> /dev/null
	qpid=
}
trap 'stop_guest' EXIT
trap 'exit 130' INT TERM

# the guest: a free host port forwarded to xsc-testd's 7070
start=$(date +%s)
for attempt in 1 2 3 4 5; do
	port=$(( 20000 + (RANDOM * 7 + $$) % 40000 ))
	: > "$console"
	# shellcheck disable=SC2086 # accel is a list of arguments
	qemu-system-x86_64 $accel -m "$mem" -smp 2 -display none -monitor none -no-reboot \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 quiet rdinit=/testd -- $share" \
		-serial "file:$console" \
		-netdev "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$port-:7070" \
		-device virtio-net-pci,netdev=n0 \
		-virtfs local,path=/usr,mount_tag=usr,security_model=none,readonly=on \
		-virtfs local,path=/etc,mount_tag=etc,security_model=none,readonly=on \
		-virtfs "local,path=$share,mount_tag=share0,security_model=none" \
		> "$console.qemu" 2>&1 &
	qpid=$!
	for _ in $(seq 1 300); do
		grep -q XSC-TESTD-READY "$console" 2> /dev/null && break
		kill -0 "$qpid" 2> /dev/null || break
		sleep 1
	done
	if grep -q XSC-TESTD-READY "$console"; then break; fi
	if ! kill -0 "$qpid" 2> /dev/null && grep -qi "forward" "$console.qemu"; then
		qpid=; continue	# the port was taken: another one
	fi
	echo "FAIL $name: the test guest did not come up ($(tail -c 300 "$console.qemu" "$console" | tr '\n' ' '))"
	exit 1
done
if ! out=$("$wrapper" --port "$port" --timeout 60 sh -c 'cd "$1" && echo ok' sh "$obj" 2>&1) || [ "$out" != ok ]; then
	echo "FAIL $name: a command in the guest did not run: $out"
	exit 1
fi
rc=0
echo "# $name: guest up in $(( $(date +%s) - start )) s (port $port, $(echo "$accel" | tr -d -- -))"

if [ -n "$expect" ]; then
	# iconv_prog copies the file it is given: its own /proc/self/xsc
	got=$("$wrapper" --port "$port" --timeout 300 "$obj/elf/ld.so" --library-path "$obj:$obj/iconv" \
		"$obj/iconv/iconv_prog" -f UTF-8 -t UTF-8 /proc/self/xsc 2>&1)
	if [ "$(echo "$got" | sed -n 's/^xsc:[[:space:]]*//p')" = "$expect" ]; then
		echo "PASS $name: this build's programs run with xsc $expect in /proc/self/xsc ($(echo "$got" | grep ring_calls | tr -s '\t' ' '))"
	else
		echo "FAIL $name: expected xsc $expect in the /proc/self/xsc of this build's programs, got: $(echo "$got" | tr '\n' ' ' | cut -c1-200)"
		rc=1
	fi
fi

tw="$wrapper --port $port --timeout ${ttimeout:-$(( 300 * factor ))}"
mk=(make -k -j"$jobs" "test-wrapper=$tw" "TIMEOUTFACTOR=$factor")
export TIMEOUTFACTOR=$factor
if [ -n "$subdirs" ]; then
	# glibc's own make check, one directory after the other (each writes
	# DIR/subdir-tests.sum), after the test root its container tests copy
	# (made again when the library is newer: the stamp knows no dependencies)
	[ "$obj/libc.so" -nt "$obj/testroot.pristine/install.stamp" ] && rm -rf "$obj/testroot.pristine"
	"${mk[@]}" -C "$obj" "$obj/testroot.pristine/install.stamp" > "$console.make" 2>&1 ||
		echo "# $name: the container tests' root was not made (see $console.make)"
	for d in $subdirs; do
		t0=$(date +%s)
		# every test runs again: results of this kernel and this build;
		# the generated test-as-const-* checks go too (their .d files name
		# the deleted intermediate .c by a relative path: a second run
		# finds no rule to remake it and the directory's check stops)
		find "$obj/$d" -maxdepth 1 \( -name '*.out' -o -name '*.test-result' \
			-o -name subdir-tests.sum -o -name 'test-as-const-*' \) -delete
		"${mk[@]}" -C "$src/$d" ..=../ subdir="$d" objdir="$obj" check >> "$console.make" 2>&1
		if [ -s "$obj/$d/subdir-tests.sum" ]; then
			echo "# $name: $d in $(( $(date +%s) - t0 )) s: $(cut -d: -f1 "$obj/$d/subdir-tests.sum" | sort | uniq -c | tr -s ' \n' ' ')"
		else
			echo "FAIL $name: $d: make check wrote no subdir-tests.sum (see $console.make)"; rc=1
		fi
	done
else
	# the named tests: one make per directory, as glibc's "make test t=" does
	for d in $(printf '%s\n' "${tests[@]}" | sed 's|/[^/]*$||' | sort -u); do
		outs=()
		for t in "${tests[@]}"; do
			[ "${t%/*}" = "$d" ] && outs+=("$obj/$t.out") && rm -f "$obj/$t.out" "$obj/$t.test-result"
		done
		"${mk[@]}" -C "$src/$d" ..=../ subdir="$d" objdir="$obj" "${outs[@]}" \
			>> "$console.make" 2>&1
	done
	for t in "${tests[@]}"; do
		r=$(sed -n 's/^\([A-Z]*\): .*/\1/p' "$obj/$t.test-result" 2> /dev/null | head -1)
		case $r in
		PASS) echo "PASS $name: $t" ;;
		'') echo "FAIL $name: $t: not built or not run (see $console.make)"; rc=1 ;;
		*) echo "FAIL $name: $t: $r ($(tail -3 "$obj/$t.out" 2> /dev/null | tr '\n' ' ' | cut -c1-200))"
		   rc=1 ;;
		esac
	done
fi
stop_guest
exit $rc
