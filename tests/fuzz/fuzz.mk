# Fuzzing (included by the top Makefile): libFuzzer targets built by clang with
# ASan and UBSan for every request decoder, the event decoder, the text
# parsers and the importers' readers (CSV, calendar) (tests/fuzz/fuzz_*.c).
#   make fuzz         each target for FUZZ_SECONDS (60)
#   make fuzz-short   each target for FUZZ_SHORT_SECONDS (5), as CI does
#   make fuzz FUZZ_TARGETS=fuzz_event FUZZ_SECONDS=600   one target, longer
# Seeds: tests/fuzz/corpus/<target>/ (committed, written by make_corpus when a
# folder is empty). New inputs: build/fuzz/corpus-new/<target>/ (not
# committed). A failure leaves its input as build/fuzz/<target>-crash-…; replay
# it with `build/fuzz/<target> <file>`.
# The sources are compiled here with the fuzzer flags (libmotcua.a is gcc's,
# without them); api.c and rpc.c need CZMQ, outbox.c needs db.c and libpq.

FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 60
FUZZ_SHORT_SECONDS ?= 5
FUZZ_DIR           := $(BUILD)/fuzz
FUZZ_TARGETS       ?= $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_SAN           := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS        := -g -O1 -std=gnu11 -Wall -Wextra -D_GNU_SOURCE
FUZZ_CPPFLAGS      := -I$(BUILD)/gen -Icommon/infra -Icommon/law -Iservices/intake -Iservices/motcua/kit -Itests/fuzz -I$(PG_INC)
FUZZ_LIBS          := -lprotobuf-c -lczmq -lzmq -lpq -lm
FUZZ_SRC           := $(addprefix common/infra/,api.c rpc.c outbox.c db.c log.c) \
                      $(addprefix common/law/,vntime.c worktime.c legal_clock.c dossier_code.c report06a.c lunar.c calendar.c) services/intake/intake_check.c \
                      services/motcua/kit/csv.c $(PB_C)
FUZZ_SRC           += common/infra/dossier_history.c common/law/lookup_key.c common/law/lifecycle.c common/law/rule_set.c
FUZZ_OBJ           := $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_SRC))

.PHONY: fuzz fuzz-short fuzz-build fuzz-corpus
fuzz: fuzz-build
	@tests/fuzz/fuzz.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-short: fuzz-build
	@tests/fuzz/fuzz.sh $(FUZZ_DIR) $(FUZZ_SHORT_SECONDS) $(FUZZ_TARGETS)

fuzz-build: $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS)) fuzz-corpus

# Seed a target whose corpus folder is missing or empty.
fuzz-corpus: $(FUZZ_DIR)/make_corpus
	@for t in $(FUZZ_TARGETS); do d=tests/fuzz/corpus/$$t; \
	  if [ -z "$$(ls -A $$d 2>/dev/null)" ]; then \
	    mkdir -p $$d && $(FUZZ_DIR)/make_corpus $$t $$d || exit 1; fi; done

# clang with libFuzzer's runtime: installed when root (Debian 12), else named.
$(FUZZ_DIR)/.clang:
	@mkdir -p $(FUZZ_DIR)
	@probe() { printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return d && n && 0; }\n' \
	  | $(FUZZ_CC) $(FUZZ_SAN) -x c - -o $(FUZZ_DIR)/.probe >/dev/null 2>&1; }; \
	if ! probe; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: clang"; \
	    (apt-get install -y clang || (apt-get update && apt-get install -y clang)) >/dev/null || exit 1; \
	  else \
	    echo "clang with libFuzzer is missing; run:"; echo "  sudo apt-get install -y clang"; exit 1; \
	  fi; \
	  probe || { echo "$(FUZZ_CC) cannot build a libFuzzer target"; exit 1; }; \
	fi; rm -f $(FUZZ_DIR)/.probe; touch $@

$(FUZZ_DIR)/obj/%.o: %.c $(PB_C) | $(FUZZ_DIR)/.clang
	@mkdir -p $(dir $@)
	@echo "  FUZZ-CC $<"; $(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_%.o $(FUZZ_OBJ)
	@echo "  FUZZ-LD $@"; $(FUZZ_CC) $(FUZZ_SAN) $^ $(FUZZ_LIBS) -o $@

$(FUZZ_DIR)/make_corpus: tests/fuzz/make_corpus.c $(PB_C) | $(FUZZ_DIR)/.clang
	@echo "  FUZZ-LD $@"; $(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $^ -lprotobuf-c -o $@
