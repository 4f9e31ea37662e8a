// dashboard.js — the web dashboard in headless Chromium (Debian's, driven by
// playwright-core), run by tests/test_dashboard.sh against the real suite:
// log in, read the II.06a table, rates and charts off the page and compare
// them with `motcua report --json` for the same period, drill down to a
// dossier's trace, save a screenshot, log out; the JSON API takes a session
// opened by POST /login (never the token itself: Bearer is 401, ?token= 400),
// refuses a request without one (401) and a malformed query (400); with reporting
// stopped the page says so in Vietnamese (503) and recovers when it is back.
// Prints `ok   …` / `FAIL …` lines and ends with `N passed, N failed`.
'use strict';
const { chromium } = require('playwright-core');
const { execSync } = require('child_process');

const env = (name) => {
  if (!process.env[name]) { console.log(`FAIL dashboard: ${name} is not set`); process.exit(1); }
  return process.env[name];
};
const URL = env('DASHBOARD_URL').replace(/\/$/, '');
const TOKEN = env('DASHBOARD_TOKEN');
const FROM = env('PERIOD_FROM');
const TO = env('PERIOD_TO');
const PERIOD = env('PERIOD');
const EXPECTED = JSON.parse(env('EXPECTED_REPORT'));
const CODE = env('TRACE_CODE');
const SCREENSHOT = env('SCREENSHOT');

let passed = 0, failed = 0;
function check (ok, name, detail) {
  if (ok) { passed++; console.log(`ok   dashboard: ${name}`); }
  else { failed++; console.log(`FAIL dashboard: ${name}${detail ? ' (' + detail + ')' : ''}`); }
}
const plain = (text) => Number(String(text).replace(/\./g, '').trim());

async function api (path, headers) {
  const response = await fetch(URL + path, { headers: headers || {}, redirect: 'manual' });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  return { status: response.status, body };
}

