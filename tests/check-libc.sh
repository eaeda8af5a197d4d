#!/bin/sh
# check-libc.sh XSC-VERIFY SYSROOT [EXTRA...]: the installed XSC C library,
# checked from the host with xsc-verify (libelf + Capstone). Every ELF
# object and archive under SYSROOT (and the EXTRA files) is disassembled: a
# syscall, sysenter or int $0x80 instruction anywhere is a FAIL naming the
# file, section and symbol; every shared object and executable must carry
# the .note.XSC-ABI note, and so must crti.o. The system's standard
# libc.so.6 goes through the same check first as the control: it must
# fail on both counts, or the check is blind. One PASS/FAIL line per check.
set -u
xv=$1 sysroot=$2
shift 2
control=/lib/x86_64-linux-gnu/libc.so.6

out=$("$xv" "$control" 2>&1)
rc=$?
n=$(printf '%s\n' "$out" | grep -c ': syscall at ')
if [ "$rc" = 1 ] && [ "$n" -gt 0 ]; then
	echo "PASS libc-objects: the control ($control) shows $n syscall instructions"
else echo "FAIL libc-objects: the check finds no syscall instruction in $control (exit $rc): blind"; fi
if printf '%s\n' "$out" | grep -q 'no .note.XSC-ABI note'; then
	echo "PASS libc-objects: the control has no XSC note"
else echo "FAIL libc-objects: the note check passes $control"; fi

list=$(mktemp)
"$(dirname "$0")"/../tools/elf-files.sh "$sysroot" > "$list"
for f in "$@"; do echo "$f"; done >> "$list"
files=$(wc -l < "$list")
out=$(tr '\n' '\0' < "$list" | xargs -0 "$xv" --quiet 2>&1)
rc=$?
rm -f "$list"
if [ "$rc" = 0 ] && [ "$files" -gt 50 ]; then
	echo "PASS libc-objects: no syscall, sysenter or int \$0x80 in $files installed objects and archives; the XSC note in every program and shared object"
else
	printf '%s\n' "$out" | head -20 | sed 's/^/FAIL libc-objects: /'
	echo "FAIL libc-objects: xsc-verify exits $rc on the $files installed objects"
fi
crti=$(find "$sysroot" -name crti.o | head -1)
if [ -n "$crti" ] && "$xv" --require-note "$crti" >/dev/null 2>&1; then
	echo "PASS libc-objects: crti.o carries the XSC note"
else echo "FAIL libc-objects: crti.o without the XSC note"; fi
echo "XSC-GUEST-END"	# the end marker guestcheck wants: the script ran to the end
