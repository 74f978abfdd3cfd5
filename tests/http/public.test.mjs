// The public portal API without login (docs/public-api.md): openFDA-style search and count over
// published decisions and typical cases, nothing unpublished and nothing unmasked in any field,
// the report form with its anti-abuse checks, and the rate limit of every /api/public/ path.
// Runs its own servers on the test database with limits of its own (data/disclosure copied and
// edited): one generous for the functional tests, one strict for the rate limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { login, assertError, uniq, BIN, DB_URL, TMP } from './lib.mjs';
import { decidedCase, publicationOf, publishAll, decisionText, assertNoSecrets, strings, PARTY } from './disclosure_lib.mjs';

let officer, leader, hohhot;
const servers = [];

// A data folder whose disclosure.json has `limits` merged in; the rest links to the real one.
function dataDir(name, limits) {
  const real = process.env.LIJIAN_DATA_DIR;
  const dir = path.join(TMP, name);
  mkdirSync(path.join(dir, 'disclosure'), { recursive: true });
  for (const e of readdirSync(real)) if (e !== 'disclosure') symlinkSync(path.join(real, e), path.join(dir, e));
  const doc = JSON.parse(readFileSync(path.join(real, 'disclosure', 'disclosure.json'), 'utf8'));
  for (const [k, v] of Object.entries(limits)) doc[k] = { ...doc[k], ...v };
  writeFileSync(path.join(dir, 'disclosure', 'disclosure.json'), JSON.stringify(doc));
  return dir;
}

