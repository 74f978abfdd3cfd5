// The evaluation of units and its reports through the API (docs/evaluation.md): the scheme, the
// evaluation of a subtree with the figures a filed case moves, scope and bad input by name; the
// monthly dispatch report as PDF and XLSX, stored, listed and downloaded within scope; the
// notification draft; the scheduled production the server ran at start, idempotent with the CLI.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DB_URL, TMP, login, createLead, openCase, assertError } from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400)
let region; // demo_region_leader (150000)

// The current month and the previous one in Asia/Shanghai, as the server's clock sees them.
const shanghai = new Date(Date.now() + 8 * 3600 * 1000).toISOString();
const MONTH = shanghai.slice(0, 7);
const PREVIOUS = (() => {
  let [y, m] = MONTH.split('-').map(Number);
  if (--m === 0) { m = 12; y -= 1; }
  return `${y}-${String(m).padStart(2, '0')}`;
})();

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  region = await login('demo_region_leader');
});

const unitOf = (e, code) => e.units.find((u) => u.unit_code === code);

function pdfText(bytes, name) {
  const path = join(TMP, name);
  writeFileSync(path, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(path, { force: true });
  }
}

test('the scheme: weights add up to 100, disclosure on time weighs 10', async () => {
  const r = await officer.get('/api/v1/evaluation/scheme');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.indicators.reduce((s, i) => s + i.weight, 0), 100);
  assert.equal(r.json.indicators.find((i) => i.measure === 'disclosure_on_time').weight, 10);
  assert.equal(r.json.declining.vs_last_year.min_drop_percent, 30);
});

test('a filed case moves the county\'s figures; the league ranks its counties', async () => {
  const get = async () => {
    const r = await leader.get(`/api/v1/evaluation?period=${MONTH}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const before = await get();
  assert.equal(before.unit_code, '150400');
  assert.equal(before.period.code, MONTH);
  assert.ok(before.units.every((u) => u.level === 'city' || u.level === 'county'));
  const counties = before.units.filter((u) => u.level === 'county');
  assert.ok(counties.length >= 10, 'the league\'s counties are ranked');
  assert.deepEqual(counties.map((u) => u.rank), [...counties.map((u) => u.rank)].sort((a, b) => a - b));
  const lead = await createLead(officer, { received_at: shanghai.slice(0, 10), text: '群众举报某农资店销售的复合肥有效含量不足' });
  const c = await openCase(officer, lead.id, { title: '销售不合格复合肥案' });
  assert.equal((await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`)).status, 201);
  const filed = await leader.post(`/api/v1/cases/${c.id}/actions/file`, { reason: '涉嫌销售不合格产品' });
  assert.equal(filed.status, 200, filed.text);
  const after = await get();
  const was = unitOf(before, '150404').figures;
  const now = unitOf(after, '150404').figures;
  assert.equal(now.cases_filed, was.cases_filed + 1);
  assert.equal(now.leads_received, was.leads_received + 1);
  assert.equal(now.leads_handled, was.leads_handled + 1, 'the lead opened as a case is handled');
  assert.equal(after.total.cases_filed, before.total.cases_filed + 1);
  assert.ok(!after.zero_case.some((z) => z.unit_code === '150404'), 'no longer a zero-case unit');
  const points = unitOf(after, '150404').indicators.find((i) => i.code === 'cases_filed');
  assert.ok(points.points > 0, JSON.stringify(points));
  for (const z of after.zero_case) assert.equal(z.cases_filed, 0);
});

test('scope: a county sees itself only; a unit above or beside it answers 400 naming unit', async () => {
  const own = await officer.get(`/api/v1/evaluation?period=${MONTH}`);
  assert.equal(own.status, 200, own.text);
  assert.deepEqual(own.json.units.map((u) => u.unit_code), ['150404']);
  assertError(await officer.get(`/api/v1/evaluation?period=${MONTH}&unit=150400`), 400, 'invalid_argument', 'unit');
  assertError(await officer.get(`/api/v1/evaluation?period=${MONTH}&unit=150402`), 400, 'invalid_argument', 'unit');
  assertError(await officer.get('/api/v1/evaluation'), 400, 'invalid_argument', 'period');
  assertError(await officer.get('/api/v1/evaluation?period=2018-13'), 400, 'invalid_argument', 'period');
  assertError(await officer.get('/api/v1/evaluation?period=2018-Q5'), 400, 'invalid_argument', 'period');
  const q = await region.get('/api/v1/evaluation?period=2018-Q2');
  assert.equal(q.status, 200, q.text);
  assert.equal(q.json.period.from, '2018-04-01');
  assert.equal(q.json.period.to, '2018-06-30');
  assert.ok(q.json.units.some((u) => u.level === 'city'));
});

