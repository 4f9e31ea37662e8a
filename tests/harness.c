/*  harness — the black-box tests' shared machinery. See harness.h.         */
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include "harness.h"
#include "keystore.h"
#include "log.h"
#include "rpc.h"
#include "vntime.h"

extern char **environ;

static config_t *s_config;
static db_t *s_db;

static harness_proc_t s_procs [HARNESS_SERVICES] = {
    { "intake", 0, -1 }, { "processing", 0, -1 }, { "postal", 0, -1 }, { "reporting", 0, -1 }
};

static void
s_at_exit (void)
{
    harness_stop_all ();
    db_destroy (&s_db);
    config_destroy (&s_config);
}

int
harness_init (void)
{
    s_config = config_new (NULL);
    if (!s_config)
        return -1;
    log_init ("harness", "warn");           //  not a line per libpq connection
    zsys_init ();
    zsys_set_linger (0);
    atexit (s_at_exit);
    return 0;
}

config_t *
harness_config (void)
{
    return s_config;
}

harness_proc_t *
harness_proc (const char *name)
{
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        if (streq (s_procs [i].name, name))
            return &s_procs [i];
    return NULL;
}

harness_proc_t *
harness_proc_at (size_t index)
{
    return index < HARNESS_SERVICES ? &s_procs [index] : NULL;
}

// --------------------------------------------------------------------------
//  Processes

//  Our environment with env's "NAME=value" entries added or replacing;
//  built before fork, so the child only execs. Free with free().
static char **
s_environment (const char *const *env)
{
    size_t ours = 0, extra = 0;
    while (environ [ours])
        ours++;
    while (env && env [extra])
        extra++;
    char **list = (char **) calloc (ours + extra + 1, sizeof (char *));
    size_t count = 0;
    for (size_t i = 0; i < ours; i++) {
        size_t name = strcspn (environ [i], "=");
        bool replaced = false;
        for (size_t e = 0; e < extra && !replaced; e++)
            replaced = strncmp (env [e], environ [i], name + 1) == 0;
        if (!replaced)
            list [count++] = environ [i];
    }
    for (size_t e = 0; e < extra; e++)
        list [count++] = (char *) env [e];
    return list;
}

int
harness_spawn (harness_proc_t *proc, const char *const *env)
{
    const char *bin = getenv ("MOTCUA_BIN");
    char program [600], log_dir [600], log_path [700];
    snprintf (program, sizeof program, "%s/motcua-%s", bin && *bin ? bin : "build/bin", proc->name);
    snprintf (log_dir, sizeof log_dir, "%s/log", s_config->var_dir);
    zsys_dir_create ("%s", log_dir);
    snprintf (log_path, sizeof log_path, "%s/%s.log", log_dir, proc->name);
    int fd = open (log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf (stderr, "cannot open %s: %s\n", log_path, strerror (errno));
        return -1;
    }
    char **envp = s_environment (env);
    char *argv [] = { program, NULL };
    pid_t parent = getpid ();
    pid_t pid = fork ();
    if (pid == 0) {
        prctl (PR_SET_PDEATHSIG, SIGTERM);
        if (getppid () != parent)
            _exit (127);
        dup2 (fd, STDOUT_FILENO);
        dup2 (fd, STDERR_FILENO);
        execve (program, argv, envp);
        _exit (127);
    }
    free (envp);
    close (fd);
    if (pid < 0)
        return -1;
    proc->pid = pid;
    proc->exit_status = -1;
    return 0;
}

static int
s_status_code (int status)
{
    return WIFEXITED (status) ? WEXITSTATUS (status)
         : WIFSIGNALED (status) ? 128 + WTERMSIG (status) : -1;
}

bool
harness_alive (harness_proc_t *proc)
{
    int status;
    if (proc->pid <= 0)
        return false;
    if (waitpid (proc->pid, &status, WNOHANG) == proc->pid) {
        proc->exit_status = s_status_code (status);
        proc->pid = 0;
        return false;
    }
    return true;
}