async function startServer(name, limits) {
  const p = spawn(BIN, ['serve', '--db', DB_URL, '--listen', '127.0.0.1:0', '--data-dir', dataDir(name, limits),
    '--attachments-dir', `${TMP}/attachments`], { env: process.env });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server ${name} did not start:\n${log}`)), 30000);
    const collect = (d) => {
      log += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    p.stdout.on('data', collect);
    p.stderr.on('data', collect);
    p.on('exit', () => { clearTimeout(timer); reject(new Error(`server ${name} exited:\n${log}`)); });
  });
  const exited = new Promise((resolve) => p.on('exit', resolve));
  servers.push({ p, exited });
  return url;
}

async function call(base, method, p, body) {
  const res = await fetch(base + p, { method, headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = null; }
  return { status: res.status, headers: res.headers, json, text };
}

let open; // the generous server
let strict; // the strict one
const word = uniq('钢丝绳').replace(/[0-9a-f]+$/, '') + ['甲', '乙', '丙', '丁'][Math.floor(Math.random() * 4)];
let published = []; // ids of published decisions made here
let pending; // a pending publication's id

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hohhot = await login('demo_xincheng_officer');
  open = await startServer('public-open', {
    rate_limit: { requests_per_minute: 6000, burst: 1000, reports_per_hour: 100 },
    report_form: { min_age_seconds: 1 },
    public_api: { limit_max: 5, skip_max: 20, limit_default: 3 },
  });
  strict = await startServer('public-strict', {
    rate_limit: { requests_per_minute: 1, burst: 4, reports_per_hour: 1 },
    report_form: { min_age_seconds: 0 },
  });
  // Three published decisions with a word of their own, and one left pending.
  for (let i = 0; i < 3; i++) {
    const { case: c } = await decidedCase(officer, leader, { words: word });
    const p = await publicationOf(officer, c.id);
    const r = await officer.post(`/api/v1/publications/${p.id}/text`, { version: p.version, text: `${decisionText(word)}\n${word}` });
    assert.equal(r.status, 200, r.text);
    await publishAll(leader, p.id);
    published.push(p.id);
  }
  const { case: c } = await decidedCase(officer, leader, { words: word });
  pending = (await publicationOf(officer, c.id)).id;
});

after(async () => {
  for (const s of servers) { s.p.kill('SIGTERM'); await s.exited; }
});

test('search finds published decisions by Chinese words and filters, openFDA style', async () => {
  let r = await call(open, 'GET', `/api/public/v1/decisions?search=${encodeURIComponent(word)}&limit=5`);
  assert.equal(r.status, 200, r.text);
  const ids = r.json.results.map((x) => x.id);
  assert.deepEqual([...ids].sort(), [...published].sort(), 'the three published, not the pending one');
  assert.deepEqual(r.json.meta.results, { skip: 0, limit: 5, total: 3, truncated: false, limit_max: 5, skip_max: 20 });
  r = await call(open, 'GET', `/api/public/v1/decisions?search=${encodeURIComponent(word)}&limit=2&skip=1`);
  assert.equal(r.json.results.length, 2);
  assert.equal(r.json.meta.results.total, 3);
  r = await call(open, 'GET', `/api/public/v1/decisions?search=${encodeURIComponent(word)}&limit=1`);
  assert.equal(r.json.meta.results.truncated, true, 'more results than this page holds');
  for (const q of [`${word} region:1504`, `${word} AND violation:inferior_as_superior`, `${word} party:${PARTY}`,
    `${word} decided_on:[2000-01-01 TO 2999-12-31]`]) {
    r = await call(open, 'GET', `/api/public/v1/decisions?search=${encodeURIComponent(q)}&limit=5`);
    assert.equal(r.status, 200, `${q}: ${r.text}`);
    assert.equal(r.json.meta.results.total, 3, q);
  }
  for (const q of [`region=1501&search=${encodeURIComponent(word)}`, `violation=substandard&search=${encodeURIComponent(word)}`,
    `to=2000-01-01&search=${encodeURIComponent(word)}`, `search=${encodeURIComponent(`${word} region:1501`)}`]) {
    r = await call(open, 'GET', `/api/public/v1/decisions?${q}`);
    assert.equal(r.status, 200, `${q}: ${r.text}`);
    assert.equal(r.json.meta.results.total, 0, q);
  }
  r = await call(open, 'GET', `/api/public/v1/decisions?search=${encodeURIComponent(word)}&count=region_code`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.results, [{ term: '150404', count: 3 }]);
  r = await call(open, 'GET', `/api/public/v1/decisions?search=${encodeURIComponent(word)}&count=violation`);
  assert.deepEqual(r.json.results, [{ term: 'inferior_as_superior', count: 3 }]);
});

test('limits, skips and bad queries answer 400 naming the parameter', async () => {
  for (const [q, field] of [['limit=6', 'limit'], ['limit=0', 'limit'], ['skip=21', 'skip'], ['count=party', 'count'],
    ['search=colour:red', 'search'], ['region=15x', 'region'], ['from=2018-02-30', 'from'],
    ['search=' + encodeURIComponent('decided_on:[2018 TO 2019]'), 'search']]) {
    const r = await call(open, 'GET', `/api/public/v1/decisions?${q}`);
    assertError(r, 400, 'invalid_argument', field, q);
  }
  assertError(await call(open, 'GET', `/api/public/v1/decisions/${pending}`), 404, 'not_found', undefined, 'pending');
  assertError(await call(open, 'GET', '/api/public/v1/decisions/abc'), 400, 'invalid_argument', 'id');
});

test('no field of any public answer holds an unpublished record or unmasked personal data', async () => {
  const answers = [];
  for (const kind of ['decisions', 'typical-cases']) {
    for (let skip = 0; skip <= 20; skip += 5) {
      const r = await call(open, 'GET', `/api/public/v1/${kind}?limit=5&skip=${skip}`);
      assert.equal(r.status, 200, r.text);
      answers.push(r.json);
      for (const item of r.json.results) {
        const one = await call(open, 'GET', `/api/public/v1/${kind}/${item.id}`);
        assert.equal(one.status, 200, one.text);
        answers.push(one.json);
        // Internally the item is published, not withdrawn.
        const internal = await leader.get(`/api/v1/publications/${item.id}`);
        if (internal.status === 200) assert.equal(internal.json.status, 'published', `public item ${item.id}`);
      }
    }
    for (const f of ['region_code', 'violation', 'product_category', 'authority', 'decided_year', 'decided_month'])
      answers.push((await call(open, 'GET', `/api/public/v1/${kind}?count=${f}`)).json);
  }
  for (const a of answers) {
    assertNoSecrets(a, 'public answer');
    for (const s of strings(a)) {
      assert.ok(!/\d{17}[\dXx]/.test(s.replace(/91150404MA0N1234X5/g, '')) || /201803011380013800012/.test(s), `an 18-character ID-like run in '${s}'`);
      assert.ok(!/1[3-9]\d{9}(?!\d)/.test(s.replace(/201803011380013800012/g, '')), `a mobile number in '${s}'`);
    }
    const ids = (a.results ?? []).map((x) => x.id);
    assert.ok(!ids.includes(pending), 'the pending publication is never public');
  }
});

async function formToken(base) {
  const r = await call(base, 'GET', '/api/public/v1/reports/form');
  assert.equal(r.status, 200, r.text);
  return r.json;
}

const report = (over = {}) => ({
  text: '某超市销售的电线电缆疑似以次充好，外皮很薄，价格明显低于市场价。',
  enterprise_name: '赤峰某某超市',
  enterprise_address: '赤峰市红山区某某路8号',
  product_name: '电线电缆',
  reporter_name: '赵六',
  reporter_phone: '138-0013-8000',
  ...over,
});

test('the report form: a signed token at least N seconds old, a honeypot, validation; a lead of source public_web', async () => {
  const form = await formToken(open);
  assert.equal(form.honeypot_field, 'website');
  let r = await call(open, 'POST', '/api/public/v1/reports', report({ form_token: form.form_token }));
  assertError(r, 400, 'invalid_argument', 'form_token', 'sent at once');
  assert.match(r.json.error.message, /too soon/);
  await new Promise((res) => setTimeout(res, 1100));
  for (const [over, field] of [[{ text: '太短' }, 'text'], [{ reporter_phone: '12345' }, 'reporter_phone'],
    [{ reporter_phone: undefined }, 'reporter_phone'], [{ enterprise_name: '' }, 'enterprise_name'],
    [{ website: 'http://spam' }, 'website'], [{ colour: 'red' }, 'colour'], [{ text: '很'.repeat(2001) }, 'text'],
    [{ form_token: 'v1.1.abc.forged' }, 'form_token']]) {
    const body = report({ form_token: form.form_token, ...over });
    r = await call(open, 'POST', '/api/public/v1/reports', body);
    assertError(r, 400, 'invalid_argument', field, JSON.stringify(over));
  }
  r = await call(open, 'POST', '/api/public/v1/reports', report({ form_token: form.form_token, website: '' }));
  assert.equal(r.status, 201, r.text);
  const { number, secret } = r.json;
  assert.match(number, /^WB\d{8}-[2-9A-Z]{8}$/);
  // A token is used once.
  r = await call(open, 'POST', '/api/public/v1/reports', report({ form_token: form.form_token }));
  assertError(r, 400, 'invalid_argument', 'form_token');
  // The status shows no personal data; a wrong secret is a missing report.
  r = await call(open, 'GET', `/api/public/v1/reports/${number}?secret=${encodeURIComponent(secret)}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.number, number);
  assert.equal(r.json.status, 'new');
  assert.ok(!r.text.includes('赵六') && !r.text.includes('13800138000') && !r.text.includes('8000'), r.text);
  assertError(await call(open, 'GET', `/api/public/v1/reports/${number}?secret=wrong`), 404, 'not_found');
  assertError(await call(open, 'GET', `/api/public/v1/reports/${number}`), 400, 'invalid_argument', 'secret');
  // Inside: a lead of source public_web, routed by its address to 红山区 (150402).
  const admin = await login('demo_admin');
  const leads = await admin.get(`/api/v1/leads?source=public_web&q=${encodeURIComponent('外皮很薄')}`);
  assert.equal(leads.status, 200, leads.text);
  const lead = leads.json.items.find((l) => l.source_id === number);
  assert.ok(lead, 'the report is a lead');
  assert.equal(lead.channel, 'online');
  assert.equal(lead.unit_code, '150402');
});

