# motcua-dashboard — the web dashboard (libmicrohttpd), included by the Makefile.
# Its page, script and style (services/dashboard/assets/) are compiled into the
# binary; it links the CLI's toolkit (services/motcua/kit, $(CLI_KIT)) for
# its JSON writer, its II.06a workbook and CSV and its trace JSON.
DASHBOARD_O := $(patsubst %.c,$(BUILD)/%.o,$(wildcard services/dashboard/*.c)) \
               $(BUILD)/gen/dashboard_assets.o
DASHBOARD_ASSETS := $(sort $(wildcard services/dashboard/assets/*))

all: $(BIN)/motcua-dashboard

$(BUILD)/services/dashboard/%.o: CPPFLAGS += -Iservices/dashboard -Iservices/motcua/kit

$(BUILD)/gen/dashboard_assets.c: $(DASHBOARD_ASSETS) services/dashboard/embed.sh | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	@echo "  EMBED $@"; services/dashboard/embed.sh $(DASHBOARD_ASSETS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/dashboard_assets.o: $(BUILD)/gen/dashboard_assets.c services/dashboard/dashboard_assets.h
	@echo "  CC $<"; $(CC) $(CPPFLAGS) -Iservices/dashboard $(CFLAGS) -c $< -o $@

$(BIN)/motcua-dashboard: $(DASHBOARD_O) $(CLI_KIT) $(LIB)
	@mkdir -p $(BIN)
	@echo "  LD $@"; $(CC) $(LDFLAGS) $(DASHBOARD_O) $(CLI_KIT) $(LIB) $(LDLIBS) $(CLI_LIBS) -lmicrohttpd -o $@