int
harness_stop (harness_proc_t *proc, int signal, int grace_ms)
{
    if (proc->pid <= 0)
        return proc->exit_status;
    kill (proc->pid, signal);
    if (signal == SIGTERM)
        kill (proc->pid, SIGCONT);          //  a stopped process cannot end
    int64_t deadline = zclock_mono () + grace_ms;
    while (harness_alive (proc) && zclock_mono () < deadline)
        zclock_sleep (20);
    if (proc->pid > 0) {
        fprintf (stderr, "motcua-%s did not stop within %d ms; killing it\n", proc->name, grace_ms);
        kill (proc->pid, SIGKILL);
        int status;
        if (waitpid (proc->pid, &status, 0) == proc->pid)
            proc->exit_status = s_status_code (status);
        proc->pid = 0;
    }
    return proc->exit_status;
}

void
harness_stop_all (void)
{
    for (size_t i = 0; i < HARNESS_SERVICES; i++)
        harness_stop (&s_procs [i], SIGTERM, 5000);
}

bool
harness_wait_until (harness_predicate_fn *predicate, void *arg, int timeout_ms)
{
    int64_t deadline = zclock_mono () + timeout_ms;
    while (true) {
        if (predicate (arg))
            return true;
        if (zclock_mono () >= deadline)
            return false;
        zclock_sleep (HARNESS_POLL_MS);
    }
}

bool
harness_health_within (const char *service, int timeout_ms, Motcua__V1__Health *out, bool *db_up)
{
    client_t *client = client_new (s_config, service, "dashboard");
    if (!client)
        return false;
    client_set_timeout (client, timeout_ms, 1);
    ProtobufCMessage *reply = NULL;
    Motcua__V1__Health *health = NULL;
    if (streq (service, "intake")) {
        intake_reply_t *r = intake_client_health (client);
        reply = (ProtobufCMessage *) r, health = r ? r->health : NULL;
    }
    else
    if (streq (service, "processing")) {
        processing_reply_t *r = processing_client_health (client);
        reply = (ProtobufCMessage *) r, health = r ? r->health : NULL;
    }
    else
    if (streq (service, "postal")) {
        postal_reply_t *r = postal_client_health (client);
        reply = (ProtobufCMessage *) r, health = r ? r->health : NULL;
    }
    else {
        reporting_reply_t *r = reporting_client_health (client);
        reply = (ProtobufCMessage *) r, health = r ? r->health : NULL;
    }
    bool answered = health != NULL;
    if (answered && db_up)
        *db_up = streq (health->db_state, "up");
    if (answered && out) {
        *out = *health;             //  numbers only are used; strings die below
        out->service = out->version = out->db_state = NULL;
    }
    if (reply)
        protobuf_c_message_free_unpacked (reply, NULL);
    client_destroy (&client);
    return answered;
}

bool
harness_health (const char *service, Motcua__V1__Health *out)
{
    return harness_health_within (service, 500, out, NULL);
}

bool
harness_answers (void *arg)
{
    harness_proc_t *proc = (harness_proc_t *) arg;
    return harness_alive (proc) && harness_health (proc->name, NULL);
}

bool
harness_start (harness_proc_t *proc, const char *const *env)
{
    if (harness_spawn (proc, env))
        return false;
    bool up = harness_wait_until (harness_answers, proc, 10000);
    if (!up)
        fprintf (stderr, "motcua-%s did not answer health (exit status %d); see %s/log/%s.log\n",
                 proc->name, proc->exit_status, s_config->var_dir, proc->name);
    return up;
}

bool
harness_restart (harness_proc_t *proc, const char *const *env)
{
    harness_stop (proc, SIGTERM, 5000);
    return harness_start (proc, env);
}

bool
harness_start_all (void)
{
    bool up = true;
    for (size_t i = 0; i < HARNESS_SERVICES && up; i++)
        up = harness_start (&s_procs [i], NULL);
    return up;
}

