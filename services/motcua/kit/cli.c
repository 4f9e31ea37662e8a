/*  cli — shared parts of the motcua commands. See cli.h.                   */
#include <czmq.h>
#include "cli.h"
#include "json.h"
#include "rpc.h"
#include "vntime.h"

db_t *
cli_db (cli_t *cli)
{
    //  The admin path's own role: the catalogue, calendar and grants, nothing of
    //  the services' schemas (deploy/sql/017_roles.sql).
    db_t *db = db_new_as (cli->config->conninfo, "motcua_admin");
    if (db_ensure (db)) {
        fprintf (stderr, "motcua: UNAVAILABLE: cannot reach the database (%s)\n", db_error (db));
        db_destroy (&db);
    }
    return db;
}

static bool
s_listed (const char *list, const char *name)
{
    size_t len = strlen (name);
    for (const char *p = list; p && (p = strstr (p, name)); p += len)
        if ((p == list || p [-1] == ',') && (p [len] == ',' || p [len] == 0))
            return true;
    return false;
}

int
cli_usage (const char *message)
{
    fprintf (stderr, "motcua: %s (see `motcua help`)\n", message);
    return EXIT_USAGE;
}

int
cli_parse (cli_t *cli, int argc, char **argv, const char *options, const char *flags)
{
    memset (cli, 0, sizeof *cli);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv [i];
        if (strncmp (arg, "--", 2) != 0 || !arg [2]) {
            if (cli->n_positional == 32)
                return cli_usage ("too many arguments"), -1;
            cli->positional [cli->n_positional++] = arg;
            continue;
        }
        const char *name = arg + 2;
        if (streq (name, "json")) {
            cli->json = true;
            continue;
        }
        if (cli->n_options == CLI_MAX_OPTIONS)
            return cli_usage ("too many options"), -1;
        if (s_listed (flags, name)) {
            cli->names [cli->n_options] = name;
            cli->values [cli->n_options++] = NULL;
            continue;
        }
        if (!s_listed (options, name) && !streq (name, "as")) {
            char message [128];
            snprintf (message, sizeof message, "unknown option --%s", name);
            return cli_usage (message), -1;
        }
        if (i + 1 >= argc) {
            char message [128];
            snprintf (message, sizeof message, "--%s needs a value", name);
            return cli_usage (message), -1;
        }
        if (streq (name, "as"))
            cli->identity = argv [++i];
        else {
            cli->names [cli->n_options] = name;
            cli->values [cli->n_options++] = argv [++i];
        }
    }
    cli->config = config_new (NULL);
    return cli->config ? 0 : -1;
}

void
cli_cleanup (cli_t *cli)
{
    config_destroy (&cli->config);
}

const char *
cli_option (cli_t *cli, const char *name)
{
    const char *value = NULL;
    for (int i = 0; i < cli->n_options; i++)
        if (streq (cli->names [i], name) && cli->values [i])
            value = cli->values [i];
    return value;
}

int
cli_options (cli_t *cli, const char *name, const char **values, int max)
{
    int count = 0;
    for (int i = 0; i < cli->n_options && count < max; i++)
        if (streq (cli->names [i], name) && cli->values [i])
            values [count++] = cli->values [i];
    return count;
}

const char *
cli_option_or (cli_t *cli, const char *name, const char *fallback)
{
    const char *value = cli_option (cli, name);
    return value ? value : fallback;
}

const char *
cli_idempotency_key (cli_t *cli)
{
    const char *given = cli_option (cli, "idempotency-key");
    if (given)
        return given;
    if (!*cli->key)
        rpc_new_id (cli->key, sizeof cli->key);
    return cli->key;
}

bool
cli_flag (cli_t *cli, const char *name)
{
    for (int i = 0; i < cli->n_options; i++)
        if (streq (cli->names [i], name) && !cli->values [i])
            return true;
    return false;
}

client_t *
cli_client (cli_t *cli, const char *service, const char *identity)
{
    zsys_set_linger (0);
    client_t *client = client_new (cli->config, service, cli->identity ? cli->identity : identity);
    const char *timeout = getenv ("MOTCUA_TIMEOUT_MS");
    if (client && timeout)
        client_set_timeout (client, atoi (timeout), 1);
    return client;
}

