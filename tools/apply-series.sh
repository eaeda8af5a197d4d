#!/bin/sh
# apply-series.sh NAME SRC PATCHDIR: apply PATCHDIR/series in order to the
# tree SRC, each patch checked with a dry run first: a patch that no
# longer applies stops the build with its name (NAME prefixes messages).
set -eu
name=${1:?usage: apply-series.sh NAME SRC PATCHDIR} src=${2:?} dir=${3:?}
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	if ! patch -d "$src" -p1 -N -s --dry-run < "$dir/$p" >/dev/null; then
		echo "$name: patch $p does not apply to this source; it needs a refresh" >&2
		exit 1
	fi
	patch -d "$src" -p1 -N -s < "$dir/$p"
	echo "$name: applied $p"
done < "$dir/series"
