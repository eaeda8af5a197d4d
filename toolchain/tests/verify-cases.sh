#!/bin/bash
# verify-cases.sh XSC-VERIFY SYSROOT WORKDIR: xsc-verify on crafted ELF
# files, each with the exit status and the message it must give. The
# forbidden instruction in several spellings, in code and as bytes; the
# same bytes in data and inside longer instructions (false positives);
# notes present, missing and of another version; archives; 32-bit,
# foreign, truncated, corrupt, non-ELF files, directories, missing paths.
# One PASS/FAIL line per case.
set -u
xv=$1 sysroot=$2 w=$3
lib=$sysroot/usr/lib/x86_64-xsc-linux-gnu
mkdir -p "$w"
cd "$w" || exit 2

# case NAME STATUS PATTERN FILE...: xsc-verify FILE... exits STATUS and
# its output (stdout and stderr) matches PATTERN
case_() {
	local name=$1 want=$2 pat=$3 out rc
	shift 3
	out=$("$xv" "$@" 2>&1)
	rc=$?
	if [ "$rc" = "$want" ] && printf '%s\n' "$out" | grep -Eq -- "$pat"; then
		echo "PASS xsc-verify: $name"
	else
		echo "FAIL xsc-verify: $name (exit $rc, wanted $want; output: $(printf '%s' "$out" | tr '\n' ' ' | cut -c1-200))"
	fi
}
obj() { # obj NAME ASM: assemble ASM into NAME.o
	printf '%s\n' "$2" > "$1.s" && as --64 -o "$1.o" "$1.s"
}
xsc_note='.section .note.XSC-ABI,"a",@note
.balign 4
.long 4,4,1
.asciz "XSC"
.long VERSION
.text'
exe() { # exe NAME VERSION|none ASM: a static executable with _start
	local note=
	[ "$2" != none ] && note=${xsc_note/VERSION/$2}
	printf '%s\n.globl _start\n_start:\n%s\n' "$note" "$3" > "$1.s" &&
		as --64 -o "$1.o" "$1.s" && ld -z noexecstack -o "$1" "$1.o"
}

obj sc 'f: nop
syscall
ret'
case_ "syscall in code: file, address, section and symbol" 1 'sc.o: syscall at 0x1 in .text \(f\+0x1\)' sc.o
obj bytes '.globl g
g: .byte 0x0f, 0x05
ret'
case_ "the bytes 0f 05 in code are a syscall" 1 'syscall at 0x0 in .text \(g\+0x0\)' bytes.o
obj i80 'h: int $0x80
ret'
case_ "int \$0x80" 1 'int \$0x80 at 0x0 in .text \(h' i80.o
obj i128 'k: int $128'
case_ "int \$128" 1 'int \$0x80 at 0x0' i128.o
obj se '.section .text.other,"ax",@progbits
m: nop; nop; sysenter'
case_ "sysenter, in another executable section" 1 'sysenter at 0x2 in .text.other \(m\+0x2\)' se.o
obj data '.section .rodata
.byte 0x0f, 0x05, 0xcd, 0x80, 0x0f, 0x34
.text
n: ret'
case_ "0f 05, cd 80, 0f 34 in data are no syscall" 0 'data.o: ok' data.o
obj inside 'p: mov $0x050f, %eax
movabs $0x050f050f80cd340f, %rax
lea 0x50f(%rip), %rcx
ret'
case_ "0f 05 inside longer instructions is no syscall" 0 'inside.o: ok' inside.o
case_ "relocatable object without the note passes by default" 0 'ok' inside.o
case_ "... but not with --require-note" 1 'inside.o: no .note.XSC-ABI note' --require-note inside.o

exe good 1 'mov $60, %eax
ret'
case_ "executable with the XSC note, no syscall" 0 'good: ok' good
exe nonote none 'ret'
case_ "executable without the note" 1 'nonote: no .note.XSC-ABI note' nonote
exe v2 2 'ret'
case_ "executable with a note of version 2" 1 'v2: unsupported version of the .note.XSC-ABI note' v2
exe both 1 'syscall'
case_ "marked executable with a syscall" 1 'both: syscall at 0x[0-9a-f]+ in .text \(_start\+0x0\)' both
gcc -shared -nostdlib -Wl,-z,noexecstack -o dso.so inside.o
case_ "shared object without the note" 1 'dso.so: no .note.XSC-ABI note' dso.so
if [ -f "$lib/crti.o" ]; then
	gcc -shared -nostdlib -Wl,-z,noexecstack -o xdso.so "$lib/crti.o" inside.o "$lib/crtn.o"
	case_ "shared object linked with the XSC crti.o" 0 'xdso.so: ok' xdso.so
fi

rm -f mixed.a && ar rcs mixed.a data.o sc.o
case_ "an archive names the member" 1 'mixed.a\(sc.o\): syscall at 0x1 in .text \(f\+0x1\)' mixed.a
case_ "--json" 1 '"status": "violation".*"symbol": "f".*"instruction": "syscall"' --json sc.o
case_ "the worst status of several files wins" 2 'nonexistent: cannot read' sc.o /nonexistent

printf 'x: int $0x80\n' > i386.s && as --32 -o i386.o i386.s
case_ "32-bit ELF" 2 'i386.o: 32-bit ELF' i386.o
cp data.o arm.o && printf '\xb7\x00' | dd of=arm.o bs=1 seek=18 conv=notrunc 2>/dev/null
case_ "an ELF file of another machine" 2 'arm.o: not an x86-64 object' arm.o
head -c 100 good > trunc
case_ "truncated file" 2 'trunc: truncated' trunc
head -c 40 good > trunc2
case_ "file shorter than an ELF header" 2 'trunc2: (truncated|not an ELF)' trunc2
cp good corrupt && printf '\xff\xff\xff\xff\xff\xff\x00\x00' | dd of=corrupt bs=1 seek=40 conv=notrunc 2>/dev/null
case_ "section headers far past the end" 2 'corrupt: truncated or corrupt' corrupt
cp good shnum && printf '\xff\xff' | dd of=shnum bs=1 seek=60 conv=notrunc 2>/dev/null
case_ "65535 section headers" 2 'shnum: (truncated|corrupt)' shnum
echo 'not ELF' > text
case_ "not an ELF file" 2 'text: not an ELF file' text
: > empty
case_ "empty file" 2 'empty: not an ELF file' empty
case_ "a directory" 2 "$w: is a directory" "$w"
case_ "a missing path" 2 'nope: cannot read: No such file' nope
case_ "--help" 0 'usage: xsc-verify' --help
case_ "no file" 2 'usage: xsc-verify' 
case_ "an unknown option" 2 'unknown option --frobnicate' --frobnicate x
echo "XSC-GUEST-END"	# the end marker guestcheck wants: the script ran to the end
