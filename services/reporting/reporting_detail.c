/*  reporting_detail — trace lines for steps, results and routing. See
    reporting_detail.h.                                                      */
#include <stdio.h>
#include "reporting_detail.h"
#include "vntime.h"

void
reporting_detail_received (const Motcua__V1__DossierReceived *r, char *buf, size_t size)
{
    char when [40], by [40];
    int at = snprintf (buf, size, "%s; %s", r->procedure_code, r->procedure_name);
    if (*r->receiving_agency && at >= 0 && (size_t) at < size)
        at += snprintf (buf + at, size - at, "; received at %s for %s%s%s", r->receiving_agency,
                        r->agency_code, r->route_by ? ", to be routed by " : "",
                        r->route_by ? vn_format_iso (r->route_by, by, sizeof by) : "");
    if (r->online_answer_by && at >= 0 && (size_t) at < size)
        snprintf (buf + at, size - at, "; online filing of %s, to be answered by %s%s",
                  vn_format_iso (r->filed_at, when, sizeof when), vn_format_iso (r->online_answer_by, by, sizeof by),
                  r->received_at > r->online_answer_by ? " — accepted late" : "");
}

void
reporting_detail_more (const Motcua__V1__Event *event, char *buf, size_t size)
{
    switch (event->body_case) {
        case MOTCUA__V1__EVENT__BODY_DOSSIER_HANDED_OVER: {
            char when [40];
            const Motcua__V1__DossierHandedOver *h = event->dossier_handed_over;
            snprintf (buf, size, "step %d \"%s\" handed by %s (%s) to %s (%s): %s, step due %s",
                      h->position, h->step_name, h->giver, h->giver_division, h->receiver, h->receiver_division,
                      h->result, vn_format_iso (h->step_due_at, when, sizeof when));
            break;
        }
        case MOTCUA__V1__EVENT__BODY_RESULT_ATTACHED: {
            const Motcua__V1__ResultAttached *r = event->result_attached;
            snprintf (buf, size, "result: %s%s%s%s%s", r->kind, *r->reference ? " " : "", r->reference,
                      *r->sha256 ? " sha256:" : "", r->sha256);
            break;
        }
        case MOTCUA__V1__EVENT__BODY_DOSSIER_ROUTED: {
            const Motcua__V1__DossierRouted *r = event->dossier_routed;
            char by [40];
            snprintf (buf, size, "routed from %s to %s%s%s%s", r->receiving_agency, r->competent_agency,
                      r->route_by ? " (due " : "", r->route_by ? vn_format_iso (r->route_by, by, sizeof by) : "",
                      r->route_by ? (r->late ? ", late)" : ", on time)") : "");
            break;
        }
        default:
            break;
    }
}