bool
harness_settled (void *arg)
{
    (void) arg;
    const char *producers [] = { "intake", "processing", "postal" };
    for (int i = 0; i < 3; i++) {
        Motcua__V1__Health health;
        if (!harness_health (producers [i], &health) || health.outbox_backlog != 0)
            return false;
    }
    return true;
}

long
harness_cpu_ticks (pid_t pid)
{
    char path [64], line [1024];
    snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
    FILE *file = fopen (path, "r");
    if (!file)
        return -1;
    char *ok = fgets (line, sizeof line, file);
    fclose (file);
    char *rest = ok ? strrchr (line, ')') : NULL;     //  the name may hold spaces
    unsigned long utime = 0, stime = 0;
    if (!rest || sscanf (rest + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
                         &utime, &stime) != 2)
        return -1;
    return (long) (utime + stime);
}

// --------------------------------------------------------------------------
//  Dossiers

void
harness_new_key (char *key, size_t size, const char *prefix)
{
    char uuid [40];
    rpc_new_id (uuid, sizeof uuid);
    snprintf (key, size, "%s-%s", prefix, uuid);
}

const harness_dossier_t harness_standard = {
    HARNESS_PROCEDURE, "Nguyễn Văn An", "Số 1 Trần Phú, phường Bắc Hà, TP Hà Tĩnh",
    MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER, MOTCUA__V1__CHANNEL__CHANNEL_DIRECT
};

intake_reply_t *
harness_submit_reply (client_t *client, const char *key, const harness_dossier_t *spec)
{
    Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
    applicant.name = (char *) spec->name;
    applicant.id_number = (char *) "042090001234";
    applicant.phone = (char *) "0912345678";
    applicant.address = (char *) spec->address;
    char *components [] = { (char *) "Tờ trình đề nghị khen thưởng",
                            (char *) "Báo cáo thành tích cá nhân" };
    Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    submit.idempotency_key = (char *) key;
    submit.procedure_code = (char *) spec->procedure;
    submit.applicant = &applicant;
    submit.channel = spec->channel ? spec->channel : MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
    submit.return_method = spec->return_method;
    submit.n_components = 2;
    submit.components = components;
    return intake_client_submit (client, &submit);
}

int
harness_submit_spec (client_t *client, const char *key, const harness_dossier_t *spec,
                     char *code, size_t size, char *field, size_t field_size)
{
    intake_reply_t *reply = harness_submit_reply (client, key, spec);
    int rc = !reply ? -1
           : reply->error ? (int) reply->error->code
           : reply->receipt ? 0 : -1;
    if (rc == 0 && code)
        snprintf (code, size, "%s", reply->receipt->dossier_code);
    if (field)
        snprintf (field, field_size, "%s", reply && reply->error ? reply->error->field : "");
    intake_reply_destroy (&reply);
    return rc;
}

int
harness_submit (client_t *client, const char *key, Motcua__V1__ReturnMethod return_method,
                char *code, size_t size)
{
    harness_dossier_t spec = harness_standard;
    spec.return_method = return_method;
    return harness_submit_spec (client, key, &spec, code, size, NULL, 0);
}

int
harness_error_code (Motcua__V1__Error *error, bool answered)
{
    return !answered ? -1 : error ? (int) error->code : 0;
}

processing_reply_t *
harness_queue (client_t *client)
{
    processing_reply_t *reply = processing_client_queue (client, "");
    if (reply && (reply->error || !reply->queue))
        processing_reply_destroy (&reply);
    return reply;
}

int
harness_queue_count (processing_reply_t *queue, const char *code)
{
    if (!queue)
        return -1;
    int count = 0;
    for (size_t i = 0; i < queue->queue->n_items; i++)
        if (streq (queue->queue->items [i]->dossier_code, code))
            count++;
    return count;
}

int
harness_approve (client_t *client, const char *key, const char *code)
{
    processing_reply_t *reply = processing_client_resolve (client, key, code,
                                                           MOTCUA__V1__OUTCOME__OUTCOME_APPROVED, "");
    int rc = harness_error_code (reply ? reply->error : NULL, reply != NULL);
    processing_reply_destroy (&reply);
    return rc;
}

