# Toolchain pieces built so far (issue: toolchain x86_64-xsc-linux-gnu):
#   $(B)/toolchain/unhide      libelf tool: hidden symbols made visible again
#   libgcc_s.so.1 in the XSC sysroot, linked from Debian's libgcc archives
#   with the XSC start files (toolchain/libgcc-s.sh)

$(B)/toolchain/unhide: toolchain/unhide.c | deps
	@mkdir -p $(B)/toolchain
	$(HOSTCC) $(TOOL_CFLAGS) $< -lelf -o $@

$(XSC_LIBDIR)/libgcc_s.so.1: $(LIBC_SYSROOT)/.stamp $(B)/toolchain/unhide toolchain/libgcc-s.sh
	toolchain/libgcc-s.sh $(LIBC_SYSROOT) $(B)/toolchain/unhide $@
