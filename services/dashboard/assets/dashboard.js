// dashboard.js — the dashboard page: asks the gateway's JSON API for the
// period's figures and draws the II.06a table, the rates and the charts (SVG
// made here: no library, nothing fetched from elsewhere). Every text taken
// from data goes in as textContent, never as markup.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

// What an official reads for each machine word (statuses and the trace's
// steps come labelled from the gateway, in the CLI's words).
const LABELS = {
  channel: { online: 'Trực tuyến', direct: 'Trực tiếp', postal: 'Dịch vụ bưu chính công ích' },
  level: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' }
};

// The thirteen columns of form II.06a after STT and the row's name.
const COLUMNS = [
  'received_total', 'received_online', 'received_direct_postal', 'carried_over',
  'resolved_total', 'resolved_early', 'resolved_on_time', 'resolved_late',
  'in_progress_total', 'in_progress_within', 'in_progress_overdue'
];

const RATES = [
  ['online_intake', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến'],
  ['online_intake_capable', 'Tỷ lệ tiếp nhận trực tuyến trên các thủ tục có dịch vụ công trực tuyến'],
  ['result_digitised', 'Tỷ lệ số hóa kết quả giải quyết'],
  ['dossier_digitised', 'Tỷ lệ số hóa hồ sơ'],
  ['postal_intake', 'Tỷ lệ tiếp nhận qua dịch vụ bưu chính công ích'],
  ['postal_return', 'Tỷ lệ trả kết quả qua dịch vụ bưu chính công ích'],
  ['on_time', 'Tỷ lệ giải quyết đúng hạn (trước hạn và đúng hạn)']
];

const number = (n) => Number(n).toLocaleString('vi-VN');
const percent = (num, den) => den ? (100 * num / den).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + '%' : '—';
const pad = (n) => String(n).padStart(2, '0');
const iso = (y, m, d) => { const t = new Date(Date.UTC(y, m - 1, d)); return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`; };
const vnDate = (text) => text ? text.slice(8, 10) + '/' + text.slice(5, 7) + '/' + text.slice(0, 4) : '';
const vnTime = (text) => text ? text.slice(11, 16) + ' ' + vnDate(text) : '';

function el (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function svg (tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- talking to the gateway -------------------------------------------------

const MESSAGES = {
  503: 'Không kết nối được với dịch vụ báo cáo. Số liệu tạm thời chưa hiển thị được, vui lòng thử lại sau ít phút.',
  400: 'Yêu cầu không hợp lệ',
  404: 'Không tìm thấy',
  403: 'Tài khoản của bảng theo dõi không được phép xem số liệu này.',
  500: 'Hệ thống báo lỗi khi lấy số liệu.'
};

async function api (path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) { location.href = '/login'; throw new Error('401'); }
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const error = new Error((body && body.error && body.error.message) || response.statusText);
    error.status = response.status;
    error.field = body && body.error ? body.error.field : '';
    throw error;
  }
  return body;
}

function showError (error, what) {
  const base = MESSAGES[error.status] || MESSAGES[500];
  const detail = error.status === 400 || error.status === 404 ? `${base} (${error.field || what}): ${error.message}` : base;
  const status = $('status');
  status.textContent = detail;
  status.className = 'error';
  status.dataset.status = error.status || '';
}

// ---- the period ------------------------------------------------------------

// Each reporting period runs from the 15th of the month before its first
// month to the 14th of its last month (Decree 09/2019).
function periodDates (kind, year, n) {
  const window = (first, last) => [iso(year, first - 1, 15), iso(year, last, 14)];
  switch (kind) {
    case 'month': return window(n, n);
    case 'quarter': return window(3 * n - 2, 3 * n);
    case 'half': return window(1, 6);
    case 'nine': return window(1, 9);
    default: return window(1, 12);
  }
}

function fillNumbers () {
  const kind = $('kind').value;
  const count = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 0;
  const select = $('number');
  const keep = select.value;
  select.replaceChildren(...Array.from({ length: count }, (_, i) => el('option', { value: i + 1 }, i + 1)));
  if (keep && keep <= count) select.value = keep;
  $('number-label').hidden = count === 0;
  const custom = kind === 'custom';
  $('from').readOnly = !custom;
  $('to').readOnly = !custom;
  $('year').disabled = custom;
}

// The period as the API takes it: period=KIND:YEAR[-N], or from and to.
function periodQuery () {
  const kind = $('kind').value, year = $('year').value, n = $('number').value || 1;
  const names = { month: `month:${year}-${pad(n)}`, quarter: `quarter:${year}-${n}`, half: `half:${year}`, nine: `nine:${year}`, year: `year:${year}` };
  return names[kind] ? { period: names[kind] } : { from: $('from').value, to: $('to').value };
}

function applyPeriod () {
  if ($('kind').value === 'custom') return;
  const [from, to] = periodDates($('kind').value, Number($('year').value), Number($('number').value || 1));
  $('from').value = from;
  $('to').value = to;
}

// ---- the form --------------------------------------------------------------

// The row's numbers; in a field's row each one opens the dossiers behind it.
function cells (row, drillable) {
  const values = Object.assign({}, row, { received_direct_postal: (row.received_direct || 0) + (row.received_postal || 0) });
  return COLUMNS.map((key) => {
    const value = values[key] || 0;
    const text = number(value);
    const column = key === 'received_direct_postal' ? 'received_total' : key;
    const content = drillable && value ? el('a', { href: '#drill', 'data-column': column, onclick: (e) => { e.preventDefault(); drill(row, column); } }, text) : text;
    return el('td', { 'data-key': key, 'data-value': value, class: 'num' }, content);
  });
}

function drawTable (report) {
  const body = $('rows06a');
  body.replaceChildren();
  body.append(el('tr', { class: 'total', 'data-row': 'total' }, el('td', {}, ''), el('th', { scope: 'row' }, 'Tổng cộng'), ...cells(report)));
  let levelNo = 0;
  // The form's order: province, then district, then commune.
  const order = (level) => { const i = Object.keys(LABELS.level).indexOf(level); return i < 0 ? 9 : i; };
  const levels = [...groupBy(report.rows || [], (r) => r.level || '')].sort((a, b) => order(a[0]) - order(b[0]));
  for (const [level, rows] of levels) {
    // Dossiers whose procedure has no level in the catalogue get a heading
    // of their own rather than joining the level above them.
    if (level || levels.length > 1) {
      levelNo++;
      body.append(el('tr', { class: 'level' }, el('td', {}, ['I', 'II', 'III', 'IV'][levelNo - 1] || levelNo), el('th', { scope: 'row', colspan: 12 }, LABELS.level[level] || level || 'Chưa xác định cấp')));
    }
    rows.forEach((row, i) => {
      const name = row.field_name || row.field || row.procedure_name || row.procedure_code || '';
      const link = el('a', { href: '#drill', 'data-field': row.field || '', onclick: (e) => { e.preventDefault(); drill(row, 'received_total'); } }, name);
      body.append(el('tr', { class: 'field', 'data-field': row.field || '', 'data-level': row.level || '' }, el('td', {}, i + 1), el('th', { scope: 'row' }, link), ...cells(row, true)));
    });
  }
}

function groupBy (items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}

function drawRates (report) {
  const list = $('rate-list');
  list.replaceChildren();
  for (const [key, label] of RATES) {
    const rate = report.rates && report.rates[key];
    if (!rate) continue;
    list.append(el('dt', {}, rate.label || label), el('dd', { 'data-rate': key, 'data-numerator': rate.numerator, 'data-denominator': rate.denominator },
      el('strong', {}, percent(rate.numerator, rate.denominator)), ` (${number(rate.numerator)}/${number(rate.denominator)})`));
  }
}

// ---- charts ----------------------------------------------------------------

// Horizontal bars with their values written beside them.
function barChart (figure, items) {
  const box = figure.querySelector('.chart');
  const width = 420, row = 34, left = 170, height = items.length * row + 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': figure.querySelector('figcaption').textContent });
  items.forEach((item, i) => {
    const y = 5 + i * row, w = Math.round((width - left - 60) * item.value / max);
    chart.append(svg('text', { x: left - 8, y: y + 20, 'text-anchor': 'end', class: 'label' }, item.label));
    chart.append(svg('rect', { x: left, y: y + 4, width: Math.max(w, 1), height: row - 10, class: 'bar ' + item.key, 'data-key': item.key, 'data-value': item.value }));
    chart.append(svg('text', { x: left + w + 6, y: y + 20, class: 'value', 'data-key': item.key }, number(item.value)));
  });
  box.replaceChildren(chart);
}

// Lines of percentages by month, each point labelled.
function lineChart (figure, months, series) {
  const box = figure.querySelector('.chart');
  if (!months.length) { box.replaceChildren(el('p', { class: 'empty' }, 'Không có số liệu theo tháng.')); return; }
  const width = 860, height = 260, left = 44, right = 36, top = 16, bottom = 40;
  const x = (i) => left + (months.length === 1 ? (width - left - right) / 2 : i * (width - left - right) / (months.length - 1));
  const y = (p) => top + (height - top - bottom) * (1 - p / 100);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': figure.querySelector('figcaption').textContent });
  for (const p of [0, 25, 50, 75, 100]) {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(p), y2: y(p), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(p) + 4, 'text-anchor': 'end', class: 'axis' }, p + '%'));
  }
  months.forEach((m, i) => chart.append(svg('text', { x: x(i), y: height - 14, 'text-anchor': 'middle', class: 'axis' }, m.month)));
  const legend = el('ul', { class: 'legend' });
  const labelled = new Set();     // one label per point where lines meet
  series.forEach((s, k) => {
    const points = months.map((m, i) => ({ i, rate: m.rates && m.rates[s.key] })).filter((p) => p.rate && p.rate.denominator);
    legend.append(el('li', { class: s.key }, s.label + (points.length ? '' : ' — chưa có số liệu')));
    if (!points.length) return;
    const pct = (p) => 100 * p.rate.numerator / p.rate.denominator;
    chart.append(svg('polyline', { points: points.map((p) => `${x(p.i)},${y(pct(p))}`).join(' '), class: 'line ' + s.key }));
    for (const p of points) {
      // Earlier lines get larger dots, so dots at the same place stay visible.
      chart.append(svg('circle', { cx: x(p.i), cy: y(pct(p)), r: 4 + 2 * (series.length - 1 - k), class: 'dot ' + s.key, 'data-month': months[p.i].month, 'data-rate': s.key, 'data-numerator': p.rate.numerator, 'data-denominator': p.rate.denominator }));
      const text = percent(p.rate.numerator, p.rate.denominator);
      if (!labelled.has(p.i + text)) chart.append(svg('text', { x: x(p.i), y: y(pct(p)) - 12, 'text-anchor': 'middle', class: 'value' }, text));
      labelled.add(p.i + text);
    }
  });
  box.replaceChildren(chart, legend);
}

function drawCharts (report, series) {
  barChart($('chart-channel'), [
    { key: 'received_direct', label: 'Trực tiếp', value: report.received_direct },
    { key: 'received_online', label: 'Trực tuyến', value: report.received_online },
    { key: 'received_postal', label: 'Bưu chính công ích', value: report.received_postal }
  ]);
  barChart($('chart-timeliness'), [
    { key: 'resolved_early', label: 'Trước hạn', value: report.resolved_early },
    { key: 'resolved_on_time', label: 'Đúng hạn', value: report.resolved_on_time },
    { key: 'resolved_late', label: 'Quá hạn', value: report.resolved_late }
  ]);
  lineChart($('chart-monthly'), series.months || [], [
    { key: 'online_intake', label: 'Tỷ lệ tiếp nhận trực tuyến' },
    { key: 'result_digitised', label: 'Tỷ lệ số hóa kết quả' },
    { key: 'dossier_digitised', label: 'Tỷ lệ số hóa hồ sơ' }
  ]);
}

// ---- drill-down and trace --------------------------------------------------

const COLUMN_NAMES = {
  received_total: 'hồ sơ nhận giải quyết', received_online: 'mới tiếp nhận trực tuyến', carried_over: 'từ kỳ trước chuyển qua',
  resolved_total: 'đã giải quyết', resolved_early: 'đã giải quyết trước hạn', resolved_on_time: 'đã giải quyết đúng hạn',
  resolved_late: 'đã giải quyết quá hạn', in_progress_total: 'đang giải quyết', in_progress_within: 'đang giải quyết trong hạn',
  in_progress_overdue: 'đang giải quyết quá hạn'
};

async function drill (row, column) {
  const section = $('drill');
  section.hidden = false;
  $('drill-title').textContent = `Lĩnh vực ${row.field}${row.level ? ' (' + (LABELS.level[row.level] || row.level) + ')' : ''}: ${COLUMN_NAMES[column] || column}`;
  const body = $('dossiers').querySelector('tbody');
  body.replaceChildren();
  delete $('dossiers').dataset.total;
  try {
    const query = new URLSearchParams(Object.assign(periodQuery(), { field: row.field || '', level: row.level || '', column }));
    const list = await api('/api/dossiers?' + query);
    $('dossiers').dataset.total = list.total;
    for (const d of list.dossiers || []) {
      const link = el('a', { href: '#lookup', 'data-code': d.dossier_code, onclick: (e) => { e.preventDefault(); trace(d.dossier_code); } }, d.dossier_code);
      body.append(el('tr', {}, el('td', {}, link), el('td', {}, d.procedure_name || d.procedure_code || ''),
        el('td', {}, LABELS.channel[d.channel] || d.channel || ''), el('td', {}, vnTime(d.received_at)),
        el('td', {}, vnTime(d.due_at)), el('td', {}, d.status_label || d.status || '')));
    }
    if (!body.children.length) body.append(el('tr', {}, el('td', { colspan: 6 }, 'Không có hồ sơ.')));
    else if (list.total > body.children.length) body.append(el('tr', {}, el('td', { colspan: 6, class: 'more' }, `Hiển thị ${number(body.children.length)} trên tổng số ${number(list.total)} hồ sơ.`)));
    section.scrollIntoView();
  } catch (error) { showError(error, 'field'); }
}

async function trace (code) {
  $('trace-code').value = code;
  try {
    const t = await api('/api/trace?' + new URLSearchParams({ code }));
    const timeliness = t.timeliness_label ? ', ' + t.timeliness_label : '';
    const where = t.result_location ? ` — Kết quả đang ở: ${t.result_location}` : '';
    $('trace-summary').textContent = `Mã hồ sơ: ${t.dossier_code} — Thủ tục: ${t.procedure_code} — Trạng thái: ${t.status_label}${timeliness} — Hạn giải quyết: ${vnTime(t.due_at)}${where}`;
    $('trace-summary').dataset.code = t.dossier_code;
    const body = $('trace-events').querySelector('tbody');
    body.replaceChildren(...(t.events || []).map((e) => el('tr', { 'data-type': e.type },
      el('td', {}, vnTime(e.at)), el('td', {}, e.label || e.type), el('td', {}, e.actor), el('td', {}, e.detail))));
    $('trace').hidden = false;
    $('trace').scrollIntoView();
  } catch (error) { showError(error, 'code'); }
}

// ---- the page --------------------------------------------------------------

async function load () {
  const query = '?' + new URLSearchParams(periodQuery());
  history.replaceState(null, '', '/' + query);
  const status = $('status');
  status.textContent = 'Đang tải số liệu…';
  status.className = 'loading';
  document.body.dataset.state = 'loading';
  try {
    const [report, series] = await Promise.all([api('/api/report' + query), api('/api/series' + query)]);
    $('from').value = report.from;
    $('to').value = report.to;
    const days = `Từ ngày ${vnDate(report.from)} đến ngày ${vnDate(report.to)}`;
    $('period-text').textContent = report.period_label && report.period_label !== days ? `${report.period_label} (${days})` : days;
    $('download-xlsx').href = '/api/form06a.xlsx' + query;
    $('download-csv').href = '/api/form06a.csv' + query;
    drawTable(report);
    drawRates(report);
    drawCharts(report, series);
    status.textContent = '';
    status.className = '';
    document.body.dataset.state = 'ready';
  } catch (error) {
    showError(error, 'period');
    document.body.dataset.state = 'error';
  }
}

function start () {
  const params = new URLSearchParams(location.search);
  const today = new Date();
  const year = today.getFullYear() + (today.getMonth() === 11 && today.getDate() >= 15 ? 1 : 0);
  $('year').value = year;
  fillNumbers();
  const named = /^(month|quarter|half|nine|year):(\d{4})(?:-(\d{1,2}))?$/.exec(params.get('period') || '');
  if (named) {
    $('kind').value = named[1];
    $('year').value = named[2];
    fillNumbers();
    if (named[3]) $('number').value = Number(named[3]);
    applyPeriod();
  } else if (params.get('from') && params.get('to')) {
    $('kind').value = 'custom';
    fillNumbers();
    $('from').value = params.get('from');
    $('to').value = params.get('to');
  } else applyPeriod();
  $('kind').addEventListener('change', () => { fillNumbers(); applyPeriod(); });
  $('number').addEventListener('change', applyPeriod);
  $('year').addEventListener('change', applyPeriod);
  $('period').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('trace-form').addEventListener('submit', (e) => { e.preventDefault(); trace($('trace-code').value.trim()); });
  load();
}

start();
