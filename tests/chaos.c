/*  chaos — `make chaos`: nothing lost, nothing applied twice, under load and
    faults (issue 6). On a throw-away PostgreSQL cluster of its own (a temp
    MOTCUA_VAR, deploy/pg.sh, deploy/migrate.sh, `motcua admin certs`, the
    calendar and catalogue as deploy/up.sh loads them; services on
    CHAOS_BASE_PORT, default 27100) it starts the four real services with
    CURVE on. Client threads then submit CHAOS_DOSSIERS
    (default 5000) dossiers over every channel and drive each through
    resolve (approve or reject) and return (at the counter, or by post:
    shipment and delivery), retrying each command with the SAME idempotency
    key until it is answered (the contract) and keeping their own ground
    truth. Meanwhile the main thread SIGKILLs a random service CHAOS_KILLS
    times (default 20), restarting it after a short pause, and restarts
    PostgreSQL CHAOS_PG_RESTARTS times (default 2), spread over the run.
    When every outbox has drained it checks against the database itself
    that each receipt has exactly one row in intake.dossier,
    processing.work_item, reporting.dossier_fact (and postal.shipment for
    postal returns), that no once-per-dossier event is in reporting's
    timeline twice, and that II.06a over a window covering the run keeps its
    identities with totals equal to the ground truth. It prints
        lost: 0, duplicated: 0, identities: hold, kills: N, postgres restarts: M, dossiers: K
    and ends with `N passed, N failed`. Other knobs: CHAOS_THREADS (8),
    CHAOS_SEED, CHAOS_KEEP=1 (keep the cluster and logs; kept anyway when a
    check fails), TMPDIR (where the cluster's folder goes, default /tmp).
    Supplements have a stage hook, skipped for now.
    Services are started and killed from the main thread only (see
    harness.h); clients run in their own threads.                           */
#include <czmq.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include "testkit.h"
#include "harness.h"
#include "vntime.h"

#define NOT_FOUND       MOTCUA__V1__ERROR_CODE__ERROR_NOT_FOUND
#define UNAVAILABLE     MOTCUA__V1__ERROR_CODE__ERROR_UNAVAILABLE
#define BY_COUNTER      MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER
#define BY_POST         MOTCUA__V1__RETURN_METHOD__RETURN_POSTAL
#define APPROVED        MOTCUA__V1__OUTCOME__OUTCOME_APPROVED
#define REJECTED        MOTCUA__V1__OUTCOME__OUTCOME_REJECTED
#define CHANNEL_DIRECT  MOTCUA__V1__CHANNEL__CHANNEL_DIRECT
#define CHANNEL_ONLINE  MOTCUA__V1__CHANNEL__CHANNEL_ONLINE
#define CHANNEL_POSTAL  MOTCUA__V1__CHANNEL__CHANNEL_POSTAL

#define BATCH           10          //  a thread's dossiers per stage round
#define STAGES          3           //  submit, resolve, return
#define CALL_TIMEOUT_MS 2000        //  one try; the retry loop is ours
#define OP_TIMEOUT_MS   300000      //  a command unanswered this long: give up
#define DRAIN_MS        300000      //  longest wait for the outboxes at the end

//  The procedures of the department the dossiers are spread over.
static const char *s_procedures [] = {
    "1.000843", "1.000804", "H27.NV.001", "H27.NV.002", "H27.NV.003", "H27.NV.004"
};
#define PROCEDURE_COUNT (sizeof s_procedures / sizeof s_procedures [0])

//  One dossier as its client knows it: the ground truth.
typedef struct {
    char key [96];                  //  the submission's idempotency key
    char code [40];                 //  from the receipt
    int channel;
    int method;                     //  how the result goes back
    int outcome;
    bool received, resolved, returned;
    bool supplemented;              //  went through a supplement request and hand-in
} dossier_t;

typedef struct {
    int index;
    client_t *intake, *desk, *counter, *postal;
    int reconnects;
} worker_t;

static struct {
    int dossiers, kills, pg_restarts, threads;
    unsigned seed;
    char var_dir [256];
    char bin [256];
} s_settings;

static dossier_t *s_dossiers;
static atomic_int s_completed;          //  dossiers through every stage (or given up)
static atomic_int s_commands;           //  commands done (or given up): the progress
static atomic_int s_refused;            //  commands refused for good (a bug)
static atomic_int s_gave_up;            //  commands never answered in time
static atomic_int s_answered_retry;     //  commands that needed more than one try
static atomic_bool s_clients_done;
static atomic_bool s_chaos_done;        //  every kill and restart has happened
static atomic_int s_gated;              //  client threads waiting for it
static pthread_mutex_t s_print_lock = PTHREAD_MUTEX_INITIALIZER;

// --------------------------------------------------------------------------
//  Settings and the throw-away cluster

static int
s_env_int (const char *name, int fallback)
{
    const char *value = getenv (name);
    return value && *value ? atoi (value) : fallback;
}

