// The pipeline-jobs dashboard: polls /api/ and draws the page with DOM calls only.
// Every string from the server goes through text nodes (textContent), never parsed as markup.
'use strict';

const POLL_MS = 2000;
const SVG_NS = 'http://www.w3.org/2000/svg';
const session = { actions_enabled: false, logged_in: false, csrf_token: null };
let pollTimer = null;

// ---- DOM helpers -------------------------------------------------------------

// el('td', {className: 'num'}, 'text', child): children are nodes or text.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'className') node.className = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value);
  }
  for (const child of children) append(node, child);
  return node;
}

function append(node, child) {
  if (child === null || child === undefined) return;
  node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId(id) { return document.getElementById(id); }

function fillBody(tableId, rows, columns, emptyText) {
  const body = byId(tableId).tBodies[0];
  if (rows.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { className: 'empty', colspan: String(columns) }, emptyText)));
  } else {
    body.replaceChildren(...rows);
  }
}

function jobLink(id) {
  return el('a', { href: '#/job/' + encodeURIComponent(id), className: 'job-link' }, id.slice(0, 8));
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '-';
  if (seconds === 0) return '0s';
  if (seconds < 1) return Math.round(seconds * 1000) + 'ms';
  if (seconds < 10) return (Math.round(seconds * 10) / 10) + 's';
  const s = Math.round(seconds);
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's';
  return Math.floor(s / 3600) + 'h' + String(Math.floor((s % 3600) / 60)).padStart(2, '0') + 'm';
}

function say(text, bad) {
  const box = byId('message');
  box.textContent = text;
  box.className = bad ? 'bad' : '';
  box.hidden = !text;
}

// ---- API ---------------------------------------------------------------------

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || response.status + ' ' + response.statusText);
  return body;
}

async function post(path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (session.csrf_token) headers['X-CSRF-Token'] = session.csrf_token;
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body || {}),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || response.status + ' ' + response.statusText);
  return answer;
}

async function act(label, path, body) {
  try {
    const answer = await post(path, body);
    say(label + ': ' + (answer.result || answer.status || 'done'), false);
  } catch (e) {
    say(label + ' refused: ' + e.message, true);
  }
  refresh();
}

function actionButton(label, className, handler) {
  return el('button', { type: 'button', className, onclick: handler }, label);
}

// ---- session -----------------------------------------------------------------

async function loadSession() {
  Object.assign(session, await getJson('/api/session'));
  byId('login-form').hidden = !session.actions_enabled || session.logged_in;
  byId('logout-button').hidden = !session.logged_in;
  byId('session-state').textContent = !session.actions_enabled ? 'read-only (no DASHBOARD_TOKEN)'
    : session.logged_in ? 'logged in: actions on' : '';
}

async function login(event) {
  event.preventDefault();
  const input = byId('login-token');
  try {
    await post('/api/login', { token: input.value });
    say('logged in', false);
  } catch (e) {
    say('login refused: ' + e.message, true);
  }
  input.value = '';
  await loadSession();
  refresh();
}

async function logout() {
  try { await post('/api/logout'); } catch (e) { say('logout: ' + e.message, true); }
  await loadSession();
}

// ---- overview ------------------------------------------------------------------

function renderTotals(totals) {
  const box = byId('totals');
  box.replaceChildren(...['runnable', 'waiting', 'running', 'failed_last_hour'].map((key) =>
    el('div', { className: 'total', id: 'total-' + key },
      el('div', { className: 'value' }, totals[key]),
      el('div', { className: 'label' }, key === 'failed_last_hour' ? 'failed (last hour)' : key))));
}

function renderPrograms(programs) {
  fillBody('programs', programs.map((p) => el('tr', { 'data-program': p.program || '' },
    el('td', {}, p.program || '(none)'), el('td', {}, p.job_type),
    el('td', { className: 'num runnable' }, p.runnable), el('td', { className: 'num waiting' }, p.waiting),
    el('td', { className: 'num running' }, p.running), el('td', { className: 'num failed' }, p.failed_last_hour),
    el('td', { className: 'num' }, duration(p.oldest_runnable_age_seconds)))), 7, 'no jobs yet');
}

