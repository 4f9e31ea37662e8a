/*  auth — the ZAP door for CURVE and the key → principal map. See auth.h. */
#include "auth.h"
#include "keystore.h"
#include "log.h"

#include "grant_book.h"

#define ZAP_RECHECK_MS 100          //  an unknown key at the door re-reads grants at most this often

struct auth_t {
    zactor_t *zap;                  //  the ZAP handler, in its own thread
    grant_book_t *book;
};

typedef struct {
    char *conninfo;
    char *role;
    char *allowed_dir;
} zap_args_t;

//  ZAP (RFC 27) for CURVE: admit a key only if it holds a live grant. It has
//  its own database connection: handshakes never wait on the service thread.
static void
s_zap_actor (zsock_t *pipe, void *args_data)
{
    zap_args_t *args = (zap_args_t *) args_data;
    zsock_t *handler = zsock_new (ZMQ_REP);
    if (!handler || zsock_bind (handler, "inproc://zeromq.zap.01") < 0) {
        zsock_destroy (&handler);
        zsock_signal (pipe, 1);
        return;
    }
    db_t *db = db_new_as (args->conninfo, args->role);
    grant_book_t *book = grant_book_new (db, args->allowed_dir);
    zsock_signal (pipe, 0);
    zpoller_t *poller = zpoller_new (pipe, handler, NULL);
    while (true) {
        void *which = zpoller_wait (poller, -1);
        if (which == pipe || !which)
            break;                  //  $TERM, or interrupted
        zmsg_t *request = zmsg_recv (handler);
        if (!request)
            break;
        char *version = zmsg_popstr (request), *sequence = zmsg_popstr (request);
        char *domain = zmsg_popstr (request), *address = zmsg_popstr (request);
        char *identity = zmsg_popstr (request), *mechanism = zmsg_popstr (request);
        zframe_t *credentials = zmsg_pop (request);
        char key [41] = "";
        if (mechanism && streq (mechanism, "CURVE") && credentials && zframe_size (credentials) == 32)
            zmq_z85_encode (key, zframe_data (credentials), 32);
        const principal_t *who = *key ? grant_book_lookup (book, key, ZAP_RECHECK_MS) : NULL;
        if (!who)
            log_warn ("refused a connection from %s: key %s holds no grant", address ? address : "?", *key ? key : "-");
        zstr_sendx (handler, "1.0", sequence ? sequence : "", who ? "200" : "400",
                    who ? "OK" : "no grant for this key", who ? key : "", "", NULL);
        zstr_free (&version); zstr_free (&sequence); zstr_free (&domain);
        zstr_free (&address); zstr_free (&identity); zstr_free (&mechanism);
        zframe_destroy (&credentials);
        zmsg_destroy (&request);
    }
    zpoller_destroy (&poller);
    grant_book_destroy (&book);
    db_destroy (&db);
    zsock_destroy (&handler);
}

auth_t *
auth_new (const char *var_dir, db_t *db, const char *conninfo, const char *role)
{
    auth_t *self = (auth_t *) zmalloc (sizeof (auth_t));
    char allowed_dir [600];
    keystore_allowed_dir (var_dir, allowed_dir, sizeof allowed_dir);
    //  zactor_new returns once the actor has signalled, and the actor reads
    //  (and copies) its arguments before it signals: they may live here.
    zap_args_t args = { (char *) conninfo, (char *) role, allowed_dir };
    self->zap = zactor_new (s_zap_actor, &args);
    if (!self->zap) {
        auth_destroy (&self);
        return NULL;
    }
    self->book = grant_book_new (db, allowed_dir);
    return self;
}

void
auth_destroy (auth_t **self_p)
{
    auth_t *self = *self_p;
    if (self) {
        zactor_destroy (&self->zap);
        grant_book_destroy (&self->book);
        free (self);
        *self_p = NULL;
    }
}

int
auth_principal (auth_t *self, zframe_t *frame, principal_t *principal)
{
    memset (principal, 0, sizeof *principal);
    const char *key = zframe_meta (frame, "User-Id");
    if (!key)
        return -1;
    //  The door admitted it, so an unknown key was granted a moment ago (or
    //  just revoked): only such keys get here, so looking again costs little.
    const principal_t *known = grant_book_lookup (self->book, key, 0);
    if (!known) {
        snprintf (principal->key, sizeof principal->key, "%s", key);
        return -1;
    }
    *principal = *known;
    return 0;
}

bool
auth_listed (const char *list, const char *code)
{
    size_t len = strlen (code);
    if (!len)
        return false;
    for (const char *p = list; (p = strstr (p, code)); p += len)
        if ((p == list || p [-1] == ',') && (p [len] == ',' || p [len] == 0))
            return true;
    return false;
}

bool
auth_may_touch (const principal_t *principal, const char *procedure, const char *agency)
{
    if (streq (principal->role, "admin"))
        return true;
    if (agency && *agency && *principal->agency && !streq (agency, principal->agency))
        return false;
    if (procedure && *procedure && !principal->all_procedures
    &&  !auth_listed (principal->procedures, procedure))
        return false;
    return true;
}

void
auth_scope (const principal_t *principal, auth_scope_t *scope)
{
    bool admin = streq (principal->role, "admin");
    snprintf (scope->agency_text, sizeof scope->agency_text, "%s", principal->agency);
    scope->agency = admin || !*principal->agency ? NULL : scope->agency_text;
    //  {"a","b"}: codes quoted, so a code is never read as array syntax
    size_t at = 0;
    scope->procedures_text [at++] = '{';
    for (const char *p = principal->procedures; *p && at + 4 < sizeof scope->procedures_text; p++) {
        if (p == principal->procedures || p [-1] == ',')
            scope->procedures_text [at++] = '"';
        if (*p == ',') {
            scope->procedures_text [at++] = '"';
            scope->procedures_text [at++] = ',';
        }
        else
        if (*p != '"' && *p != '\\')
            scope->procedures_text [at++] = *p;
    }
    if (at > 1)
        scope->procedures_text [at++] = '"';
    scope->procedures_text [at++] = '}';
    scope->procedures_text [at] = 0;
    scope->procedures = admin || principal->all_procedures ? NULL : scope->procedures_text;
}

const char *
auth_scope_sql (char *sql, size_t size, const char *agency_column, const char *procedure_column, int first)
{
    snprintf (sql, size, " AND ($%d::text IS NULL OR %s = $%d) AND ($%d::text[] IS NULL OR %s = ANY ($%d::text[]))",
              first, agency_column, first, first + 1, procedure_column, first + 1);
    return sql;
}

int
auth_role_in (const principal_t *principal, const char *roles)
{
    return streq (principal->role, "admin") || auth_listed (roles, principal->role);
}
