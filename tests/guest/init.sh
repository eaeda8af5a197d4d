#!/bin/busybox sh
# /init of the XSC test guest: runs the freestanding XSC test programs
# and the shell-level checks, prints PASS/FAIL lines on the serial
# console; tests/harness/guestcheck.c reads them on the host.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
variant=$(sed -n 's/.*xsc_variant=\([a-z]*\).*/\1/p' /proc/cmdline)
if [ "$variant" = probe ]; then	# tests/kvm-probe.sh: just answer
	echo XSC-KVM-PROBE-OK
	reboot -f
fi
if [ "$variant" = bench ]; then	# make bench: both forms in this one boot
	arg=$(sed -n 's/.*xsc_bench=\([0-9]\)\([0-9]\).*/\1 \2/p' /proc/cmdline)
	echo "XSC-GUEST-START bench"
	insmod /lib/modules/xsc.ko 2>/dev/null	# a module kernel; fails harmlessly when built in
	dmesg | grep "xsc: entry body" | sed 's/^/# /'
	/xsc/b_raw $arg
	/xsc/b_xsc $arg
	echo "XSC-GUEST-END"
	reboot -f
fi
if [ "$variant" = stress ]; then	# make check-full: the long stress run
	secs=$(sed -n 's/.*xsc_stress=\([0-9]*\).*/\1/p' /proc/cmdline)
	fuzz=$(sed -n 's/.*xsc_fuzz=\([0-9]*\).*/\1/p' /proc/cmdline)
	echo "XSC-GUEST-START stress"
	dmesg | grep "xsc: entry body" | sed 's/^/# /'
	if [ -n "$fuzz" ]; then	# the sanitizer kernel: the ring fuzzer first
		timeout $((fuzz + 300)) /xsc/t_fuzz "$fuzz"
		echo "# t_fuzz exited $?"
	fi
	timeout $((secs + 300)) /xsc/t_stress "$secs"
	echo "# t_stress exited $?"
	dmesg | sed 's/^/# dmesg: /'
	echo "XSC-GUEST-END"
	reboot -f
fi
echo "XSC-GUEST-START $variant"
echo "# kernel $(uname -r), variant $variant"
# module: xsc.ko loaded and unloaded here (test or Debian-based kernel);
# dist: the Debian-based kernel, with IA32 emulation and x32
case $variant in module|distmod) mod=1 ;; *) mod= ;; esac
case $variant in dist|distmod) elfarg=ia32 ;; *) elfarg= ;; esac
# Debian's kernel has no vsyscall page unless booted with vsyscall=...
sigsysarg=
[ "$variant" = distmod ] && ! grep -q vsyscall= /proc/cmdline && sigsysarg=novsyscall

check() { # check NAME COMMAND...: one PASS/FAIL line from a shell test
	name=$1; shift
	if "$@" >/tmp/check.out 2>&1; then echo "PASS shell: $name"
	else echo "FAIL shell: $name ($(tr '\n' ' ' </tmp/check.out | cut -c1-200))"; fi
}
xsc_loaded() { grep -q "^xsc " /proc/modules; }

