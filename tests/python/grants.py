#!/usr/bin/python3
"""Grants on every operation, walked from the services' own tables of
operations ($VAR/ops-<svc>.md, written by `motcua-<svc> --operations`): each
row must have a case here, so an operation added later without one fails.

Outsiders (keys granted another procedure only: out-counter, out-desk,
out-postal, out-dashboard, made by tests/test_protocol.sh) ask about a
dossier of procedure 1.000843: a dossier-scoped operation answers
PERMISSION_DENIED and leaves a denial under the dossier's code in the audit;
a list leaves the dossier out (while the same list for a key that holds the
grant shows it); aggregates carry no applicant's data. The dashboard sees
lists without personal data, and a desk's read of personal data is recorded.
Usage: grants.py VAR_DIR BASE_PORT"""
import os, re, sys, time, uuid
import wire
from motcua.v1 import common_pb2, intake_pb2, processing_pb2, postal_pb2, reporting_pb2

VAR, BASE = sys.argv[1], int(sys.argv[2])
TYPES = {'intake': (intake_pb2.IntakeRequest, intake_pb2.IntakeReply),
         'processing': (processing_pb2.ProcessingRequest, processing_pb2.ProcessingReply),
         'postal': (postal_pb2.PostalRequest, postal_pb2.PostalReply),
         'reporting': (reporting_pb2.ReportingRequest, reporting_pb2.ReportingReply)}
DENIED = common_pb2.ERROR_PERMISSION_DENIED
passed = failed = 0

def check(ok, name, detail=''):
    global passed, failed
    print(('ok   ' if ok else 'FAIL ') + 'grants: ' + name + ('' if ok or not detail else ' (%s)' % detail))
    if ok: passed += 1
    else: failed += 1

sockets = {}
def call(service, identity, operation, fill):
    """Send one request as identity; fill(body) sets the operation's fields."""
    if (service, identity) not in sockets:
        sockets[(service, identity)] = wire.dealer(VAR, BASE, service, identity)
    request_type, reply_type = TYPES[service]
    request = request_type(service=service, request_id=str(uuid.uuid4()))
    body = getattr(request, operation)
    body.SetInParent()
    fill(body)
    return wire.exchange(sockets[(service, identity)], request, reply_type, 8000)

def key():
    return 'grants-' + str(uuid.uuid4())

NAME = 'Trần Thị Quyền Riêng'
now_ms = int(time.time() * 1000)
DAY = 86400000

# A dossier of 1.000843, as a counter clerk with every procedure.
def submit(b):
    b.idempotency_key = key(); b.procedure_code = '1.000843'
    b.applicant.name = NAME; b.applicant.id_number = '042090007777'
    b.applicant.phone = '0912777777'; b.applicant.address = 'Phường Thành Sen, tỉnh Hà Tĩnh'
    b.channel = common_pb2.CHANNEL_DIRECT; b.return_method = common_pb2.RETURN_COUNTER
    b.components.append('Tờ trình đề nghị khen thưởng')
reply, _ = call('intake', 'counter', 'submit', submit)
CODE = reply.receipt.dossier_code if reply and reply.WhichOneof('body') == 'receipt' else ''
check(bool(CODE), 'a counter clerk with every procedure takes in a dossier of 1.000843 (%s)' % CODE)
for _ in range(100):        # processing and reporting hear of it
    r1, _ = call('processing', 'desk', 'sheet', lambda b: setattr(b, 'dossier_code', CODE))
    r2, _ = call('reporting', 'dashboard', 'trace', lambda b: setattr(b, 'dossier_code', CODE))
    if r1 and r1.WhichOneof('body') == 'sheet' and r2 and r2.WhichOneof('body') == 'trace':
        break
    time.sleep(0.1)

# A second one to be returned by post: rejected, its result goes to the post.
def submit_postal(b):
    submit(b); b.return_method = common_pb2.RETURN_POSTAL
reply, _ = call('intake', 'counter', 'submit', submit_postal)
PCODE = reply.receipt.dossier_code if reply and reply.WhichOneof('body') == 'receipt' else ''
for _ in range(100):
    def reject(b):
        b.idempotency_key = 'grants-reject-' + PCODE; b.dossier_code = PCODE
        b.outcome = common_pb2.OUTCOME_REJECTED; b.reason = 'Không đủ điều kiện'
    r, _ = call('processing', 'desk', 'resolve', reject)
    if r and r.WhichOneof('body') == 'item':
        break
    time.sleep(0.1)
