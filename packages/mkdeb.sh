#!/bin/bash
# mkdeb.sh: build one .deb from a recipe (packages/NAME/: control, files,
# optional root/, copyright, NAME.1...) and an installed tree, with
# dpkg-deb. Thin glue: the recipe says what goes in, dpkg-deb builds it.
#
#   mkdeb.sh --recipe DIR --root TREE --out DIR [--verify XSC-VERIFY]
#            [--var NAME=VALUE]...
#
# control   the DEBIAN/control template; @NAME@ replaced by --var values;
#           Installed-Size is computed; these are read and dropped:
#           X-Copyright: PATH   a copyright file to take
#           X-Changes: TEXT     the changelog entry
#           X-Shlibs-Version: V the version in the shlibs entries
#           X-Keep-Symbols: P.. files stripped of debugging only
# files     one bash glob per line (globstar) relative to TREE; a line
#           starting with ! removes what it matches; a pattern matching
#           nothing is an error (nothing is dropped unnoticed)
# root/     files copied as they are (configuration: those under etc/
#           become conffiles)
# *.1 *.3   man pages, installed gzipped into usr/share/man/manN
#
# The package is reproducible: every mtime is SOURCE_DATE_EPOCH (needed),
# owner root, modes normalised, dpkg-deb sorts the members. ELF files are
# stripped of debugging information and checked with xsc-verify: every
# program and shared object must carry the XSC note and no file a system
# call instruction. Prints the .deb's path; NAME.files beside it lists the
# tree's paths the package took (for the coverage check).
set -euo pipefail
shopt -s globstar nullglob dotglob