reporting_reply_t *
harness_trace (client_t *client, const char *code)
{
    reporting_reply_t *reply = reporting_client_trace (client, code);
    if (reply && (reply->error || !reply->trace))
        reporting_reply_destroy (&reply);
    return reply;
}

int
harness_entry (const Motcua__V1__Trace *trace, const char *event_type)
{
    for (size_t i = 0; i < trace->n_entries; i++)
        if (streq (trace->entries [i]->event_type, event_type))
            return (int) i;
    return -1;
}

int
harness_entry_count (const Motcua__V1__Trace *trace, const char *event_type)
{
    int count = 0;
    for (size_t i = 0; i < trace->n_entries; i++)
        if (streq (trace->entries [i]->event_type, event_type))
            count++;
    return count;
}

bool
harness_shipment_listed (client_t *client, const char *code)
{
    postal_reply_t *reply = postal_client_shipments (client);
    bool found = false;
    if (reply && !reply->error && reply->shipments)
        for (size_t i = 0; i < reply->shipments->n_shipments; i++)
            if (streq (reply->shipments->shipments [i]->dossier_code, code))
                found = true;
    postal_reply_destroy (&reply);
    return found;
}

reporting_reply_t *
harness_report (client_t *client, int64_t from, int64_t to)
{
    reporting_reply_t *reply = reporting_client_report (client, from, to);
    if (reply && (reply->error || !reply->report))
        reporting_reply_destroy (&reply);
    return reply;
}

int64_t
harness_received_total (client_t *client)
{
    int64_t today = vn_day_start (vn_now_ms ());
    reporting_reply_t *reply = harness_report (client, today - MS_PER_DAY, today + 2 * MS_PER_DAY);
    int64_t total = reply ? reply->report->received_total : -1;
    reporting_reply_destroy (&reply);
    return total;
}

bool
harness_matches (const char *text, const char *pattern)
{
    regex_t regex;
    if (regcomp (&regex, pattern, REG_EXTENDED | REG_NOSUB))
        return false;
    bool match = regexec (&regex, text, 0, NULL, 0) == 0;
    regfree (&regex);
    return match;
}

ProtobufCMessage *
harness_shared (client_t *client, const char *service, const char *operation, ProtobufCMessage *body)
{
    const ProtobufCMessageDescriptor *request_type, *reply_type;
    if (streq (service, "intake"))
        request_type = &motcua__v1__intake_request__descriptor, reply_type = &motcua__v1__intake_reply__descriptor;
    else
    if (streq (service, "processing"))
        request_type = &motcua__v1__processing_request__descriptor, reply_type = &motcua__v1__processing_reply__descriptor;
    else
    if (streq (service, "postal"))
        request_type = &motcua__v1__postal_request__descriptor, reply_type = &motcua__v1__postal_reply__descriptor;
    else
        request_type = &motcua__v1__reporting_request__descriptor, reply_type = &motcua__v1__reporting_reply__descriptor;
    return client_call_shared (client, request_type, reply_type, operation, body);
}

// --------------------------------------------------------------------------
//  Raw CURVE sockets

zsock_t *
harness_raw_dealer (const char *service, const char *identity)
{
    char endpoint [128], server_name [64], server_key [41];
    snprintf (server_name, sizeof server_name, "service-%s", service);
    zcert_t *cert = keystore_load (s_config->var_dir, identity);
    if (!cert || keystore_public_key (s_config->var_dir, server_name, server_key)) {
        zcert_destroy (&cert);
        return NULL;
    }
    zsock_t *dealer = zsock_new (ZMQ_DEALER);
    zcert_apply (cert, dealer);
    zcert_destroy (&cert);
    zsock_set_curve_serverkey (dealer, server_key);
    zsock_set_linger (dealer, 0);
    zsock_connect (dealer, "%s", config_endpoint (s_config, service, "api", endpoint, sizeof endpoint));
    return dealer;
}

