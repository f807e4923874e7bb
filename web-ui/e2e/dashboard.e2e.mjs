// End-to-end test of the dashboard against a running daemon, in Debian's chromium.
//
// node e2e/dashboard.e2e.mjs --url http://127.0.0.1:PORT/ --token TOKEN --screenshots DIR \
//     --watch WATCH_FOLDER --staging FOLDER_WITH_CLIPS
//
// The staging folder holds ready-made clips (live.mov, cancel-me.mov, long-take.mov and one named like an
// HTML tag); the script moves each into the watch folder when its flow needs it, the way a finished copy lands.
// Prints one JSON object on success; exits 1 with a message (and the JSON so far) on the first failure.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>.mov';
const ENCODE_MS = 90_000;
const UI_MS = 15_000;

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv[i]}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const required of ['url', 'token', 'screenshots', 'watch', 'staging']) {
    if (!args[required]) {
      throw new Error(`missing --${required}`);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const base = new URL(args.url);
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const result = { ok: false, checks: {}, screenshots: [], dialogs: [], page_errors: [], console_errors: [] };

function record(name, value) {
  result.checks[name] = value;
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function rest(pathname, init = {}) {
  // The daemon refuses a state change that is not declared JSON, body or not.
  const json = (init.method ?? 'GET') === 'GET' ? {} : { 'Content-Type': 'application/json' };
  const response = await fetch(new URL(pathname, base), {
    ...init,
    headers: { Authorization: `Bearer ${args.token}`, ...json, ...(init.headers ?? {}) },
  });
  const text = await response.text();
  expect(response.ok, `${init.method ?? 'GET'} ${pathname} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function jobNamed(filename) {
  const jobs = await rest(`/api/jobs?q=${encodeURIComponent(filename)}`);
  return jobs.find((job) => job.filename === filename) ?? null;
}

async function waitFor(what, condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) {
      return value;
    }
    expect(Date.now() < deadline, `timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function drop(name) {
  fs.renameSync(path.join(args.staging, name), path.join(args.watch, name));
}

async function shot(page, name) {
  const file = path.join(args.screenshots, `${name}.png`);
  // A full-page shot taken while scrolled paints the sticky header over the middle of the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  result.screenshots.push(file);
}

function watchPage(page) {
  page.on('dialog', async (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => result.page_errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) {
      result.console_errors.push(message.text());
    }
  });
}

/** The jobs-table row of a file, found by its literal name. */
function row(page, filename) {
  return page.locator('tr.job-row').filter({ has: page.getByRole('link', { name: filename, exact: true }) });
}

async function statusOf(page, filename) {
  const badge = row(page, filename).locator('.badge');
  return (await badge.count()) > 0 ? (await badge.first().textContent()).trim() : null;
}

async function gotoSection(page, label) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

async function cookieLoginLoadsTheDashboard(page) {
  const tokenUrl = new URL(base);
  tokenUrl.searchParams.set('token', args.token);
  await page.goto(tokenUrl.toString());
  await page.locator('[data-connection="connected"]').waitFor({ timeout: UI_MS });
  expect(!page.url().includes('token='), `the token stayed in the address bar: ${page.url()}`);
  const cookies = await page.context().cookies();
  const cookie = cookies.find((candidate) => candidate.name === 'bulletproof_token');
  expect(cookie && cookie.httpOnly, 'no HttpOnly bulletproof_token cookie after opening the token URL');
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  record('cookie_login', { url: page.url(), http_only_cookie: true });
}

async function droppedFileProgressesLive(page) {
  await gotoSection(page, 'Jobs');
  await page.getByRole('heading', { name: 'Jobs' }).waitFor();
  // Records every status the row shows, from the moment it appears, without polling gaps.
  await page.evaluate((filename) => {
    window.__seenStatuses = [];
    const note = () => {
      for (const link of document.querySelectorAll('tr.job-row .filename a')) {
        if (link.textContent === filename) {
          const status = link.closest('tr').querySelector('.badge')?.textContent;
          const progress = link.closest('tr').querySelector('[role=progressbar]')?.getAttribute('aria-valuenow');
          const entry = `${status}:${progress}`;
          if (window.__seenStatuses.at(-1) !== entry) {
            window.__seenStatuses.push(entry);
          }
        }
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, 'live.mov');
  drop('live.mov');
  await row(page, 'live.mov').waitFor({ timeout: ENCODE_MS });
  await waitFor('live.mov completed in the table', async () => (await statusOf(page, 'live.mov')) === 'completed', ENCODE_MS);
  const seen = await page.evaluate(() => window.__seenStatuses);
  const sameDocument = await page.evaluate(() => window.__sameDocument === true);
  expect(sameDocument, 'the page reloaded while waiting for the job');
  expect(seen.length >= 2, `the row changed only once (${seen.join(' → ')}): no live progress was shown`);
  const job = await jobNamed('live.mov');
  expect(job && job.status === 'completed', `REST says live.mov is ${job?.status}`);
  record('live_progress', { statuses_seen: seen, rest_status: job.status });
  const rowThumbnail = row(page, 'live.mov').locator('img.thumbnail');
  await rowThumbnail.waitFor({ timeout: UI_MS });
  await waitFor('the row thumbnail decoded', async () => (await rowThumbnail.evaluate((image) => image.complete && image.naturalWidth)) > 0, UI_MS);
  const rowWidth = await rowThumbnail.evaluate((image) => image.naturalWidth);
  expect(rowWidth > 0 && rowWidth <= 320, `the row thumbnail is ${rowWidth} px wide`);
  record('row_thumbnail', { natural_width: rowWidth });
  await shot(page, 'jobs');
}

async function jobDetailShowsTheJob(page) {
  await row(page, 'live.mov').getByRole('link', { name: 'live.mov', exact: true }).click();
  await page.getByRole('heading', { name: 'live.mov', exact: true }).waitFor({ timeout: UI_MS });
  await page.locator('pre.log').filter({ hasText: /\S/ }).waitFor({ timeout: UI_MS });
  const output = await page.locator('dd.path').nth(1).textContent();
  expect(output && output.includes('live'), `the detail view shows no output path: ${output}`);
  const log = await page.locator('pre.log').textContent();
  const media = page.locator('.media-card');
  const poster = media.locator('img.thumbnail');
  await poster.waitFor({ timeout: UI_MS });
  await waitFor('the detail poster frame decoded', async () => (await poster.evaluate((image) => image.complete && image.naturalWidth)) > 0, UI_MS);
  const mediaText = await media.textContent();
  expect(mediaText.includes('h264') && mediaText.includes('48 kHz'), `the Media panel shows no video codec or audio track: ${mediaText}`);
  expect(/smaller|larger/.test(mediaText), `the Media panel shows no compression ratio: ${mediaText}`);
  // The search marks what it finds and, on request, keeps only the matching lines.
  await page.getByRole('searchbox', { name: 'Search the log' }).fill('ffmpeg');
  const marks = await page.locator('pre.log mark').count();
  expect(marks > 0, 'searching the log for "ffmpeg" marked nothing');
  await page.getByRole('checkbox', { name: /Only matching lines/ }).check();
  const kept = await page.locator('pre.log .log-line').count();
  const all = log.split('\n').filter((line) => line !== '').length;
  expect(kept > 0 && kept < all, `only-matching kept ${kept} of ${all} lines`);
  await shot(page, 'job-detail-log-search');
  await page.getByRole('checkbox', { name: /Only matching lines/ }).uncheck();
  await page.getByRole('searchbox', { name: 'Search the log' }).fill('');
  const href = await page.getByRole('link', { name: 'Download log' }).getAttribute('href');
  const download = await page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    return { status: response.status, disposition: response.headers.get('Content-Disposition'), length: (await response.text()).length };
  }, href);
  expect(download.status === 200 && /attachment; filename="bulletproof-job-\d+\.log"/.test(download.disposition ?? ''), `the log download answered ${JSON.stringify(download)}`);
  // "?" lists the shortcuts; "g j" goes to the jobs.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ timeout: UI_MS });
  await shot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden', timeout: UI_MS });
  record('job_detail', { output_path: output, log_chars: log.length, search_marks: marks, only_matching: kept, of_lines: all, download, media: mediaText });
  await shot(page, 'job-detail');
}

/** Every view in light and dark, at a 1366x768 laptop's size and at a phone's width; none scrolls sideways. */
async function everyViewInBothThemes(browser, cookies) {
  const detail = await jobNamed('live.mov');
  const views = [
    ['overview', '/'],
    ['jobs', '/jobs'],
    ['job-detail', `/jobs/${detail.id}`],
    ['stats', '/stats'],
    ['config', '/config'],
    ['nodes', '/nodes'],
  ];
  const sizes = [
    ['1366x768', { width: 1366, height: 768 }, false],
    ['phone', { width: 390, height: 844 }, true],
  ];
  const overflows = {};
  for (const theme of ['light', 'dark']) {
    for (const [size, viewport, isMobile] of sizes) {
      const context = await browser.newContext({ viewport, colorScheme: theme, isMobile, hasTouch: isMobile, deviceScaleFactor: 1 });
      await context.addCookies(cookies);
      const page = await context.newPage();
      watchPage(page);
      for (const [name, pathname] of views) {
        await page.goto(new URL(pathname, base).toString());
        await page.locator('[data-connection="connected"]').waitFor({ timeout: UI_MS });
        await page.locator('main').filter({ hasText: /\S/ }).waitFor({ timeout: UI_MS });
        await page.waitForTimeout(500);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        overflows[`${name}-${theme}-${size}`] = overflow;
        expect(overflow <= 1, `${name} (${theme}, ${size}) scrolls sideways by ${overflow} px`);
        await shot(page, `view-${name}-${theme}-${size}`);
      }
      await context.close();
    }
  }
  record('every_view', { views: views.length * 4, overflows });
}

/**
 * The Nodes view shows this daemon as the one node, as GET /api/nodes describes it; the jobs table names the
 * node of a job that ran; pausing the node from its card pauses the daemon's queue, and resuming resumes it.
 */
async function nodesViewShowsThisDaemon(page) {
  const [node] = await rest('/api/nodes');
  await gotoSection(page, 'Jobs');
  const nodeCell = row(page, 'live.mov').locator('td[data-label="Node"]');
  await nodeCell.waitFor({ timeout: UI_MS });
  const jobNode = (await nodeCell.textContent()).trim();
  expect(jobNode === node.name, `the jobs table names the node of live.mov "${jobNode}", not ${node.name}`);
  await gotoSection(page, 'Nodes');
  const card = page.getByRole('region', { name: `Node ${node.name}` });
  await card.waitFor({ timeout: UI_MS });
  const text = await card.textContent();
  expect(text.includes('alive'), `the node card does not say alive: ${text}`);
  expect(text.includes(`0 / ${node.max_workers} busy`), `the node card does not count its workers: ${text}`);
  expect(/(\d+ s ago|just now)/.test(text), `the node card has no heartbeat age: ${text}`);
  expect(text.includes(node.version), `the node card does not show the version ${node.version}: ${text}`);
  await shot(page, 'nodes');
  await card.getByRole('button', { name: 'Pause node' }).click();
  await card.getByRole('button', { name: 'Resume node' }).waitFor({ timeout: UI_MS });
  const paused = (await rest('/api/queue')).paused;
  expect(paused, 'pausing the node left the queue running');
  await card.getByRole('button', { name: 'Resume node' }).click();
  await card.getByRole('button', { name: 'Pause node' }).waitFor({ timeout: UI_MS });
  const resumed = !(await rest('/api/queue')).paused;
  expect(resumed, 'resuming the node left the queue paused');
  record('nodes', { name: node.name, job_node: jobNode, paused_queue: paused, resumed_queue: resumed });
}

async function cancelAndRetryChangeTheRealState(page) {
  await gotoSection(page, 'Overview');
  await page.getByRole('button', { name: 'Pause queue' }).click();
  await page.locator('[data-queue-paused="true"]').waitFor({ timeout: UI_MS });
  expect((await rest('/api/queue')).paused === true, 'the queue is not paused over REST after the UI paused it');

  await gotoSection(page, 'Jobs');
  drop('cancel-me.mov');
  await waitFor('cancel-me.mov queued in the table', async () => (await statusOf(page, 'cancel-me.mov')) === 'queued', ENCODE_MS);
  await row(page, 'cancel-me.mov').getByRole('button', { name: 'Cancel', exact: true }).click();
  await row(page, 'cancel-me.mov').getByRole('button', { name: 'Yes, cancel' }).click();
  await waitFor('cancel-me.mov cancelled in the table', async () => (await statusOf(page, 'cancel-me.mov')) === 'cancelled', UI_MS);
  const cancelled = await jobNamed('cancel-me.mov');
  expect(cancelled.status === 'cancelled', `REST says cancel-me.mov is ${cancelled.status} after cancel`);

  await row(page, 'cancel-me.mov').getByRole('button', { name: 'Retry', exact: true }).click();
  await waitFor('cancel-me.mov queued again', async () => (await statusOf(page, 'cancel-me.mov')) === 'queued', UI_MS);
  const retried = await jobNamed('cancel-me.mov');
  expect(retried.status === 'queued', `REST says cancel-me.mov is ${retried.status} after retry`);

  await row(page, 'cancel-me.mov').getByRole('link', { name: 'cancel-me.mov', exact: true }).click();
  await page.getByRole('heading', { name: 'cancel-me.mov', exact: true }).waitFor({ timeout: UI_MS });
  await page.getByLabel('Priority', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Set priority' }).click();
  await waitFor('priority 7 over REST', async () => (await jobNamed('cancel-me.mov')).priority === 7, UI_MS);
  await gotoSection(page, 'Jobs');

  await gotoSection(page, 'Overview');
  await page.getByRole('button', { name: 'Resume queue' }).click();
  await page.locator('[data-queue-paused="false"]').waitFor({ timeout: UI_MS });
  await gotoSection(page, 'Jobs');
  await waitFor('cancel-me.mov completed after retry', async () => (await statusOf(page, 'cancel-me.mov')) === 'completed', ENCODE_MS);
  const done = await jobNamed('cancel-me.mov');
  expect(done.status === 'completed', `REST says cancel-me.mov is ${done.status} after resuming`);
  record('cancel_retry', { after_cancel: cancelled.status, after_retry: retried.status, priority_set: done.priority, finally: done.status, attempts: done.attempts });
}

/** Images other than the poster frames the page makes itself, from the jobs' own thumbnail route. */
function strayImages() {
  return [...document.querySelectorAll('img')].filter(
    (image) => !(image.classList.contains('thumbnail') && /^\/api\/jobs\/\d+\/thumbnail$/.test(image.getAttribute('src'))),
  ).length;
}

async function hostileFileNameIsText(page) {
  drop(HOSTILE_NAME);
  await row(page, HOSTILE_NAME).waitFor({ timeout: ENCODE_MS });
  await waitFor('the hostile file completed', async () => (await statusOf(page, HOSTILE_NAME)) === 'completed', ENCODE_MS);
  // Poster frames are the only images the page makes, and only from the jobs' own thumbnail route.
  const injected = await page.evaluate(strayImages);
  const text = await page.locator('tr.job-row .filename a').allTextContents();
  expect(injected === 0, `${injected} <img> elements appeared in the page`);
  expect(text.includes(HOSTILE_NAME), `the literal file name is not in the table: ${JSON.stringify(text)}`);
  await row(page, HOSTILE_NAME).getByRole('link', { name: HOSTILE_NAME, exact: true }).click();
  await page.getByRole('heading', { name: HOSTILE_NAME, exact: true }).waitFor({ timeout: UI_MS });
  expect((await page.evaluate(strayImages)) === 0, 'an <img> appeared in the detail view');
  expect(result.dialogs.length === 0, `dialogs fired: ${result.dialogs.join('; ')}`);
  record('xss', { rendered_as_text: true, img_elements: 0, dialogs: result.dialogs.length });
  await gotoSection(page, 'Jobs');
}

async function activeJobShowsProgressOnTheOverview(page) {
  await gotoSection(page, 'Overview');
  drop('long-take.mov');
  const card = page.locator('.active-job').filter({ has: page.getByRole('link', { name: 'long-take.mov', exact: true }) });
  await card.waitFor({ timeout: ENCODE_MS });
  const bar = card.getByRole('progressbar');
  await waitFor('long-take.mov progress above 0 % on the overview', async () => Number(await bar.getAttribute('aria-valuenow').catch(() => 0)) > 0, ENCODE_MS);
  const progress = Number(await bar.getAttribute('aria-valuenow').catch(() => 0));
  await shot(page, 'overview-active');
  await waitFor('long-take.mov completed', async () => (await jobNamed('long-take.mov'))?.status === 'completed', ENCODE_MS);
  await card.waitFor({ state: 'detached', timeout: UI_MS });
  record('active_job', { progress_percent_seen: progress });
}

async function overviewAndStats(page) {
  await gotoSection(page, 'Overview');
  await page.locator('.stat-value').first().filter({ hasText: /\d/ }).waitFor({ timeout: UI_MS });
  const stats = await rest('/api/stats');
  const card = (label) => page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) }).locator('.stat-value');
  await waitFor(
    'the overview cards to match GET /api/stats',
    async () => Number((await card('Total').textContent()).replace(/\D/g, '')) === stats.total_jobs && Number((await card('Successful').textContent()).replace(/\D/g, '')) === stats.successful,
    UI_MS,
  );
  record('overview', { total_jobs: stats.total_jobs });
  await shot(page, 'overview');

  await gotoSection(page, 'Stats');
  await waitFor('three charts on the stats page', async () => (await page.locator('canvas').count()) === 3, UI_MS);
  await page.waitForTimeout(300);
  record('stats', { charts: 3 });
  await shot(page, 'stats');
}

async function configRoundTripsAndShowsFieldErrors(page) {
  await gotoSection(page, 'Config');
  const workers = page.getByLabel('Parallel jobs');
  await workers.waitFor({ timeout: UI_MS });
  await workers.fill('3');
  await page.getByLabel('Scan every (s)').fill('1.5');
  await page.getByRole('button', { name: 'Add rule' }).click();
  const rule = page.locator('[data-rule-index="0"]');
  await rule.getByLabel('Pattern').fill('*.mxf');
  const profileChoice = rule.getByLabel('Profile');
  const profileNames = (await profileChoice.locator('option').allTextContents()).filter((name) => name !== 'choose…');
  expect(profileNames.length > 0, 'the rule editor offers no profiles from GET /api/profiles');
  await profileChoice.selectOption(profileNames[profileNames.length - 1]);
  await rule.getByLabel('Output name').fill('{stem}-air.{ext}');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Configuration saved and applied.').waitFor({ timeout: UI_MS });
  await page.reload();
  await page.getByLabel('Parallel jobs').waitFor({ timeout: UI_MS });
  const shown = await page.getByLabel('Parallel jobs').inputValue();
  expect(shown === '3', `after a reload the form shows max_workers ${shown}`);
  const saved = await rest('/api/config');
  expect(saved.max_workers === 3 && saved.scan_interval_seconds === 1.5, `REST config after save: ${JSON.stringify(saved)}`);
  const savedRule = saved.rules?.[0];
  expect(savedRule?.pattern === '*.mxf' && savedRule.profile === profileNames[profileNames.length - 1], `REST rules after save: ${JSON.stringify(saved.rules)}`);
  expect((await page.locator('[data-rule-index="0"]').getByLabel('Pattern').inputValue()) === '*.mxf', 'the rule is gone from the form after a reload');
  await page.getByLabel('File name to test').fill('opener.mxf');
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const verdict = page.locator('.rule-result');
  await verdict.waitFor({ timeout: UI_MS });
  const verdictText = await verdict.textContent();
  expect(verdictText.includes('Rule 1') && verdictText.includes(savedRule.profile), `the rule tester said: ${verdictText}`);

  const folderBefore = saved.monitor_folder;
  await page.getByLabel('Watch folder').fill('/dev/null/incoming');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const fieldError = page.locator('[data-field="monitor_folder"] .field-error');
  await fieldError.waitFor({ timeout: UI_MS });
  const message = await fieldError.textContent();
  expect((await page.getByLabel('Watch folder').getAttribute('aria-invalid')) === 'true', 'the watch folder input is not marked invalid');
  const unchanged = await rest('/api/config');
  expect(unchanged.monitor_folder === folderBefore, `a refused save changed the watch folder to ${unchanged.monitor_folder}`);
  record('config', { saved_max_workers: saved.max_workers, saved_rule: savedRule, rule_test: verdictText, field_error: message });
  await shot(page, 'config-error');
}

/** Names of the rows on the jobs page, top to bottom. */
async function rowNames(page) {
  return page.locator('tr.job-row .filename a').allTextContents();
}

/**
 * More jobs than one page holds: a click on the File header has the daemon sort all of them (the first row
 * by name was not on the newest-first first page), and a whole page is cancelled, run again and deleted
 * through the selection bar, one question each. The queue stays paused, so nothing is transcoded.
 */
async function bulkActionsAndSortingAcrossPages(page) {
  const count = 30;
  await rest('/api/queue/pause', { method: 'POST', body: '{}' });
  const folder = path.join(args.staging, 'pages');
  fs.mkdirSync(folder, { recursive: true });
  const ids = [];
  for (let i = 0; i < count; i++) {
    // One distinct file per job (the daemon keeps one job per file); the oldest gets the first name.
    const file = path.join(folder, `sort-${String(i).padStart(2, '0')}.mov`);
    fs.copyFileSync(path.join(args.staging, 'page.mov'), file);
    fs.appendFileSync(file, Buffer.alloc(i + 1));
    const job = await rest('/api/jobs', { method: 'POST', body: JSON.stringify({ path: file, profile: 'live-qlab' }) });
    ids.push(job.id);
  }
  await gotoSection(page, 'Jobs');
  await page.getByRole('searchbox', { name: 'Search by file name' }).fill('sort-');
  await waitFor('the newest sort- jobs on the first page', async () => (await rowNames(page))[0] === 'sort-29.mov', UI_MS);
  const newestFirst = await rowNames(page);
  expect(newestFirst.length === 25 && !newestFirst.includes('sort-00.mov'), `the first page, newest first: ${newestFirst}`);

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await waitFor('the daemon sorted every page by name', async () => (await rowNames(page))[0] === 'sort-00.mov', UI_MS);
  const byName = await rowNames(page);
  expect(JSON.stringify(byName) === JSON.stringify([...byName].sort()), `page one by name is not in order: ${byName}`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await waitFor('the second page by name', async () => (await rowNames(page))[0] === 'sort-25.mov', UI_MS);
  const secondPage = await rowNames(page);
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await waitFor('the daemon sorted every page backwards', async () => (await rowNames(page))[0] === 'sort-29.mov', UI_MS);
  const backwardsLast = (await rowNames(page)).at(-1);
  await shot(page, 'jobs-sorted-by-name');

  const pageIds = async () => {
    const names = await rowNames(page);
    const jobs = await rest(`/api/jobs?q=sort-&limit=100`);
    return jobs.filter((job) => names.includes(job.filename)).map((job) => job.id);
  };
  const selectPage = async () => {
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await page.getByRole('toolbar', { name: 'Selected jobs' }).getByText('25 jobs selected').waitFor({ timeout: UI_MS });
  };
  const statuses = async (wanted) => {
    const jobs = await rest(`/api/jobs?q=sort-&limit=100`);
    return jobs.filter((job) => wanted.includes(job.id)).map((job) => job.status);
  };
  const onPage = await pageIds();

  await selectPage();
  const bar = page.getByRole('toolbar', { name: 'Selected jobs' });
  await bar.getByRole('button', { name: 'Cancel 25', exact: true }).click();
  const cancelQuestion = await bar.locator('.confirm-question').textContent();
  await shot(page, 'jobs-bulk-cancel-question');
  await bar.getByRole('button', { name: 'Yes, cancel 25' }).click();
  await waitFor('the daemon cancelled the page', async () => (await statuses(onPage)).every((status) => status === 'cancelled'), UI_MS);
  await waitFor('the rows show it', async () => (await page.locator('tr.job-row .badge').allTextContents()).every((text) => text.trim() === 'cancelled'), UI_MS);

  await selectPage();
  await bar.getByRole('button', { name: 'Retry 25', exact: true }).click();
  const retryQuestion = await bar.locator('.confirm-question').textContent();
  await bar.getByRole('button', { name: 'Yes, retry 25' }).click();
  await waitFor('the daemon queued the page again', async () => (await statuses(onPage)).every((status) => status === 'queued'), UI_MS);

  await rest('/api/jobs/actions', { method: 'POST', body: JSON.stringify({ action: 'cancel', ids: onPage }) });
  await page.reload();
  await page.locator('[data-connection="connected"]').waitFor({ timeout: UI_MS });
  await page.getByRole('searchbox', { name: 'Search by file name' }).fill('sort-');
  await waitFor('the cancelled page is listed', async () => (await rowNames(page)).length === 25, UI_MS);
  await selectPage();
  await bar.getByRole('button', { name: 'Delete 25', exact: true }).click();
  const deleteQuestion = await bar.locator('.confirm-question').textContent();
  await bar.getByRole('button', { name: 'Yes, delete 25' }).click();
  await waitFor('the daemon forgot the page', async () => (await rest(`/api/jobs?q=sort-&limit=100`)).length === count - 25, UI_MS);
  const filesKept = ids.length === count && fs.readdirSync(folder).length === count;

  const rest5 = (await rest(`/api/jobs?q=sort-&limit=100`)).map((job) => job.id);
  await rest('/api/jobs/actions', { method: 'POST', body: JSON.stringify({ action: 'cancel', ids: rest5 }) });
  await rest('/api/jobs/actions', { method: 'POST', body: JSON.stringify({ action: 'delete', ids: rest5 }) });
  await page.getByRole('searchbox', { name: 'Search by file name' }).fill('');
  await rest('/api/queue/resume', { method: 'POST', body: '{}' });
  record('bulk_sort', {
    newest_first_first: newestFirst[0],
    by_name_first: byName[0],
    second_page_by_name: secondPage,
    backwards_last_on_page: backwardsLast,
    cancel_question: cancelQuestion,
    retry_question: retryQuestion,
    delete_question: deleteQuestion,
    files_kept: filesKept,
  });
}

async function tokenForm(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  watchPage(page);
  await page.goto(base.toString());
  const input = page.getByLabel('Token');
  await input.waitFor({ timeout: UI_MS });
  await shot(page, 'token-form');
  await input.fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('The daemon did not accept this token.').waitFor({ timeout: UI_MS });
  await input.fill(args.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-connection="connected"]').waitFor({ timeout: UI_MS });
  expect(!page.url().includes('token='), 'the token stayed in the address bar after signing in');
  record('token_form', { rejected_wrong_token: true, signed_in: true });
  await context.close();
}

async function phoneAndDarkMode(browser, cookies) {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  await phone.addCookies(cookies);
  const page = await phone.newPage();
  watchPage(page);
  await page.goto(new URL('/jobs', base).toString());
  await page.locator('tr.job-row').first().waitFor({ timeout: UI_MS });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `the phone view scrolls sideways by ${overflow} px`);
  record('phone', { horizontal_overflow_px: overflow });
  await shot(page, 'phone-jobs');
  await phone.close();

  const dark = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await dark.addCookies(cookies);
  const darkPage = await dark.newPage();
  watchPage(darkPage);
  await darkPage.goto(base.toString());
  await darkPage.locator('[data-connection="connected"]').waitFor({ timeout: UI_MS });
  await darkPage.locator('.stat-value').first().filter({ hasText: /\d/ }).waitFor({ timeout: UI_MS });
  const background = await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  expect(r + g + b < 150, `dark mode background is ${background}`);
  await shot(darkPage, 'overview-dark');
  // The toggle overrides the system preference: Auto → Dark → Light.
  await darkPage.getByRole('button', { name: /^Theme:/ }).click();
  await darkPage.getByRole('button', { name: /^Theme:/ }).click();
  const light = await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const sum = light.match(/\d+/g).map(Number).reduce((a, c) => a + c, 0);
  expect(sum > 600, `the light theme toggle left the background at ${light}`);
  await darkPage.getByRole('button', { name: /^Theme:/ }).click();
  await gotoSection(darkPage, 'Stats');
  await waitFor('charts in dark mode', async () => (await darkPage.locator('canvas').count()) === 3, UI_MS);
  await darkPage.waitForTimeout(300);
  await shot(darkPage, 'stats-dark');
  record('dark_mode', { background, toggled_light: light });
  await dark.close();
}

/**
 * Cuts the page's WebSocket (through a route that can refuse new connections), deletes a job over REST
 * while the page is deaf (a delete sends no job_update), and checks that the reconnect's REST reload
 * drops it: the indicator shows the outage and the page ends up matching the daemon again.
 */
async function reconnectResyncsOverRest(browser, cookies) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  watchPage(page);
  let refuse = false;
  let current = null;
  let connections = 0;
  await page.routeWebSocket(/\/ws\/updates$/, (ws) => {
    connections += 1;
    if (refuse) {
      ws.close({ code: 1011, reason: 'test outage' });
      return;
    }
    ws.connectToServer();
    current = ws;
  });
  await page.goto(base.toString());
  await page.locator('[data-connection="connected"]').waitFor({ timeout: UI_MS });
  const victim = await jobNamed('cancel-me.mov');
  await page.locator('tr.job-row').filter({ hasText: 'cancel-me.mov' }).waitFor({ timeout: UI_MS });

  refuse = true;
  await current.close({ code: 1011, reason: 'test outage' });
  await page.locator('[data-connection="reconnecting"]').waitFor({ timeout: UI_MS });
  await shot(page, 'overview-reconnecting');
  await rest(`/api/jobs/${victim.id}`, { method: 'DELETE' });
  await waitFor('a refused reconnect attempt', async () => connections >= 2, UI_MS);
  await page.locator('[data-connection="reconnecting"]').waitFor({ timeout: UI_MS });
  refuse = false;

  await page.locator('[data-connection="connected"]').waitFor({ timeout: 40_000 });
  await page.locator('tr.job-row').filter({ hasText: 'cancel-me.mov' }).waitFor({ state: 'detached', timeout: UI_MS });
  const stats = await rest('/api/stats');
  const total = page.locator('.stat').filter({ has: page.getByText('Total', { exact: true }) }).locator('.stat-value');
  await waitFor('the Total card to match the daemon after the reload', async () => Number((await total.textContent()).replace(/\D/g, '')) === stats.total_jobs, UI_MS);
  record('reconnect', { connections, deleted_while_offline: victim.id, total_after: stats.total_jobs });
  await context.close();
}

async function main() {
  fs.mkdirSync(args.screenshots, { recursive: true });
  expect(fs.existsSync(chromiumPath), `no chromium at ${chromiumPath}: install it (apt-get install chromium fonts-dejavu-core)`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    watchPage(page);
    await cookieLoginLoadsTheDashboard(page);
    await droppedFileProgressesLive(page);
    await jobDetailShowsTheJob(page);
    await nodesViewShowsThisDaemon(page);
    await cancelAndRetryChangeTheRealState(page);
    await hostileFileNameIsText(page);
    await activeJobShowsProgressOnTheOverview(page);
    await overviewAndStats(page);
    await configRoundTripsAndShowsFieldErrors(page);
    await bulkActionsAndSortingAcrossPages(page);
    const cookies = await context.cookies();
    await context.close();
    await tokenForm(browser);
    await phoneAndDarkMode(browser, cookies);
    await everyViewInBothThemes(browser, cookies);
    await reconnectResyncsOverRest(browser, cookies);
    expect(result.dialogs.length === 0, `dialogs fired: ${result.dialogs.join('; ')}`);
    expect(result.page_errors.length === 0, `errors in the page: ${result.page_errors.join('; ')}`);
    result.ok = true;
  } finally {
    await browser.close();
  }
}

main().then(
  () => {
    console.log(JSON.stringify(result));
  },
  (error) => {
    result.error = error instanceof Error ? error.message : String(error);
    console.error(`dashboard e2e failed: ${result.error}`);
    console.log(JSON.stringify(result));
    process.exit(1);
  },
);