for _ in range(100):
    _, raw = call('postal', 'postal', 'list', lambda b: None)
    if PCODE.encode() in raw:
        break
    time.sleep(0.1)
check(bool(PCODE) and PCODE.encode() in raw, 'a dossier returned by post (%s), rejected, is in the carrier\'s list' % PCODE)

def window(r):
    """A ReportRequest of the days around now (from/to as given)."""
    setattr(r, 'from', now_ms - 2 * DAY); r.to = now_ms + DAY
def period(b):
    window(b.period)
def code(b):
    b.dossier_code = CODE
def code_key(b, **more):
    b.dossier_code = CODE; b.idempotency_key = key()
    for k, v in more.items():
        if isinstance(v, list): getattr(b, k).extend(v)
        else: setattr(b, k, v)

#   Every operation of every table, with what the grant means for it.
#   dossier: outsider of the role is refused, and the denial is audited
#   procedure: a new dossier or notice of a procedure outside the grant is refused
#   list: outsider's list leaves the dossier out; the granted key's shows it
#   aggregate: figures only: no applicant's data even for the granted key
#   none: no dossier in it (why given)
CASES = {
    ('*', 'health'): ('none', 'the service\'s own state'),
    ('*', 'replay_dead'): ('none', 'admin only: the operator replays dead deliveries'),
    ('*', 'deliveries'): ('none', 'the operator\'s view of the outbox: event ids, no applicant'),
    ('*', 'audit'): ('none', 'the audit trail: officials\' actions, no applicant (dashboard and admin)'),
    ('intake', 'list_procedures'): ('none', 'the public catalogue'),
    ('intake', 'import_dossiers'): ('none', 'admin only: the province\'s history'),
    ('intake', 'submit'): ('procedure', submit),
    ('intake', 'refuse'): ('procedure', lambda b: (submit_like_refuse(b))),
    ('intake', 'hand_in_supplement'): ('dossier', lambda b: code_key(b, components=['Bản sao'])),
    ('intake', 'withdraw'): ('dossier', lambda b: code_key(b, reason='Người nộp xin rút')),
    ('intake', 'refusal_lookup'): ('procedure-notice', None),
    ('intake', 'lookup'): ('dossier', code),
    ('processing', 'queue'): ('list', lambda b: None),
    ('processing', 'sheet'): ('dossier', code),
    ('processing', 'resolve'): ('dossier', lambda b: code_key(b, outcome=common_pb2.OUTCOME_APPROVED, reason='Đạt')),
    ('processing', 'return_at_counter'): ('dossier', lambda b: code_key(b)),
    ('processing', 'request_supplement'): ('dossier', lambda b: code_key(b, missing=['Bản sao'], reason='Thiếu')),
    ('processing', 'delay_letter'): ('dossier', lambda b: code_key(b, new_due_at=now_ms + 10 * DAY, reason='Cần xác minh')),
    ('processing', 'hand_over'): ('dossier', lambda b: code_key(b, to_division='VP')),
    ('processing', 'attach_result'): ('dossier', lambda b: code_key(b, kind='certificate', reference='QĐ 1/2026')),
    ('processing', 'route'): ('dossier', lambda b: code_key(b)),
    ('postal', 'collect'): ('procedure', None),
    ('postal', 'list'): ('list', lambda b: None),
    ('postal', 'overdue'): ('list-outsider', lambda b: None),
    ('postal', 'deliver'): ('dossier', lambda b: pcode_key(b, recipient_id_number='042090007777')),
    ('postal', 'move'): ('dossier', lambda b: pcode_key(b, state='in_transit')),
    ('postal', 'hand_over'): ('none', 'the carrier hands over its own slips'),
    ('postal', 'sign'): ('none', 'a hand-over record signed by its two parties'),
    ('postal', 'show_batch'): ('none', 'a hand-over record shown to its parties; blanked for the dashboard'),
    ('postal', 'dispatch'): ('dossier', lambda b: (setattr(b, 'idempotency_key', key()),
                                                   b.results.add(dossier_code=PCODE, route='district'))),
    ('reporting', 'trace'): ('dossier', code),
    ('reporting', 'rate'): ('dossier', lambda b: rate(b)),
    ('reporting', 'drill'): ('list', lambda b: (setattr(b, 'column', 'received_total'), setattr(b, 'limit', 10000),
                                              setattr(b, 'procedure_code', '1.000843'), period(b))),
    ('reporting', 'log_book'): ('list', period),
    ('reporting', 'report'): ('aggregate', window),
    ('reporting', 'postal_report'): ('aggregate', lambda b: (setattr(b, 'from', now_ms - 2 * DAY), setattr(b, 'to', now_ms + DAY))),
    ('reporting', 'rates'): ('aggregate', period),
    ('reporting', 'series'): ('aggregate', period),
    ('reporting', 'satisfaction'): ('aggregate', period),
    ('reporting', 'feedback_counts'): ('aggregate', period),
    ('reporting', 'form07b'): ('aggregate', period),
    ('reporting', 'feedback'): ('none', 'a citizen\'s feedback on a regulation or on conduct, taken from anyone'),
    ('reporting', 'feedback_handle'): ('none', 'the answer to a feedback (no dossier data)'),
}

