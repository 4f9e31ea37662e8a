/*  bench_load — load generators and probes for `make bench` (tests/bench/run.sh):
      bench_load intake CLIENTS SECONDS
          CLIENTS threads, each with its own counter client, submit dossiers
          for SECONDS; prints `dossiers=K seconds=S rate=R p50_ms=… p99_ms=…`
          (a receipt received counts; latency is the submit round trip).
      bench_load paced RATE SECONDS
          submits at RATE dossiers/s from one thread (for end-to-end latency).
      bench_load relay EVENTS
          writes EVENTS events straight into intake's outbox, one transaction,
          each for processing and reporting, and times until all are acked:
          `events=N deliveries=D seconds=S rate=R sends_per_delivery=X`
          (deliveries per second; X above 1 means leases ran out and events
          were sent again).
    It talks to the real suite (CURVE, the counter's key) and to its database. */
#include <czmq.h>
#include <pthread.h>
#include <stdatomic.h>
#include "config.h"
#include "db.h"
#include "log.h"
#include "intake_client.h"
#include "outbox.h"
#include "rpc.h"
#include "vntime.h"

#define MAX_SAMPLES 2000000

static config_t *s_config;
static atomic_long s_count;
static double *s_latency;           //  ms, one per receipt
static int64_t s_deadline;

static int
s_submit (client_t *client, int64_t *took_ms)
{
    char key [40];
    rpc_new_id (key, sizeof key);
    Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
    applicant.name = (char *) "Người thử tải";
    applicant.id_number = (char *) "042000000000";
    applicant.phone = (char *) "0900000000";
    applicant.address = (char *) "Hà Tĩnh";
    char *components [] = { (char *) "Tờ trình" };
    Motcua__V1__SubmitDossier submit = MOTCUA__V1__SUBMIT_DOSSIER__INIT;
    submit.idempotency_key = key;
    submit.procedure_code = (char *) "1.000843";
    submit.applicant = &applicant;
    submit.channel = MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
    submit.return_method = MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
    submit.n_components = 1;
    submit.components = components;
    int64_t start = zclock_usecs ();
    intake_reply_t *reply = intake_client_submit (client, &submit);
    *took_ms = zclock_usecs () - start;
    int ok = reply && !reply->error && reply->receipt;
    intake_reply_destroy (&reply);
    return ok ? 0 : -1;
}

static void *
s_worker (void *arg)
{
    (void) arg;
    client_t *client = client_new (s_config, "intake", "counter");
    if (!client)
        return NULL;
    client_set_timeout (client, 10000, 3);
    while (zclock_mono () < s_deadline) {
        int64_t took_us;
        if (s_submit (client, &took_us) == 0) {
            long n = atomic_fetch_add (&s_count, 1);
            if (n < MAX_SAMPLES)
                s_latency [n] = took_us / 1000.0;
        }
    }
    client_destroy (&client);
    return NULL;
}