test('the dispatch report as XLSX and PDF: stored, listed and downloaded within scope', async () => {
  const x = await leader.post('/api/v1/reports/dispatch', { month: MONTH, format: 'xlsx' });
  assert.equal(x.status, 201, x.text);
  assert.equal(x.json.unit_code, '150400');
  assert.equal(x.json.kind, 'dispatch');
  assert.equal(x.json.origin, 'on_demand');
  const file = await leader.get(x.json.download);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /spreadsheetml/);
  assert.equal(file.bytes.subarray(0, 2).toString(), 'PK');
  assert.equal(file.bytes.length, x.json.size);
  const p = await leader.post('/api/v1/reports/dispatch', { unit: '150400', month: MONTH, format: 'pdf' });
  assert.equal(p.status, 201, p.text);
  const pdf = await leader.get(p.json.download);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.bytes.subarray(0, 4).toString(), '%PDF');
  const text = pdfText(pdf.bytes, 'dispatch.pdf');
  assert.ok(text.includes('赤峰市市场监督管理局'), text.slice(0, 300));
  assert.ok(text.includes('执法打假工作调度情况'));
  assert.ok(text.includes('松山区'));
  // Again: the same stored report, version 2.
  const again = await leader.post('/api/v1/reports/dispatch', { month: MONTH, format: 'pdf' });
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.id, p.json.id);
  assert.equal(again.json.version, 2);
  const listed = await region.get(`/api/v1/reports?unit=150400&kind=dispatch&period=${MONTH}`);
  assert.equal(listed.status, 200, listed.text);
  assert.deepEqual(listed.json.items.map((r) => r.format).sort(), ['pdf', 'xlsx']);
  // A county neither lists nor downloads the league's reports.
  const mine = await officer.get('/api/v1/reports');
  assert.equal(mine.status, 200);
  assert.ok(!mine.json.items.some((r) => r.unit_code === '150400'));
  assertError(await officer.get(p.json.download), 404, 'not_found');
  assertError(await officer.get('/api/v1/reports?unit=150400'), 400, 'invalid_argument', 'unit');
});

test('dispatch reports refuse officers, counties and bad fields by name', async () => {
  assertError(await officer.post('/api/v1/reports/dispatch', { month: MONTH }), 403, 'forbidden');
  assertError(await leader.post('/api/v1/reports/dispatch', { unit: '150404', month: MONTH }), 400, 'invalid_argument', 'unit');
  assertError(await leader.post('/api/v1/reports/dispatch', { unit: '150100', month: MONTH }), 400, 'invalid_argument', 'unit');
  assertError(await leader.post('/api/v1/reports/dispatch', { month: '2018-Q2' }), 400, 'invalid_argument', 'month');
  assertError(await leader.post('/api/v1/reports/dispatch', { month: '2018-5' }), 400, 'invalid_argument', 'month');
  assertError(await leader.post('/api/v1/reports/dispatch', {}), 400, 'invalid_argument', 'month');
  assertError(await leader.post('/api/v1/reports/dispatch', { month: MONTH, format: 'docx' }), 400, 'invalid_argument', 'format');
  assertError(await leader.post('/api/v1/reports/dispatch', { month: MONTH, colour: 'red' }), 400, 'invalid_argument', 'colour');
  assertError(await leader.get('/api/v1/reports?kind=summary'), 400, 'invalid_argument', 'kind');
  assertError(await leader.get('/api/v1/reports/abc/download'), 400, 'invalid_argument', 'id');
  assertError(await leader.get('/api/v1/reports/999999/download'), 404, 'not_found');
});

test('the notification draft names the ranks and the zero-case units', async () => {
  const r = await leader.post('/api/v1/evaluation/notifications', { period: MONTH });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.kind, 'notification');
  assert.equal(r.json.format, 'pdf');
  const pdf = await leader.get(r.json.download);
  assert.equal(pdf.status, 200);
  const text = pdfText(pdf.bytes, 'notification.pdf');
  assert.ok(text.includes('执法打假绩效评价情况的通报（草稿）'), text.slice(0, 300));
  assert.ok(text.includes('第1名：'));
  assert.ok(text.includes('零办案单位'));
  assertError(await leader.post('/api/v1/evaluation/notifications', { period: 'last' }), 400, 'invalid_argument', 'period');
  assertError(await officer.post('/api/v1/evaluation/notifications', { period: MONTH }), 403, 'forbidden');
});

test('the server produced last month\'s dispatch reports at start, once; the CLI adds nothing', async () => {
  const units = await region.get('/api/v1/units?under=150000');
  assert.equal(units.status, 200, units.text);
  const expected = 2 * (1 + units.json.items.filter((u) => u.level === 'city').length);
  let items = [];
  for (let i = 0; i < 600; i++) {
    const r = await region.get(`/api/v1/reports?kind=dispatch&period=${PREVIOUS}&limit=1000`);
    assert.equal(r.status, 200, r.text);
    items = r.json.items;
    if (items.length >= expected) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(items.length, expected, JSON.stringify(items.map((r) => [r.unit_code, r.format])));
  assert.ok(items.every((r) => r.origin === 'schedule' && r.version === 1));
  assert.equal(new Set(items.map((r) => `${r.unit_code}/${r.format}`)).size, expected);
  const cli = spawnSync(BIN, ['report', 'due', '--db', DB_URL], { env: process.env, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).stored, 0);
  const bad = spawnSync(BIN, ['report', 'dispatch', '--db', DB_URL, '--unit', '150404', '--month', MONTH], { env: process.env, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /unit/);
});