def pcode_key(b, **more):
    b.dossier_code = PCODE; b.idempotency_key = key()
    for k, v in more.items():
        setattr(b, k, v)

def submit_like_refuse(b):
    b.idempotency_key = key(); b.procedure_code = '1.000843'; b.reason = 'Không thuộc thẩm quyền'
    b.applicant.name = NAME

def rate(b):
    b.dossier_code = CODE; b.idempotency_key = key(); b.channel = 'kiosk'
    item = b.items.add(); item.item = 0; item.level = 5

def rows(service):
    """The rows of a service's table of operations: (operation, when, roles)."""
    out = []
    for line in open(os.path.join(VAR, 'ops-%s.md' % service), encoding='utf-8'):
        m = re.match(r'^\| `([a-z_]+)`( \(([^)]*)\))? \| \d+ \| `\w+` \| ([^|]+) \|', line)
        if m:
            out.append((m.group(1), m.group(3), [r.strip() for r in m.group(4).split(',')]))
    return out

def audit_denials(service, identity):
    target = PCODE if service == 'postal' else CODE      # the carrier's acts are on the posted one
    reply, _ = call(service, 'dashboard', 'audit', lambda b: setattr(b, 'dossier_code', target))
    entries = reply.audit.entries if reply and reply.WhichOneof('body') == 'audit' else []
    return [e for e in entries if e.outcome == 'denied' and e.principal == identity and e.dossier_code == target]

