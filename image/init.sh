#!/bin/busybox sh
# /init of xsc-minimal-amd64.iso: load xsc.ko, install the .debs (the XSC
# glibc, libgcc-s1, libxsc1, xsc-tools) with busybox's dpkg, run
# xsc_ring_test, then offer a shell on the console. Its "XSC-ISO:" lines
# are what image/bootcheck reads from the serial log.
/bin/busybox --install -s /bin
mkdir -p /proc /sys /dev /tmp /run /var/lib/dpkg/info /root
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
echo "XSC-ISO: kernel $(cat /proc/version)"
if [ -d /sys/firmware/efi ]; then echo "XSC-ISO: firmware UEFI"; else echo "XSC-ISO: firmware BIOS"; fi

if insmod /lib/modules/xsc.ko && [ -d /sys/module/xsc ]; then
	echo "XSC-ISO: module xsc loaded"
else
	echo "XSC-ISO: module xsc NOT loaded"
fi
dmesg | grep 'xsc' | sed 's/^/XSC-ISO: dmesg: /'

: > /var/lib/dpkg/status
if dpkg -i /debs/*.deb > /tmp/dpkg.log 2>&1; then
	echo "XSC-ISO: installed $(ls /debs | wc -l) packages"
else
	echo "XSC-ISO: dpkg -i failed"
fi
sed 's/^/XSC-ISO: dpkg: /' /tmp/dpkg.log
dpkg -l | sed -n 's/^ii  */XSC-ISO: package: /p'

echo "XSC-ISO: running xsc_ring_test"
/usr/bin/xsc_ring_test
echo "XSC-ISO: xsc_ring_test exit $?"
if /usr/bin/xsc-verify /usr/bin/xsc_ring_test /usr/bin/xsc-verify /lib/x86_64-xsc-linux-gnu/libc.so.6 \
		/lib64/ld-linux-xsc-x86-64.so.2; then
	echo "XSC-ISO: xsc-verify exit 0"
else
	echo "XSC-ISO: xsc-verify exit $?"
fi
echo "XSC-ISO: /proc/self/xsc of a busybox cat (not an XSC program): $(cat /proc/self/xsc | tr '\n' ' ')"

# make check boots with -smbios type=1,product=xsc-check: stop here
if [ "$(cat /sys/class/dmi/id/product_name 2> /dev/null)" = xsc-check ]; then
	echo "XSC-ISO-END"
	poweroff -f
fi
cat <<'MSG'

XSC minimal: a busybox shell (busybox itself is an ordinary program; the
XSC ones are /usr/bin/xsc_ring_test and /usr/bin/xsc-verify). Try
  xsc_ring_test --verbose
  xsc-verify /usr/bin/* /lib/x86_64-xsc-linux-gnu/*
'poweroff -f' stops the machine; in QEMU, Ctrl-a x leaves.

MSG
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
cd /root
while true; do setsid cttyhack sh -l; done
