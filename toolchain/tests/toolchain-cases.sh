#!/bin/bash
# toolchain-cases.sh TOOLCHAIN WORKDIR: the x86_64-xsc-linux-gnu driver on
# a corpus of programs (they must build and pass xsc-verify; the guest runs
# them) and on the ways a syscall instruction can get in (they must fail,
# naming the place): inline asm, a .S file, .byte 0x0f,0x05, a standard
# object and a standard archive linked in. Links without the start files
# must still carry the note. One PASS/FAIL line per case.
set -u
tc=$1 w=$2
cc=$tc/bin/x86_64-xsc-linux-gnu-gcc
xv=$tc/bin/xsc-verify
here=$(cd "$(dirname "$0")" && pwd)
libc_tests=$here/../../tests/libc
mkdir -p "$w/guest"
cd "$w" || exit 2

pass() { echo "PASS toolchain: $*"; }
fail() { echo "FAIL toolchain: $*"; }
# builds NAME CMD...: CMD succeeds and what it wrote passes xsc-verify
builds() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1) && "$xv" --quiet "${@: -1}" >/dev/null 2>&1; then pass "$name"
	else fail "$name ($(printf '%s' "$out" | tr '\n' ' ' | cut -c1-200))"; fi
}
# refuses NAME PATTERN CMD...: CMD fails, says PATTERN, leaves no output
refuses() {
	local name=$1 pat=$2 out rc
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	if [ "$rc" != 0 ] && printf '%s\n' "$out" | grep -Eq -- "$pat" && [ ! -e "${@: -1}" ]; then
		pass "$name"
	else fail "$name (exit $rc; $(printf '%s' "$out" | tr '\n' ' ' | cut -c1-200))"; fi
}

# the corpus: the C library tests, built by the driver, run in the guest
for t in l_io l_process l_signal l_xsc; do
	builds "$t builds (dynamic)" "$cc" -std=gnu11 -O2 -Wall -Werror -pthread -DCK_SUFFIX='"-tc"' \
		"$libc_tests/$t.c" -lxsc -o "guest/$t-tc"
done
builds "l_io builds as a static PIE" "$cc" -std=gnu11 -O2 -static-pie -DCK_SUFFIX='"-tc-spie"' \
	"$libc_tests/l_io.c" -lxsc -o guest/l_io-tc-spie
builds "l_time builds static" "$cc" -std=gnu11 -O2 -static -DCK_SUFFIX='"-tc-static"' \
	"$libc_tests/l_time.c" -lxsc -o guest/l_time-tc-static
printf 'int lib_answer(void) { return 42; }\n' > lib.c
builds "a -fPIC shared library" "$cc" -O2 -fPIC -shared -Wl,-soname,libtc.so lib.c -o guest/libtc.so
printf 'int lib_answer(void);\nint main(void) { return lib_answer() == 42 ? 0 : 1; }\n' > main.c
builds "a program linked with it" "$cc" -O2 main.c -Lguest -ltc -Wl,-rpath,/xsc/tc -o guest/tc-uselib

interp() { readelf -l "$1" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p'; }
test "$(interp guest/l_io-tc)" = /lib64/ld-linux-xsc-x86-64.so.2 &&
	pass "a dynamic program asks for the XSC loader" || fail "l_io-tc's interpreter: $(interp guest/l_io-tc)"
test -z "$(interp guest/l_io-tc-spie)$(interp guest/libtc.so)" &&
	pass "a static PIE and a shared library have no interpreter" ||
	fail "interpreter in a static PIE or a shared library: $(interp guest/l_io-tc-spie)$(interp guest/libtc.so)"
test "$("$cc" -dumpmachine)" = x86_64-xsc-linux-gnu && pass "-dumpmachine says x86_64-xsc-linux-gnu" ||
	fail "-dumpmachine says $("$cc" -dumpmachine)"
case "$("$cc" -print-file-name=crt1.o)" in
*/sysroot/usr/lib/x86_64-xsc-linux-gnu/crt1.o) pass "-print-file-name finds the XSC crt1.o" ;;
*) fail "-print-file-name=crt1.o: $("$cc" -print-file-name=crt1.o)" ;;
esac
test "$("$cc" -print-sysroot)" = "$tc/sysroot" && pass "-print-sysroot" || fail "-print-sysroot"
builds "-mno-syscall is accepted" "$cc" -mno-syscall -c lib.c -o nosc.o
refuses "-msyscall is refused" 'not available' "$cc" -msyscall -c lib.c -o sc-on.o

# links without the start files still get the note
printf '.globl _start\n_start: jmp _start\n' > start.s
builds "-nostdlib -static: marked" "$cc" -nostdlib -static start.s -o nostdlib
builds "-nostartfiles: marked" "$cc" -nostartfiles -static -e main main.c lib.c -o nostart

# the ways in, each refused with the place
printf 'long f(void) { long r; asm volatile("syscall" : "=a"(r) : "0"(39L) : "rcx", "r11"); return r; }\n' > asm1.c
refuses "inline asm syscall: an error at the source line" \
	'^asm1.c:1:[0-9]+: error: XSC: inline .asm. contains a syscall instruction' "$cc" -O2 -c asm1.c -o asm1.o
