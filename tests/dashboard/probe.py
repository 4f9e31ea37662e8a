#!/usr/bin/env python3
"""probe.py — the dashboard's trust boundary over raw sockets, run by
tests/test_dashboard.sh against the real motcua-dashboard (two of them):

  DASHBOARD_URL, DASHBOARD_TOKEN   the suite's dashboard (default settings)
  SHORT_URL, SHORT_TOKEN           a second one with sessions of 3 s idle and
                                   8 s in all, Secure cookies, and 127.0.0.5
                                   as its reverse proxy
  PERIOD                           a reporting period, e.g. year:2026

Checks sessions (random per login, idle and absolute expiry, logout, the
cookie's flags), the token taken only by POST /login (never ?token=, never
Bearer), failed logins throttled per address (behind a proxy, per the
client it names), ambiguous requests refused
with 400, and the flood: 100 idle and slow-loris connections from other
loopback addresses (127.0.0.10-19) held open while a real login and report
are timed from 127.0.0.1; the slow ones cut off by the request deadline
although they send a byte every half second; 100 sockets from one address
held to the per-address limit. Prints `ok …`/`FAIL …` lines, the measured
figures, and `N passed, N failed`."""
import os, re, select, socket, threading, time, urllib.parse

URL = os.environ['DASHBOARD_URL'].rstrip('/')
TOKEN = os.environ['DASHBOARD_TOKEN']
SHORT_URL = os.environ['SHORT_URL'].rstrip('/')
SHORT_TOKEN = os.environ['SHORT_TOKEN']
PERIOD = os.environ['PERIOD']
DEADLINE_S, IDLE_S, PER_IP = 10, 5, 16          # dashboard_http.h, dashboard_settings.h
SHORT_IDLE_S, SHORT_MAX_S = 3, 8                # the second dashboard's (test_dashboard.sh)
COOKIE = 'motcua_dashboard'
passed = failed = 0


def check(ok, name, detail=''):
    global passed, failed
    if ok:
        passed += 1
        print('ok   dashboard: ' + name, flush=True)
    else:
        failed += 1
        print('FAIL dashboard: ' + name + (' (' + str(detail) + ')' if detail else ''), flush=True)


def address(url):
    parts = urllib.parse.urlsplit(url)
    return parts.hostname, parts.port


def connect(url, source='127.0.0.1'):
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(10)
    s.connect(address(url))
    return s


