#!/bin/bash
# mkiso.sh: build xsc-minimal-amd64.iso, bootable from a CD image under
# BIOS and UEFI, with grub-mkrescue (GRUB, xorriso, mtools). Thin glue.
#
#   mkiso.sh --kernel BZIMAGE --module XSC.KO --source-txt KERNEL/source.txt
#            --busybox PATH --init INIT.SH --grub-cfg GRUB.CFG
#            --gen-init-cpio PATH --work DIR --out ISO --manifest FILE DEB...
#
# Reproducible: every date is SOURCE_DATE_EPOCH (needed): file mtimes, the
# initramfs (gen_init_cpio -t, gzip -n), and grub-mkrescue's own clock
# (it takes the ISO's UUID from the time of day: run under faketime,
# frozen at that date). The manifest lists what went in, with versions
# and sha256; the same file is in the ISO as /MANIFEST.
set -euo pipefail
kernel= module= srctxt= busybox= init= grubcfg= cpio= work= out= manifest=
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift ;;
	--module) module=$2; shift ;;
	--source-txt) srctxt=$2; shift ;;
	--busybox) busybox=$2; shift ;;
	--init) init=$2; shift ;;
	--grub-cfg) grubcfg=$2; shift ;;
	--gen-init-cpio) cpio=$2; shift ;;
	--work) work=$2; shift ;;
	--out) out=$2; shift ;;
	--manifest) manifest=$2; shift ;;
	--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) echo "mkiso: unknown option $1 (--help)" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
for v in kernel module srctxt busybox init grubcfg cpio work out manifest; do
	[ -n "${!v}" ] || { echo "mkiso: --$v is needed (--help)" >&2; exit 2; }
	[ "$v" = work ] || [ "$v" = out ] || [ "$v" = manifest ] || [ -e "${!v}" ] ||
		{ echo "mkiso: --$v ${!v}: no such file" >&2; exit 1; }
done
[ $# -gt 0 ] || { echo "mkiso: no .deb given" >&2; exit 2; }
: "${SOURCE_DATE_EPOCH:?mkiso: SOURCE_DATE_EPOCH must be set (reproducible image)}"
for t in grub-mkrescue xorriso mformat faketime; do
	command -v $t > /dev/null || { echo "mkiso: $t is missing (make deps installs it)" >&2; exit 1; }
done

rm -rf "$work"
mkdir -p "$work/initrd/debs" "$work/iso/boot/grub"
sha() { sha256sum "$1" | cut -d' ' -f1; }
ver() { dpkg-query -W -f '${Version}' "$1" 2> /dev/null || echo unknown; }

# the manifest: what goes in
{
	echo "# xsc-minimal-amd64.iso: what went in (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
	echo "kernel $(sed -n 's/^kernelrelease=//p' "$srctxt") from $(sed -n 's/^package=//p' "$srctxt") $(
		)$(sed -n 's/^version=//p' "$srctxt") (sha256 $(sed -n 's/^sha256=//p' "$srctxt")), $(
		)config $(sed -n 's/^flavour=//p' "$srctxt") xsc=$(sed -n 's/^xsc=//p' "$srctxt")"
	echo "file boot/vmlinuz $(sha "$kernel")"
	echo "file xsc.ko $(sha "$module")"
	for d in "$@"; do
		echo "deb $(dpkg-deb -f "$d" Package) $(dpkg-deb -f "$d" Version) $(dpkg-deb -f "$d" Architecture) $(
			)$(basename "$d") $(sha "$d")"
	done
	echo "busybox-static $(ver busybox-static) $(sha "$busybox")"
	echo "file init $(sha "$init")"
	echo "file boot/grub/grub.cfg $(sha "$grubcfg")"
	echo "tool grub-common $(ver grub-common), grub-pc-bin $(ver grub-pc-bin), grub-efi-amd64-bin $(
		)$(ver grub-efi-amd64-bin), xorriso $(ver xorriso), mtools $(ver mtools), faketime $(ver faketime)"
} > "$manifest.tmp"

# the initramfs: busybox, the init, xsc.ko, the packages
cp "$busybox" "$work/initrd/busybox"
cp "$init" "$work/initrd/init"
cp "$module" "$work/initrd/xsc.ko"
cp "$@" "$work/initrd/debs/"
find "$work/initrd" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
{
	for d in /bin /dev /proc /sys /tmp /run /root /lib /lib/modules /debs /var /var/lib /var/lib/dpkg; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /init $work/initrd/init 0755 0 0"
	echo "file /bin/busybox $work/initrd/busybox 0755 0 0"
	echo "file /lib/modules/xsc.ko $work/initrd/xsc.ko 0644 0 0"
	for d in "$work"/initrd/debs/*.deb; do echo "file /debs/$(basename "$d") $d 0644 0 0"; done
} > "$work/initrd.list"
"$cpio" -t "$SOURCE_DATE_EPOCH" "$work/initrd.list" | gzip -9n > "$work/iso/boot/initrd.img"
echo "file boot/initrd.img $(sha "$work/iso/boot/initrd.img")" >> "$manifest.tmp"

# the CD image
cp "$kernel" "$work/iso/boot/vmlinuz"
cp "$grubcfg" "$work/iso/boot/grub/grub.cfg"
cp "$manifest.tmp" "$work/iso/MANIFEST"
find "$work/iso" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
when=$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')
TZ=UTC faketime -f "$when" grub-mkrescue -o "$out.tmp" "$work/iso" -- -volid XSC_MINIMAL_AMD64 \
	> "$work/grub-mkrescue.log" 2>&1 || { cat "$work/grub-mkrescue.log" >&2; exit 1; }
mv "$out.tmp" "$out"
mv "$manifest.tmp" "$manifest"
echo "image: $out ($(stat -c %s "$out") bytes, sha256 $(sha "$out"))"
