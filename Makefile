# motcua — build, run and test the one-stop dossier suite.
# `make` builds everything into build/bin; `make run` brings the suite up on an
# embedded PostgreSQL and follows the logs; `make test` runs every test.

CC       ?= cc
SAN      ?=
CFLAGS   ?= -O2 -g
# (override: the flags that keep the code honest hold even when CFLAGS is given on the command line, as asan-build does)
override CFLAGS += -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE $(SAN)
PG_INC   := $(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
CPPFLAGS += -Ibuild/gen -Icommon/infra -Icommon/law -Iservices/intake -Iservices/processing \
            -Iservices/postal -Iservices/reporting -I$(PG_INC)
LDLIBS   += -lczmq -lzmq -lprotobuf-c -lpq -lm
CLI_LIBS := -lxlsxwriter
LDFLAGS  += $(SAN)

BUILD    := build
BIN      := $(BUILD)/bin
DEB_PACKAGES := libzmq3-dev libczmq-dev libprotobuf-c-dev protobuf-c-compiler libpq-dev postgresql-15 libxlsxwriter-dev
DEB_PACKAGES += libmicrohttpd-dev

PROTOS   := $(wildcard proto/motcua/v1/*.proto)
PB_C     := $(patsubst proto/%.proto,$(BUILD)/gen/%.pb-c.c,$(PROTOS))
PB_O     := $(PB_C:.c=.o)
# common/ has two rooms, each its own archive (see the README's layout):
#   common/law   the rules of law, pure: compiled seeing only its own headers,
#                linked with libc and libm alone (its unit tests prove it);
#   common/infra the wire and disk every service runs on (czmq, zmq, pq,
#                protobuf-c), with the services' client libraries.
LAW_O    := $(patsubst %.c,$(BUILD)/%.o,$(wildcard common/law/*.c))
INFRA_O  := $(patsubst %.c,$(BUILD)/%.o,$(wildcard common/infra/*.c))
CLIENT_O := $(patsubst %.c,$(BUILD)/%.o,$(wildcard services/*/*_client.c))
LAW_LIB  := $(BUILD)/libmotcua-law.a
INFRA_LIB:= $(BUILD)/libmotcua.a
LIB      := $(INFRA_LIB) $(LAW_LIB)

SERVICES := intake processing postal reporting
svc_objs  = $(patsubst %.c,$(BUILD)/%.o,$(filter-out %_client.c,$(wildcard services/$(1)/*.c)))

#   The law's own unit tests link the law archive and nothing else.
LAW_TESTS:= $(BIN)/test_calendar $(BIN)/test_report $(BIN)/test_postal_unit
TESTS    := $(BIN)/test_unit $(BIN)/test_blackbox $(BIN)/test_faults $(BIN)/test_reporting
TESTS    += $(BIN)/test_steps
TESTS    += $(BIN)/test_history

.SECONDEXPANSION:
# Keep the generated protobuf C between builds (make would delete intermediates).
.SECONDARY:
.PHONY: all deps up down run test test-unit test-asan asan-build clean distclean
all: deps $(addprefix $(BIN)/motcua-,$(SERVICES)) $(BIN)/motcua $(TESTS) $(LAW_TESTS)

# Install missing Debian packages when root; otherwise say exactly what to run.
deps: $(BUILD)/.deps
$(BUILD)/.deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get install -y $$missing || (apt-get update && apt-get install -y $$missing)) >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages; run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; fi
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/gen/%.pb-c.c $(BUILD)/gen/%.pb-c.h: proto/%.proto | $(BUILD)/.deps
	@mkdir -p $(BUILD)/gen
	@echo "  PROTOC $<"; protoc-c --c_out=$(BUILD)/gen -Iproto $<

$(BUILD)/gen/%.pb-c.o: $(BUILD)/gen/%.pb-c.c
	@echo "  CC $<"; $(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.c $(PB_C) | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(INFRA_LIB): $(PB_O) $(INFRA_O) $(CLIENT_O)
	@echo "  AR $@"; rm -f $@; ar rcs $@ $^

$(LAW_LIB): $(LAW_O)
	@echo "  AR $@"; rm -f $@; ar rcs $@ $^

#   A law file sees only the law's headers and the C library's: an include of
#   the wire, the database or generated protobuf does not compile.
$(BUILD)/common/law/%.o: common/law/%.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) -Icommon/law $(CFLAGS) -MMD -MP -c $< -o $@

$(BIN)/motcua-%: $$(call svc_objs,$$*) $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $(call svc_objs,$*) $(LIB) $(LDLIBS) -o $@

#   The CLI: its commands (services/motcua/*.c, one file or a small group
#   per command word) over its toolkit (services/motcua/kit/: options,
#   errors, JSON, CSV, the forms' output), an archive the dashboard links too.
CLI_KIT_O:= $(patsubst %.c,$(BUILD)/%.o,$(wildcard services/motcua/kit/*.c))
CLI_KIT  := $(BUILD)/libmotcua-cli.a
CLI_O    := $(patsubst %.c,$(BUILD)/%.o,$(wildcard services/motcua/*.c))

$(BUILD)/services/motcua/%.o: CPPFLAGS += -Iservices/motcua/kit

$(CLI_KIT): $(CLI_KIT_O)
	@echo "  AR $@"; rm -f $@; ar rcs $@ $^

$(BIN)/motcua: $(CLI_O) $(CLI_KIT) $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $(CLI_O) $(CLI_KIT) $(LIB) $(LDLIBS) $(CLI_LIBS) -o $@

$(LAW_TESTS): $(BIN)/test_%: $(BUILD)/tests/test_%.o $(BUILD)/tests/testkit.o $(LAW_LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@ (law alone)"; $(CC) $(LDFLAGS) $^ -lm -o $@

$(BIN)/test_%: $(BUILD)/tests/test_%.o $(BUILD)/tests/testkit.o $(BUILD)/tests/harness.o $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

up: all
	@deploy/up.sh

down:
	@deploy/down.sh

run: all
	@deploy/up.sh && exec deploy/follow.sh

# Every test, plus the services' suites again built with AddressSanitizer
# and UBSan (MOTCUA_SKIP_ASAN=1 leaves that out) and a short fuzzing pass.
test: all
	@if [ -z "$(MOTCUA_SKIP_ASAN)" ]; then $(MAKE) --no-print-directory asan-build >/dev/null; fi
	@MOTCUA_ASAN_BIN=$(if $(MOTCUA_SKIP_ASAN),,build/asan/bin) tests/run.sh

asan-build:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" CFLAGS="-O1 -g" all

test-unit: $(BIN)/test_unit
	@$(BIN)/test_unit

# The same suite built with AddressSanitizer and UBSan, in its own build tree.
test-asan: asan-build
	@MOTCUA_BIN=build/asan/bin MOTCUA_SKIP_VALGRIND=1 MOTCUA_SKIP_FUZZ=1 tests/run.sh

clean:
	rm -rf $(BUILD)/gen $(BUILD)/common $(BUILD)/services $(BUILD)/tests $(BUILD)/bin $(LIB) $(CLI_KIT) $(BUILD)/asan

distclean: down
	rm -rf build var

# Fuzzing targets (make fuzz, make fuzz-short) live beside their sources.
-include tests/fuzz/fuzz.mk
-include tests/bench/bench.mk
-include tests/chaos.mk
-include services/dashboard/dashboard.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
