#!/bin/bash
# compare.sh STOCK-OBJDIR XSC-OBJDIR DIFFERENCES.list "SUBDIRS" SOURCE.txt OUT.md KERNEL
# glibc's DIR/subdir-tests.sum of the stock build and of the XSC build
# (each directory's make check writes one), side by side:
# per directory the PASS/FAIL/UNSUPPORTED/XFAIL counts of both, and every
# test whose result differs, written as a Markdown table to OUT.md. On
# stdout, for guestcheck: a FAIL line for each test that passes on stock
# and does not on XSC unless DIFFERENCES.list gives its cause, a FAIL line
# for each listed test that no longer differs (the list stays honest), and
# a PASS line per directory otherwise.
set -u
sobj=$1 xobj=$2 known=$3 subdirs=$4 source=$5 out=$6 kernel=${7:-}
stock=$(mktemp) xsc=$(mktemp)
trap 'rm -f "$stock" "$xsc"' EXIT
for d in $subdirs; do
	for o in "$sobj" "$xobj"; do
		[ -s "$o/$d/subdir-tests.sum" ] ||
			echo "FAIL glibc-suite: $o/$d/subdir-tests.sum is missing (that run did not finish)"
	done
	cat "$sobj/$d/subdir-tests.sum" >> "$stock" 2> /dev/null
	cat "$xobj/$d/subdir-tests.sum" >> "$xsc" 2> /dev/null
done
ver=$(sed -n 's/^version=//p' "$source")
awk -v subdirs="$subdirs" -v ver="$ver" -v kernel="$kernel" -v date="$(date -u +%Y-%m-%d)" -v out="$out" \
    -v stockf="$stock" -v xscf="$xsc" -v knownf="$known" '
function dir(t) { sub(/\/[^\/]*$/, "", t); return t }
BEGIN {
	n = split(subdirs, sd, " ")
	for (i = 1; i <= n; i++) want[sd[i]] = 1
	while ((getline l < knownf) > 0) {
		if (l ~ /^[ \t]*(#|$)/) continue
		t = l; sub(/[ \t].*/, "", t); c = l; sub(/^[^ \t]*[ \t]+/, "", c)
		cause[t] = c
	}
	while ((getline l < stockf) > 0) if (split(l, a, ": ") == 2) { s[a[2]] = a[1]; all[a[2]] = 1 }
	while ((getline l < xscf) > 0) if (split(l, a, ": ") == 2) { x[a[2]] = a[1]; all[a[2]] = 1 }
	split("PASS FAIL UNSUPPORTED XFAIL XPASS UNRESOLVED", kinds, " ")
	for (t in all) {
		d = dir(t)
		if (!(d in want)) continue
		cs[d, (t in s) ? s[t] : "missing"]++
		cx[d, (t in x) ? x[t] : "missing"]++
		tot[d]++
		rs = (t in s) ? s[t] : "missing"; rx = (t in x) ? x[t] : "missing"
		if (rs != rx) diff[t] = rs " " rx
	}
	print "# glibc'"'"'s testsuite: the XSC glibc against a stock build" > out
	print "" > out
	printf "Run %s from glibc-source %s (Debian), both builds with Debian'"'"'s configure options,\n", date, ver > out
	print "the stock one without the port; each run by glibc'"'"'s own `make check` in the directories" > out
	print "below, its tests inside a guest on the XSC kernel (" kernel ", TCG), through the" > out
	print "test-wrapper hook (tests/glibc/README.md). Made by `make check-full` (`make glibc-suite`)." > out
	print "" > out
	print "| directory | stock PASS | FAIL | UNSUPPORTED | XFAIL | XPASS | XSC PASS | FAIL | UNSUPPORTED | XFAIL | XPASS |" > out
	print "|---|---|---|---|---|---|---|---|---|---|---|" > out
	for (i = 1; i <= n; i++) {
		d = sd[i]
		printf "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", d,
			cs[d, "PASS"], cs[d, "FAIL"], cs[d, "UNSUPPORTED"], cs[d, "XFAIL"], cs[d, "XPASS"],
			cx[d, "PASS"], cx[d, "FAIL"], cx[d, "UNSUPPORTED"], cx[d, "XFAIL"], cx[d, "XPASS"] > out
		for (k = 1; k <= 5; k++) { ts[kinds[k]] += cs[d, kinds[k]]; tx[kinds[k]] += cx[d, kinds[k]] }
	}
	printf "| **all** | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n",
		ts["PASS"], ts["FAIL"], ts["UNSUPPORTED"], ts["XFAIL"], ts["XPASS"],
		tx["PASS"], tx["FAIL"], tx["UNSUPPORTED"], tx["XFAIL"], tx["XPASS"] > out
	print "" > out
	print "## Tests whose result differs" > out
	print "" > out
	print "| test | stock | XSC | cause (tests/glibc/differences.list) |" > out
	print "|---|---|---|---|" > out
	m = 0
	for (t in diff) order[++m] = t
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (order[j] < order[i]) { y = order[i]; order[i] = order[j]; order[j] = y }
	for (i = 1; i <= m; i++) {
		t = order[i]; split(diff[t], r, " ")
		printf "| %s | %s | %s | %s |\n", t, r[1], r[2], (t in cause) ? cause[t] : "" > out
		if (r[1] == "PASS" && !(t in cause)) {
			printf "FAIL glibc-suite: %s passes on stock, %s on XSC\n", t, r[2]; bad[dir(t)]++
		}
	}
	if (!m) print "| (none) | | | |" > out
	for (t in cause) if (dir(t) in want && (!(t in diff) || split(diff[t], r, " ") && r[1] != "PASS")) {
		printf "FAIL glibc-suite: differences.list names %s, but it does not pass on stock and fail on XSC now: take it out\n", t
		bad[dir(t)]++
	}
	for (i = 1; i <= n; i++) {
		d = sd[i]
		if (!tot[d]) printf "FAIL glibc-suite: %s: no results (not run?)\n", d
		else if (!bad[d]) printf "PASS glibc-suite: %s: %d tests, none passing on stock fails on XSC (XSC %d PASS, stock %d PASS)\n", d, tot[d], cx[d, "PASS"], cs[d, "PASS"]
	}
}'