static int
s_compare (const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double
s_percentile (double *values, long count, double p)
{
    if (count <= 0)
        return 0;
    long at = (long) (p * (count - 1));
    return values [at];
}

static int
s_intake (int clients, int seconds)
{
    pthread_t threads [256];
    if (clients > 256)
        clients = 256;
    s_deadline = zclock_mono () + seconds * 1000;
    int64_t start = zclock_mono ();
    for (int i = 0; i < clients; i++)
        pthread_create (&threads [i], NULL, s_worker, NULL);
    for (int i = 0; i < clients; i++)
        pthread_join (threads [i], NULL);
    double elapsed = (zclock_mono () - start) / 1000.0;
    long count = atomic_load (&s_count);
    long samples = count < MAX_SAMPLES ? count : MAX_SAMPLES;
    qsort (s_latency, (size_t) samples, sizeof (double), s_compare);
    printf ("dossiers=%ld seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f\n", count, elapsed,
            count / elapsed, s_percentile (s_latency, samples, 0.5), s_percentile (s_latency, samples, 0.99));
    return count > 0 ? 0 : 1;
}

static int
s_paced (double rate, int seconds)
{
    client_t *client = client_new (s_config, "intake", "counter");
    if (!client)
        return 1;
    int64_t start = zclock_usecs (), interval = (int64_t) (1e6 / rate);
    long sent = 0, ok = 0;
    while (zclock_usecs () - start < (int64_t) seconds * 1000000) {
        int64_t due = start + sent * interval, now = zclock_usecs ();
        if (due > now)
            zclock_sleep ((int) ((due - now) / 1000));
        int64_t took;
        ok += s_submit (client, &took) == 0;
        sent++;
    }
    client_destroy (&client);
    printf ("dossiers=%ld rate=%.1f\n", ok, ok / (double) seconds);
    return ok ? 0 : 1;
}

//  Events straight into intake's outbox (a received dossier each), for
//  processing and reporting; then wait until every delivery is acked.
static int
s_relay (int events)
{
    db_t *db = db_new (s_config->conninfo);
    if (db_ensure (db) || db_begin (db)) {
        fprintf (stderr, "bench_load: no database\n");
        db_destroy (&db);
        return 1;
    }
    int64_t day = vn_now_ms ();
    for (int i = 0; i < events; i++) {
        char code [48];
        snprintf (code, sizeof code, "BENCH-%lld-%06d", (long long) (day / 1000), i);
        Motcua__V1__Applicant applicant = MOTCUA__V1__APPLICANT__INIT;
        applicant.name = (char *) "Người thử tải";
        Motcua__V1__DossierReceived received = MOTCUA__V1__DOSSIER_RECEIVED__INIT;
        received.dossier_code = code;
        received.procedure_code = (char *) "1.000843";
        received.procedure_name = (char *) "Thủ tục tặng danh hiệu Chiến sĩ thi đua cơ sở";
        received.agency_code = (char *) "H27.22";
        received.division = (char *) "tdkt";
        received.channel = MOTCUA__V1__CHANNEL__CHANNEL_DIRECT;
        received.return_method = MOTCUA__V1__RETURN_METHOD__RETURN_COUNTER;
        received.applicant = &applicant;
        received.received_at = day;
        received.due_at = day + 20 * MS_PER_DAY;
        received.rule_set = (char *) "2025";
        received.time_limit_value = 20;
        received.time_limit_unit = (char *) "working_days";
        Motcua__V1__Event event = MOTCUA__V1__EVENT__INIT;
        event.actor = (char *) "bench";
        event.dossier_code = code;
        event.body_case = MOTCUA__V1__EVENT__BODY_DOSSIER_RECEIVED;
        event.dossier_received = &received;
        if (outbox_append (db, "intake", "intake", &event)) {
            fprintf (stderr, "bench_load: %s\n", db_error (db));
            db_rollback (db);
            db_destroy (&db);
            return 1;
        }
    }
    int64_t start = zclock_usecs ();
    db_commit (db);
    long pending = 1;
    //  The probe reads the relay's own partial index (pending deliveries):
    //  a scan of every delivery would cost the server more than the relay.
    while (pending > 0 && zclock_usecs () - start < 300 * 1000000LL) {
        zclock_sleep (50);
        PGresult *result = db_query (db,
            "SELECT count(*) FROM intake.outbox_delivery WHERE state = 'pending'", 0, NULL);
        pending = result ? atol (PQgetvalue (result, 0, 0)) : 1;
        if (result)
            PQclear (result);
    }
    double seconds = (zclock_usecs () - start) / 1e6;
    //  Sends per delivery: 1.00 unless leases ran out and events went again.
    PGresult *sends = db_query (db,
        "SELECT round (sum (d.attempts)::numeric / greatest (count (*), 1), 2) FROM intake.outbox_delivery d"
        " JOIN intake.outbox o USING (event_id) WHERE o.dossier_code LIKE 'BENCH-%'", 0, NULL);
    printf ("events=%d deliveries=%d seconds=%.2f rate=%.1f sends_per_delivery=%s\n", events, 2 * events,
            seconds, 2 * events / seconds, sends ? PQgetvalue (sends, 0, 0) : "0");
    PQclear (sends);
    db_destroy (&db);
    return pending ? 1 : 0;
}

int
main (int argc, char **argv)
{
    zsys_init ();
    zsys_set_linger (0);
    s_config = config_new (NULL);
    log_init ("bench", s_config ? s_config->log_level : "warn");
    s_latency = (double *) calloc (MAX_SAMPLES, sizeof (double));
    int rc = 2;
    if (argc == 4 && streq (argv [1], "intake"))
        rc = s_intake (atoi (argv [2]), atoi (argv [3]));
    else
    if (argc == 4 && streq (argv [1], "paced"))
        rc = s_paced (atof (argv [2]), atoi (argv [3]));
    else
    if (argc == 3 && streq (argv [1], "relay"))
        rc = s_relay (atoi (argv [2]));
    else
        fprintf (stderr, "usage: bench_load intake CLIENTS SECONDS | paced RATE SECONDS | relay EVENTS\n");
    free (s_latency);
    config_destroy (&s_config);
    return rc;
}
