#!/bin/sh
# check-libc.sh SYSROOT [EXTRA...]: the installed XSC C library, checked
# from the host. Every ELF object under SYSROOT (and EXTRA files) is
# disassembled: a syscall, sysenter or int $0x80 instruction anywhere is a
# FAIL naming the file. Every shared object and executable must carry the
# .note.XSC-ABI note, and so must crti.o. The standard system libc.so.6 is
# run through the same checks first as the control: it must fail both, or
# the checks are blind. One PASS/FAIL line per check.
set -u
sysroot=$1
shift
extra="$*"
control=/lib/x86_64-linux-gnu/libc.so.6

# forbidden instructions in FILE (objects of an archive included)
insns() {
	objdump -d "$1" 2>/dev/null | awk -F'\t' '
		/^[^ \t].*:$/ { obj = $0 }
		$3 ~ /^(syscall|sysenter|int +\$0x80)( |$)/ { n++; if (n <= 3) where = where " " obj $1 }
		END { print n + 0, where }'
}
has_note() {
	readelf -n "$1" 2>/dev/null | grep -A1 'XSC ' | grep -q 'description data: 01 00 00 00'
}

set -- $(insns "$control")
if [ "$1" -gt 0 ]; then echo "PASS libc-objects: the control ($control) shows $1 syscall instructions"
else echo "FAIL libc-objects: the check finds no syscall instruction in $control: blind"; fi
if has_note "$control"; then echo "FAIL libc-objects: $control has an XSC note?"
else echo "PASS libc-objects: the control has no XSC note"; fi

files=0 bad=0 nonote=0
list="$(find "$sysroot" -type f) $extra"
for f in $list; do
	case "$(head -c 4 "$f" | od -An -c | tr -d ' ')" in
	*177ELF*) kind=elf ;;
	*)	case "$f" in *.a) kind=ar ;; *) continue ;; esac ;;
	esac
	files=$((files + 1))
	set -- $(insns "$f")
	if [ "$1" != 0 ]; then
		echo "FAIL libc-objects: ${f#$sysroot}: $1 forbidden instructions:$2"
		bad=$((bad + 1))
	fi
	[ $kind = elf ] || continue
	case "$(readelf -h "$f" 2>/dev/null | sed -n 's/^ *Type: *\([A-Z]*\).*/\1/p')" in
	DYN|EXEC)
		if ! has_note "$f"; then
			echo "FAIL libc-objects: ${f#$sysroot}: no .note.XSC-ABI note"
			nonote=$((nonote + 1))
		fi ;;
	esac
done
[ "$files" -gt 50 ] && [ "$bad" = 0 ] &&
	echo "PASS libc-objects: no syscall, sysenter or int \$0x80 in $files installed objects and archives" ||
	echo "FAIL libc-objects: $bad of $files files have forbidden instructions"
[ "$nonote" = 0 ] && echo "PASS libc-objects: every installed shared object and program carries the XSC note" ||
	echo "FAIL libc-objects: $nonote files without the XSC note"
crti=$(find "$sysroot" -name crti.o | head -1)
if [ -n "$crti" ] && has_note "$crti"; then echo "PASS libc-objects: crti.o carries the XSC note"
else echo "FAIL libc-objects: crti.o without the XSC note"; fi
echo "XSC-GUEST-END"	# the end marker guestcheck wants: the script ran to the end
