/*  report_json — reporting's answers as JSON. See report_json.h.           */
#include "report_json.h"
#include "form06a.h"
#include "trace_json.h"

void
report_json_counts (json_t *json, const Motcua__V1__Report06a *r)
{
    const int64_t values [FORM06A_COUNTS] = {
        r->received_total, r->received_online, r->received_direct, r->received_postal, r->carried_over,
        r->resolved_total, r->resolved_early, r->resolved_on_time, r->resolved_late,
        r->in_progress_total, r->in_progress_within, r->in_progress_overdue
    };
    for (int i = 0; i < FORM06A_COUNTS; i++)
        json_int (json, form06a_count_names [i], values [i]);
}

void
report_json_rates (json_t *json, const Motcua__V1__Rates *r)
{
    const struct { const char *key; const Motcua__V1__Rate *rate; } all [] = {
        { "online_intake", r->online_intake }, { "online_intake_capable", r->online_intake_capable },
        { "result_digitised", r->result_digitised }, { "dossier_digitised", r->dossier_digitised },
        { "postal_intake", r->postal_intake }, { "postal_return", r->postal_return },
        { "on_time", r->on_time },
    };
    for (size_t i = 0; i < sizeof all / sizeof all [0]; i++) {
        const Motcua__V1__Rate *rate = all [i].rate;
        if (!rate)
            continue;
        json_object (json, all [i].key);
        json_int (json, "numerator", rate->numerator);
        json_int (json, "denominator", rate->denominator);
        json_double (json, "percent", rate->percent, 2);
        json_string (json, "label", rate->label);
        json_end_object (json);
    }
}

void
report_json_dossiers (json_t *json, const Motcua__V1__DossierList *list, bool with_applicant)
{
    json_int (json, "total", list->total);
    json_array (json, "dossiers");
    for (size_t i = 0; i < list->n_dossiers; i++) {
        const Motcua__V1__DossierSummary *d = list->dossiers [i];
        json_object (json, NULL);
        json_string (json, "dossier_code", d->dossier_code);
        json_string (json, "procedure_code", d->procedure_code);
        json_string (json, "procedure_name", d->procedure_name);
        json_string (json, "agency_code", d->agency_code);
        json_string (json, "field", d->field);
        json_string (json, "level", d->level);
        json_string (json, "channel", trace_channel_name (d->channel));
        json_time (json, "received_at", d->received_at);
        json_time (json, "due_at", d->due_at);
        json_time (json, "resolved_at", d->resolved_at);
        json_time (json, "returned_at", d->returned_at);
        json_string (json, "status", d->status);
        json_string (json, "status_label", trace_status_label (d->status));
        json_string (json, "timeliness", d->timeliness);
        if (with_applicant && *d->applicant_name) {
            json_string (json, "applicant_name", d->applicant_name);
            json_string (json, "applicant_address", d->applicant_address);
            json_string (json, "applicant_phone", d->applicant_phone);
        }
        json_end_object (json);
    }
    json_end_array (json);
}
