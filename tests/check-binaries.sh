#!/bin/sh
# check-binaries.sh BINDIR "XSC PROGRAMS" "UNMARKED PROGRAMS" \
#                   ["XSC VDSO IMAGES" "ORDINARY VDSO IMAGES"]
# Every XSC program must carry the XSC ABI note and contain no syscall,
# sysenter or int $0x80 instruction (objdump -d). The unmarked controls
# must show the opposite, which proves that both checks can fail. The
# kernel's XSC vDSO images (paths) must hold no such instruction either;
# the ordinary images, whose fallbacks use syscall, are their control.
# (The toolchain's libelf+Capstone verifier replaces objdump later.)
set -u
bin=$1 xsc=$2 raw=$3 xvdso=${4:-} rvdso=${5:-}
insn='[[:space:]](syscall|sysenter|int[[:space:]]+\$0x80)([[:space:]]|$)'
has_note() { readelf -n "$1" 2>/dev/null | grep -Eq '^[[:space:]]+XSC[[:space:]]+0x00000004'; }
n_insn() { objdump -d "$1" | grep -Ec "$insn"; }
for p in $xsc; do
	if has_note "$bin/$p"; then echo "PASS static: $p carries the XSC ABI note"
	else echo "FAIL static: $p lacks the XSC ABI note"; fi
	n=$(n_insn "$bin/$p")
	if [ "$n" = 0 ]; then echo "PASS static: $p has no syscall instruction"
	else echo "FAIL static: $p has $n syscall instructions"; fi
done
for p in $raw; do
	if has_note "$bin/$p"; then echo "FAIL control: $p should be unmarked"
	else echo "PASS control: $p is unmarked"; fi
	n=$(n_insn "$bin/$p")
	if [ "$n" -gt 0 ]; then echo "PASS control: the instruction check finds $n in $p"
	else echo "FAIL control: the instruction check finds nothing in $p"; fi
done
for f in $xvdso; do
	n=$(n_insn "$f")
	if [ "$n" = 0 ]; then echo "PASS static: XSC vDSO $f has no syscall instruction"
	else echo "FAIL static: XSC vDSO $f has $n syscall instructions"; fi
done
for f in $rvdso; do
	n=$(n_insn "$f")
	if [ "$n" -gt 0 ]; then echo "PASS control: the ordinary vDSO has $n syscall instructions"
	else echo "FAIL control: the instruction check finds nothing in $f"; fi
done
echo "XSC-GUEST-END"
