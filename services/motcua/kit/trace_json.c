/*  trace_json — a trace as JSON and its labels. See trace_json.h.          */
#include <czmq.h>
#include "trace_json.h"
#include "lifecycle.h"

//  How the timeline reads for an official.
const char *
trace_event_label (const char *type)
{
    static const char *labels [][2] = {
        { "dossier_received",   "Tiếp nhận hồ sơ" },
        { "dossier_resolved",   "Giải quyết xong hồ sơ" },
        { "result_ready",       "Kết quả sẽ trả qua bưu chính công ích" },
        { "shipment_created",   "Kết quả chờ chuyển phát qua bưu chính" },
        { "shipment_delivered", "Bưu chính phát kết quả cho người nhận" },
        { "dossier_returned",   "Trả kết quả cho tổ chức, cá nhân" },
        { "supplement_requested", "Yêu cầu bổ sung, hoàn thiện hồ sơ" },
        { "supplement_received", "Nhận hồ sơ bổ sung" },
        { "dossier_withdrawn",  "Tổ chức, cá nhân đề nghị rút hồ sơ" },
        { "due_time_changed",   "Thay đổi thời hạn giải quyết" },
        { "dossier_handed_over", "Giao nhận hồ sơ giữa các bước" },
        { "result_attached",    "Có kết quả giải quyết" },
        { "dossier_routed",     "Chuyển hồ sơ đến cơ quan có thẩm quyền" },
        { "postal_intake_answered", "Bưu chính giao hồ sơ (biên bản giao nhận)" },
        { "shipment_moved",     "Bưu chính chuyển phát kết quả" },
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels [0]; i++)
        if (streq (labels [i][0], type))
            return labels [i][1];
    return type;
}

const char *
trace_status_label (const char *status)
{
    dossier_state_t state;
    if (lifecycle_state_parse (status, &state) == 0 && state != STATE_NONE)
        return lifecycle_state_label (state);
    //  intake's own: asked, processing has not answered yet
    return streq (status, "withdrawal_requested") ? "Đã đề nghị rút hồ sơ" : status;
}

const char *
trace_timeliness_label (const char *timeliness)
{
    return streq (timeliness, "early") ? "trước hạn"
         : streq (timeliness, "on_time") ? "đúng hạn"
         : streq (timeliness, "late") ? "quá hạn" : "";
}

const char *
trace_channel_name (int channel)
{
    return channel == 1 ? "direct" : channel == 2 ? "online" : channel == 3 ? "postal" : "";
}

void
trace_json (json_t *json, const char *key, const Motcua__V1__Trace *t, bool labels)
{
    json_object (json, key);
    json_string (json, "dossier_code", t->dossier_code);
    json_string (json, "status", t->status);
    if (labels)
        json_string (json, "status_label", trace_status_label (t->status));
    json_string (json, "procedure_code", t->procedure_code);
    json_string (json, "channel", trace_channel_name (t->channel));
    json_time (json, "received_at", t->received_at);
    json_time (json, "due_at", t->due_at);
    json_time (json, "appointment_at", t->appointment_at ? t->appointment_at : t->due_at);
    json_time (json, "resolved_at", t->resolved_at);
    json_time (json, "returned_at", t->returned_at);
    json_string (json, "timeliness", t->timeliness);
    if (labels)
        json_string (json, "timeliness_label", trace_timeliness_label (t->timeliness));
    json_string (json, "result_location", t->result_location);
    json_array (json, "events");
    for (size_t i = 0; i < t->n_entries; i++) {
        json_object (json, NULL);
        json_time (json, "at", t->entries [i]->at);
        json_string (json, "type", t->entries [i]->event_type);
        if (labels)
            json_string (json, "label", trace_event_label (t->entries [i]->event_type));
        json_string (json, "actor", t->entries [i]->actor);
        json_string (json, "producer", t->entries [i]->producer);
        json_string (json, "detail", t->entries [i]->detail);
        json_end_object (json);
    }
    json_end_array (json);
    json_end_object (json);
}
