/*  dashboard_guard — requests' absolute deadlines. See dashboard_guard.h.  */
#include <czmq.h>
#include <pthread.h>
#include <sys/socket.h>
#include "dashboard_guard.h"
#include "log.h"

struct dashboard_watch_t {
    int fd;
    char peer [48];
    int64_t deadline;           //  zclock_mono () ms; 0 while disarmed
    bool shut;                  //  shut down once already
    void *handle;               //  in the guard's list
};

struct dashboard_guard_t {
    pthread_mutex_t mutex;
    int deadline_ms;
    zlistx_t *watches;          //  of dashboard_watch_t, owned
    zactor_t *actor;
};

//  Shut down the sockets of the connections past their deadline.
static void
s_sweep (dashboard_guard_t *self)
{
    pthread_mutex_lock (&self->mutex);
    int64_t now = zclock_mono ();
    for (dashboard_watch_t *watch = (dashboard_watch_t *) zlistx_first (self->watches); watch;
         watch = (dashboard_watch_t *) zlistx_next (self->watches))
        if (watch->deadline && now >= watch->deadline && !watch->shut) {
            //  The socket is open: libmicrohttpd closes it only after it has
            //  told the server, whose dashboard_guard_end waits for this mutex.
            shutdown (watch->fd, SHUT_RDWR);
            watch->shut = true;
            log_warn ("closed a connection from %s: its request was not in within %d ms",
                      watch->peer, self->deadline_ms);
        }
    pthread_mutex_unlock (&self->mutex);
}

static void
s_actor (zsock_t *pipe, void *args)
{
    dashboard_guard_t *self = (dashboard_guard_t *) args;
    zpoller_t *poller = zpoller_new (pipe, NULL);
    zpoller_set_nonstop (poller, true);         //  main decides when to stop
    zsock_signal (pipe, 0);
    while (true) {
        if (zpoller_wait (poller, DASHBOARD_GUARD_TICK_MS) == pipe) {
            char *command = zstr_recv (pipe);
            bool term = !command || streq (command, "$TERM");
            free (command);
            if (term)
                break;
        }
        s_sweep (self);
    }
    zpoller_destroy (&poller);
}

static void
s_watch_free (void **item)
{
    free (*item);
    *item = NULL;
}

dashboard_guard_t *
dashboard_guard_new (int deadline_ms)
{
    assert (deadline_ms > 0);
    dashboard_guard_t *self = (dashboard_guard_t *) zmalloc (sizeof (dashboard_guard_t));
    pthread_mutex_init (&self->mutex, NULL);
    self->deadline_ms = deadline_ms;
    self->watches = zlistx_new ();
    zlistx_set_destructor (self->watches, s_watch_free);
    self->actor = zactor_new (s_actor, self);
    if (!self->actor) {
        log_error ("cannot start the request deadline's thread");
        dashboard_guard_destroy (&self);
    }
    return self;
}

void
dashboard_guard_destroy (dashboard_guard_t **self_p)
{
    dashboard_guard_t *self = *self_p;
    if (self) {
        zactor_destroy (&self->actor);
        zlistx_destroy (&self->watches);
        pthread_mutex_destroy (&self->mutex);
        free (self);
        *self_p = NULL;
    }
}

dashboard_watch_t *
dashboard_guard_watch (dashboard_guard_t *self, int fd, const char *peer)
{
    dashboard_watch_t *watch = (dashboard_watch_t *) zmalloc (sizeof (dashboard_watch_t));
    watch->fd = fd;
    snprintf (watch->peer, sizeof watch->peer, "%s", peer);
    pthread_mutex_lock (&self->mutex);
    watch->deadline = zclock_mono () + self->deadline_ms;
    watch->handle = zlistx_add_end (self->watches, watch);
    pthread_mutex_unlock (&self->mutex);
    return watch;
}

void
dashboard_guard_arm (dashboard_guard_t *self, dashboard_watch_t *watch)
{
    pthread_mutex_lock (&self->mutex);
    watch->deadline = zclock_mono () + self->deadline_ms;
    pthread_mutex_unlock (&self->mutex);
}

void
dashboard_guard_disarm (dashboard_guard_t *self, dashboard_watch_t *watch)
{
    pthread_mutex_lock (&self->mutex);
    watch->deadline = 0;
    pthread_mutex_unlock (&self->mutex);
}

void
dashboard_guard_end (dashboard_guard_t *self, dashboard_watch_t **watch_p)
{
    dashboard_watch_t *watch = *watch_p;
    if (watch) {
        pthread_mutex_lock (&self->mutex);
        zlistx_delete (self->watches, watch->handle);   //  frees watch
        pthread_mutex_unlock (&self->mutex);
        *watch_p = NULL;
    }
}