//  A temp MOTCUA_VAR, our own port, the embedded cluster, migrations,
//  certificates and the calendar. 0 or -1.
static int
s_setup (void)
{
    s_settings.dossiers = s_env_int ("CHAOS_DOSSIERS", 5000);
    s_settings.kills = s_env_int ("CHAOS_KILLS", 20);
    s_settings.pg_restarts = s_env_int ("CHAOS_PG_RESTARTS", 2);
    s_settings.threads = s_env_int ("CHAOS_THREADS", 8);
    s_settings.seed = (unsigned) s_env_int ("CHAOS_SEED", (int) (time (NULL) % 100000));
    if (s_settings.dossiers < 1 || s_settings.threads < 1)
        return -1;
    const char *bin = getenv ("MOTCUA_BIN");
    snprintf (s_settings.bin, sizeof s_settings.bin, "%s", bin && *bin ? bin : "build/bin");
    const char *tmp = getenv ("TMPDIR");
    snprintf (s_settings.var_dir, sizeof s_settings.var_dir, "%s/motcua-chaos.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp (s_settings.var_dir))
        return -1;
    chmod (s_settings.var_dir, 0755);       //  PostgreSQL runs as another user when we are root
    char port [16];
    snprintf (port, sizeof port, "%d", s_env_int ("CHAOS_BASE_PORT", 27100));
    setenv ("MOTCUA_VAR", s_settings.var_dir, 1);
    setenv ("MOTCUA_BASE_PORT", port, 1);
    setenv ("MOTCUA_BIN", s_settings.bin, 1);
    setenv ("MOTCUA_LOG_LEVEL", "info", 1);
    setenv ("MOTCUA_RELAY_RETRY_MS", "200", 1);
    setenv ("MOTCUA_RELAY_MAX_RETRY_MS", "1000", 1);
    const char *unset [] = { "MOTCUA_DB", "MOTCUA_CONFIG", "PGHOST", "PGPORT", "PGDATABASE",
                             "PGSERVICE", "PGUSER", NULL };
    for (int i = 0; unset [i]; i++)
        unsetenv (unset [i]);
    printf ("chaos: %d dossiers, %d threads, %d kills, %d PostgreSQL restarts, seed %u, var %s, port %s\n",
            s_settings.dossiers, s_settings.threads, s_settings.kills, s_settings.pg_restarts,
            s_settings.seed, s_settings.var_dir, port);
    fflush (stdout);
    //  As deploy/up.sh prepares a suite (the catalogue once it is shipped).
    if (harness_sh ("deploy/pg.sh start") || harness_sh ("deploy/migrate.sh")
    ||  harness_sh ("%s/motcua admin certs", s_settings.bin)
    ||  harness_sh ("%s/motcua admin calendar import deploy/calendar/*.txt", s_settings.bin)
    ||  harness_sh ("[ ! -d deploy/catalog ] || %s/motcua catalog import deploy/catalog/*.csv", s_settings.bin))
        return -1;
    return 0;
}

//  Registered before the harness, so it runs after the harness has stopped
//  the services: the cluster stops, and its folder goes unless kept.
static void
s_teardown (void)
{
    if (!*s_settings.var_dir)
        return;
    if (getenv ("CHAOS_KEEP") || testkit_failed ()) {
        harness_sh ("deploy/pg.sh stop");
        printf ("kept %s (logs under log/)\n", s_settings.var_dir);
    }
    else {
        harness_sh ("deploy/pg.sh destroy");
        harness_sh ("rm -rf '%s'", s_settings.var_dir);
    }
}

// --------------------------------------------------------------------------
//  Clients

static void
s_note (const char *format, ...)
{
    va_list args;
    va_start (args, format);
    pthread_mutex_lock (&s_print_lock);
    printf ("  ");
    vprintf (format, args);
    printf ("\n");
    fflush (stdout);
    pthread_mutex_unlock (&s_print_lock);
    va_end (args);
}

static client_t *
s_client (const char *service, const char *identity)
{
    client_t *client = client_new (harness_config (), service, identity);
    if (client)
        client_set_timeout (client, CALL_TIMEOUT_MS, 1);
    return client;
}

static void
s_disconnect (worker_t *self)
{
    client_destroy (&self->intake);
    client_destroy (&self->desk);
    client_destroy (&self->counter);
    client_destroy (&self->postal);
}

static bool
s_connect (worker_t *self)
{
    s_disconnect (self);
    self->intake = s_client ("intake", "counter");
    self->desk = s_client ("processing", "desk");
    self->counter = s_client ("processing", "counter");
    self->postal = s_client ("postal", "postal");
    return self->intake && self->desk && self->counter && self->postal;
}

//  One try of a command: 0 done, an error code, or -1 (no answer); the
//  error's message into message.
typedef int (command_fn) (worker_t *self, dossier_t *dossier, char *message, size_t size);

static int
s_outcome (Motcua__V1__Error *error, bool answered, char *message, size_t size)
{
    if (error)
        snprintf (message, size, "%s", error->message);
    return harness_error_code (error, answered);
}

static int
s_submit (worker_t *self, dossier_t *dossier, char *message, size_t size)
{
    harness_dossier_t spec = harness_standard;
    spec.procedure = s_procedures [(dossier - s_dossiers) % PROCEDURE_COUNT];
    spec.channel = (Motcua__V1__Channel) dossier->channel;
    spec.return_method = (Motcua__V1__ReturnMethod) dossier->method;
    intake_reply_t *reply = harness_submit_reply (self->intake, dossier->key, &spec);
    int rc = s_outcome (reply ? reply->error : NULL, reply != NULL, message, size);
    if (rc == 0 && reply->receipt)
        snprintf (dossier->code, sizeof dossier->code, "%s", reply->receipt->dossier_code);
    else
    if (rc == 0)
        rc = -1;
    intake_reply_destroy (&reply);
    return rc;
}

static int
s_resolve (worker_t *self, dossier_t *dossier, char *message, size_t size)
{
    char key [128];
    snprintf (key, sizeof key, "%s-resolve", dossier->key);
    processing_reply_t *reply = processing_client_resolve (self->desk, key, dossier->code,
        (Motcua__V1__Outcome) dossier->outcome,
        dossier->outcome == REJECTED ? "Hồ sơ không đủ điều kiện (thử nghiệm)" : "Đủ điều kiện");
    int rc = s_outcome (reply ? reply->error : NULL, reply != NULL, message, size);
    processing_reply_destroy (&reply);
    return rc;
}

static int
s_return (worker_t *self, dossier_t *dossier, char *message, size_t size)
{
    char key [128];
    snprintf (key, sizeof key, "%s-return", dossier->key);
    int rc;
    if (dossier->method == BY_POST) {
        postal_reply_t *reply = postal_client_deliver (self->postal, key, dossier->code, "042090001234");
        rc = s_outcome (reply ? reply->error : NULL, reply != NULL, message, size);
        postal_reply_destroy (&reply);
    }
    else {
        if (dossier->outcome != REJECTED) {         //  an approved result is attached first
            char attach_key [140];
            snprintf (attach_key, sizeof attach_key, "%s-attach", dossier->key);
            processing_reply_t *attached = processing_client_attach_result (self->desk, attach_key, dossier->code,
                                                                             "certificate", "", "", "");
            rc = s_outcome (attached ? attached->error : NULL, attached != NULL, message, size);
            processing_reply_destroy (&attached);
            if (rc)
                return rc;
        }
        processing_reply_t *reply = processing_client_return (self->counter, key, dossier->code);
        rc = s_outcome (reply ? reply->error : NULL, reply != NULL, message, size);
        processing_reply_destroy (&reply);
    }
    return rc;
}

//  Run command until it is done, retrying the same key while there is no
//  answer, the service is UNAVAILABLE, or (when the event it waits for may
//  still be on its way) NOT_FOUND. A silent socket is replaced now and then.
static bool
s_patiently (worker_t *self, dossier_t *dossier, command_fn *command, const char *stage, bool wait_found)
{
    int64_t deadline = zclock_mono () + OP_TIMEOUT_MS;
    int tries = 0, silent = 0;
    char message [256] = "";
    while (true) {
        int rc = command (self, dossier, message, sizeof message);
        tries++;
        if (rc == 0) {
            if (tries > 1)
                atomic_fetch_add (&s_answered_retry, 1);
            return true;
        }
        if (rc != -1 && rc != UNAVAILABLE && !(wait_found && rc == NOT_FOUND)) {
            atomic_fetch_add (&s_refused, 1);
            s_note ("client %d: %s of %s refused for good: error %d: %s",
                    self->index, stage, *dossier->code ? dossier->code : dossier->key, rc, message);
            return false;
        }
        if (zclock_mono () > deadline) {
            atomic_fetch_add (&s_gave_up, 1);
            s_note ("client %d: %s of %s not done after %d tries in %d s (last: %d %s)",
                    self->index, stage, *dossier->code ? dossier->code : dossier->key,
                    tries, OP_TIMEOUT_MS / 1000, rc, message);
            return false;
        }
        silent = rc == -1 ? silent + 1 : 0;
        if (silent == 5) {                  //  10 s of silence: a fresh socket
            s_connect (self);
            self->reconnects++;
            silent = 0;
        }
        zclock_sleep (rc == -1 ? 10 : 100);
    }
}

//  Stage: a share of the dossiers (one in five) goes through a supplement:
//  the desk asks for what is missing, the counter hands it in. Until
//  intake has heard of the request its answer is FAILED_PRECONDITION, and
//  until processing has the hand-in a resolve is too: both are waits, so
//  they are retried like NOT_FOUND (same keys: the contract holds).
static int
s_ask_supplement (worker_t *self, dossier_t *dossier, char *message, size_t size)
{
    char key [128];
    snprintf (key, sizeof key, "%s-supplement", dossier->key);
    char *missing [] = { (char *) "Bản sao quyết định (thử nghiệm)" };
    processing_reply_t *reply = processing_client_request_supplement (self->desk, key, dossier->code,
                                                                     missing, 1, "Thiếu hồ sơ (thử nghiệm)");
    int rc = s_outcome (reply ? reply->error : NULL, reply != NULL, message, size);
    processing_reply_destroy (&reply);
    return rc;
}

static int
s_hand_in (worker_t *self, dossier_t *dossier, char *message, size_t size)
{
    char key [128];
    snprintf (key, sizeof key, "%s-handin", dossier->key);
    char *components [] = { (char *) "Bản sao quyết định (thử nghiệm)" };
    intake_reply_t *reply = intake_client_hand_in_supplement (self->intake, key, dossier->code, components, 1);
    int rc = s_outcome (reply ? reply->error : NULL, reply != NULL, message, size);
    intake_reply_destroy (&reply);
    return rc == MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION ? NOT_FOUND : rc;
}

static bool
s_stage_supplements (worker_t *self, dossier_t *dossier)
{
    if ((dossier - s_dossiers) % 5 != 2)
        return true;
    dossier->supplemented = s_patiently (self, dossier, s_ask_supplement, "supplement request", true)
                         && s_patiently (self, dossier, s_hand_in, "supplement hand-in", true);
    return dossier->supplemented;
}

//  A resolve after a supplement may arrive before processing has the
//  hand-in (FAILED_PRECONDITION): wait for it, as for NOT_FOUND.
static int
s_resolve_after (worker_t *self, dossier_t *dossier, char *message, size_t size)
{
    int rc = s_resolve (self, dossier, message, size);
    return dossier->supplemented && rc == MOTCUA__V1__ERROR_CODE__ERROR_FAILED_PRECONDITION ? NOT_FOUND : rc;
}

static void *
s_worker (void *arg)
{
    worker_t *self = (worker_t *) arg;
    if (!s_connect (self)) {
        s_note ("client %d: cannot create its clients", self->index);
        return NULL;
    }
    //  This thread's dossiers are index, index + threads, …; a round takes
    //  BATCH of them through each stage in turn, so stages overlap in time.
    int total = s_settings.dossiers, step = s_settings.threads;
    for (int first = self->index; first < total; first += step * BATCH) {
        //  A round reaching into the last tenth of the work waits for the
        //  last kill: every fault falls while the clients are at work,
        //  however fast they are (and however few the dossiers).
        int last = first + step * (BATCH - 1) < total ? first + step * (BATCH - 1) : total - 1;
        if (last >= total * 9 / 10 && !atomic_load (&s_chaos_done)) {
            atomic_fetch_add (&s_gated, 1);
            while (!atomic_load (&s_chaos_done))
                zclock_sleep (20);
            atomic_fetch_sub (&s_gated, 1);
        }
        dossier_t *round [BATCH];
        int count = 0;
        for (int i = first; i < total && count < BATCH; i += step)
            round [count++] = &s_dossiers [i];
        for (int i = 0; i < count; i++) {
            round [i]->received = s_patiently (self, round [i], s_submit, "submit", false);
            atomic_fetch_add (&s_commands, 1);
        }
        for (int i = 0; i < count; i++) {
            if (round [i]->received && s_stage_supplements (self, round [i]))
                round [i]->resolved = s_patiently (self, round [i], s_resolve_after, "resolve", true);
            atomic_fetch_add (&s_commands, 1);
        }
        for (int i = 0; i < count; i++) {
            if (round [i]->resolved)
                round [i]->returned = s_patiently (self, round [i], s_return, "return", true);
            atomic_fetch_add (&s_commands, 1);
            atomic_fetch_add (&s_completed, 1);
        }
    }
    s_disconnect (self);
    return NULL;
}

// --------------------------------------------------------------------------
//  Chaos: kills and PostgreSQL restarts, from the main thread

typedef struct {
    int kills, pg_restarts;         //  done while the clients were at work
    int failed_restarts, unexpected_exits;
} chaos_tally_t;

//  Restart any service that ended without our doing.
static void
s_revive (chaos_tally_t *tally)
{
    for (size_t i = 0; i < HARNESS_SERVICES; i++) {
        harness_proc_t *proc = harness_proc_at (i);
        if (!harness_alive (proc)) {
            tally->unexpected_exits++;
            printf ("  motcua-%s ended on its own (status %d); restarting it\n", proc->name, proc->exit_status);
            if (!harness_start (proc, NULL))
                tally->failed_restarts++;
        }
    }
}

static void
s_kill_one (chaos_tally_t *tally)
{
    harness_proc_t *proc = harness_proc_at ((size_t) (rand () % HARNESS_SERVICES));
    bool busy = !atomic_load (&s_clients_done);
    int status = harness_stop (proc, SIGKILL, 2000);
    if (status == 128 + SIGKILL && busy)
        tally->kills++;
    zclock_sleep (200 + rand () % 800);
    bool up = harness_start (proc, NULL);
    for (int attempt = 0; !up && attempt < 3; attempt++) {
        harness_stop (proc, SIGKILL, 2000);
        up = harness_start (proc, NULL);
    }
    if (!up)
        tally->failed_restarts++;
    printf ("  kill %d: motcua-%s (status %d), back %s; %d of %d dossiers done\n", tally->kills, proc->name,
            status, up ? "up" : "NOT up", atomic_load (&s_completed), s_settings.dossiers);
    fflush (stdout);
}

static void
s_restart_postgres (chaos_tally_t *tally)
{
    bool busy = !atomic_load (&s_clients_done);
    int stopped = harness_sh ("deploy/pg.sh stop");
    zclock_sleep (500 + rand () % 1500);
    int started = harness_sh ("deploy/pg.sh start");
    if (stopped == 0 && started == 0 && busy)
        tally->pg_restarts++;
    printf ("  PostgreSQL restart %d (stop %d, start %d); %d of %d dossiers done\n", tally->pg_restarts,
            stopped, started, atomic_load (&s_completed), s_settings.dossiers);
    fflush (stdout);
}

//  Spread kills and PostgreSQL restarts evenly over the clients' progress
//  (commands done), so that each falls while they are at work.
static void
s_chaos (chaos_tally_t *tally)
{
    int events = s_settings.kills + s_settings.pg_restarts;
    int64_t commands = (int64_t) s_settings.dossiers * STAGES * 8 / 10;   //  before the gate
    for (int event = 0; event < events && !atomic_load (&s_clients_done); event++) {
        int threshold = (int) ((event + 1) * commands / (events + 1));
        while (atomic_load (&s_commands) < threshold && !atomic_load (&s_clients_done)
           &&  atomic_load (&s_gated) < s_settings.threads) {
            zclock_sleep (20);
            s_revive (tally);
        }
        //  PostgreSQL restarts sit evenly among the kills.
        bool postgres = false;
        for (int r = 1; r <= s_settings.pg_restarts; r++)
            if (event == (int) ((int64_t) r * events / (s_settings.pg_restarts + 1)))
                postgres = true;
        if (postgres)
            s_restart_postgres (tally);
        else
            s_kill_one (tally);
    }
    atomic_store (&s_chaos_done, true);
    while (!atomic_load (&s_clients_done)) {
        zclock_sleep (50);
        s_revive (tally);
    }
}

// --------------------------------------------------------------------------
//  The checks, against the database itself

//  A PostgreSQL text[] literal of the codes of dossiers that pass filter.
typedef bool (dossier_filter_fn) (const dossier_t *dossier);

static bool s_has_code (const dossier_t *d)     { return *d->code != 0; }
static bool s_by_post (const dossier_t *d)      { return *d->code && d->method == BY_POST; }
static bool s_is_resolved (const dossier_t *d)  { return d->resolved; }
static bool s_is_returned (const dossier_t *d)  { return d->returned; }
static bool s_is_rejected (const dossier_t *d)  { return d->resolved && d->outcome == REJECTED; }

static int
s_count (dossier_filter_fn *filter)
{
    int count = 0;
    for (int i = 0; i < s_settings.dossiers; i++)
        count += filter (&s_dossiers [i]);
    return count;
}

static char *
s_array (dossier_filter_fn *filter, bool keys)
{
    size_t size = 3;
    for (int i = 0; i < s_settings.dossiers; i++)
        size += sizeof s_dossiers [i].key + 1;
    char *text = (char *) zmalloc (size), *at = text;
    *at++ = '{';
    for (int i = 0; i < s_settings.dossiers; i++)
        if (filter (&s_dossiers [i]))
            at += sprintf (at, "%s%s", at - text > 1 ? "," : "", keys ? s_dossiers [i].key : s_dossiers [i].code);
    *at++ = '}';
    *at = 0;
    return text;
}

static int64_t
s_sql (const char *sql, const char *first, const char *second)
{
    const char *params [2] = { first, second };
    return harness_sql_int (sql, first ? (second ? 2 : 1) : 0, params);
}

static void
s_check_count (int64_t got, int64_t want, const char *name)
{
    char detail [96];
    snprintf (detail, sizeof detail, "%lld, ground truth %lld", (long long) got, (long long) want);
    testkit_check (got == want, name, __FILE__, __LINE__, detail);
}

static int64_t
s_excess (int64_t got, int64_t want)
{
    return got > want ? got - want : 0;
}

static int64_t
s_shortfall (int64_t got, int64_t want)
{
    return got < 0 ? want : got < want ? want - got : 0;
}

static bool
s_dead_free (void)
{
    const char *producers [] = { "intake", "processing", "postal" };
    for (int i = 0; i < 3; i++) {
        Motcua__V1__Health health;
        if (!harness_health (producers [i], &health) || health.dead_letters != 0)
            return false;
    }
    return true;
}

static bool s_was_supplemented (const dossier_t *d) { return *d->code && d->supplemented; }

static void
s_verify (chaos_tally_t *tally, int64_t run_from)
{
    int64_t receipts = s_count (s_has_code), postal = s_count (s_by_post);
    int64_t resolved = s_count (s_is_resolved), returned = s_count (s_is_returned);
    int64_t rejected = s_count (s_is_rejected);
    char *codes = s_array (s_has_code, false), *keys = s_array (s_has_code, true);
    char *postal_codes = s_array (s_by_post, false);

    //  Exactly one row per receipt in each schema that should hold it.
    int64_t intake_matched = s_sql ("SELECT count(*) FROM unnest ($1::text[], $2::text[]) AS r (key, code)"
                                    " JOIN intake.dossier d ON d.idempotency_key = r.key AND d.code = r.code",
                                    keys, codes);
    int64_t intake_total = s_sql ("SELECT count(*) FROM intake.dossier", NULL, NULL);
    int64_t work_items = s_sql ("SELECT count(*) FROM processing.work_item WHERE dossier_code = ANY ($1::text[])", codes, NULL);
    int64_t work_total = s_sql ("SELECT count(*) FROM processing.work_item", NULL, NULL);
    int64_t facts = s_sql ("SELECT count(*) FROM reporting.dossier_fact WHERE dossier_code = ANY ($1::text[])"
                           " AND received_at IS NOT NULL", codes, NULL);
    int64_t facts_total = s_sql ("SELECT count(*) FROM reporting.dossier_fact", NULL, NULL);
    int64_t shipments = s_sql ("SELECT count(*) FROM postal.shipment WHERE dossier_code = ANY ($1::text[])"
                               " AND status = 'delivered'", postal_codes, NULL);
    int64_t shipments_total = s_sql ("SELECT count(*) FROM postal.shipment", NULL, NULL);
    s_check_count (intake_matched, receipts, "lost: every receipt is intake.dossier's one row for its idempotency key");
    s_check_count (intake_total, receipts, "duplicated: intake.dossier holds no dossier beyond the receipts");
    s_check_count (work_items, receipts, "lost: every receipt has its processing.work_item");
    s_check_count (work_total, receipts, "duplicated: processing.work_item holds nothing beyond the receipts");
    s_check_count (facts, receipts, "lost: every receipt has its reporting.dossier_fact, received");
    s_check_count (facts_total, receipts, "duplicated: reporting.dossier_fact holds nothing beyond the receipts");
    s_check_count (shipments, postal, "lost: every postal return has one delivered postal.shipment");
    s_check_count (shipments_total, postal, "duplicated: postal.shipment holds one per postal return, no more");

    //  What happened to each dossier, as processing and reporting have it.
    s_check_count (s_sql ("SELECT count(*) FROM processing.work_item WHERE dossier_code = ANY ($1::text[])"
                          " AND status = 'returned'", codes, NULL), returned,
                   "processing: every dossier the clients returned is returned");
    s_check_count (s_sql ("SELECT count(*) FROM processing.work_item WHERE dossier_code = ANY ($1::text[])"
                          " AND outcome = 2", codes, NULL), rejected,
                   "processing: the rejections are the clients' rejections");
    s_check_count (s_sql ("SELECT count(*) FROM reporting.dossier_fact WHERE dossier_code = ANY ($1::text[])"
                          " AND resolved_at IS NOT NULL AND returned_at IS NOT NULL", codes, NULL), returned,
                   "reporting: every returned dossier's fact is resolved and returned");

    //  No event applied twice: once-per-dossier events once in the timeline,
    //  one enqueue per dossier in processing's audit, one inbox row each.
    int64_t timeline_twice = s_sql ("SELECT count(*) FROM (SELECT dossier_code, event_type FROM reporting.timeline"
                                    " GROUP BY dossier_code, event_type HAVING count(*) > 1) twice", NULL, NULL);
    int64_t enqueued_twice = s_sql ("SELECT count(*) FROM (SELECT dossier_code FROM processing.audit"
                                    " WHERE action = 'enqueue' GROUP BY dossier_code HAVING count(*) > 1) twice", NULL, NULL);
    s_check_count (timeline_twice, 0, "duplicated: no (dossier, event type) twice in reporting.timeline");
    s_check_count (enqueued_twice, 0, "duplicated: processing enqueued no dossier twice (its audit)");
    s_check_count (s_sql ("SELECT count(*) FROM processing.inbox WHERE event_type = 'dossier_received'", NULL, NULL),
                   receipts, "processing's inbox holds one dossier_received per receipt");
    struct { const char *type; int64_t want; } events [] = {
        { "dossier_received", receipts }, { "dossier_resolved", resolved }, { "result_ready", postal },
        { "shipment_created", postal }, { "shipment_delivered", postal }, { "dossier_returned", returned }
    };
    int64_t timeline_missing = 0;
    for (size_t i = 0; i < sizeof events / sizeof events [0]; i++) {
        char name [128];
        int64_t got = s_sql ("SELECT count(DISTINCT dossier_code) FROM reporting.timeline WHERE event_type = $1",
                             events [i].type, NULL);
        snprintf (name, sizeof name, "reporting's timeline has every %s, once", events [i].type);
        s_check_count (got, events [i].want, name);
        timeline_missing += s_shortfall (got, events [i].want);
    }

    //  II.06a over a window that covers the run.
    client_t *dashboard = s_client ("reporting", "dashboard");
    reporting_reply_t *reply = dashboard ? harness_report (dashboard, run_from - 60000, vn_now_ms () + 60000) : NULL;
    Motcua__V1__Report06a *r = reply ? reply->report : NULL;
    bool identities = r
        && r->received_total == r->received_online + r->received_direct + r->received_postal + r->carried_over
        && r->received_total == r->resolved_total + r->in_progress_total
        && r->resolved_total == r->resolved_early + r->resolved_on_time + r->resolved_late
        && r->in_progress_total == r->in_progress_within + r->in_progress_overdue;
    CHECK (identities, "II.06a: received = online + direct + postal + carried over = resolved + in progress; "
                       "resolved = early + on time + late; in progress = within + overdue");
    int channels [4] = { 0 };
    for (int i = 0; i < s_settings.dossiers; i++)
        if (*s_dossiers [i].code)
            channels [s_dossiers [i].channel]++;
    s_check_count (r ? r->received_total : -1, receipts, "II.06a: received_total equals the receipts");
    s_check_count (r ? r->received_direct : -1, channels [CHANNEL_DIRECT], "II.06a: received_direct equals the direct receipts");
    s_check_count (r ? r->received_online : -1, channels [CHANNEL_ONLINE], "II.06a: received_online equals the online receipts");
    s_check_count (r ? r->received_postal : -1, channels [CHANNEL_POSTAL], "II.06a: received_postal equals the postal receipts");
    s_check_count (r ? r->resolved_total : -1, resolved, "II.06a: resolved_total equals the dossiers resolved");
    s_check_count (r ? r->in_progress_total : -1, receipts - resolved, "II.06a: in_progress_total equals those not resolved");
    if (r)
        printf ("  II.06a: received %lld (direct %lld, online %lld, postal %lld, carried over %lld);"
                " resolved %lld (early %lld, on time %lld, late %lld); in progress %lld\n",
                (long long) r->received_total, (long long) r->received_direct, (long long) r->received_online,
                (long long) r->received_postal, (long long) r->carried_over, (long long) r->resolved_total,
                (long long) r->resolved_early, (long long) r->resolved_on_time, (long long) r->resolved_late,
                (long long) r->in_progress_total);
    reporting_reply_destroy (&reply);
    client_destroy (&dashboard);

    int64_t lost = s_shortfall (intake_matched, receipts) + s_shortfall (work_items, receipts)
                 + s_shortfall (facts, receipts) + s_shortfall (shipments, postal) + timeline_missing;
    int64_t duplicated = s_excess (intake_total, receipts) + s_excess (work_total, receipts)
                       + s_excess (facts_total, receipts) + s_excess (shipments_total, postal)
                       + (timeline_twice > 0 ? timeline_twice : 0) + (enqueued_twice > 0 ? enqueued_twice : 0);
    printf ("lost: %lld, duplicated: %lld, identities: %s, kills: %d, postgres restarts: %d, dossiers: %lld\n",
            (long long) lost, (long long) duplicated, identities ? "hold" : "BROKEN", tally->kills,
            tally->pg_restarts, (long long) receipts);
    fflush (stdout);
    free (codes);
    free (keys);
    //  Supplements: each one restarted (or resumed) the clock exactly once.
    char *supplemented = s_array (s_was_supplemented, false);
    s_check_count (s_sql ("SELECT count(*) FROM processing.due_change WHERE NOT appointment_only"
                          " AND dossier_code = ANY ($1::text[])", supplemented, NULL),
                   s_count (s_was_supplemented),
                   "supplements: every supplemented dossier moved its due time once, by its rule set");
    s_check_count (s_sql ("SELECT count(*) FROM reporting.dossier_fact WHERE resumed_at IS NOT NULL"
                          " AND dossier_code = ANY ($1::text[])", supplemented, NULL),
                   s_count (s_was_supplemented), "supplements: reporting knows every hand-in");
    printf ("supplements: %lld dossiers went through a supplement request and hand-in\n",
            (long long) s_count (s_was_supplemented));
    free (supplemented);
    free (postal_codes);
}

// --------------------------------------------------------------------------

//  The client threads, and a thread that says when they have all ended: the
//  main thread is busy with chaos (it alone may start services).
typedef struct {
    pthread_t *threads;
    int count;
} joiner_t;

static void *
s_join (void *arg)
{
    joiner_t *joiner = (joiner_t *) arg;
    for (int t = 0; t < joiner->count; t++)
        pthread_join (joiner->threads [t], NULL);
    atomic_store (&s_clients_done, true);
    return NULL;
}

int
main (void)
{
    atexit (s_teardown);
    bool ready = s_setup () == 0;
    CHECK (ready, "setup: a throw-away cluster of its own, migrated, with certificates and calendar");
    ready = ready && harness_init () == 0;
    ready = ready && harness_start_all ();
    CHECK (ready, "setup: the four services start and answer health");
    if (!ready)
        return testkit_finish ();
    srand (s_settings.seed);

    s_dossiers = (dossier_t *) zmalloc ((size_t) s_settings.dossiers * sizeof (dossier_t));
    for (int i = 0; i < s_settings.dossiers; i++) {
        dossier_t *d = &s_dossiers [i];
        char prefix [32];
        snprintf (prefix, sizeof prefix, "chaos-%d", i);
        harness_new_key (d->key, sizeof d->key, prefix);
        d->channel = CHANNEL_DIRECT + i % 3;
        d->method = i % 5 < 2 ? BY_POST : BY_COUNTER;
        d->outcome = i % 10 == 7 ? REJECTED : APPROVED;
    }
    int64_t run_from = vn_now_ms (), started = zclock_mono ();
    worker_t *workers = (worker_t *) zmalloc ((size_t) s_settings.threads * sizeof (worker_t));
    pthread_t *threads = (pthread_t *) zmalloc ((size_t) s_settings.threads * sizeof (pthread_t));
    for (int t = 0; t < s_settings.threads; t++) {
        workers [t].index = t;
        pthread_create (&threads [t], NULL, s_worker, &workers [t]);
    }
    pthread_t waiter;
    joiner_t joiner = { threads, s_settings.threads };
    pthread_create (&waiter, NULL, s_join, &joiner);
    chaos_tally_t tally = { 0 };
    s_chaos (&tally);
    pthread_join (waiter, NULL);
    int64_t clients_ms = zclock_mono () - started;
    int reconnects = 0;
    for (int t = 0; t < s_settings.threads; t++)
        reconnects += workers [t].reconnects;
    printf ("  clients done in %.1f s: %d receipts, %d resolved, %d returned; %d commands needed retries,"
            " %d sockets replaced\n", clients_ms / 1000.0, s_count (s_has_code), s_count (s_is_resolved),
            s_count (s_is_returned), atomic_load (&s_answered_retry), reconnects);

    char name [160];
    snprintf (name, sizeof name, "chaos: %d services SIGKILLed and restarted while the clients worked (wanted %d)",
              tally.kills, s_settings.kills);
    CHECK (tally.kills >= s_settings.kills && tally.failed_restarts == 0, name);
    snprintf (name, sizeof name, "chaos: PostgreSQL restarted %d times while the clients worked (wanted %d)",
              tally.pg_restarts, s_settings.pg_restarts);
    CHECK (tally.pg_restarts >= s_settings.pg_restarts, name);
    CHECK_EQ_INT (tally.unexpected_exits, 0, "chaos: no service ended except by our SIGKILL");
    snprintf (name, sizeof name, "clients: all %d submissions got receipts", s_settings.dossiers);
    s_check_count (s_count (s_has_code), s_settings.dossiers, name);
    s_check_count (s_count (s_is_returned), s_settings.dossiers,
                   "clients: every dossier was resolved and returned (counter or post)");
    CHECK_EQ_INT (atomic_load (&s_refused) + atomic_load (&s_gave_up), 0,
                  "clients: no command was refused for good or left unanswered");

    int64_t drain_start = zclock_mono ();
    bool drained = harness_wait_until (harness_settled, NULL, DRAIN_MS);
    snprintf (name, sizeof name, "drain: every outbox is empty (backlog 0 everywhere) after %.1f s",
              (zclock_mono () - drain_start) / 1000.0);
    CHECK (drained, name);
    CHECK (s_dead_free (), "drain: no delivery was parked as dead");
    s_verify (&tally, run_from);

    int clean = 0;
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        clean += harness_stop (harness_proc_at (i), SIGTERM, 10000) == 0;
    CHECK_EQ_INT (clean, HARNESS_SERVICES, "teardown: every service stops cleanly on SIGTERM");
    printf ("chaos: %.1f s in all\n", (zclock_mono () - started) / 1000.0);
    free (workers);
    free (threads);
    free (s_dossiers);
    return testkit_finish ();
}

