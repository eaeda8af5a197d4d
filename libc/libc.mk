# XSC glibc: Debian's glibc-source + libc/sysdeps (the port) + libc/patches,
# built out of tree and installed into a sysroot:
#   $(B)/libc/sysroot/   the XSC glibc: /lib/x86_64-xsc-linux-gnu,
#                        /lib64/ld-linux-xsc-x86-64.so.2, /usr/include
#                        (with the XSC kernel's headers)
#   $(B)/libc/stock/     the same source without the port (make libc-stock;
#                        glibc's testsuite compares the two)

LIBC_SYSDEPS := $(shell find libc/sysdeps -type f)
LIBC_SYSROOT := $(B)/libc/sysroot

libc: $(LIBC_SYSROOT)/.stamp
libc-stock: $(B)/libc/stock/.stamp
.PHONY: libc libc-stock

# the XSC kernel's UAPI headers (<linux/xsc.h> included)
$(B)/libc/kernel-headers/.stamp: $(B)/kernel/src.stamp $(KTREE)
	cp -rp kernel/tree/. $(KSRC)/
	$(MAKE) -s -C $(KSRC) O=$(B)/libc/khdr-obj ARCH=x86_64 headers
	mkdir -p $(B)/libc/kernel-headers
	@# only what changed, mtimes kept: glibc need not rebuild for an
	@# unchanged header
	cp -rup $(B)/libc/khdr-obj/usr/include $(B)/libc/kernel-headers/
	find $(B)/libc/kernel-headers -name '.*' -type f -delete
	@touch $@

# the stock source gets neither the port nor the patches
$(B)/libc/src-xsc/xsc-source.txt: libc/VERSION libc/prepare-source.sh $(wildcard libc/patches/*) | deps
	@mkdir -p $(B)/libc
	libc/prepare-source.sh $(B)/libc xsc
$(B)/libc/src-stock/xsc-source.txt: libc/VERSION libc/prepare-source.sh | deps
	@mkdir -p $(B)/libc
	libc/prepare-source.sh $(B)/libc stock

$(LIBC_SYSROOT)/.stamp: $(B)/libc/src-xsc/xsc-source.txt $(B)/libc/kernel-headers/.stamp libc/build.sh \
		$(LIBC_SYSDEPS)
	JOBS=$(JOBS) libc/build.sh $(B)/libc/src-xsc $(B)/libc/obj-xsc $(LIBC_SYSROOT) xsc $(B)/libc/kernel-headers
	@touch $@

$(B)/libc/stock/.stamp: $(B)/libc/src-stock/xsc-source.txt $(B)/libc/kernel-headers/.stamp libc/build.sh
	JOBS=$(JOBS) libc/build.sh $(B)/libc/src-stock $(B)/libc/obj-stock $(B)/libc/stock stock $(B)/libc/kernel-headers
	@touch $@

# libxsc: the ring for programs (libc/libxsc), installed into the sysroot
XSC_LIBDIR := $(LIBC_SYSROOT)/lib/x86_64-xsc-linux-gnu
# the system gcc pointed at the XSC sysroot (start files, libraries);
# the tests build with it too (tests/libc/libc.mk)
XSC_SYSROOT_CC = $(HOSTCC) --sysroot=$(LIBC_SYSROOT) -B$(LIBC_SYSROOT)/usr/lib/x86_64-xsc-linux-gnu/ \
	-L$(LIBC_SYSROOT)/usr/lib/x86_64-xsc-linux-gnu -L$(XSC_LIBDIR)
LIBXSC_CC = $(XSC_SYSROOT_CC) -std=gnu11 -O2 -Wall -Wextra -Werror -mno-red-zone -Ilibc/libxsc
$(LIBC_SYSROOT)/.libxsc: libc/libxsc/xsc.c libc/libxsc/xsc.h libc/libxsc/xsc.3 $(LIBC_SYSROOT)/.stamp
	@mkdir -p $(B)/libc/libxsc
	$(LIBXSC_CC) -fPIC -c libc/libxsc/xsc.c -o $(B)/libc/libxsc/xsc.os
	$(LIBXSC_CC) -c libc/libxsc/xsc.c -o $(B)/libc/libxsc/xsc.o
	$(LIBXSC_CC) -shared -Wl,-soname,libxsc.so.1 $(B)/libc/libxsc/xsc.os -o $(XSC_LIBDIR)/libxsc.so.1
	ln -sf ../../../lib/x86_64-xsc-linux-gnu/libxsc.so.1 $(LIBC_SYSROOT)/usr/lib/x86_64-xsc-linux-gnu/libxsc.so
	rm -f $(LIBC_SYSROOT)/usr/lib/x86_64-xsc-linux-gnu/libxsc.a
	ar rcs $(LIBC_SYSROOT)/usr/lib/x86_64-xsc-linux-gnu/libxsc.a $(B)/libc/libxsc/xsc.o
	install -m 644 libc/libxsc/xsc.h $(LIBC_SYSROOT)/usr/include/xsc.h
	install -D -m 644 libc/libxsc/xsc.3 $(LIBC_SYSROOT)/usr/share/man/man3/xsc.3
	@touch $@
libc: $(LIBC_SYSROOT)/.libxsc