// POST /login as the form does: the status and the session cookie set.
async function login (token) {
  const response = await fetch(URL + '/login', { method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=' + encodeURIComponent(token) });
  const cookie = (response.headers.getSetCookie ? response.headers.getSetCookie() : [response.headers.get('set-cookie') || ''])
    .map((c) => c.split(';')[0]).find((c) => c.startsWith('motcua_dashboard='));
  return { status: response.status, cookie };
}

async function checkApi () {
  const period = `from=${FROM}&to=${TO}`;
  let r = await api(`/api/report?${period}`);
  check(r.status === 401 && r.body && r.body.error.code === 'UNAUTHENTICATED',
    'a JSON request without a session is 401 with a typed error', `status ${r.status}`);
  const wrong = TOKEN.slice(0, -1) + (TOKEN.endsWith('0') ? '1' : '0');
  const refused = await login(wrong);
  check(refused.status === 401 && !refused.cookie, 'a login with a wrong token of the same length is 401, no cookie',
    `status ${refused.status}`);
  r = await api(`/api/report?${period}`, { Authorization: 'Bearer ' + TOKEN });
  check(r.status === 401, 'the token as Authorization: Bearer opens nothing (401)', `status ${r.status}`);
  const session = await login(TOKEN);
  const auth = { Cookie: session.cookie || 'none' };
  r = await api(`/api/report?${period}`, auth);
  check(session.status === 303 && r.status === 200 && r.body.received_total === EXPECTED.received_total,
    'with a session (the login\'s cookie) the report answers and matches motcua report --json', `status ${session.status} ${r.status}`);
  r = await api(`/api/report?${period}&token=${TOKEN}`, auth);
  check(r.status === 400 && r.body.error.field === 'token', 'the token in the address is refused (400 naming token)',
    JSON.stringify(r.body));
  r = await api('/api/report?from=2026-02-30&to=2026-03-01', auth);
  check(r.status === 400 && r.body.error.code === 'INVALID_ARGUMENT' && r.body.error.field === 'from',
    'a malformed date is 400 INVALID_ARGUMENT naming the field', JSON.stringify(r.body));
  r = await api(`/api/report?${period}&colour=red`, auth);
  check(r.status === 400 && r.body.error.field === 'colour', 'an unknown query parameter is 400 naming it', JSON.stringify(r.body));
  r = await api(`/api/report?from=${TO}&to=${FROM}`, auth);
  check(r.status === 400 && r.body.error.field === 'to', 'a period ending before it starts is 400', JSON.stringify(r.body));
  const csv = await fetch(`${URL}/api/form06a.csv?period=${PERIOD}`, { headers: auth });
  const csvText = await csv.text();
  check(csv.status === 200 && csvText === process.env.EXPECTED_CSV,
    'the II.06a CSV download is byte for byte motcua report --by level,field --csv', `status ${csv.status}, ${csvText.length} vs ${(process.env.EXPECTED_CSV || '').length} bytes`);
  r = await api(`/api/form06a.xlsx?period=${PERIOD}`);
  check(r.status === 401, 'the workbook without the token is 401 too', `status ${r.status}`);
  r = await api(`/api/report?period=year:20x6`, auth);
  check(r.status === 400 && r.body.error.field === 'period', 'a malformed period is 400 naming it', JSON.stringify(r.body));
  r = await api(`/api/report?period=year:2026&from=${FROM}`, auth);
  check(r.status === 400 && r.body.error.field === 'period', 'a period and dates together are 400', JSON.stringify(r.body));
  r = await api('/api/trace?code=', auth);
  check(r.status === 400 && r.body.error.field === 'code', 'a trace without a code is 400', JSON.stringify(r.body));
  r = await api('/api/trace?code=H27.22-000000-0000', auth);
  check(r.status === 404 && r.body.error.code === 'NOT_FOUND', 'an unknown dossier is 404 NOT_FOUND', JSON.stringify(r.body));
  r = await api(`/api/dossiers?${period}&column=everything`, auth);
  check(r.status === 400 && r.body.error.field === 'column', 'a drill-down to an unknown column is 400', JSON.stringify(r.body));
  r = await api(`/api/dossiers?${period}&limit=lots`, auth);
  check(r.status === 400 && r.body.error.field === 'limit', 'a drill-down with a bad limit is 400', JSON.stringify(r.body));
  const post = await fetch(URL + '/api/report?' + period, { method: 'DELETE', headers: auth });
  check(post.status === 405, 'the dashboard is read-only: DELETE is 405', `status ${post.status}`);
  const out = await fetch(URL + '/logout', { method: 'POST', headers: auth, redirect: 'manual' });
  r = await api(`/api/report?${period}`, auth);
  check(out.status === 303 && r.status === 401, 'after logout (POST) the session\'s cookie is 401', `status ${out.status} ${r.status}`);
}

// The numbers shown in the II.06a table's total row, the charts and the rates.
async function checkFigures (page) {
  const cells = await page.$$eval('#rows06a tr.total td[data-key]', (tds) => tds.map((td) => [td.dataset.key, td.textContent]));
  const shown = Object.fromEntries(cells.map(([k, v]) => [k, plain(v)]));
  const expected = Object.assign({}, EXPECTED, { received_direct_postal: EXPECTED.received_direct + EXPECTED.received_postal });
  const keys = ['received_total', 'received_online', 'received_direct_postal', 'carried_over', 'resolved_total',
    'resolved_early', 'resolved_on_time', 'resolved_late', 'in_progress_total', 'in_progress_within', 'in_progress_overdue'];
  const wrong = keys.filter((k) => shown[k] !== expected[k]);
  check(cells.length === 11 && wrong.length === 0, `the II.06a table shows motcua report --json's numbers (${keys.map((k) => shown[k]).join(' ')})`,
    wrong.map((k) => `${k}: page ${shown[k]} vs cli ${expected[k]}`).join(', '));
  const bars = await page.$$eval('svg text.value[data-key]', (ts) => ts.map((t) => [t.dataset.key, t.textContent]));
  const chart = Object.fromEntries(bars.map(([k, v]) => [k, plain(v)]));
  const chartKeys = ['received_direct', 'received_online', 'received_postal', 'resolved_early', 'resolved_on_time', 'resolved_late'];
  const off = chartKeys.filter((k) => chart[k] !== EXPECTED[k]);
  check(off.length === 0, 'the channel and timeliness charts show the same numbers', off.map((k) => `${k}: ${chart[k]} vs ${EXPECTED[k]}`).join(', '));
  const online = await page.$eval('dd[data-rate="online_intake"]', (dd) => [Number(dd.dataset.numerator), Number(dd.dataset.denominator), dd.textContent]);
  const fresh = EXPECTED.received_online + EXPECTED.received_direct + EXPECTED.received_postal;
  check(online[0] === EXPECTED.received_online && online[1] === fresh,
    `the online rate shows its numerator and denominator (${online[2]})`, `${online[0]}/${online[1]} vs ${EXPECTED.received_online}/${fresh}`);
  const dots = await page.$$eval('circle.dot.online_intake', (cs) => cs.map((c) => Number(c.dataset.numerator)));
  const byMonth = dots.reduce((a, b) => a + b, 0);
  check(dots.length >= 1 && byMonth === EXPECTED.received_online,
    `the monthly online-rate chart adds up to the period's online dossiers (${dots.length} month(s), ${byMonth})`);
  const rows = await page.$$eval('#rows06a tr.field', (trs) => trs.map((tr) => ({
    field: tr.dataset.field, level: tr.dataset.level,
    cells: Object.fromEntries([...tr.querySelectorAll('td[data-key]')].map((td) => [td.dataset.key, td.textContent])) })));
  const expectedRows = EXPECTED.rows || [];
  const mismatches = expectedRows.filter((e) => {
    const row = rows.find((r) => r.field === e.field && r.level === e.level);
    const want = Object.assign({}, e, { received_direct_postal: e.received_direct + e.received_postal });
    return !row || keys.some((k) => plain(row.cells[k]) !== want[k]);
  });
  check(expectedRows.length >= 1 && rows.length === expectedRows.length && mismatches.length === 0,
    `each level and field row equals motcua report --by level,field (${rows.length} row(s))`,
    mismatches.map((m) => `${m.level}/${m.field}`).join(', '));
  const headings = await page.$eval('#table06a thead', (t) => t.textContent);
  check(['Lĩnh vực, công việc giải quyết theo cấp', 'Số hồ sơ nhận giải quyết', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước',
    'Số hồ sơ đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Số hồ sơ đang giải quyết', 'Trong hạn'].every((h) => headings.includes(h)),
  'the table carries the headings of Biểu II.06a in Vietnamese');
}

// From the dossier's field row to the dossiers behind a cell, then its trace.
async function checkDrill (page) {
  const row = (EXPECTED.rows || []).find((r) => r.resolved_total > 0);
  if (!row) { check(false, 'motcua report --by level,field has a row with resolved dossiers'); return; }
  const tr = `#rows06a tr.field[data-field="${row.field}"][data-level="${row.level}"]`;
  const codes = async (column) => {
    await page.click(column ? `${tr} td[data-key="${column}"] a` : `${tr} a[data-field]`);
    await page.waitForSelector('#dossiers[data-total]', { timeout: 5000 }).catch(() => null);
    return page.$$eval('#dossiers a[data-code]', (as) => as.map((a) => a.dataset.code));
  };
  const total = () => page.$eval('#dossiers', (t) => Number(t.dataset.total));
  //  A list shows 100 dossiers at most (then how many there are in all).
  const all = await codes(null);
  const allTotal = await total();
  check(allTotal === row.received_total && all.length === Math.min(allTotal, 100) && (allTotal > 100 || all.includes(CODE)),
    `the field '${row.field}' drills down to its ${allTotal} dossier(s)${allTotal > 100 ? ', 100 listed' : ', ' + CODE + ' among them'}`,
    `expected ${row.received_total}, listed ${all.length}`);
  const resolved = await codes('resolved_total');
  const resolvedTotal = await total();
  check(resolvedTotal === row.resolved_total && resolved.length === Math.min(resolvedTotal, 100) && (resolvedTotal > 100 || resolved.includes(CODE)),
    `its 'đã giải quyết' number drills down to those ${resolvedTotal} dossier(s)`, `expected ${row.resolved_total}, listed ${resolved.length}`);
  const pick = resolved.includes(CODE) ? CODE : resolved[0];
  await page.click(`#dossiers a[data-code="${pick}"]`);
  await page.waitForSelector('#trace:not([hidden]) #trace-events tbody tr', { timeout: 5000 }).catch(() => null);
  const summary = await page.$eval('#trace-summary', (p) => p.textContent).catch(() => '');
  const steps = await page.$$eval('#trace-events tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
  check(steps.includes('Tiếp nhận hồ sơ') && steps.includes('Giải quyết xong hồ sơ') && summary.includes(pick),
    `a dossier of the list opens its trace, in Vietnamese (${steps.length} steps)`, summary);
}

async function main () {
  await checkApi();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !/401|503|Failed to load resource/.test(m.text())) errors.push(m.text()); });

    let response = await page.goto(URL + '/');
    check(response.status() === 401 && await page.isVisible('input[name="token"]'),
      'the page without the token is 401 with the login form', `status ${response.status()}`);
    await page.fill('input[name="token"]', 'not-the-token');
    await page.click('button[type="submit"]');
    check(await page.isVisible('.notice'), 'a wrong token is refused with a Vietnamese notice',
      await page.textContent('body'));
    await page.fill('input[name="token"]', TOKEN);
    await Promise.all([page.waitForURL(URL + '/**'), page.click('button[type="submit"]')]);
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 15000 });
    const state = await page.getAttribute('body', 'data-state');
    check(state === 'ready', 'after logging in the page loads its figures', await page.textContent('#status'));
    const period = [await page.inputValue('#from'), await page.inputValue('#to')];
    check(period[0] === FROM && period[1] === TO && (await page.textContent('#period-text')).includes(EXPECTED.period_label),
      `the default period is the reporting year, 15/12 to 14/12 (${await page.textContent('#period-text')})`, period.join(' … '));
    await checkFigures(page);
    await checkDrill(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    const workbook = SCREENSHOT.replace(/[^/]*$/, download.suggestedFilename());
    await download.saveAs(workbook);
    const magic = require('fs').readFileSync(workbook).subarray(0, 2).toString();
    check(magic === 'PK' && /^II\.06a_\d{4}-12-15_\d{4}-12-14\.xlsx$/.test(download.suggestedFilename()),
      `the page's Excel link downloads the form as a workbook (${download.suggestedFilename()})`, magic);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    check(true, `screenshot saved (${SCREENSHOT})`);

    if (process.env.REPORTING_STOP && process.env.REPORTING_START) {
      execSync(process.env.REPORTING_STOP);
      await page.click('#period button[type="submit"]');
      await page.waitForSelector('body[data-state="error"]', { timeout: 15000 }).catch(() => null);
      const text = await page.textContent('#status');
      const code = await page.getAttribute('#status', 'data-status');
      check(code === '503' && /Không kết nối được với dịch vụ báo cáo/.test(text),
        'with reporting stopped the page says so in Vietnamese (503)', `${code}: ${text}`);
      execSync(process.env.REPORTING_START);
      await page.click('#period button[type="submit"]');
      await page.waitForSelector('body[data-state="ready"]', { timeout: 15000 }).catch(() => null);
      check(await page.getAttribute('body', 'data-state') === 'ready', 'and shows the figures again once reporting is back');
    }
    await Promise.all([page.waitForURL(URL + '/login'), page.click('a.logout')]);
    response = await page.goto(URL + '/');
    check(response.status() === 401 && await page.isVisible('input[name="token"]'),
      'the page\'s logout link ends the session: the page is the login form again (401)', `status ${response.status()}`);
    check(errors.length === 0, 'no script errors on the page', errors.join('; '));
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.log(`FAIL dashboard: ${e.message}`); failed++; })
  .finally(() => { console.log(`${passed} passed, ${failed} failed`); process.exit(failed ? 1 : 0); });