zframe_t *
harness_raw_exchange (zsock_t *dealer, const void *data, size_t size, int timeout_ms)
{
    if (zmq_send (zsock_resolve (dealer), data, size, 0) < 0)
        return NULL;
    zpoller_t *poller = zpoller_new (dealer, NULL);
    zframe_t *reply = zpoller_wait (poller, timeout_ms) ? zframe_recv (dealer) : NULL;
    zpoller_destroy (&poller);
    return reply;
}

int
harness_raw_error (zframe_t *frame, char *request_id, size_t size)
{
    if (request_id)
        request_id [0] = 0;
    if (!frame)
        return -1;
    intake_reply_t *reply = motcua__v1__intake_reply__unpack (NULL, zframe_size (frame), zframe_data (frame));
    int rc = !reply ? -1 : reply->error ? (int) reply->error->code : 0;
    if (reply && request_id)
        snprintf (request_id, size, "%s", reply->request_id);
    intake_reply_destroy (&reply);
    return rc;
}

// --------------------------------------------------------------------------
//  The command line, scripts and the database

static int
s_wait_code (int status)
{
    return status == -1 ? -1 : WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

int
harness_cli (char *output, size_t size, const char *format, ...)
{
    va_list args;
    va_start (args, format);
    char *command_args = zsys_vprintf (format, args);
    va_end (args);
    const char *bin = getenv ("MOTCUA_BIN");
    char *command = zsys_sprintf ("%s/motcua %s 2>&1", bin && *bin ? bin : "build/bin", command_args);
    zstr_free (&command_args);
    FILE *pipe = popen (command, "r");
    zstr_free (&command);
    if (!pipe)
        return -1;
    size_t used = 0;
    char buffer [4096];
    size_t got;
    while ((got = fread (buffer, 1, sizeof buffer, pipe)) > 0)
        if (output && used + 1 < size) {
            size_t take = got < size - used - 1 ? got : size - used - 1;
            memcpy (output + used, buffer, take);
            used += take;
        }
    if (output && size)
        output [used] = 0;
    return s_wait_code (pclose (pipe));
}

int
harness_sh (const char *format, ...)
{
    va_list args;
    va_start (args, format);
    char *command = zsys_vprintf (format, args);
    va_end (args);
    char *quiet = zsys_sprintf (getenv ("MOTCUA_TEST_VERBOSE") ? "%s" : "(%s) >/dev/null 2>&1", command);
    int rc = s_wait_code (system (quiet));
    zstr_free (&quiet);
    zstr_free (&command);
    return rc;
}

db_t *
harness_db (void)
{
    if (!s_db)
        s_db = db_new (s_config->conninfo);
    return s_db;
}

static PGresult *
s_query (const char *sql, int count, const char *const *params)
{
    PGresult *result = db_query (harness_db (), sql, count, params);
    if (!result && !db_is_up (s_db))
        result = db_query (s_db, sql, count, params);     //  once more on a fresh link
    return result;
}

int64_t
harness_sql_int (const char *sql, int count, const char *const *params)
{
    PGresult *result = s_query (sql, count, params);
    if (!result)
        return -1;
    int64_t value = PQntuples (result) && PQnfields (result) ? atoll (PQgetvalue (result, 0, 0)) : -1;
    PQclear (result);
    return value;
}

int
harness_sql_exec (const char *sql, int count, const char *const *params)
{
    PGresult *result = s_query (sql, count, params);
    if (!result)
        return -1;
    PQclear (result);
    return 0;
}

bool
harness_log_has (const char *service, const char *fragment, ...)
{
    char path [700], line [4096];
    snprintf (path, sizeof path, "%s/log/%s.log", s_config->var_dir, service);
    FILE *file = fopen (path, "r");
    if (!file)
        return false;
    bool found = false;
    while (!found && fgets (line, sizeof line, file)) {
        va_list args;
        va_start (args, fragment);
        found = true;
        for (const char *f = fragment; f && found; f = va_arg (args, const char *))
            found = strstr (line, f) != NULL;
        va_end (args);
    }
    fclose (file);
    return found;
}
