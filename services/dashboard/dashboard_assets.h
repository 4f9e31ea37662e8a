/*  dashboard_assets — the page, script and style the dashboard serves, built
    into the binary from services/dashboard/assets/ by embed.sh (no files to
    install, nothing fetched from elsewhere: the province's network is closed). */
#ifndef DASHBOARD_ASSETS_H
#define DASHBOARD_ASSETS_H
#include <stddef.h>

typedef struct {
    const char *name;               //  file name, e.g. "dashboard.js"
    const char *content_type;
    const unsigned char *data;      //  NUL-terminated, size bytes before it
    size_t size;
} dashboard_asset_t;

//  The table, ended by an entry whose name is NULL.
extern const dashboard_asset_t dashboard_assets [];

//  The asset called name, or NULL.
const dashboard_asset_t *dashboard_asset (const char *name);

#endif
