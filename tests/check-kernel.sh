#!/bin/sh
# check-kernel.sh OBJDIR...: the ring entry gets the mitigations that the
# syscall instruction's entry gets in the same build (docs/abi.md 3).
# For each marker, if entry_SYSCALL_64/do_syscall_64 have it, the XSC
# fault doorbell (drivers/xsc/entry.o) must have it too:
#   clear_bhb_loop  branch history clearing (spectre_bhi), an alternative
#   kstack_offset   the random kernel stack offset per entry
# exec.o, which has neither, is the control that shows the matcher can fail.
set -u
# the disassembly of one function, or of an alternatives section, with relocations
func() { objdump -dr --no-show-raw-insn "$1" | awk -v f="<$2>:" '$2 == f { on = 1; next } /^$/ { on = 0 } on'; }
alts() { objdump -dr -j .altinstr_replacement "$1" 2>/dev/null; }
for obj in "$@"; do
	v=$(basename "$obj")
	e=$obj/drivers/xsc/entry.o
	for m in clear_bhb_loop kstack_offset; do
		case $m in
		clear_bhb_loop) sys=$(alts "$obj/arch/x86/entry/entry_64.o"); ring=$(alts "$e")
			ctl=$(alts "$obj/drivers/xsc/exec.o") ;;
		kstack_offset) sys=$(func "$obj/arch/x86/entry/common.o" do_syscall_64)
			ring=$(func "$e" xsc_doorbell); ctl=$(func "$obj/drivers/xsc/exec.o" xsc_exec_setup) ;;
		esac
		if ! printf '%s\n' "$sys" | grep -q "$m"; then
			echo "FAIL static: $v: the syscall entry has no $m (build config changed?)"
		elif printf '%s\n' "$ring" | grep -q "$m"; then
			echo "PASS static: $v: the XSC doorbell has $m like the syscall entry"
		else
			echo "FAIL static: $v: the syscall entry has $m, the XSC doorbell has not"
		fi
		if printf '%s\n' "$ctl" | grep -q "$m"; then
			echo "FAIL control: $v: $m found in exec.o, the matcher is blind"
		else
			echo "PASS control: $v: no $m in exec.o"
		fi
	done
done
