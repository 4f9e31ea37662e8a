# motcua-dashboard — the web dashboard (libmicrohttpd), included by the Makefile.
# Its page, script and style (services/dashboard/assets/) are compiled into the
# binary; it reuses the CLI's JSON writer, its II.06a workbook and CSV and
# its trace JSON.
DASHBOARD_O := $(patsubst %.c,$(BUILD)/%.o,$(wildcard services/dashboard/*.c)) \
               $(BUILD)/gen/dashboard_assets.o $(addprefix $(BUILD)/services/motcua/,json.o report_json.o report_out.o csv.o trace_json.o)
DASHBOARD_ASSETS := $(sort $(wildcard services/dashboard/assets/*))

all: $(BIN)/motcua-dashboard

$(BUILD)/services/dashboard/%.o: CPPFLAGS += -Iservices/dashboard -Iservices/motcua

$(BUILD)/gen/dashboard_assets.c: $(DASHBOARD_ASSETS) services/dashboard/embed.sh | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	@echo "  EMBED $@"; services/dashboard/embed.sh $(DASHBOARD_ASSETS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/dashboard_assets.o: $(BUILD)/gen/dashboard_assets.c services/dashboard/dashboard_assets.h
	@echo "  CC $<"; $(CC) $(CPPFLAGS) -Iservices/dashboard $(CFLAGS) -c $< -o $@

$(BIN)/motcua-dashboard: $(DASHBOARD_O) $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $(DASHBOARD_O) $(LIB) $(LDLIBS) $(CLI_LIBS) -lmicrohttpd -o $@
