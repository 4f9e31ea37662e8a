/*  personal_data — which fields of the protocol are an applicant's personal
    data (Decree 13/2023/NĐ-CP), in one table, and a walk over any message
    that finds them: to count what a reply would give away, and to blank it
    for a principal whose role sees none (the dashboard). The framework
    (service.c) walks every reply; tests/test_unit.c walks every message
    type of proto/ so that a new field named like personal data cannot be
    added without being classed here.                                       */
#ifndef PERSONAL_DATA_H
#define PERSONAL_DATA_H
#include <stdbool.h>
#include <stddef.h>
#include <protobuf-c/protobuf-c.h>
#include "principal.h"

//  Is this field of type personal data (a string of the table, or any field
//  of type Applicant)?
bool   personal_data_field (const ProtobufCMessageDescriptor *type, const ProtobufCFieldDescriptor *field);

//  Is a string field named like personal data (name, phone, address, id,
//  email) yet known not to be (procedure_name, agency_name, …)? For the test
//  that every such field is classed.
bool   personal_data_named_like (const ProtobufCFieldDescriptor *field);
bool   personal_data_not_personal (const ProtobufCMessageDescriptor *type, const ProtobufCFieldDescriptor *field);

//  Does who's role see applicants' personal data? Not the dashboard, whose
//  page shows aggregates and lists without it.
bool   personal_data_seen_by (const principal_t *who);

//  Walk message (unpacked by protobuf-c) and its sub-messages: the number of
//  messages holding at least one non-empty field of personal data. With
//  blank, those fields are emptied in place (strings cut to "").
size_t personal_data_walk (ProtobufCMessage *message, bool blank);

#endif
