#!/bin/sh
# configure.sh SRC OBJ m|y FLAVOUR: make OBJ/.config for one kernel, with
# the XSC driver as a module (m) or built in (y). FLAVOUR:
#   test   make tinyconfig + config/test.config (the small test kernel)
#   debug  the test kernel + config/debug.config (KASAN, UBSAN, lockdep...)
#   dist   Debian's own amd64 configuration (package linux-config-6.1)
#          with every module turned off, + config/dist.config
# The config is made in a scratch object directory and copied to
# OBJ/.config only when it changed, so that rebuilds stay incremental.
# Every line of the fragments must survive olddefconfig, or this fails.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$1 obj=$2 mode=$3 flavour=${4:-test}
scratch=$obj.config-scratch
cfg=$scratch/.config
rm -rf "$scratch"
mkdir -p "$obj" "$scratch"
case $flavour in
test)	frags="$here/config/test.config" ;;
debug)	frags="$here/config/test.config $here/config/debug.config" ;;
dist)	frags="$here/config/dist.config" ;;
*)	echo "configure: unknown flavour $flavour (test, debug or dist)" >&2; exit 1 ;;
esac
if [ "$flavour" = dist ]; then
	. "$here/VERSION"
	base=/usr/src/linux-config-$series/config.amd64_none_amd64.xz
	if [ ! -r "$base" ]; then
		echo "configure: $base missing: apt-get install linux-config-$series (make does, as root)" >&2
		exit 1
	fi
	echo "configure: dist base $base ($(dpkg-query -W -f '${Version}' linux-config-$series 2>/dev/null))"
	xz -dc "$base" | sed 's/^\(CONFIG_[A-Z0-9_]*\)=m$/# \1 is not set/' > "$cfg"
else
	make -s -C "$src" O="$scratch" tinyconfig >/dev/null
fi
# drop what the fragments set, then append them (no "override" noise)
syms=$(cat $frags | sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=.*/\1/p'; echo CONFIG_XSC)
printf '%s\n' $syms | sed 's/.*/^\\(# \\)\\?&[= ]/' > "$scratch/pat"
grep -v -f "$scratch/pat" "$cfg" > "$scratch/base" || true
cat "$scratch/base" $frags > "$cfg"
echo "CONFIG_XSC=$mode" >> "$cfg"
make -s -C "$src" O="$scratch" olddefconfig >/dev/null
# every line of the fragments must have survived olddefconfig
cat $frags | grep -v '^#' | grep . | while read -r line; do
	case "$line" in
	*=n) ! grep -q "^${line%=n}=" "$cfg" || { echo "configure: $line did not stick" >&2; exit 1; } ;;
	*) grep -qx "$line" "$cfg" || { echo "configure: $line did not stick" >&2; exit 1; } ;;
	esac
done
grep -qx "CONFIG_XSC=$mode" "$cfg" || { echo "configure: CONFIG_XSC=$mode did not stick" >&2; exit 1; }
cmp -s "$cfg" "$obj/.config" || cp "$cfg" "$obj/.config"
rm -rf "$scratch"