int
cli_no_answer (cli_t *cli, const char *service)
{
    char endpoint [128];
    config_endpoint (cli->config, service, "api", endpoint, sizeof endpoint);
    if (cli->json) {
        json_t json;
        json_document (&json, stderr);
        json_object (&json, "error");
        json_string (&json, "code", "UNAVAILABLE");
        json_string (&json, "field", "");
        json_string (&json, "message", "no answer");
        json_string (&json, "service", service);
        json_end_object (&json);
        json_end_document (&json);
    }
    else
        fprintf (stderr, "motcua: UNAVAILABLE: %s did not answer at %s (is the suite up? `make up`)\n",
                 service, endpoint);
    return EXIT_NO_ANSWER;
}

int
cli_refused (cli_t *cli, const Motcua__V1__Error *error)
{
    const char *code = cli_error_code_name (error->code);
    if (cli->json) {
        json_t json;
        json_document (&json, stderr);
        json_object (&json, "error");
        json_string (&json, "code", code);
        json_string (&json, "field", error->field);
        json_string (&json, "message", error->message);
        json_end_object (&json);
        json_end_document (&json);
    }
    else
    if (*error->field)
        fprintf (stderr, "motcua: %s (%s): %s\n", code, error->field, error->message);
    else
        fprintf (stderr, "motcua: %s: %s\n", code, error->message);
    return EXIT_REFUSED;
}

const char *
cli_error_code_name (Motcua__V1__ErrorCode code)
{
    const ProtobufCEnumValue *value = protobuf_c_enum_descriptor_get_value (
        &motcua__v1__error_code__descriptor, code);
    //  ERROR_INVALID_ARGUMENT → INVALID_ARGUMENT
    return value ? value->name + 6 : "UNKNOWN";
}

const char *
cli_channel_vi (int channel)
{
    return channel == 2 ? "Trực tuyến" : channel == 3 ? "Qua dịch vụ bưu chính công ích"
         : "Trực tiếp tại Bộ phận tiếp nhận và trả kết quả";
}

const char *
cli_return_name (int method)
{
    return method == 1 ? "counter" : method == 2 ? "postal" : "";
}

void
cli_pad (const char *text, int width)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *) text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            chars++;
    fputs (text, stdout);
    for (int i = chars; i < width; i++)
        fputc (' ', stdout);
    fputc (' ', stdout);
}

int
cli_outcome (cli_t *cli, const char *service, const ProtobufCMessage *reply)
{
    if (!reply)
        return cli_no_answer (cli, service);
    const ProtobufCFieldDescriptor *field = protobuf_c_message_descriptor_get_field_by_name (
        reply->descriptor, "error");
    const Motcua__V1__Error *error = field
        ? *(const Motcua__V1__Error *const *) ((const char *) reply + field->offset) : NULL;
    return error ? cli_refused (cli, error) : 0;
}

int
cli_done (cli_t *cli, client_t **client, ProtobufCMessage *reply, int rc)
{
    if (reply)
        protobuf_c_message_free_unpacked (reply, NULL);
    client_destroy (client);
    cli_cleanup (cli);
    return rc;
}

int
cli_local_time (const char *text, int default_minute, int64_t *at_ms)
{
    int hour = default_minute / 60, minute = default_minute % 60;
    char day [16] = "", rest [2] = "";
    int64_t midnight;
    int fields = text ? sscanf (text, "%10[0-9-]T%d:%d%1s", day, &hour, &minute, rest) : 0;
    if ((fields != 1 && fields != 3) || vn_parse_date (day, &midnight)
    ||  hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return -1;
    *at_ms = midnight + ((int64_t) hour * 60 + minute) * MS_PER_MINUTE;
    return 0;
}

char *
cli_read_file (const char *path, const char **start)
{
    zfile_t *file = zfile_new (NULL, path);
    zchunk_t *chunk = file && zfile_input (file) == 0 ? zfile_read (file, zfile_cursize (file), 0) : NULL;
    zfile_destroy (&file);
    if (!chunk)
        return NULL;
    char *text = (char *) zmalloc (zchunk_size (chunk) + 1);
    memcpy (text, zchunk_data (chunk), zchunk_size (chunk));
    zchunk_destroy (&chunk);
    *start = strncmp (text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text;
    return text;
}

//  12345678 → "12.345.678" (đồng, as Vietnamese forms print amounts)
const char *
cli_money (int64_t amount, char *buf, size_t size)
{
    char digits [32];
    int n = snprintf (digits, sizeof digits, "%lld", (long long) (amount < 0 ? -amount : amount));
    size_t at = 0;
    if (amount < 0 && at + 1 < size)
        buf [at++] = '-';
    for (int i = 0; i < n && at + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf [at++] = '.';
        buf [at++] = digits [i];
    }
    buf [at] = 0;
    return buf;
}
