#!/bin/sh
# kvm-probe.sh KERNEL INITRD: print the QEMU accelerator arguments (line
# 1) and a description (line 2). KVM is used only when a tiny guest
# booted with it answers within seconds; /dev/kvm existing is not enough
# (on some hosts a KVM guest hangs silently). TCG otherwise.
set -u
kernel=$1 initrd=$2 limit=${KVM_PROBE_SECONDS:-20}
if [ -w /dev/kvm ] && [ "${XSC_NO_KVM:-}" != 1 ]; then
	log=$(mktemp) err=$(mktemp)
	start=$(date +%s)
	timeout "$limit" qemu-system-x86_64 -accel kvm -cpu host -m 256 -display none \
		-monitor none -no-reboot -kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 xsc_variant=probe" -serial "file:$log" \
		>/dev/null 2>"$err"
	rc=$? took=$(( $(date +%s) - start ))
	if grep -q XSC-KVM-PROBE-OK "$log"; then
		rm -f "$log" "$err"
		echo "-accel kvm -cpu host"
		echo "KVM: the probe guest answered in $took s"
		exit 0
	fi
	if [ "$rc" = 124 ]; then
		why="the KVM probe guest gave no answer within $limit s"
	else
		why="qemu -accel kvm failed after $took s: $(grep -m1 . "$err" | cut -c1-160)"
	fi
	rm -f "$log" "$err"
else
	why="no usable /dev/kvm"
fi
echo "-accel tcg"
echo "TCG ($why)"
