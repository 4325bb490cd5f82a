// Drives Debian's chromium (headless) over the DevTools protocol against a running
// `pipeline-jobs dashboard`, as a person would use it. Run by dashboard_browser_test.cpp,
// which seeds the database, runs a worker and the dashboard, and checks the rows after.
//
// Input: the environment variable BROWSER_TEST_INPUT, a JSON object:
//   {url, token, chromium, screenshot, running_job, xss_job, xss_error, counts: {program: {column: n}}}
// Output: one line per step on stderr; exit 0 when every check held, 1 with the failed
// check's message otherwise. Steps, in order: the overview's counts; the running job's
// bar advancing; a screenshot of the overview; a cancel refused without logging in; the
// hostile error shown as text (failures list and job page) with no dialog and no element
// made from it; a login with the token; a cancel that the dashboard accepts.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const CDP = require('chrome-remote-interface');

const input = JSON.parse(process.env.BROWSER_TEST_INPUT || '{}');
const dialogs = [];

function step(text) { process.stderr.write('browser: ' + text + '\n'); }

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Starts chromium and resolves with {child, port} once it prints its DevTools address.
function startChromium(profile) {
  const child = spawn(input.chromium, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', '--user-data-dir=' + profile,
    '--window-size=1280,1000', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('chromium printed no DevTools address within 30 s: ' + seen)), 30000);
    child.on('error', (e) => { clearTimeout(timer); reject(new Error('cannot start chromium: ' + e.message)); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error('chromium exited with ' + code + ': ' + seen)); });
    child.stderr.on('data', (data) => {
      seen += data.toString();
      const match = seen.match(/DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) { clearTimeout(timer); child.removeAllListeners('exit'); resolve({ child, port: Number(match[1]) }); }
    });
  });
}

