/*  dashboard_throttle — failed logins per address. See dashboard_throttle.h. */
#include <czmq.h>
#include <pthread.h>
#include "dashboard_throttle.h"

typedef struct {
    char address [48];          //  "" when the place is free
    int failures;
    int64_t last;               //  zclock_mono () at the last failure
    int64_t until;              //  no login before this
} s_address_t;

struct dashboard_throttle_t {
    pthread_mutex_t mutex;
    size_t capacity;
    s_address_t *addresses;
};

dashboard_throttle_t *
dashboard_throttle_new (size_t capacity)
{
    assert (capacity > 0);
    dashboard_throttle_t *self = (dashboard_throttle_t *) zmalloc (sizeof (dashboard_throttle_t));
    pthread_mutex_init (&self->mutex, NULL);
    self->capacity = capacity;
    self->addresses = (s_address_t *) zmalloc (capacity * sizeof (s_address_t));
    return self;
}

void
dashboard_throttle_destroy (dashboard_throttle_t **self_p)
{
    dashboard_throttle_t *self = *self_p;
    if (self) {
        pthread_mutex_destroy (&self->mutex);
        free (self->addresses);
        free (self);
        *self_p = NULL;
    }
}

//  address's place (forgotten ones are cleared on the way), or NULL; with
//  make, a new place when it has none (a free one, else the oldest failure's).
static s_address_t *
s_find (dashboard_throttle_t *self, const char *address, bool make)
{
    int64_t now = zclock_mono ();
    s_address_t *found = NULL, *room = NULL;
    for (size_t i = 0; i < self->capacity; i++) {
        s_address_t *place = &self->addresses [i];
        if (*place->address && now - place->last >= DASHBOARD_THROTTLE_FORGET_S * 1000
        &&  place->until <= now)
            memset (place, 0, sizeof *place);
        if (*place->address && streq (place->address, address))
            found = place;
        if (!room || (*room->address && (!*place->address || place->last < room->last)))
            room = place;
    }
    if (!found && make) {
        found = room;
        memset (found, 0, sizeof *found);
        snprintf (found->address, sizeof found->address, "%s", address);
    }
    return found;
}

int
dashboard_throttle_wait (dashboard_throttle_t *self, const char *address)
{
    pthread_mutex_lock (&self->mutex);
    s_address_t *place = s_find (self, address, false);
    int64_t left = place ? place->until - zclock_mono () : 0;
    pthread_mutex_unlock (&self->mutex);
    return left > 0 ? (int) ((left + 999) / 1000) : 0;
}

void
dashboard_throttle_failed (dashboard_throttle_t *self, const char *address)
{
    pthread_mutex_lock (&self->mutex);
    s_address_t *place = s_find (self, address, true);
    place->last = zclock_mono ();
    if (++place->failures >= DASHBOARD_THROTTLE_FREE) {
        int shift = place->failures - DASHBOARD_THROTTLE_FREE;
        int64_t wait_s = shift >= 9 ? DASHBOARD_THROTTLE_MAX_S : (int64_t) 1 << shift;
        if (wait_s > DASHBOARD_THROTTLE_MAX_S)
            wait_s = DASHBOARD_THROTTLE_MAX_S;
        place->until = place->last + wait_s * 1000;
    }
    pthread_mutex_unlock (&self->mutex);
}

void
dashboard_throttle_passed (dashboard_throttle_t *self, const char *address)
{
    pthread_mutex_lock (&self->mutex);
    s_address_t *place = s_find (self, address, false);
    if (place)
        memset (place, 0, sizeof *place);
    pthread_mutex_unlock (&self->mutex);
}
