/*  admin_keys — `motcua admin grant|revoke|rotate|keys`: who may speak to
    the suite and what they may do. Keys are admitted (var/certs/allowed) and
    granted (catalog.grant) together; services pick both up without restart. */
#include <czmq.h>
#include "admin.h"
#include "grants.h"
#include "json.h"
#include "keystore.h"
#include "vntime.h"

static const char *s_roles = "service,counter,desk,postal,dashboard,admin";

static bool
s_role_known (const char *role)
{
    size_t len = role ? strlen (role) : 0;
    for (const char *p = s_roles; len && (p = strstr (p, role)); p += len)
        if ((p == s_roles || p [-1] == ',') && (p [len] == ',' || p [len] == 0))
            return true;
    return false;
}

int
admin_grant (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "role,agency,procedures,public-key", ""))
        return EXIT_USAGE;
    const char *role = cli_option (&cli, "role");
    if (cli.n_positional != 1 || !s_role_known (role)) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua admin grant NAME --role service|counter|desk|postal|dashboard|admin"
                          " [--agency CODE] [--procedures CODE,CODE] [--public-key Z85]");
    }
    const char *name = cli.positional [0];
    db_t *db = cli_db (&cli);
    if (!db) {
        cli_cleanup (&cli);
        return EXIT_NO_ANSWER;
    }
    char old_role [64], agency [64], procedures [2048];
    int live = grants_live (db, name, old_role, agency, procedures, sizeof procedures);
    int rc = 0;
    if (live != 0) {
        fprintf (stderr, "motcua: %s: %s\n", live > 0 ? "ALREADY_EXISTS (name)" : "UNAVAILABLE",
                 live > 0 ? "this name already holds a live grant; revoke or rotate it" : db_error (db));
        rc = EXIT_REFUSED;
    }
    const char *public_key = cli_option (&cli, "public-key");
    char key [41] = "";
    if (rc == 0) {
        if (public_key ? keystore_admit (cli.config->var_dir, name, public_key)
                       : keystore_create (cli.config->var_dir, name, role)) {
            fprintf (stderr, "motcua: INVALID_ARGUMENT (public-key): not a Z85 CURVE public key, or %s/certs is not writable\n",
                     cli.config->var_dir);
            rc = EXIT_REFUSED;
        }
        else
        if (public_key)
            snprintf (key, sizeof key, "%s", public_key);
        else
            keystore_public_key (cli.config->var_dir, name, key);
    }
    if (rc == 0 && grants_ensure (db, key, name, role, cli_option (&cli, "agency"), cli_option (&cli, "procedures"))) {
        fprintf (stderr, "motcua: INVALID_ARGUMENT: the grant was refused: %s\n", db_error (db));
        keystore_withdraw (cli.config->var_dir, name);
        rc = EXIT_REFUSED;
    }
    if (rc == 0) {
        if (cli.json)
            printf ("{\"name\":\"%s\",\"role\":\"%s\",\"public_key\":\"%s\"}\n", name, role, key);
        else
            printf ("granted %s (%s), key %s%s\n", name, role, key,
                    public_key ? "" : "; its key pair is under the certs/keys folder");
    }
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

int
admin_revoke (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua admin revoke NAME");
    }
    db_t *db = cli_db (&cli);
    int revoked = db ? grants_revoke (db, cli.positional [0]) : -1;
    int rc = 0;
    if (!db)
        rc = EXIT_NO_ANSWER;
    else
    if (revoked <= 0) {
        fprintf (stderr, "motcua: %s\n", revoked == 0 ? "NOT_FOUND (name): no live grant of that name"
                                                      : db_error (db));
        rc = EXIT_REFUSED;
    }
    else {
        keystore_withdraw (cli.config->var_dir, cli.positional [0]);
        printf (cli.json ? "{\"name\":\"%s\",\"revoked\":true}\n" : "revoked %s\n", cli.positional [0]);
    }
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

int
admin_rotate (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", ""))
        return EXIT_USAGE;
    if (cli.n_positional != 1) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua admin rotate NAME");
    }
    const char *name = cli.positional [0];
    db_t *db = cli_db (&cli);
    char role [64], agency [64], procedures [2048];
    int live = db ? grants_live (db, name, role, agency, procedures, sizeof procedures) : -1;
    int rc = 0;
    if (live <= 0) {
        fprintf (stderr, "motcua: %s\n", live == 0 ? "NOT_FOUND (name): no live grant of that name"
                                                   : "UNAVAILABLE: cannot reach the database");
        rc = live == 0 ? EXIT_REFUSED : EXIT_NO_ANSWER;
    }
    char key [41] = "";
    //  New pair first; the old grant ends and the new one starts in one transaction.
    if (rc == 0 && (keystore_create (cli.config->var_dir, name, role)
                ||  keystore_public_key (cli.config->var_dir, name, key)
                ||  db_begin (db) || grants_revoke (db, name) < 0
                ||  grants_ensure (db, key, name, role, agency, procedures) || db_commit (db))) {
        db_rollback (db);
        fprintf (stderr, "motcua: UNAVAILABLE: the rotation failed: %s\n", db_error (db));
        rc = EXIT_REFUSED;
    }
    if (rc == 0)
        printf (cli.json ? "{\"name\":\"%s\",\"public_key\":\"%s\"}\n" : "rotated %s: new key %s\n", name, key);
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}

int
admin_keys (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "", "all"))
        return EXIT_USAGE;
    db_t *db = cli_db (&cli);
    PGresult *result = db ? grants_list (db, cli_flag (&cli, "all")) : NULL;
    int rc = result ? 0 : EXIT_NO_ANSWER;
    json_t json;
    if (result && cli.json) {
        json_begin (&json, stdout);
        json_array (&json, NULL);
    }
    else
    if (result) {
        cli_pad ("Tên", 20);
        cli_pad ("Vai trò", 10);
        cli_pad ("Cơ quan", 8);
        cli_pad ("Khóa công khai", 41);
        printf ("Thủ tục\n");
    }
    for (int r = 0; result && r < PQntuples (result); r++) {
        const char *procedures = *PQgetvalue (result, r, 3) ? PQgetvalue (result, r, 3) : "*";
        if (cli.json) {
            json_object (&json, NULL);
            json_string (&json, "name", PQgetvalue (result, r, 0));
            json_string (&json, "role", PQgetvalue (result, r, 1));
            json_string (&json, "agency", PQgetvalue (result, r, 2));
            json_string (&json, "procedures", procedures);
            json_string (&json, "public_key", PQgetvalue (result, r, 4));
            json_time (&json, "granted_at", atoll (PQgetvalue (result, r, 5)));
            json_time (&json, "revoked_at", atoll (PQgetvalue (result, r, 6)));
            json_end_object (&json);
        }
        else {
            cli_pad (PQgetvalue (result, r, 0), 20);
            cli_pad (PQgetvalue (result, r, 1), 10);
            cli_pad (*PQgetvalue (result, r, 2) ? PQgetvalue (result, r, 2) : "*", 8);
            cli_pad (PQgetvalue (result, r, 4), 41);
            printf ("%s%s\n", procedures, atoll (PQgetvalue (result, r, 6)) ? "  (đã thu hồi)" : "");
        }
    }
    if (result && cli.json) {
        json_end_array (&json);
        json_finish (&json);
    }
    if (result)
        PQclear (result);
    db_destroy (&db);
    cli_cleanup (&cli);
    return rc;
}