function renderSources(sources) {
  fillBody('sources', sources.map((s) => el('tr', { 'data-source': s.id },
    el('td', {}, s.name), el('td', {}, s.domain || '-'),
    el('td', { className: 'num' }, s.rate_limit_rpm), el('td', { className: 'num' }, s.requests_last_minute),
    el('td', { className: s.paused ? 'paused' : '' }, s.paused ? 'paused' : 'active'),
    el('td', {}, actionButton(s.paused ? 'Resume' : 'Pause', 'pause-button', () =>
      act((s.paused ? 'resume ' : 'pause ') + s.name,
        '/api/sources/' + encodeURIComponent(s.id) + (s.paused ? '/resume' : '/pause')))))), 6, 'no sources');
}

function progressCell(progress) {
  if (!progress) return el('td', { className: 'muted' }, '-');
  const bar = el('progress', { max: String(progress.total || 1) });
  bar.value = progress.total ? progress.done : 0;
  const label = progress.total ? progress.done + '/' + progress.total + ' (' + Math.round(progress.percent) + '%)'
    : String(progress.done);
  return el('td', {}, bar, ' ', el('span', { className: 'progress-text' }, label));
}

function renderRunning(data) {
  fillBody('running', data.jobs.map((j) => el('tr', { 'data-job': j.id },
    el('td', {}, jobLink(j.id)), el('td', {}, j.program || '-'), progressCell(j.progress),
    el('td', { className: 'item' }, j.progress && j.progress.item ? j.progress.item : '-'),
    el('td', {}, duration(j.progress ? j.progress.eta_seconds : null)),
    el('td', {}, j.worker || '-'),
    el('td', { className: 'num' }, j.attempt + (j.max_attempts ? '/' + j.max_attempts : '')),
    el('td', { className: j.stale ? 'stale' : '' }, duration(j.heartbeat_age_seconds === null ? null : Math.round(j.heartbeat_age_seconds)) + ' ago' + (j.stale ? ' (stale)' : '')),
    el('td', {}, j.cancel_requested ? el('span', { className: 'muted' }, 'stopping')
      : actionButton('Cancel', 'cancel-button', () => act('cancel ' + j.id.slice(0, 8),
        '/api/jobs/' + encodeURIComponent(j.id) + '/cancel'))))), 9, 'nothing is running');
}

function renderSchedules(data) {
  fillBody('schedules', data.schedules.map((s) => el('tr', {},
    el('td', {}, s.name), el('td', {}, s.cron), el('td', {}, s.program),
    el('td', {}, s.last_slot || '-'), el('td', {}, s.next_slot || '-'),
    el('td', {}, actionButton('Enqueue now', 'enqueue-button', () =>
      act('enqueue ' + s.name, '/api/schedules/enqueue', { name: s.name }))))), 6, 'no schedules');
}

// ---- charts (SVG drawn here) ---------------------------------------------------------

function chartHours(hours) {
  const width = 520, height = 180, left = 34, bottom = 20, top = 8;
  const max = Math.max(1, ...hours.map((h) => h.success + h.failed));
  const step = (width - left) / hours.length;
  const scale = (n) => (n / max) * (height - bottom - top);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img', id: 'hours-svg' });
  chart.appendChild(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }));
  chart.appendChild(svg('text', { x: 0, y: top + 8 }, String(max)));
  chart.appendChild(svg('text', { x: 0, y: height - bottom }, '0'));
  hours.forEach((h, i) => {
    const x = left + i * step + 1;
    const ok = scale(h.success), bad = scale(h.failed);
    const group = svg('g', { 'data-hour': h.hour });
    group.appendChild(svg('title', {}, h.hour + ': ' + h.success + ' succeeded, ' + h.failed + ' failed'));
    group.appendChild(svg('rect', { x, y: height - bottom - ok, width: step - 2, height: ok, class: 'success' }));
    group.appendChild(svg('rect', { x, y: height - bottom - ok - bad, width: step - 2, height: bad, class: 'failed' }));
    chart.appendChild(group);
    if (i % 6 === 0) chart.appendChild(svg('text', { x, y: height - 4 }, h.hour.slice(11, 16)));
  });
  const legend = el('div', { className: 'legend' },
    el('span', {}, el('span', { className: 'swatch success' }), 'success'),
    el('span', {}, el('span', { className: 'swatch failed' }), 'failed'));
  byId('chart-hours').replaceChildren(chart, legend);
}

