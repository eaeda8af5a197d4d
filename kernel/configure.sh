#!/bin/sh
# configure.sh SRC OBJ m|y: tinyconfig + kernel/xsc.config, with the XSC
# driver as a module (m) or built in (y). The config is made in a scratch
# object directory and copied to OBJ/.config only when it changed, so
# that rebuilds stay incremental.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$1 obj=$2 mode=$3
scratch=$obj.config-scratch
rm -rf "$scratch"
mkdir -p "$obj" "$scratch"
make -s -C "$src" O="$scratch" tinyconfig >/dev/null
cfg=$scratch/.config
# drop what the fragment sets, then append it (no "override" noise)
syms=$(sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=.*/\1/p' "$here/xsc.config"; echo CONFIG_XSC)
printf '%s\n' $syms | sed 's/.*/^\\(# \\)\\?&[= ]/' > "$scratch/pat"
grep -v -f "$scratch/pat" "$cfg" > "$scratch/base" || true
cat "$scratch/base" "$here/xsc.config" > "$cfg"
echo "CONFIG_XSC=$mode" >> "$cfg"
make -s -C "$src" O="$scratch" olddefconfig >/dev/null
# every line of the fragment must have survived olddefconfig
grep -v '^#' "$here/xsc.config" | grep . | while read -r line; do
	case "$line" in
	*=n) ! grep -q "^${line%=n}=" "$cfg" || { echo "configure: $line did not stick" >&2; exit 1; } ;;
	*) grep -qx "$line" "$cfg" || { echo "configure: $line did not stick" >&2; exit 1; } ;;
	esac
done
grep -qx "CONFIG_XSC=$mode" "$cfg" || { echo "configure: CONFIG_XSC=$mode did not stick" >&2; exit 1; }
cmp -s "$cfg" "$obj/.config" || cp "$cfg" "$obj/.config"
rm -rf "$scratch"
