#!/bin/bash
# selftest.sh TESTD WRAPPER: xsc-testd and xsc-test-wrapper tried on this
# machine (xsc-testd --port, not as init): what glibc's makefiles rely on
# (exit status, death by a signal, stdin, stdout apart from stderr, the
# directory, the words of the command unchanged, TIMEOUTFACTOR), and what
# must not take the guest down (a timeout, a vanished wrapper, broken and
# hostile frames). One PASS/FAIL line each.
set -u
testd=$1 wrapper=$2
port=$(( 30000 + ($$ % 20000) ))
w=$(mktemp -d)
trap 'kill $tpid 2> /dev/null; rm -rf "$w"' EXIT
"$testd" --port "$port" > "$w/testd.log" 2>&1 &
tpid=$!
for _ in $(seq 1 50); do grep -q READY "$w/testd.log" && break; sleep 0.1; done
pass() { echo "PASS glibc-wrapper: $*"; }
fail() { echo "FAIL glibc-wrapper: $*"; }
run() { "$wrapper" --port "$port" "$@"; }
gone() { # no such process, or a zombie (killed, not yet reaped)
	! kill -0 "$1" 2> /dev/null || [ "$(cut -d' ' -f3 "/proc/$1/stat" 2> /dev/null)" = Z ]
}
cd "$w" || exit 1

run true && pass "a command runs" || fail "true did not run: $?"
run sh -c 'exit 3'; [ $? = 3 ] && pass "exit status 3 comes back" || fail "exit status 3"
run sh -c 'exit 77'; [ $? = 77 ] && pass "exit status 77 (UNSUPPORTED) comes back" || fail "exit status 77"
(run sh -c 'kill -SEGV $$') 2> /dev/null
[ $? = 139 ] && pass "a command killed by SIGSEGV kills the wrapper with SIGSEGV" || fail "SIGSEGV: $?"
(run sh -c 'kill -ABRT $$') 2> /dev/null
[ $? = 134 ] && pass "SIGABRT likewise" || fail "SIGABRT"
out=$(run sh -c 'echo out; echo err >&2' 2> "$w/err")
[ "$out" = out ] && [ "$(cat "$w/err")" = err ] && pass "stdout and stderr apart" || fail "stdout/stderr mixed"
mkdir -p "$w/sub dir" && cd "$w/sub dir" && [ "$(run pwd)" = "$w/sub dir" ] &&
	pass "the command runs in the wrapper's directory" || fail "directory"
cd "$w" || exit 1
set -- "" "a b" "'q'" '"dq"' '$HOME' 'x
y' '*' '\'
[ "$(run printf '[%s]' "$@")" = "$(printf '[%s]' "$@")" ] &&
	pass "empty, spaced, quoted, newline and glob words arrive unchanged" || fail "argument words changed"
head -c 3000000 /dev/urandom > big
run cat < big | cmp -s - big && pass "3 MB of binary stdin through cat and back" || fail "stdin/stdout bytes"
run cat < /dev/null && pass "an empty stdin ends" || fail "empty stdin"
[ "$(TIMEOUTFACTOR=7 run sh -c 'echo $TIMEOUTFACTOR')" = 7 ] && pass "TIMEOUTFACTOR reaches the command" ||
	fail "TIMEOUTFACTOR"
start=$(date +%s)
run --timeout 2 sh -c 'echo $$ > pid; sleep 100' 2> /dev/null
rc=$? took=$(( $(date +%s) - start ))
sleep 1
if [ $rc = 124 ] && [ $took -lt 10 ] && gone "$(cat pid)"; then
	pass "--timeout: exit 124 after 2 s, the command killed"
else fail "--timeout: exit $rc after $took s, command $(cat pid) still there?"; fi
run sh -c 'sleep 100 & echo $! > bgpid' > /dev/null
sleep 1
gone "$(cat bgpid)" && pass "what a command leaves running is killed" ||
	fail "a background process survived"
run /nonexistent/cmd 2> err; rc=$?
[ $rc = 127 ] && grep -q "execve /nonexistent/cmd" err && pass "a missing command: 127, named" ||
	fail "missing command: $rc $(cat err)"
"$wrapper" true 2> err; rc=$?
[ $rc = 125 ] && grep -q "no --port" err && pass "no port: 125, said" || fail "no port: $rc"
"$wrapper" --port 1 true 2> err; rc=$?
[ $rc = 125 ] && grep -q "is the test guest running" err && pass "nothing listening: 125, said" ||
	fail "nothing listening: $rc"
"$wrapper" --port 99999 true 2> err; rc=$?
[ $rc = 125 ] && pass "port 99999 refused" || fail "port 99999: $rc"
# hostile frames: a length of 4 GiB, an unknown type, NUL inside a word,
# a go without a command, a connection dropped mid-frame; the answer is an
# F frame or a closed connection, and the next command still runs
frame() { exec 3<> "/dev/tcp/127.0.0.1/$port" && printf "$1" >&3 && timeout 5 cat <&3 > reply; exec 3<&-; }
frame 'C\xff\xff\xff\xff' ; r1=$(head -c1 reply)
frame 'Z\x01\x00\x00\x00z' ; r2=$(head -c1 reply)
frame 'C\x01\x00\x00\x00/A\x03\x00\x00\x00a\x00b' ; r3=$(head -c1 reply)
frame 'G\x00\x00\x00\x00' ; r4=$(head -c1 reply)
exec 3<> "/dev/tcp/127.0.0.1/$port" && printf 'A\x10\x00\x00\x00abc' >&3; exec 3<&-	# cut short
if [ "$r1$r2$r3$r4" = FFFF ] && run true; then
	pass "hostile frames (4 GiB length, unknown type, NUL in a word, no command, cut short): refused, testd serves on"
else fail "hostile frames: replies '$r1$r2$r3$r4'"; fi
kill -0 $tpid && pass "xsc-testd is still running" || fail "xsc-testd died"
echo "XSC-GUEST-END"