// Evaluates `expression` in the page (promises awaited) and returns its value.
async function evaluate(client, expression) {
  const { result, exceptionDetails } = await client.Runtime.evaluate({ expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error('page script failed: ' + (exceptionDetails.exception?.description || exceptionDetails.text));
  return result.value;
}

// Polls `expression` until it is truthy; fails with `what` after `ms`.
async function waitFor(client, expression, what, ms = 20000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await evaluate(client, expression);
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting for ' + what);
    await sleep(100);
  }
}

async function refreshes(client) { return Number(await evaluate(client, 'document.body.dataset.refreshed || 0')); }

// Waits for one more completed refresh of the page than now.
async function nextRefresh(client) {
  const now = await refreshes(client);
  await waitFor(client, `Number(document.body.dataset.refreshed || 0) > ${now}`, 'the page to refresh itself');
}

// The first call loads the page; later ones change the hash (no reload) as a link does.
let loaded = false;
async function open(client, hash) {
  if (!loaded) {
    const load = client.Page.loadEventFired();
    await client.Page.navigate({ url: input.url + hash });
    await load;
    loaded = true;
    await waitFor(client, 'Number(document.body.dataset.refreshed || 0) >= 1', 'the first refresh of ' + hash);
    return;
  }
  const before = await refreshes(client);
  await evaluate(client, `location.hash = ${JSON.stringify(hash)}`);
  await waitFor(client, `Number(document.body.dataset.refreshed || 0) > ${before}`, 'a refresh of ' + hash);
}

function cellOf(program, column) {
  return `document.querySelector('#programs tr[data-program=${JSON.stringify(program)}] td.${column}')?.textContent`;
}

async function checkCounts(client) {
  for (const [program, columns] of Object.entries(input.counts)) {
    for (const [column, expected] of Object.entries(columns)) {
      const shown = await evaluate(client, cellOf(program, column));
      check(shown === String(expected), `overview: ${program} ${column} shows ${shown}, expected ${expected}`);
    }
  }
  step('overview counts are right');
}

const barValue = (job) => `(() => { const bar = document.querySelector('tr[data-job="${job}"] progress');
  return bar ? bar.value : -1; })()`;

async function checkBarAdvances(client) {
  const first = await waitFor(client, `${barValue(input.running_job)} > 0 && ${barValue(input.running_job)}`,
    'the running job\'s progress bar', 30000);
  const later = await waitFor(client, `${barValue(input.running_job)} > ${first} && ${barValue(input.running_job)}`,
    'the progress bar to advance past ' + first, 30000);
  step(`the running job's bar advanced from ${first} to ${later} without a reload`);
}

async function screenshot(client) {
  const { data } = await client.Page.captureScreenshot({ format: 'png' });
  fs.mkdirSync(path.dirname(input.screenshot), { recursive: true });
  fs.writeFileSync(input.screenshot, Buffer.from(data, 'base64'));
  step('screenshot written to ' + input.screenshot);
}

const cancelButton = (job) => `document.querySelector('tr[data-job="${job}"] .cancel-button')`;

async function checkCancelRefusedWithoutLogin(client) {
  await evaluate(client, `${cancelButton(input.running_job)}.click()`);
  const message = await waitFor(client, `(() => { const m = document.getElementById('message');
    return !m.hidden && m.textContent.includes('refused') && m.textContent; })()`, 'the refusal message');
  check(/log in first/.test(message), 'the refusal says why: ' + message);
  const job = await evaluate(client, `fetch('/api/jobs/${input.running_job}').then((r) => r.json())`);
  check(job.job.status === 'running' && job.job.cancel_requested_at === null,
    'the job was left alone: ' + JSON.stringify(job.job.status));
  step('cancel without logging in was refused: ' + message);
}

const hostileElements = `document.querySelectorAll('img, iframe, object, embed, script:not([src="/app.js"])').length`;

async function checkHostileTextIsText(client) {
  await open(client, '#/failures');
  const shown = await waitFor(client, `(() => { const e = document.querySelector('[data-job="${input.xss_job}"] .failure-error');
    return e && e.textContent; })()`, 'the hostile failure');
  check(shown === input.xss_error, 'failures list shows the error as text: ' + shown);
  check(await evaluate(client, hostileElements) === 0, 'no element was made from the error in the failures list');
  await open(client, '#/job/' + input.xss_job);
  const onJobPage = await waitFor(client, `document.querySelector('.job-error')?.textContent`, 'the job page');
  check(onJobPage === input.xss_error, 'job page shows the error as text: ' + onJobPage);
  check(await evaluate(client, hostileElements) === 0, 'no element was made from the error on the job page');
  await nextRefresh(client);
  check(dialogs.length === 0, 'a dialog opened: ' + JSON.stringify(dialogs));
  step('the hostile error renders as text; no dialog, no element');
}

async function login(client) {
  await evaluate(client, `document.getElementById('login-token').focus()`);
  await client.Input.insertText({ text: input.token });
  await evaluate(client, `document.getElementById('login-button').click()`);
  await waitFor(client, `document.getElementById('session-state').textContent.includes('logged in')`, 'the login');
  step('logged in with the token');
}

async function checkCancelWithLogin(client) {
  await open(client, '#/');
  await waitFor(client, cancelButton(input.running_job) + ' !== null', 'the cancel button');
  await evaluate(client, `${cancelButton(input.running_job)}.click()`);
  const message = await waitFor(client, `(() => { const m = document.getElementById('message');
    return m.textContent.includes('stop_requested') && m.textContent; })()`, 'the cancel to be accepted');
  step('cancel accepted: ' + message);
}

async function main() {
  for (const key of ['url', 'token', 'chromium', 'screenshot', 'running_job', 'xss_job', 'xss_error', 'counts']) {
    check(input[key] !== undefined, 'BROWSER_TEST_INPUT lacks ' + key);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-chromium-'));
  const { child, port } = await startChromium(profile);
  let client;
  try {
    client = await CDP({ host: '127.0.0.1', port });
    await Promise.all([client.Page.enable(), client.Runtime.enable()]);
    client.Page.javascriptDialogOpening((event) => {
      dialogs.push(event.message);
      client.Page.handleJavaScriptDialog({ accept: false }).catch(() => {});
    });
    await client.Emulation.setDeviceMetricsOverride({ width: 1280, height: 1000, deviceScaleFactor: 1, mobile: false });
    await open(client, '#/');
    await checkCounts(client);
    await checkBarAdvances(client);
    await screenshot(client);
    await checkCancelRefusedWithoutLogin(client);
    await checkHostileTextIsText(client);
    await login(client);
    await checkCancelWithLogin(client);
    check(dialogs.length === 0, 'a dialog opened: ' + JSON.stringify(dialogs));
  } finally {
    if (client) await client.close().catch(() => {});
    child.kill('SIGKILL');
    await sleep(200);
    try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) { step('profile left in ' + profile); }
  }
}

main().then(() => { step('all checks passed'); process.exit(0); },
  (e) => { process.stderr.write('browser: FAILED: ' + e.message + '\n'); process.exit(1); });