recipe= root= out= verify=
declare -A vars=()
while [ $# -gt 0 ]; do
	case $1 in
	--recipe) recipe=$2; shift ;;
	--root) root=$2; shift ;;
	--out) out=$2; shift ;;
	--verify) verify=$2; shift ;;
	--var) vars[${2%%=*}]=${2#*=}; shift ;;
	--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "mkdeb: unknown option $1 (--help)" >&2; exit 2 ;;
	esac
	shift
done
for v in recipe root out; do
	[ -n "${!v}" ] || { echo "mkdeb: --$v is needed (--help)" >&2; exit 2; }
done
: "${SOURCE_DATE_EPOCH:?mkdeb: SOURCE_DATE_EPOCH must be set (reproducible packages)}"
name=$(basename "$recipe")
die() { echo "mkdeb: $name: $*" >&2; exit 1; }
[ -f "$recipe/control" ] || die "no control file in $recipe"
[ -d "$root" ] || die "no tree $root"

# the control file, variables filled in
control=$(<"$recipe/control")
for k in "${!vars[@]}"; do control=${control//@$k@/${vars[$k]}}; done
if grep -q '@[A-Z_]*@' <<< "$control"; then
	die "control: unset variable $(grep -o '@[A-Z_]*@' <<< "$control" | head -1)"
fi
field() { sed -n "s/^$1: //p" <<< "$control" | head -1; }
pkg=$(field Package) version=$(field Version) arch=$(field Architecture)
source=$(field Source); source=${source:-$pkg}; source=${source%% *}
copyright=$(field X-Copyright) changes=$(field X-Changes)
keep=$(field X-Keep-Symbols) shver=$(field X-Shlibs-Version)
[ "$pkg" = "$name" ] || die "control says Package: $pkg"
[ -n "$version" ] && [ -n "$arch" ] || die "control needs Version and Architecture"
control=$(grep -v '^X-[A-Za-z-]*:' <<< "$control")

stage=$out/$name.stage
rm -rf "$stage"
mkdir -p "$stage/DEBIAN"

# the files of the tree
if [ -f "$recipe/files" ]; then
	while read -r pat; do
		pat=${pat%%#*}; pat=${pat%"${pat##*[![:space:]]}"}
		[ -n "$pat" ] || continue
		if [ "${pat:0:1}" = '!' ]; then
			matched=0
			for f in "$stage"/${pat:1}; do rm -rf "$f"; matched=1; done
			[ $matched = 1 ] || die "'$pat' removes nothing"
			continue
		fi
		matched=0
		for f in "$root"/$pat; do
			[ -e "$f" ] || [ -L "$f" ] || continue	# a literal name that is not there
			[ -d "$f" ] && [ ! -L "$f" ] && continue
			rel=${f#"$root"/}
			mkdir -p "$stage/$(dirname "$rel")"
			cp -a "$f" "$stage/$rel"
			matched=1
		done
		[ $matched = 1 ] || die "'$pat' matches nothing in $root"
	done < "$recipe/files"
fi
# what remains of the tree's files after the removals
(cd "$stage" && find . -path ./DEBIAN -prune -o \( -type f -o -type l \) -print) |
	sed 's|^\./||' | sort > "$out/$name.files.tmp"
[ -d "$recipe/root" ] && cp -a "$recipe/root/." "$stage/"

# symlinks as Debian policy 10.5 wants them: relative inside a top-level
# directory, absolute across
while IFS= read -r -d '' l; do
	rel=/${l#"$stage"/} t=$(readlink "$l")
	abs=$(realpath -m -s "$(dirname "$rel")/$t")
	[ "${t:0:1}" = / ] && abs=$t
	if [ "$(cut -d/ -f2 <<< "$abs")" = "$(cut -d/ -f2 <<< "$rel")" ]; then
		ln -sfn "$(realpath -m -s --relative-to="$(dirname "$rel")" "$abs")" "$l"
	else
		ln -sfn "$abs" "$l"
	fi
done < <(find "$stage" -type l -print0)

# man pages, documentation
find "$stage/usr/share/man" -type f ! -name '*.gz' -exec gzip -9n {} + 2> /dev/null || true
for m in "$recipe"/*.[1-8]; do
	sec=${m##*.}
	mkdir -p "$stage/usr/share/man/man$sec"
	gzip -9nc "$m" > "$stage/usr/share/man/man$sec/$(basename "$m").gz"
done
doc=$stage/usr/share/doc/$pkg
mkdir -p "$doc"
if [ -f "$recipe/copyright" ]; then
	cp "$recipe/copyright" "$doc/copyright"
elif [ -n "$copyright" ] && [ -f "$copyright" ]; then
	cp "$copyright" "$doc/copyright"
else
	die "no copyright: neither $recipe/copyright nor X-Copyright (${copyright:-unset}) exists"
fi
date=$(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")
{
	printf '%s (%s) bookworm-xsc; urgency=medium\n\n' "$source" "$version"
	fold -s -w 74 <<< "${changes:-Built for $arch.}" | sed -e '1s/^/  * /' -e '2,$s/^/    /'
	printf '\n -- %s  %s\n' "$(field Maintainer)" "$date"
} | gzip -9n > "$doc/changelog.Debian.gz"

# ELF files stripped as dh_strip strips them (programs and shared objects
# --strip-unneeded, objects and archives --strip-debug; X-Keep-Symbols:
# paths keep their symbol table, as Debian's ld.so does for valgrind);
# .note sections stay (the XSC note). Then checked with xsc-verify.
mapfile -t elves < <("$(dirname "$0")"/../tools/elf-files.sh "$stage")
for f in "${elves[@]}"; do
	etype=$(head -c 18 "$f" | od -An -tx1 | tr -d ' \n')
	etype=${etype:32:2}	# e_type (of an archive: a name byte, or none)
	rel=${f#"$stage"/}
	chmod u+w "$f"
	if [ "$etype" = 02 ] || [ "$etype" = 03 ] && [[ " $keep " != *" $rel "* ]]; then
		strip --strip-unneeded --remove-section=.comment "$f"
	else
		strip --strip-debug --remove-section=.comment "$f"
	fi || die "strip failed on $rel"
done
if [ -n "$verify" ] && [ ${#elves[@]} -gt 0 ]; then
	"$verify" --quiet "${elves[@]}" >&2 || die "xsc-verify refuses files above"
fi

# shared libraries in the library directories: a shlibs entry each
# (X-Shlibs-Version: the lowest version that provides them) and dpkg's
# ldconfig trigger
for f in "$stage"/lib/*/lib*.so.* "$stage"/lib64/ld-*.so.*; do
	[ -f "$f" ] && [ ! -L "$f" ] || continue
	soname=$(readelf -d "$f" 2> /dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	[[ $soname =~ ^(.*)\.so\.([0-9.]+)$ ]] || continue
	echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]} $pkg (>= ${shver:-${version%-*}})"
done | sort -u > "$stage/DEBIAN/shlibs"
if [ -s "$stage/DEBIAN/shlibs" ]; then
	echo "activate-noawait ldconfig" > "$stage/DEBIAN/triggers"
else
	rm "$stage/DEBIAN/shlibs"
fi

# modes: directories and programs 0755, the rest 0644; setuid kept off
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f -exec chmod 0644 {} +
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f \( -path './usr/bin/*' -o \
	-path './usr/sbin/*' -o -path './sbin/*' -o -path './bin/*' -o -path './usr/lib/getconf/*' \
	-o -path './lib64/ld-*' -o -path './lib/*/libc.so.6' \) -print0) |
	(cd "$stage" && xargs -0 -r chmod 0755)

# DEBIAN/: control, md5sums, conffiles
size=$(du -sk --apparent-size --exclude=DEBIAN "$stage" | cut -f1)
{
	grep -v '^Description:' <<< "$control" | sed '/^ /d'
	echo "Installed-Size: $size"
	sed -n '/^Description:/,$p' <<< "$control"
} > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort |
	xargs -r -d '\n' md5sum) > "$stage/DEBIAN/md5sums"
[ -s "$stage/DEBIAN/md5sums" ] || rm "$stage/DEBIAN/md5sums"
if [ -d "$stage/etc" ]; then
	(cd "$stage" && find etc -type f | sort | sed 's|^|/|') > "$stage/DEBIAN/conffiles"
fi
find "$stage/DEBIAN" -type f -exec chmod 0644 {} +
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

deb=$out/${pkg}_${version#*:}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" > /dev/null
mv "$out/$name.files.tmp" "$out/$name.files"
echo "$deb"