# the C library guest: what the XSC loader does with standard objects
libc_checks() {
	ld=/lib64/ld-linux-xsc-x86-64.so.2
	check "the XSC ld.so refuses a standard program, naming it" sh -c \
		"$ld /bin/busybox true 2>&1 | tee /dev/stderr | grep -q '/bin/busybox: .*not an XSC object'"
	check "... and exits 127" sh -c "$ld /bin/busybox true 2>/dev/null; test \$? = 127"
	check "the XSC ld.so lists an XSC program's libraries (ldd)" sh -c \
		"$ld --list /xsc/libc/l_io | grep -q 'libc.so.6 => /lib/x86_64-xsc-linux-gnu/libc.so.6'"
	check "LD_PRELOAD of a standard object is refused with the reason" sh -c \
		"LD_PRELOAD=/xsc/libc/u_lib.so /xsc/libc/l_dlopen 2>&1 >/dev/null | grep -q 'u_lib.so.*not an XSC object'"
	check "a program needing a standard library stops, naming it" sh -c \
		"/xsc/libc/n_needs_u 2>&1 | grep -q 'u_lib.so: .*not an XSC object'; test \$? = 0"
	# programs glibc installs, built with it
	check "getconf PAGE_SIZE" sh -c "test \$(/usr/bin/getconf PAGE_SIZE) = 4096"
	check "iconv UTF-8 to ISO-8859-1 (a gconv module)" sh -c \
		"test \"\$(printf '\\303\\251' | /usr/bin/iconv -f UTF-8 -t ISO-8859-1 | od -An -tx1)\" = ' e9'"
	check "iconv UTF-8 to UTF-16LE" sh -c \
		"test \"\$(printf A | /usr/bin/iconv -f UTF-8 -t UTF-16LE | od -An -tx1)\" = ' 41 00'"
	check "getent hosts localhost" sh -c "/usr/bin/getent hosts localhost | grep -q '^127.0.0.1 '"
	check "locale" /usr/bin/locale
	check "ldconfig (static) builds a cache that lists the XSC libc" sh -c \
		"/sbin/ldconfig -C /tmp/ld.cache -f /dev/null /lib/x86_64-xsc-linux-gnu &&
		 /sbin/ldconfig -p -C /tmp/ld.cache | grep -q 'libc.so.6 .*=> /lib/x86_64-xsc-linux-gnu/libc.so.6'"
	check "a standard program with the XSC loader as interpreter: the kernel says why it refused it" sh -c \
		"dmesg | grep -q \"xsc: /xsc/libc/u_interp: refused: not an XSC binary (no .note.XSC-ABI), but its interpreter is XSC's\""
}

if [ "$variant" = libc ]; then	# the C library guest (tests/libc)
	echo "XSC-GUEST-START libc"
	echo "# kernel $(uname -r)"
	dmesg | grep "xsc: entry body" | sed 's/^/# /'
	cd /tmp
	secs=$(sed -n 's/.*xsc_libc_stress=\([0-9]*\).*/\1/p' /proc/cmdline)
	if [ -n "$secs" ]; then	# make check-full: the long stress run only
		for t in /xsc/libc/l_stress /xsc/libc/l_stress-static; do
			timeout $((secs * 20 + 120)) "$t" "$secs" || echo "# $t exited $?"
		done
	else
		for t in /xsc/libc/l_* /xsc/tc/l_*; do
			timeout 120 "$t" || echo "# $t exited $?"
		done
		check "a program and a shared library built by x86_64-xsc-linux-gnu-gcc" /xsc/tc/tc-uselib
		check "a CMake-built program and library (toolchain file)" /xsc/tc/tc-cmake
		check "a meson-built program (cross file)" /xsc/tc/tc-meson
		sh /xsc/pkg/pkg-guest.sh /xsc/pkg
		libc_checks
	fi
	echo "XSC-GUEST-END"
	reboot -f
fi

if [ "$variant" = strictmod ]; then
	# xsc_strict with the driver as a module: this unmarked init must run
	# and load it; from then on only XSC images run, t_strict says so
	check "xsc_strict: unmarked programs run before xsc.ko is loaded" sh -c '/xsc/u_hello; test $? = 9'
	check "the kernel says when strict mode applies" \
		sh -c 'dmesg | grep -q "xsc: strict: unmarked executables are refused while the ring driver is loaded"'
	check "insmod xsc.ko" insmod /lib/modules/xsc.ko
	exec /xsc/t_strict module
fi

if [ -n "$mod" ]; then
	# 1. without the driver an XSC binary fails cleanly
	check "XSC module not loaded at boot" sh -c '! grep -q "^xsc " /proc/modules'
	/xsc/u_exec /xsc/t_hello 3 >/tmp/noxsc.out 2>&1
	check "exec of an XSC binary without xsc.ko fails with ENOEXEC" \
		grep -q 'execve /xsc/t_hello: -8$' /tmp/noxsc.out
	check "and the kernel log says why" \
		sh -c 'dmesg | grep -q "xsc: /xsc/t_hello: XSC binary, but XSC support is not loaded"'
	check "insmod xsc.ko" insmod /lib/modules/xsc.ko
	check "xsc listed in /proc/modules" xsc_loaded
