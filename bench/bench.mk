# Benchmarks: ring calls against the syscall instruction (bench/README.md).
#   make bench   boots the builtin kernel once and runs b_raw and b_xsc;
#                writes $(B)/bench/{report.md,results.csv,plot.png}
# make check runs the same programs once in "check" mode (every result
# verified, no timing), in the module guest.

BENCH_SECS ?= 1
BENCH_RUNS ?= 5

$(T)/bin/b_xsc: bench/guest/bench.c $(T)/rt_xsc.o $(T)/note.o
	$(HOSTCC) $(TEST_CFLAGS) $< $(T)/rt_xsc.o $(T)/note.o -o $@
$(T)/bin/b_raw: bench/guest/bench.c $(T)/rt_raw.o
	$(HOSTCC) $(TEST_CFLAGS) -DRT_RAW $< $(T)/rt_raw.o -o $@

$(B)/bench/bench-report: bench/report.c | deps
	@mkdir -p $(B)/bench
	$(HOSTCC) $(TOOL_CFLAGS) $< -o $@

# one boot per entry body, each with both programs
BENCH_BODIES := fault syscall
$(B)/bench/%.log: $(B)/kernel/builtin/bzImage $(T)/initramfs.cpio.gz $(T)/accel FORCE
	@mkdir -p $(B)/bench
	@echo "bench: $* entry body: one boot, $(BENCH_RUNS) runs of ~$(BENCH_SECS) s per figure, $$(sed -n 2p $(T)/accel)"
	timeout 3600 $(QEMU) $$(sed -n 1p $(T)/accel) $(QEMU_ARGS) -kernel $(B)/kernel/builtin/bzImage \
		-initrd $(T)/initramfs.cpio.gz -serial file:$@.tmp \
		-append "console=ttyS0 panic=-1 quiet xsc_variant=bench xsc_entry=$* xsc_bench=$(BENCH_SECS)$(BENCH_RUNS)"
	@grep -q XSC-GUEST-END $@.tmp || { echo "bench: the $* guest did not finish" >&2; exit 1; }
	@! grep -q '^FAIL' $@.tmp || { grep '^FAIL' $@.tmp >&2; echo "bench: wrong results" >&2; exit 1; }
	@mv $@.tmp $@

bench: $(addprefix $(B)/bench/,$(addsuffix .log,$(BENCH_BODIES))) $(B)/bench/bench-report
	$(B)/bench/bench-report $(B)/bench "$$(sed -n 2p $(T)/accel)" \
		"Linux $$(sed -n 's/^upstream=//p' $(B)/kernel/builtin/source.txt)" \
		$(foreach b,$(BENCH_BODIES),$(b)=$(B)/bench/$(b).log)
	$(foreach b,$(BENCH_BODIES),gnuplot -e "out='$(B)/bench/plot-$(b).png'; \
		dat='$(B)/bench/plot-$(b).dat'; body='$(b)'" bench/plot.gp;)
	@cat $(B)/bench/report.md
	@echo "bench: $(B)/bench/report.md, results.csv, plot-*.png"

# a benchmark log is a measurement: always boot again
FORCE:
.PHONY: FORCE
