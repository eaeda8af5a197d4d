#!/bin/bash
# check.sh: the packages' checks for make check; one PASS or FAIL line per
# check (judged by tests/harness/guestcheck).
#
#   check.sh --debs DIR --sysroot DIR --pkgs "NAME..." --sysroot-pkgs
#            "NAME..." --work DIR [--lintian "NAME..."] [--rebuild CMD]...
#
# For every package: the file name is NAME_VERSION_ARCH.deb with what its
# control file says, the architecture is xsc-amd64 (all for data only),
# md5sums match the unpacked files, copyright and changelog are there,
# every program and shared object passes xsc-verify from the unpacked
# .deb, every program in a bin directory has a man page; every Depends is
# met inside the set (versions compared by dpkg). lintian runs on the
# packages named by --lintian (default: all): each finding must be
# explained in packages/lintian.explained, and each explanation must
# still be needed. Every file of the sysroot is in exactly one package
# or in packages/unpackaged.list. Each --rebuild command makes a package
# again from the same inputs: the bytes must be the same.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
debs= sysroot= pkgs= srpkgs= work= lint= rebuilds=() verify=
while [ $# -gt 0 ]; do
	case $1 in
	--debs) debs=$2; shift ;;
	--sysroot) sysroot=$2; shift ;;
	--pkgs) pkgs=$2; shift ;;
	--sysroot-pkgs) srpkgs=$2; shift ;;
	--work) work=$2; shift ;;
	--lintian) lint=$2; shift ;;
	--verify) verify=$2; shift ;;
	--rebuild) rebuilds+=("$2"); shift ;;
	--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "check.sh: unknown option $1 (--help)" >&2; exit 2 ;;
	esac
	shift
done
for v in debs sysroot pkgs work verify; do
	[ -n "${!v}" ] || { echo "check.sh: --$v is needed (--help)" >&2; exit 2; }
done
lint=${lint:-$pkgs}
rm -rf "$work"
mkdir -p "$work"
pass() { echo "PASS packages: $*"; }
fail() { echo "FAIL packages: $*"; }

declare -A file=() ver=() arch=() provides=()
for p in $pkgs; do
	f=$(cat "$debs/$p.deb-name" 2> /dev/null) && [ -f "$f" ] || { fail "$p: no .deb built"; continue; }
	file[$p]=$f
	ver[$p]=$(dpkg-deb -f "$f" Version)
	arch[$p]=$(dpkg-deb -f "$f" Architecture)
	for v in $(dpkg-deb -f "$f" Provides | tr -d ','); do provides[$v]=$p; done
done