printf 'void g(void) { __asm__ __volatile__ ("int $0x80"); }\n' > asm2.c
refuses "inline asm int \$0x80" '^asm2.c:1:[0-9]+: error: .*int \$0x80' "$cc" -O2 -c asm2.c -o asm2.o
printf 'void h(void) { asm("nop\\n\\tSYSENTER"); }\n' > asm3.c
refuses "inline asm SYSENTER (any case)" '^asm3.c:1:[0-9]+: error: .*sysenter' "$cc" -O2 -c asm3.c -o asm3.o
printf 'void i(void) { asm("int %%0" :: "i"(128)); }\n' > asm4.c
refuses "inline asm int %0 with an \"i\"(128) operand" '^asm4.c:1:[0-9]+: error: .*int \$0x80' "$cc" -c asm4.c -o asm4.o
printf 'void j(void) { asm(".byte 0x0f, 0x05"); }\n' > asm5.c
refuses "inline asm .byte 0x0f, 0x05" '^asm5.c:1:[0-9]+: error: .*syscall \(as bytes\)' "$cc" -c asm5.c -o asm5.o
printf 'asm(".globl top\\ntop: syscall");\n' > asm6.c
refuses "top-level asm" 'asm6.c: XSC: top-level .asm. contains a syscall' "$cc" -c asm6.c -o asm6.o
printf 'void k(void) { asm(".byte 0x0f; .byte 0x05"); }\n' > asm7.c
refuses "what the plugin cannot read, the assembler refuses" 'asm7.o: syscall at 0x[0-9a-f]+ in .text \(k\+0x' \
	"$cc" -c asm7.c -o asm7.o
printf '.globl s\ns:\n\tmovl $39, %%eax\n\tsyscall\n\tret\n' > s1.S
refuses "a .S file with syscall" 's1.o.*syscall at 0x5 in .text \(s\+0x5\)' "$cc" -c s1.S -o s1.o
printf '.globl b\nb: .byte 0x0f, 0x05\n\tret\n' > b1.s
refuses ".byte 0x0f,0x05 in code" 'syscall at 0x0 in .text \(b\+0x0\)' "$cc" -c b1.s -o b1.o
printf '.globl d\n.section .rodata\nd: .byte 0x0f, 0x05\n' > d1.s
builds "0f 05 in data is no syscall" "$cc" -c d1.s -o d1.o
printf 'void m(void) { asm volatile("mov $0x050f, %%%%eax" ::: "eax"); }\n' > m1.c
builds "0f 05 inside a longer instruction is no syscall" "$cc" -O2 -c m1.c -o m1.o
# a standard object, assembled by the system's as, linked in
printf '.globl raw\nraw:\n\tsyscall\n\tret\n.section .note.GNU-stack,"",@progbits\n' > raw.s
as --64 -o raw.o raw.s
printf 'void raw(void);\nint main(void) { raw(); return 0; }\n' > useraw.c
refuses "a standard object with a syscall fails the link, naming it" \
	'^raw.o: syscall at 0x0 in .text \(raw\+0x0\)' "$cc" useraw.c raw.o -o useraw
rm -f libraw.a && ar rcs libraw.a raw.o
refuses "a standard archive: the member is named" 'libraw.a\(raw.o\): syscall' \
	"$cc" useraw.c -L. -lraw -o useraw2
printf 'int main(void) { return 0; }\n' > nolib.c
refuses "a library only the host has is not found (-lz)" 'cannot find -lz' "$cc" nolib.c -lz -o nolib
# a CMake project with the toolchain file (its program runs in the guest)
rm -rf cmake
if cmake -S "$here/cmake-demo" -B cmake -G Ninja \
	-DCMAKE_TOOLCHAIN_FILE="$tc/share/xsc/cmake/x86_64-xsc-linux-gnu.cmake" > cmake.log 2>&1 &&
   ninja -C cmake >> cmake.log 2>&1 && "$xv" --quiet cmake/tc-cmake cmake/libdemo.so >> cmake.log 2>&1; then
	cp cmake/tc-cmake cmake/libdemo.so guest/
	pass "a CMake project (shared library, program, find_library of libxsc) with the toolchain file"
else fail "the CMake project ($(tail -5 cmake.log | tr '\n' ' ' | cut -c1-200))"; fi
# a meson project with the cross file (its program runs in the guest)
rm -rf meson
if meson setup meson "$here/meson-demo" --cross-file "$tc/share/xsc/meson/x86_64-xsc-linux-gnu.ini" \
	> meson.log 2>&1 && ninja -C meson >> meson.log 2>&1 && "$xv" --quiet meson/tc-meson >> meson.log 2>&1; then
	cp meson/tc-meson guest/
	pass "a meson project (static library, program, libxsc) with the cross file"
else fail "the meson project ($(tail -5 meson.log | tr '\n' ' ' | cut -c1-200))"; fi
echo "XSC-GUEST-END"	# the end marker guestcheck wants: the script ran to the end
