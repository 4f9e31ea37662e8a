/*  version — the suite's version and the newest schema migration it knows.
    A service refuses to start against a database whose migrations go further. */
#ifndef MOTCUA_VERSION_H
#define MOTCUA_VERSION_H
#define MOTCUA_VERSION        "0.1.0"
#define MOTCUA_SCHEMA_VERSION 18     //  highest deploy/sql/NNN_*.sql this build knows
#endif