for p in $pkgs; do
	f=${file[$p]:-}
	[ -n "$f" ] || continue
	x=$work/x/$p
	mkdir -p "$x"
	problems=()
	[ "$(basename "$f")" = "${p}_${ver[$p]}_${arch[$p]}.deb" ] ||
		problems+=("file name $(basename "$f")")
	case ${arch[$p]} in
	xsc-amd64) ;;
	all) ;;
	*) problems+=("Architecture: ${arch[$p]}") ;;
	esac
	dpkg-deb -x "$f" "$x" && dpkg-deb -e "$f" "$x/DEBIAN" || problems+=("dpkg-deb cannot unpack it")
	[ -f "$x/DEBIAN/md5sums" ] && ! (cd "$x" && md5sum --quiet -c DEBIAN/md5sums > /dev/null 2>&1) &&
		problems+=("md5sums do not match")
	[ -f "$x/usr/share/doc/$p/copyright" ] || problems+=("no copyright")
	[ -f "$x/usr/share/doc/$p/changelog.Debian.gz" ] || problems+=("no changelog")
	mapfile -t elves < <("$here/../tools/elf-files.sh" "$x")
	[ "${arch[$p]}" = all ] && [ ${#elves[@]} -gt 0 ] && problems+=("ELF files in an all package")
	[ "${arch[$p]}" = xsc-amd64 ] && [ ${#elves[@]} -eq 0 ] && [ "$p" != linux-libc-dev ] &&
		[ "$p" != libxsc-dev ] && problems+=("no ELF file in an xsc-amd64 package")
	if [ ${#elves[@]} -gt 0 ] && ! "$verify" --quiet "${elves[@]}" > "$work/$p.verify" 2>&1; then
		problems+=("xsc-verify: $(head -c 300 "$work/$p.verify" | tr '\n' ' ')")
	fi
	for b in "$x"/usr/bin/* "$x"/usr/sbin/* "$x"/sbin/* "$x"/bin/*; do
		[ -e "$b" ] || continue
		[ "$p" = xsc-tools ] || continue	# glibc's: see lintian.explained
		n=$(basename "$b")
		compgen -G "$x/usr/share/man/man[18]/$n.[18].gz" > /dev/null || problems+=("no man page for $n")
	done
	# Depends, each alternative met by a package of the set
	deps=$(dpkg-deb -f "$f" Depends)
	IFS=',' read -ra clauses <<< "$deps"
	for c in "${clauses[@]}"; do
		c=$(echo "$c" | xargs)
		[ -n "$c" ] || continue
		n=${c%% *}
		rel=$(sed -n 's/.*(\([<>=]*\) *\(.*\))/\1 \2/p' <<< "$c")
		q=$n
		[ -n "${file[$q]:-}" ] || q=${provides[$n]:-}
		if [ -z "$q" ] || [ -z "${file[$q]:-}" ]; then
			problems+=("Depends: $c: no such package")
		elif [ -n "$rel" ]; then
			op=${rel%% *} want=${rel#* }
			case $op in '>=') op=ge ;; '<=') op=le ;; '>>') op=gt ;; '<<') op=lt ;; '=') op=eq ;; esac
			dpkg --compare-versions "${ver[$q]}" "$op" "$want" ||
				problems+=("Depends: $c: the set has ${ver[$q]}")
		fi
	done
	if [ ${#problems[@]} -eq 0 ]; then
		pass "$(basename "$f"): name, architecture, md5sums, copyright, changelog, $(
			)${#elves[@]} ELF files and archives pass xsc-verify, dependencies met"
	else
		fail "$(basename "$f"): $(IFS=';'; echo "${problems[*]}")"
	fi
done

# xsc-tools depends on the XSC C library by its real name and version
d=$(dpkg-deb -f "${file[xsc-tools]:-/dev/null}" Depends 2> /dev/null)
if [[ $d =~ libc6\ \(\>=\ [0-9] ]]; then
	pass "xsc-tools Depends: $d"
else
	fail "xsc-tools Depends does not name libc6 with a version: '$d'"
fi

# lintian: every finding explained, every explanation still needed
lfiles=()
for p in $lint; do [ -n "${file[$p]:-}" ] && lfiles+=("${file[$p]}"); done
lintian --allow-root --tag-display-limit 0 "${lfiles[@]}" > "$work/lintian.out" 2>&1
grep -E '^[EWIPXO]: ' "$work/lintian.out" | sed -E 's/^([A-Z]): ([^ :]+)( \([^)]*\))?: ([^ ]+).*/\2 \4 \1/' |
	sort | uniq -c > "$work/lintian.found"
sed 's/#.*//' "$here/lintian.explained" | awk 'NF >= 2 {print $1, $2}' | sort -u > "$work/lintian.known"
unexplained=0
while read -r n pkg tag sev; do
	if grep -qx "$pkg $tag" "$work/lintian.known"; then
		continue
	fi
	unexplained=1
	fail "lintian: $pkg: $sev: $tag ($n times; unexplained: see $work/lintian.out)"
done < "$work/lintian.found"
while read -r pkg tag; do
	[[ " $lint " = *" $pkg "* ]] || continue
	awk '{print $2, $3}' "$work/lintian.found" | grep -qx "$pkg $tag" ||
		fail "lintian: $pkg: $tag is explained in packages/lintian.explained but no longer found"
done < "$work/lintian.known"
if [ $unexplained = 0 ]; then
	pass "lintian on $(echo "$lint" | wc -w) packages: $(awk '{s += $1} END {print s + 0}' \
		"$work/lintian.found") findings, each explained in packages/lintian.explained"
fi

# the sysroot's files: each in exactly one package, or listed as unpackaged
(cd "$sysroot" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort) > "$work/sysroot.list"
for p in $srpkgs; do cat "$debs/$p.files" 2> /dev/null; done | sort > "$work/claimed.list"
dups=$(uniq -d "$work/claimed.list" | head -5 | tr '\n' ' ')
sed 's/#.*//; s/[[:space:]]*$//' "$here/unpackaged.list" | grep -v '^$' > "$work/unpackaged.pat"
left=$(comm -23 "$work/sysroot.list" <(uniq "$work/claimed.list") | while read -r f; do
	m=0
	while read -r pat; do
		# shellcheck disable=SC2053 # a glob on purpose
		[[ $f == $pat ]] && m=1 && break
	done < "$work/unpackaged.pat"
	[ $m = 1 ] || echo "$f"
done)
if [ -n "$dups" ]; then
	fail "files in two packages: $dups"
elif [ -n "$left" ]; then
	fail "sysroot files in no package and not in packages/unpackaged.list: $(
		)$(echo "$left" | head -10 | tr '\n' ' ')($(echo "$left" | wc -l) in all)"
else
	pass "each of the sysroot's $(wc -l < "$work/sysroot.list") files is in one package$(
		) ($(wc -l < "$work/claimed.list")) or listed as unpackaged"
fi

# reproducible: the same inputs make the same bytes
for cmd in "${rebuilds[@]}"; do
	again=$(bash -c "$cmd" 2> "$work/rebuild.err") || { fail "rebuild failed: $cmd ($(tail -1 "$work/rebuild.err"))"; continue; }
	p=$(basename "$again"); p=${p%%_*}
	if cmp -s "$again" "${file[$p]:-/dev/null}"; then
		pass "$p built again from the same inputs: the same bytes ($(sha256sum < "$again" | cut -c1-16))"
	else
		fail "$p built again from the same inputs differs ($again, ${file[$p]:-none})"
	fi
done