function chartDurations(rows) {
  if (rows.length === 0) {
    byId('chart-durations').replaceChildren(el('p', { className: 'muted' }, 'no finished jobs yet'));
    return;
  }
  const width = 520, label = 170, row = 30, height = rows.length * row + 10;
  const max = Math.max(0.001, ...rows.map((r) => r.p95_seconds || r.p50_seconds || 0));
  const scale = (s) => ((s || 0) / max) * (width - label - 100);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img', id: 'durations-svg' });
  rows.forEach((r, i) => {
    const y = 5 + i * row;
    chart.appendChild(svg('text', { x: 0, y: y + 15 }, (r.program || '(none)').slice(0, 28)));
    chart.appendChild(svg('rect', { x: label, y, width: scale(r.p95_seconds), height: 10, class: 'p95' }));
    chart.appendChild(svg('rect', { x: label, y: y + 11, width: scale(r.p50_seconds), height: 10, class: 'p50' }));
    chart.appendChild(svg('text', { x: label + scale(r.p95_seconds) + 4, y: y + 15 },
      duration(r.p50_seconds) + ' / ' + duration(r.p95_seconds)));
  });
  const legend = el('div', { className: 'legend' },
    el('span', {}, el('span', { className: 'swatch p50' }), 'p50'),
    el('span', {}, el('span', { className: 'swatch p95' }), 'p95'));
  byId('chart-durations').replaceChildren(chart, legend);
}

async function refreshOverview() {
  const [overview, running, charts, schedules] = await Promise.all([
    getJson('/api/overview'), getJson('/api/running'), getJson('/api/charts'), getJson('/api/schedules')]);
  renderTotals(overview.totals);
  renderPrograms(overview.programs);
  renderSources(overview.sources);
  renderRunning(running);
  chartHours(charts.finished_per_hour);
  chartDurations(charts.durations);
  renderSchedules(schedules);
}

// ---- failures ----------------------------------------------------------------

function attemptsTable(attempts) {
  if (!Array.isArray(attempts) || attempts.length === 0) return el('p', { className: 'muted' }, 'no attempts recorded');
  return el('table', { className: 'attempts' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Attempt'), el('th', {}, 'At'), el('th', {}, 'Worker'),
      el('th', {}, 'Kind'), el('th', {}, 'Error'))),
    el('tbody', {}, ...attempts.map((a) => el('tr', {},
      el('td', { className: 'num' }, a.attempt === undefined ? '-' : a.attempt), el('td', {}, a.at || '-'),
      el('td', {}, a.worker || '-'), el('td', {}, a.kind || '-'),
      el('td', { className: 'error' }, a.error === undefined ? '-' : String(a.error))))));
}

async function refreshFailures() {
  const select = byId('failure-program');
  const program = select.value;
  const data = await getJson('/api/failures?limit=50' + (program ? '&program=' + encodeURIComponent(program) : ''));
  const known = new Set([...select.options].map((o) => o.value));
  for (const name of data.programs) if (!known.has(name)) select.appendChild(el('option', { value: name }, name));
  const list = data.jobs.map((j) => el('div', { className: 'failure', 'data-job': j.id },
    el('div', { className: 'head' }, jobLink(j.id), el('strong', {}, j.program || '-'),
      el('span', { className: 'muted' }, 'attempt ' + j.attempt + (j.max_attempts ? '/' + j.max_attempts : '') +
        ', ' + (j.finished_at || '')),
      actionButton('Retry', 'retry-button', () => act('retry ' + j.id.slice(0, 8),
        '/api/jobs/' + encodeURIComponent(j.id) + '/retry'))),
    el('div', { className: 'error failure-error' }, j.error || ''),
    attemptsTable(j.attempts)));
  byId('failures').replaceChildren(...(list.length ? list : [el('p', { className: 'muted' }, 'no failures')]));
}

// ---- one job -----------------------------------------------------------------

