# Chaos (included by the top Makefile): tests/chaos.c on a PostgreSQL cluster
# of its own — client threads drive CHAOS_DOSSIERS dossiers through every
# stage while services are SIGKILLed CHAOS_KILLS times and PostgreSQL is
# restarted CHAOS_PG_RESTARTS times; then nothing lost, nothing twice, II.06a
# identities and totals as the clients counted. tests/run.sh runs a short one.
#   make chaos                                    5000 dossiers, 20 kills, 2 restarts
#   make chaos CHAOS_DOSSIERS=500 CHAOS_KILLS=5   smaller
# Also: CHAOS_THREADS (8), CHAOS_BASE_PORT (27100), CHAOS_SEED, CHAOS_KEEP=1, TMPDIR.

CHAOS_DOSSIERS    ?= 5000
CHAOS_KILLS       ?= 20
CHAOS_PG_RESTARTS ?= 2

.PHONY: chaos
all: $(BIN)/chaos

$(BIN)/chaos: $(BUILD)/tests/chaos.o $(BUILD)/tests/testkit.o $(BUILD)/tests/harness.o $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

chaos: all
	@CHAOS_DOSSIERS=$(CHAOS_DOSSIERS) CHAOS_KILLS=$(CHAOS_KILLS) CHAOS_PG_RESTARTS=$(CHAOS_PG_RESTARTS) \
	  MOTCUA_BIN=$(BIN) $(BIN)/chaos
