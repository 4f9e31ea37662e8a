# Benchmarks (included by the top Makefile): `make bench` starts its own
# PostgreSQL and suite and prints each figure beside the machine's limit
# measured in the same run (tests/bench/run.sh); the JSON goes to var/bench.json.
.PHONY: bench
all: $(BIN)/bench_load

$(BIN)/bench_load: $(BUILD)/tests/bench/bench_load.o $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $^ $(LDLIBS) -lpthread -o $@

bench: all
	@MOTCUA_BIN=$(BIN) tests/bench/run.sh

# II.06a from the rollups vs plain SQL over the facts (tests/bench/report_bench.sh;
# REPORT_BENCH_SIZES="1000000 10000000" for 10 M too).
.PHONY: bench-report
all: $(BIN)/report_bench
bench-report: all
	@MOTCUA_BIN=$(BIN) tests/bench/report_bench.sh
$(BIN)/report_bench: $(BUILD)/tests/bench/report_bench.o $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@