test('every path under /api/public/ shares one token bucket per address: 429 with Retry-After', async () => {
  // burst 4: the fifth request within the minute is refused, whichever public path it asks for.
  const paths = ['/api/public/v1/decisions', '/api/public/v1/typical-cases', '/api/public/v1/reports/form',
    '/api/public/v1/dishonesty'];
  for (const p of paths) {
    const r = await call(strict, 'GET', p);
    assert.notEqual(r.status, 429, `${p} within the burst`);
  }
  for (const p of [...paths, '/api/public/v2/anything']) {
    const r = await call(strict, 'GET', p);
    assertError(r, 429, 'rate_limited', undefined, p);
    assert.ok(Number(r.headers.get('retry-after')) >= 1, `Retry-After on ${p}`);
  }
  // Other paths are not limited by it.
  const h = await call(strict, 'GET', '/healthz');
  assert.equal(h.status, 200);
  const r = await call(strict, 'GET', '/api/v1/openapi.json');
  assert.notEqual(r.status, 429);
});

test('reports have their own, slower limit per address', async () => {
  // A fresh server, so that the request bucket is full: reports_per_hour 1.
  const base = await startServer('public-reports', {
    rate_limit: { requests_per_minute: 600, burst: 100, reports_per_hour: 1 },
    report_form: { min_age_seconds: 0 },
  });
  let form = await formToken(base);
  let r = await call(base, 'POST', '/api/public/v1/reports', report({ form_token: form.form_token }));
  assert.equal(r.status, 201, r.text);
  form = await formToken(base);
  r = await call(base, 'POST', '/api/public/v1/reports', report({ form_token: form.form_token }));
  assertError(r, 429, 'rate_limited');
  assert.ok(Number(r.headers.get('retry-after')) > 60);
});
