#!/bin/bash
# build.sh SRC OBJ OUT m|y [FLAVOUR]: configure (configure.sh: test,
# debug or dist) and build one kernel variant, with a progress line every
# 200 build steps; the full log is OBJ/build.log.
set -eo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$1 obj=$2 out=$3 mode=$4 flavour=${5:-test}
jobs=${JOBS:-$(nproc)}
targets=bzImage
[ "$mode" = m ] && targets="bzImage modules"
cc=gcc
command -v ccache >/dev/null && cc="ccache gcc"

"$here/configure.sh" "$src" "$obj" "$mode" "$flavour"
echo "kernel: building $(basename "$out") variant ($flavour config, CONFIG_XSC=$mode) with $jobs jobs, log $obj/build.log"
start=$(date +%s)
if ! make -C "$src" O="$obj" -j"$jobs" CC="$cc" $targets 2>&1 | tee "$obj/build.log" |
	awk 'NR % 200 == 0 { print "kernel:   ... " $0; fflush() }'; then
	tail -40 "$obj/build.log" >&2
	echo "kernel: $(basename "$out") build failed (log: $obj/build.log)" >&2
	exit 1
fi
if grep -n 'warning:' "$obj/build.log" | grep -E 'drivers/xsc|xsc\.h' >&2; then
	echo "kernel: warnings in XSC code" >&2
	exit 1
fi
mkdir -p "$out"
cp "$obj/arch/x86/boot/bzImage" "$out/bzImage.new"
[ "$mode" = m ] && cp "$obj/drivers/xsc/xsc.ko" "$out/"
{ cat "$(dirname "$obj")/source.txt"; echo "flavour=$flavour"; echo "xsc=$mode"
  [ "$flavour" = dist ] && echo "config_base=linux-config-6.1 $(dpkg-query -W -f '${Version}' linux-config-6.1)"
  echo "kernelrelease=$(make -s -C "$src" O="$obj" kernelrelease)"; } > "$out/source.txt"
cp "$obj/.config" "$out/config"
mv "$out/bzImage.new" "$out/bzImage"
echo "kernel: $(basename "$out") variant built in $(( $(date +%s) - start )) s: $out/bzImage"