class Reply:
    def __init__(self, raw, elapsed):
        head, _, self.body = raw.partition(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
        self.status = int(lines[0].split()[1]) if lines[0].startswith('HTTP/') else 0
        self.headers = [tuple(x.strip() for x in line.split(':', 1)) for line in lines[1:] if ':' in line]
        self.elapsed = elapsed
        self.text = self.body.decode('utf-8', 'replace')

    def header(self, name):
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def session(self):
        cookie = self.header('Set-Cookie') or ''
        m = re.match(COOKIE + r'=([^;]*)', cookie)
        return m.group(1) if m else None

    def __repr__(self):
        return 'status %d %s' % (self.status, self.text[:160])


def send(url, raw, source='127.0.0.1'):
    """One request as the bytes given (Connection: close); its reply."""
    started = time.monotonic()
    data = b''
    try:
        s = connect(url, source)
        s.sendall(raw)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
    except OSError as e:        # a reset after the answer keeps what came
        data = data or ('HTTP/1.1 000 ' + str(e)).encode()
    return Reply(data, time.monotonic() - started)


def request(url, method, path, headers=(), body=b'', source='127.0.0.1', session=None):
    lines = ['%s %s HTTP/1.1' % (method, path), 'Host: %s:%d' % address(url), 'Connection: close']
    if session:
        lines.append('Cookie: %s=%s' % (COOKIE, session))
    if body and not any(h.lower().startswith(('content-length', 'transfer-encoding')) for h in headers):
        lines.append('Content-Length: %d' % len(body))
    lines += list(headers)
    return send(url, ('\r\n'.join(lines) + '\r\n\r\n').encode() + body, source)


def login(url, token, source='127.0.0.1', session=None):
    body = ('token=' + urllib.parse.quote(token, safe='')).encode()
    return request(url, 'POST', '/login', ['Content-Type: application/x-www-form-urlencoded'], body,
                   source, session)


def page(url, session, path='/'):
    return request(url, 'GET', path, session=session).status


REPORT = '/api/report?period=' + PERIOD


def sessions():
    a, b = login(SHORT_URL, SHORT_TOKEN), login(SHORT_URL, SHORT_TOKEN)
    ids = [a.session(), b.session()]
    check(a.status == b.status == 303 and all(i and re.fullmatch('[0-9a-f]{64}', i) for i in ids)
          and ids[0] != ids[1] and SHORT_TOKEN not in ids,
          'each login opens a session of its own: 256 random bits, not the token (%s…, %s…)'
          % tuple((i or '-')[:8] for i in ids), (a, b))
    cookie = a.header('Set-Cookie') or ''
    check(all(f in cookie for f in ('HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/')),
          'with dashboard/secure = 1 the cookie is HttpOnly; SameSite=Strict; Secure', cookie)
    t0 = time.monotonic()
    check(page(SHORT_URL, ids[0]) == 200 and page(SHORT_URL, ids[1]) == 200, 'both sessions open the page')
    kept = []
    for at in range(1, 7):
        time.sleep(max(0, t0 + at - time.monotonic()))
        kept.append(page(SHORT_URL, ids[0]))
        if at == 3:
            time.sleep(max(0, t0 + 4 - time.monotonic()))
            idle = page(SHORT_URL, ids[1])
    check(idle == 401, 'a session unused for its idle time (%d s here) has ended: 401' % SHORT_IDLE_S, idle)
    check(kept == [200] * 6, 'a session used every second stays open past its idle time', kept)
    time.sleep(max(0, t0 + SHORT_MAX_S + 0.5 - time.monotonic()))
    late = page(SHORT_URL, ids[0])
    check(late == 401 and request(SHORT_URL, 'GET', REPORT, session=ids[0]).status == 401,
          'and ends at its absolute limit (%d s here) however often it is used: 401' % SHORT_MAX_S, late)

    c = login(URL, TOKEN)
    cookie = c.header('Set-Cookie') or ''
    check(c.status == 303 and c.header('Location') == '/' and 'HttpOnly' in cookie
          and 'SameSite=Strict' in cookie and 'Secure' not in cookie and TOKEN not in cookie,
          'by default (no TLS) the cookie is HttpOnly; SameSite=Strict, without Secure', cookie)
    session = c.session()
    before = page(URL, session)
    out = request(URL, 'GET', '/logout', session=session)
    after = (page(URL, session), request(URL, 'GET', REPORT, session=session).status)
    check(before == 200 and out.status == 303 and 'Max-Age=0' in (out.header('Set-Cookie') or '')
          and after == (401, 401), 'logout ends the session on the server: its cookie is 401 afterwards',
          (before, out, after))
    d1 = login(URL, TOKEN).session()
    d2 = login(URL, TOKEN, session=d1).session()
    check(d1 and d2 and d1 != d2 and page(URL, d1) == 401 and page(URL, d2) == 200,
          'a login with a session already open ends the old one and opens a new one')
    forged = ('0' * 63 + '1')
    check(page(URL, forged) == 401 and page(URL, TOKEN) == 401,
          'a made-up session id, or the access token as the cookie, is 401')
    return d2


def token_only_at_login(session):
    r = request(URL, 'GET', REPORT + '&token=' + TOKEN, session=session)
    check(r.status == 400 and '"field":"token"' in r.text,
          '?token= on an API route is refused (400 naming token), even with a session', r)
    r = request(URL, 'GET', REPORT + '&token=' + TOKEN)
    check(r.status == 400 and not r.session(), 'and without one: no session is opened by it', r)
    r = request(URL, 'GET', '/?token=' + TOKEN)
    check(r.status == 400 and not r.header('Set-Cookie') and 'name="token"' in r.text,
          '/?token= is refused with the login form (400), no cookie set', r.status)
    r = request(URL, 'GET', REPORT, ['Authorization: Bearer ' + TOKEN])
    check(r.status == 401, 'Authorization: Bearer with the token opens nothing: 401', r)
    r = request(URL, 'GET', '/login?token=' + TOKEN)
    check(r.status == 400, 'GET /login?token= is not a login either: 400', r.status)
    r = request(URL, 'GET', REPORT, session=session)
    check(r.status == 200 and '"received_total"' in r.text, 'the session cookie alone opens the API', r)


def throttling():
    wrong = 'f' * len(TOKEN)
    first = [login(URL, wrong, '127.0.0.3').status for _ in range(5)]
    check(first == [401] * 5, 'five wrong tokens from one address are 401 each', first)
    r = login(URL, TOKEN, '127.0.0.3')
    check(r.status == 429 and r.header('Retry-After') == '1' and not r.session(),
          'then that address must wait, even with the right token: 429, Retry-After: 1', r)
    other = login(URL, TOKEN, '127.0.0.4')
    check(other.status == 303 and other.session(), 'another address is not held back: 303 and a session', other)
    time.sleep(1.2)
    r1, r2 = login(URL, wrong, '127.0.0.3'), login(URL, TOKEN, '127.0.0.3')
    check(r1.status == 401 and r2.status == 429 and r2.header('Retry-After') == '2',
          'after the wait one more try; a 6th failure doubles the wait (Retry-After: 2)', (r1, r2))
    time.sleep(2.2)
    ok = login(URL, TOKEN, '127.0.0.3')
    again = [login(URL, wrong, '127.0.0.3').status for _ in range(2)]
    check(ok.status == 303 and again == [401, 401], 'the right token after the wait logs in and clears the count',
          (ok, again))


def behind_proxy():
    """The short dashboard takes 127.0.0.5 as its reverse proxy."""
    wrong = 'f' * len(SHORT_TOKEN)
    real = lambda ip: ['X-Real-IP: ' + ip]
    def attempt(token, source, ip):
        body = ('token=' + urllib.parse.quote(token, safe='')).encode()
        return request(SHORT_URL, 'POST', '/login', ['Content-Type: application/x-www-form-urlencoded'] + real(ip),
                       body, source)
    first = [attempt(wrong, '127.0.0.5', '10.1.2.3').status for _ in range(5)]
    held = attempt(SHORT_TOKEN, '127.0.0.5', '10.1.2.3')
    other = attempt(SHORT_TOKEN, '127.0.0.5', '10.1.2.4')
    check(first == [401] * 5 and held.status == 429 and other.status == 303,
          'behind the proxy the client its X-Real-IP names is throttled, not every client', (first, held, other))
    direct = attempt(SHORT_TOKEN, '127.0.0.6', '10.1.2.3')
    check(direct.status == 303, 'X-Real-IP from an address that is not the proxy is not believed', direct)


def ambiguous(session):
    host = 'Host: %s:%d\r\n' % address(URL)
    cookie = 'Cookie: %s=%s\r\n' % (COOKIE, session)
    def raw(text):
        return send(URL, text.encode())
    base = raw('GET %s HTTP/1.1\r\n%s%sConnection: close\r\n\r\n' % (REPORT, host, cookie))
    check(base.status == 200, 'the plain request answers (200)', base)
    cases = [
        ('two equal Content-Length headers', 'GET %s HTTP/1.1\r\n%s%sContent-Length: 0\r\nContent-Length: 0\r\n'
         'Connection: close\r\n\r\n' % (REPORT, host, cookie)),
        ('two different Content-Length headers on the login form', 'POST /login HTTP/1.1\r\n%sContent-Type: '
         'application/x-www-form-urlencoded\r\nContent-Length: 6\r\nContent-Length: %d\r\nConnection: close\r\n\r\n'
         'token=%s' % (host, 6 + len(TOKEN), TOKEN)),
        ('Transfer-Encoding with Content-Length', 'POST /login HTTP/1.1\r\n%sTransfer-Encoding: chunked\r\n'
         'Content-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n' % host),
        ('a Transfer-Encoding other than chunked', 'POST /login HTTP/1.1\r\n%sTransfer-Encoding: gzip, chunked\r\n'
         'Connection: close\r\n\r\n0\r\n\r\n' % host),
        ('two Host headers', 'GET %s HTTP/1.1\r\n%s%s%sConnection: close\r\n\r\n' % (REPORT, host, host, cookie)),
        ('two Cookie headers', 'GET %s HTTP/1.1\r\n%s%s%sConnection: close\r\n\r\n' % (REPORT, host, cookie, cookie)),
        ('white space in a header name (Content-Length :)', 'POST /login HTTP/1.1\r\n%sContent-Length : 3\r\n'
         'Connection: close\r\n\r\nabc' % host),
        ('%00 in the path (/api/report%00.csv)', 'GET /api/report%%00.csv?period=%s HTTP/1.1\r\n%s%s'
         'Connection: close\r\n\r\n' % (PERIOD, host, cookie)),
        ('%00 at the end of the page\'s path (/%00)', 'GET /%%00 HTTP/1.1\r\n%s%sConnection: close\r\n\r\n'
         % (host, cookie)),
        ('%00 in a query value', 'GET /api/trace?code=H27%%00x HTTP/1.1\r\n%s%sConnection: close\r\n\r\n'
         % (host, cookie)),
    ]
    for name, text in cases:
        r = raw(text)
        check(r.status == 400, 'an ambiguous request is 400: ' + name, r)
    r = login(URL, TOKEN + '\x00junk')
    check(r.status == 400 and not r.session(), 'a NUL (%00) in the login form\'s token is 400, no session', r)


def alive(sockets):
    """Which sockets the server still holds (not closed or reset by it)."""
    out = []
    for s in sockets:
        r, _, _ = select.select([s], [], [], 0)
        if r:
            try:
                if s.recv(1, socket.MSG_PEEK) == b'':
                    continue
            except OSError:
                continue
        out.append(s)
    return out


def timed_request(tries=5):
    """A real login and report from 127.0.0.1: the slowest of tries, in ms, and all statuses."""
    worst, statuses = 0.0, []
    for _ in range(tries):
        t = time.monotonic()
        r = login(URL, TOKEN)
        q = request(URL, 'GET', REPORT, session=r.session())
        worst = max(worst, time.monotonic() - t)
        statuses.append((r.status, q.status))
    return worst * 1000, statuses


def flood():
    idle, slow, born = [], [], {}
    for n in range(10, 20):
        for _ in range(10):
            s = connect(URL, '127.0.0.%d' % n)
            born[s] = time.monotonic()
            (idle if n < 15 else slow).append(s)
    for s in slow:
        s.sendall(b'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    stop = threading.Event()
    closed = {}

    def drip():                 # a byte every half second to each slow one, until cut off
        while not stop.is_set():
            for s in slow:
                if s in closed:
                    continue
                try:
                    s.send(b'a')
                except OSError:
                    closed[s] = time.monotonic()
            stop.wait(0.5)
    dripper = threading.Thread(target=drip)
    dripper.start()
    time.sleep(1)
    held = len(alive(idle + slow))
    check(held == 100, '100 connections (50 idle, 50 slow-loris, 10 per address from 127.0.0.10-19) are all held open',
          '%d held' % held)
    worst, statuses = timed_request()
    still = len(alive(idle + slow))
    check(worst < 2000 and all(st == (303, 200) for st in statuses) and still == 100,
          'meanwhile a real login and report from 127.0.0.1 answer in %.0f ms at worst (5 tries, limit 2000 ms)'
          % worst, statuses)
    print('     flood figure: %d connections held (50 idle + 50 slow-loris); login + /api/report from 127.0.0.1: '
          'worst %.0f ms of 5' % (still, worst), flush=True)

    #   Watch them until the server lets go of each.
    ends = {}
    while len(ends) < 100 and time.monotonic() - min(born.values()) < DEADLINE_S + 6:
        gone = set(idle + slow) - set(alive([s for s in idle + slow if s not in ends]))
        for s in gone - set(ends):
            ends[s] = time.monotonic() - born[s]
        time.sleep(0.1)
    stop.set()
    dripper.join()
    idle_ends = [ends[s] for s in idle if s in ends]
    slow_ends = [ends.get(s, 0) for s in slow if s in ends]
    check(len(idle_ends) == 50 and IDLE_S - 0.5 <= min(idle_ends) and max(idle_ends) <= IDLE_S + 2.5,
          'the idle ones are closed after %.1f-%.1f s (idle timeout %d s)'
          % (min(idle_ends or [0]), max(idle_ends or [0]), IDLE_S), '%d closed' % len(idle_ends))
    check(len(slow_ends) == 50 and DEADLINE_S - 0.5 <= min(slow_ends) and max(slow_ends) <= DEADLINE_S + 2.5,
          'the slow-loris ones, though each sent a byte every 0.5 s, are cut off after %.1f-%.1f s '
          '(request deadline %d s)' % (min(slow_ends or [0]), max(slow_ends or [0]), DEADLINE_S),
          '%d cut off' % len(slow_ends))
    print('     flood figure: idle closed after %.1f-%.1f s; slow-loris cut off after %.1f-%.1f s'
          % (min(idle_ends or [0]), max(idle_ends or [0]), min(slow_ends or [0]), max(slow_ends or [0])), flush=True)
    for s in idle + slow:
        s.close()

    #   One address alone is held to its share.
    crowd = []
    for _ in range(100):
        try:
            crowd.append(connect(URL, '127.0.0.2'))
        except OSError:
            pass
    time.sleep(0.5)
    kept = len(alive(crowd))
    worst, statuses = timed_request(3)
    check(kept == PER_IP and worst < 2000 and all(st == (303, 200) for st in statuses),
          '100 sockets from one address (127.0.0.2): %d kept (the per-address limit), the rest closed at once; '
          'a real request from 127.0.0.1 answers in %.0f ms' % (kept, worst), statuses)
    print('     flood figure: 100 sockets from 127.0.0.2 -> %d kept; login + /api/report from 127.0.0.1: worst %.0f ms of 3'
          % (kept, worst), flush=True)
    for s in crowd:
        s.close()


def main():
    session = sessions()
    token_only_at_login(session)
    throttling()
    behind_proxy()
    ambiguous(session)
    flood()


try:
    main()
except Exception as e:          # a broken probe is a failure, not a pass
    check(False, 'the probe ran to its end', repr(e))
print('%d passed, %d failed' % (passed, failed))