function fields(pairs) {
  const list = el('dl', { className: 'fields' });
  for (const [name, value] of pairs) {
    list.appendChild(el('dt', {}, name));
    list.appendChild(el('dd', {}, value === null || value === undefined || value === '' ? '-' : value));
  }
  return list;
}

function relatedList(jobs) {
  if (jobs.length === 0) return el('p', { className: 'muted' }, 'none');
  return el('ul', {}, ...jobs.map((r) => el('li', {}, jobLink(r.id), ' ' + (r.program || '-') + ' (' + r.status + ')',
    r.error ? el('span', { className: 'error' }, ': ' + r.error) : null)));
}

function pretty(value) { return el('pre', {}, value === null || value === undefined ? '-' : JSON.stringify(value, null, 2)); }

async function refreshJob(id) {
  const data = await getJson('/api/jobs/' + encodeURIComponent(id));
  const j = data.job;
  const p = j.progress;
  const buttons = [];
  if (j.status === 'queued' || j.status === 'running') {
    buttons.push(actionButton('Cancel', 'cancel-button', () => act('cancel', '/api/jobs/' + encodeURIComponent(j.id) + '/cancel')));
  }
  if (j.status === 'failed') {
    buttons.push(actionButton('Retry', 'retry-button', () => act('retry', '/api/jobs/' + encodeURIComponent(j.id) + '/retry')));
  }
  byId('job').replaceChildren(
    el('h2', {}, 'Job ' + j.id + ' ', ...buttons),
    fields([['Status', j.status], ['Program', j.program || j.script], ['Job type', j.job_type],
      ['Attempt', j.attempt + (j.max_attempts ? ' of ' + j.max_attempts : '')], ['Worker', j.worker],
      ['Priority', String(j.priority)], ['Run at', j.run_at], ['Unique key', j.unique_key],
      ['Created', j.created_at], ['Started', j.started_at], ['Finished', j.finished_at],
      ['Heartbeat', j.heartbeat_at], ['Cancel requested', j.cancel_requested_at],
      ['Progress', p ? p.done + (p.total ? '/' + p.total : '') + (p.item ? ' — ' + p.item : '') +
        (p.eta_seconds !== null && p.eta_seconds !== undefined ? ', ETA ' + duration(p.eta_seconds) : '') : null],
      ['Work', data.work ? data.work.title + ' (' + data.work.id + ')' : j.work_id],
      ['Edition', data.edition ? (data.edition.provider || '') + ' ' + (data.edition.canonical_url || '') +
        ' (' + data.edition.id + ')' : j.edition_id]]),
    el('h2', {}, 'Error'), el('div', { className: 'error job-error' }, j.error || '-'),
    el('h2', {}, 'Attempts'), attemptsTable(j.errors),
    el('h2', {}, 'Depends on'), relatedList(data.dependencies),
    el('h2', {}, 'Dependents'), relatedList(data.dependents),
    el('h2', {}, 'Input'), pretty(j.input),
    el('h2', {}, 'Output'), pretty(j.output));
}

// ---- routing and polling ---------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  if (hash.startsWith('#/job/')) return { view: 'job', id: decodeURIComponent(hash.slice(6)) };
  if (hash === '#/failures') return { view: 'failures' };
  return { view: 'overview' };
}

async function refresh() {
  clearTimeout(pollTimer);
  const current = route();
  for (const view of ['overview', 'failures', 'job']) byId('view-' + view).hidden = view !== current.view;
  byId('nav-overview').className = current.view === 'overview' ? 'active' : '';
  byId('nav-failures').className = current.view === 'failures' ? 'active' : '';
  try {
    if (current.view === 'overview') await refreshOverview();
    else if (current.view === 'failures') await refreshFailures();
    else await refreshJob(current.id);
    byId('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
  } catch (e) {
    byId('updated').textContent = 'refresh failed: ' + e.message;
  }
  pollTimer = setTimeout(refresh, POLL_MS);
}

async function start() {
  byId('login-form').addEventListener('submit', login);
  byId('logout-button').addEventListener('click', logout);
  byId('failure-program').addEventListener('change', refresh);
  window.addEventListener('hashchange', refresh);
  try { await loadSession(); } catch (e) { say('session: ' + e.message, true); }
  refresh();
}

document.addEventListener('DOMContentLoaded', start);