walked = 0
for service in ('intake', 'processing', 'postal', 'reporting'):
    for operation, when, roles in rows(service):
        if when:
            continue            # a further check of a row already walked
        walked += 1
        case = CASES.get((service, operation)) or CASES.get(('*', operation))
        if not case:
            check(False, '%s.%s has a case in tests/python/grants.py' % (service, operation),
                  'an operation without a grant case')
            continue
        kind, how = case
        role = next((r for r in roles if r not in ('admin', 'any admitted key')), None)
        if kind == 'none':
            check(bool(how), '%s.%s: no dossier to guard — %s' % (service, operation, how))
        elif kind in ('dossier', 'procedure'):
            outsider = 'out-' + role
            reply, _ = call(service, outsider, operation, how) if how else (None, b'')
            if how is None:     # postal collect: the same check as submit, through the slip's procedure
                def collect(b):
                    b.idempotency_key = key(); b.procedure_code = '1.000843'
                    b.sender.name = NAME; b.sender.id_number = '042090007777'; b.sender.phone = '0912777777'; b.sender.address = 'Hà Tĩnh'
                    b.components.append('Tờ trình'); b.return_method = common_pb2.RETURN_POSTAL
                    b.place = 'Bưu cục Hà Tĩnh'
                reply, _ = call(service, outsider, operation, collect)
            got = reply.error.code if reply and reply.HasField('error') else None
            check(got == DENIED, '%s.%s as %s (granted 1.000804 only) about a 1.000843 %s is PERMISSION_DENIED'
                  % (service, operation, outsider, 'dossier' if kind == 'dossier' else 'procedure'),
                  'got %s: %s' % (got, reply.error.message if reply and reply.HasField('error') else reply))
            if kind == 'dossier':
                check(len(audit_denials(service, outsider)) >= 1,
                      '%s.%s: the refusal of %s is in the audit under %s' % (service, operation, outsider, PCODE if service == 'postal' else CODE))
        elif kind == 'procedure-notice':
            # a refusal notice of 1.000843, read by an outsider
            reply, _ = call('intake', 'counter', 'refuse', submit_like_refuse)
            number = reply.refusal.number if reply and reply.WhichOneof('body') == 'refusal' else ''
            reply, _ = call('intake', 'out-' + role, 'refusal_lookup', lambda b: setattr(b, 'number', number))
            got = reply.error.code if reply and reply.HasField('error') else None
            check(bool(number) and got == DENIED, 'intake.refusal_lookup of a 1.000843 notice (%s) as out-%s is PERMISSION_DENIED'
                  % (number, role), 'got %s' % got)
        elif kind in ('list', 'list-outsider'):
            # the carrier's lists hold the dossier returned by post
            target = (PCODE if service == 'postal' else CODE).encode()
            _, mine = call(service, role, operation, how)
            _, theirs = call(service, 'out-' + role, operation, how)
            shown = target in mine or kind == 'list-outsider'    # nothing is overdue yet
            seen = ("%s's list shows %s" % (role, target.decode()) if kind == 'list'
                    else "nothing is overdue yet, and %s" % target.decode())
            check(shown and target not in theirs,
                  "%s.%s: %s; out-%s's (another procedure) leaves it out" % (service, operation, seen, role),
                  "in granted list: %s, in outsider's: %s" % (target in mine, target in theirs))
        elif kind == 'aggregate':
            reply, raw = call(service, role, operation, how)
            check(reply is not None and not reply.HasField('error') and NAME.encode() not in raw,
                  '%s.%s as %s: figures, no applicant\'s name' % (service, operation, role),
                  reply.error.message if reply and reply.HasField('error') else 'no answer')
check(walked >= 50, 'every row of the four tables was walked (%d operations)' % walked)

# The dashboard's lists carry no personal data; a desk's read is recorded.
_, board = call('reporting', 'dashboard', 'log_book', period)
_, desk = call('reporting', 'desk', 'log_book', period)
check(CODE.encode() in board and NAME.encode() not in board and NAME.encode() in desk,
      'log book: the dashboard sees %s without the applicant\'s name; a desk sees the name' % CODE)
_, queue = call('processing', 'dashboard', 'queue', lambda b: None)
check(CODE.encode() in queue and NAME.encode() not in queue, 'queue: the dashboard sees the dossier, not the name')
_, sheet = call('processing', 'desk', 'sheet', code)
reply, _ = call('processing', 'dashboard', 'audit', lambda b: (setattr(b, 'outcome', 'read'), setattr(b, 'since', now_ms - DAY)))
reads = [e for e in reply.audit.entries if e.principal == 'desk' and e.dossier_code == CODE] if reply and reply.WhichOneof('body') == 'audit' else []
check(bool(reads), 'the desk\'s read of %s\'s sheet is recorded (outcome read, under the code): %s'
      % (CODE, reads[0].action if reads else '-'))
reply, _ = call('reporting', 'dashboard', 'audit', lambda b: (setattr(b, 'outcome', 'read'), setattr(b, 'since', now_ms - DAY)))
books = [e for e in reply.audit.entries if e.principal == 'desk' and 'log book' in e.action] if reply and reply.WhichOneof('body') == 'audit' else []
board_reads = [e for e in reply.audit.entries if e.principal == 'dashboard'] if reply and reply.WhichOneof('body') == 'audit' else []
check(bool(books) and not board_reads, 'the desk\'s log book read is recorded (%s); the dashboard, which saw none, has no read'
      % (books[0].action if books else '-'))
reply, _ = call('intake', 'dashboard', 'audit', lambda b: setattr(b, 'outcome', 'maybe'))
check(reply is not None and reply.HasField('error') and reply.error.field == 'outcome',
      'audit with an unknown outcome is INVALID_ARGUMENT on outcome')
print('%d passed, %d failed' % (passed, failed))
