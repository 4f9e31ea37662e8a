/*  fuzz_event — libFuzzer target: any bytes as an Event, as a subscriber's
    `events` socket receives them (consumer_handle), and as the EventAck a
    relay reads back. The event's type name comes from outbox_event_type (""
    exactly when it has no body, which the consumer refuses); every string of
    whichever body kind it carries is read and checked as UTF-8; and
    rpc_peek_field1 — how a client reads the request id a reply echoes —
    runs on the raw bytes and must never read or write out of bounds.        */
#include "fuzz.h"
#include "outbox.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    //  Exactly-sized heap buffers, so that a write past either is caught.
    char *id = (char *) malloc (64);
    if (rpc_peek_field1 (data, size, id, 64))
        FUZZ_ASSERT (strlen (id) < 64);
    char *tiny = (char *) malloc (1);
    if (rpc_peek_field1 (data, size, tiny, 1))
        FUZZ_ASSERT (*tiny == 0);
    free (tiny);
    free (id);

    Motcua__V1__Event *event = motcua__v1__event__unpack (NULL, size, data);
    if (event) {
        const char *type = outbox_event_type (event);
        FUZZ_ASSERT (type);
        FUZZ_ASSERT ((*type == 0) == (event->body_case == MOTCUA__V1__EVENT__BODY__NOT_SET));
        FUZZ_ASSERT (outbox_subscribers (type));
        fuzz_walk (&event->base);
        motcua__v1__event__free_unpacked (event, NULL);
    }
    Motcua__V1__EventAck *ack = motcua__v1__event_ack__unpack (NULL, size, data);
    if (ack) {
        fuzz_walk (&ack->base);
        motcua__v1__event_ack__free_unpacked (ack, NULL);
    }
    return 0;
}