else
	check "XSC built in (no module listed)" sh -c '! grep -q "^xsc " /proc/modules'
fi
if [ "$variant" = syscall ]; then
	check "entry body: syscall in the entry page" \
		sh -c 'dmesg | grep -q "xsc: entry body: syscall in the entry page"'
else
	check "entry body: page-fault doorbell" sh -c 'dmesg | grep -q "xsc: entry body: page-fault doorbell"'
fi

XSC_TESTS="t_basic t_sigsys t_signals t_proc t_seccomp t_ptrace t_bad t_audit t_vdso t_elfnote"
[ "$variant" = builtin ] && XSC_TESTS="t_basic t_sigsys t_vdso t_elfnote"	# others: all
# xsc_only=t_a,t_b on the command line: those programs and nothing else
# (a developer's boot by hand; make check never sets it)
only=$(sed -n 's/.*xsc_only=\([a-z_,]*\).*/\1/p' /proc/cmdline | tr , ' ')
[ -n "$only" ] && XSC_TESTS=$only
for t in $XSC_TESTS; do
	case $t in
	t_elfnote) timeout 120 /xsc/$t $elfarg ;;
	t_sigsys) timeout 120 /xsc/$t $sigsysarg ;;
	b_*) timeout 120 /xsc/$t check ;;	# xsc_only=b_raw,b_xsc
	*) timeout 120 /xsc/$t ;;
	esac
	echo "# $t exited $?"
done
if [ -n "$only" ]; then
	echo "XSC-GUEST-END"
	reboot -f
fi
if [ "$variant" != builtin ]; then	# short stress and fuzz runs; make check-full: long
	timeout 120 /xsc/t_stress 3
	echo "# t_stress exited $?"
	timeout 120 /xsc/t_fuzz 4
	echo "# t_fuzz exited $?"
fi
# the benchmark programs, once, checking every result (not timing)
for b in b_raw b_xsc; do
	timeout 120 /xsc/$b check
	echo "# $b exited $?"
done

# raw_syscalls tracepoints see ring calls
T=/sys/kernel/tracing
if [ -d $T/events/raw_syscalls ] || mount -t tracefs tracefs $T 2>/dev/null; then
	echo 'id == 110' > $T/events/raw_syscalls/sys_enter/filter
	echo 1 > $T/events/raw_syscalls/sys_enter/enable
	/xsc/t_trace
	echo 0 > $T/events/raw_syscalls/sys_enter/enable
	check "raw_syscalls:sys_enter shows a ring call with its arguments" \
		grep -q 'NR 110 (5a5a1' $T/trace
else
	echo "FAIL shell: tracefs not available"
fi

if [ -n "$mod" ]; then
	# 2. the driver cannot go while an XSC task lives
	/xsc/t_sleep 4 &
	sleeper=$!
	sleep 1
	check "rmmod xsc refused while an XSC task lives" sh -c 'grep -q "^xsc " /proc/modules && ! rmmod xsc'
	check "xsc still loaded" xsc_loaded
	wait $sleeper
	check "the XSC task ran to completion" test $? = 0
	check "rmmod xsc once no XSC task is left" rmmod xsc
	check "xsc gone from /proc/modules" sh -c '! grep -q "^xsc " /proc/modules'
	# 3. nor while a task that left XSC in a ring execve is still inside
	# the driver (stopped by a tracer at the exec event); u_modref
	# unloads it itself once the task is gone
	check "insmod xsc.ko again" insmod /lib/modules/xsc.ko
	timeout 60 /xsc/u_modref /xsc/t_exec /xsc/u_hello
	echo "# u_modref exited $?"
	check "xsc unloaded by u_modref" sh -c '! grep -q "^xsc " /proc/modules'
fi

dmesg > /tmp/dmesg.txt
echo "# dmesg follows"
sed 's/^/# dmesg: /' /tmp/dmesg.txt
echo "XSC-GUEST-END"
reboot -f
