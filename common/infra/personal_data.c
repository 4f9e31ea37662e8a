/*  personal_data — the protocol's personal data. See personal_data.h.      */
#include <string.h>
#include "personal_data.h"

#define streq(a,b) (strcmp ((a), (b)) == 0)

//  The table: message (full name) and string field. Any field whose type is
//  motcua.v1.Applicant is personal data as a whole.
static const struct { const char *message, *field; } s_personal [] = {
    { "motcua.v1.WorkItem", "applicant_name" },
    { "motcua.v1.DossierSheet", "applicant_id" },
    { "motcua.v1.DossierSheet", "phone" },
    { "motcua.v1.DossierSheet", "address" },
    { "motcua.v1.LookedUpDossier", "applicant_name" },
    { "motcua.v1.LookupDossiers", "id_number" },
    { "motcua.v1.LookupDossiers", "phone" },
    { "motcua.v1.DossierSummary", "applicant_name" },
    { "motcua.v1.DossierSummary", "applicant_address" },
    { "motcua.v1.DossierSummary", "applicant_phone" },
    { "motcua.v1.DeliverShipment", "recipient_id_number" },
    { "motcua.v1.FeedbackRequest", "sender" },
};

//  Named like personal data, and are not: the names of things and people
//  of the administration, not of applicants.
static const struct { const char *message, *field; } s_not_personal [] = {
    { "*", "procedure_name" }, { "*", "agency_name" }, { "*", "step_name" },
    { "*", "division_name" }, { "*", "receiving_agency_name" },
    { "motcua.v1.Procedure", "name" },          //  a procedure's name
    { "motcua.v1.ProcessStep", "name" },        //  a step of the process
    { "motcua.v1.IndicatorScore", "name" },     //  an indicator of Decision 766
    { "motcua.v1.ItemRating", "name" },         //  an item of art. 33's survey
};

static const char *s_applicant = "motcua.v1.Applicant";

bool
personal_data_field (const ProtobufCMessageDescriptor *type, const ProtobufCFieldDescriptor *field)
{
    if (field->type == PROTOBUF_C_TYPE_MESSAGE)
        return streq (((const ProtobufCMessageDescriptor *) field->descriptor)->name, s_applicant);
    if (field->type != PROTOBUF_C_TYPE_STRING)
        return false;
    if (streq (type->name, s_applicant))
        return true;                //  every field of an Applicant
    for (size_t i = 0; i < sizeof s_personal / sizeof s_personal [0]; i++)
        if (streq (s_personal [i].message, type->name) && streq (s_personal [i].field, field->name))
            return true;
    return false;
}

bool
personal_data_named_like (const ProtobufCFieldDescriptor *field)
{
    static const char *words [] = { "name", "phone", "address", "id_number", "applicant", "email", "recipient",
                                    "sender", "citizen", "person" };
    if (field->type != PROTOBUF_C_TYPE_STRING)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words [0]; i++)
        if (strstr (field->name, words [i]))
            return true;
    return false;
}

bool
personal_data_not_personal (const ProtobufCMessageDescriptor *type, const ProtobufCFieldDescriptor *field)
{
    for (size_t i = 0; i < sizeof s_not_personal / sizeof s_not_personal [0]; i++)
        if ((streq (s_not_personal [i].message, "*") || streq (s_not_personal [i].message, type->name))
        &&  streq (s_not_personal [i].field, field->name))
            return true;
    return false;
}

bool
personal_data_seen_by (const principal_t *who)
{
    return !streq (who->role, "dashboard");
}

//  Empty every string of message (an Applicant) in place; true if one was set.
static bool
s_blank_all (ProtobufCMessage *message, bool blank)
{
    bool any = false;
    const ProtobufCMessageDescriptor *type = message->descriptor;
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        if (field->type != PROTOBUF_C_TYPE_STRING || field->label == PROTOBUF_C_LABEL_REPEATED)
            continue;
        char *value = *(char **) ((char *) message + field->offset);
        if (value && *value) {
            any = true;
            if (blank)
                *value = 0;
        }
    }
    return any;
}

size_t
personal_data_walk (ProtobufCMessage *message, bool blank)
{
    if (!message)
        return 0;
    size_t count = 0;
    bool holds = false;
    const ProtobufCMessageDescriptor *type = message->descriptor;
    for (unsigned i = 0; i < type->n_fields; i++) {
        const ProtobufCFieldDescriptor *field = &type->fields [i];
        char *at = (char *) message + field->offset;
        if (field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF
        &&  *(uint32_t *) ((char *) message + field->quantifier_offset) != field->id)
            continue;
        if (field->type == PROTOBUF_C_TYPE_MESSAGE) {
            size_t n = field->label == PROTOBUF_C_LABEL_REPEATED
                     ? *(size_t *) ((char *) message + field->quantifier_offset) : 1;
            ProtobufCMessage **items = field->label == PROTOBUF_C_LABEL_REPEATED
                                     ? *(ProtobufCMessage ***) at : (ProtobufCMessage **) at;
            for (size_t k = 0; k < n && items; k++) {
                if (!items [k])
                    continue;
                if (personal_data_field (type, field))
                    holds |= s_blank_all (items [k], blank);
                else
                    count += personal_data_walk (items [k], blank);
            }
        }
        else
        if (field->type == PROTOBUF_C_TYPE_STRING && field->label != PROTOBUF_C_LABEL_REPEATED
        &&  personal_data_field (type, field)) {
            char *value = *(char **) at;
            if (value && *value) {
                holds = true;
                if (blank)
                    *value = 0;
            }
        }
    }
    return count + (holds ? 1 : 0);
}
