/*  dashboard_session — the logged-in sessions. See dashboard_session.h.   */
#include <czmq.h>
#include <pthread.h>
#include "dashboard_session.h"
#include "dashboard_token.h"
#include "log.h"

typedef struct {
    char id [DASHBOARD_SESSION_HEX + 1];    //  "" when the place is free
    int64_t opened;                         //  zclock_mono () at login
    int64_t used;                           //  and at the last request
} s_session_t;

struct dashboard_session_t {
    pthread_mutex_t mutex;
    int64_t idle_ms, max_ms;
    size_t capacity;
    s_session_t *sessions;
};

dashboard_session_t *
dashboard_session_new (int idle_s, int max_s, size_t capacity)
{
    assert (idle_s > 0 && max_s > 0 && capacity > 0);
    dashboard_session_t *self = (dashboard_session_t *) zmalloc (sizeof (dashboard_session_t));
    pthread_mutex_init (&self->mutex, NULL);
    self->idle_ms = (int64_t) idle_s * 1000;
    self->max_ms = (int64_t) max_s * 1000;
    self->capacity = capacity;
    self->sessions = (s_session_t *) zmalloc (capacity * sizeof (s_session_t));
    return self;
}

void
dashboard_session_destroy (dashboard_session_t **self_p)
{
    dashboard_session_t *self = *self_p;
    if (self) {
        pthread_mutex_destroy (&self->mutex);
        free (self->sessions);
        free (self);
        *self_p = NULL;
    }
}

static bool
s_live (dashboard_session_t *self, const s_session_t *session, int64_t now)
{
    return *session->id && now - session->used < self->idle_ms && now - session->opened < self->max_ms;
}

int
dashboard_session_open (dashboard_session_t *self, char *id)
{
    if (dashboard_token_random (id, DASHBOARD_SESSION_HEX / 2)) {
        log_error ("cannot open a session: no random bytes from the kernel");
        return -1;
    }
    pthread_mutex_lock (&self->mutex);
    int64_t now = zclock_mono ();
    //  A free or ended place, else the one used longest ago.
    s_session_t *place = &self->sessions [0];
    for (size_t i = 0; i < self->capacity; i++) {
        s_session_t *session = &self->sessions [i];
        if (!s_live (self, session, now)) {
            place = session;
            break;
        }
        if (session->used < place->used)
            place = session;
    }
    if (s_live (self, place, now))
        log_info ("%zu sessions open: the one used longest ago is ended", self->capacity);
    snprintf (place->id, sizeof place->id, "%s", id);
    place->opened = place->used = now;
    pthread_mutex_unlock (&self->mutex);
    return 0;
}

//  The live session id names, or NULL; every place is compared.
static s_session_t *
s_find (dashboard_session_t *self, const char *id, int64_t now)
{
    s_session_t *found = NULL;
    for (size_t i = 0; i < self->capacity; i++) {
        s_session_t *session = &self->sessions [i];
        bool same = dashboard_token_equal (session->id, id);
        if (same && s_live (self, session, now))
            found = session;
        else
        if (*session->id && !s_live (self, session, now))
            memset (session, 0, sizeof *session);       //  expired: forgotten
    }
    return found;
}

bool
dashboard_session_check (dashboard_session_t *self, const char *id)
{
    if (!id || strlen (id) != DASHBOARD_SESSION_HEX)
        return false;
    pthread_mutex_lock (&self->mutex);
    int64_t now = zclock_mono ();
    s_session_t *session = s_find (self, id, now);
    if (session)
        session->used = now;
    pthread_mutex_unlock (&self->mutex);
    return session != NULL;
}

void
dashboard_session_close (dashboard_session_t *self, const char *id)
{
    if (!id || strlen (id) != DASHBOARD_SESSION_HEX)
        return;
    pthread_mutex_lock (&self->mutex);
    s_session_t *session = s_find (self, id, zclock_mono ());
    if (session)
        memset (session, 0, sizeof *session);
    pthread_mutex_unlock (&self->mutex);
}
