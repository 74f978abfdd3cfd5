// Statistics through the API (docs/statistics.md): figures follow new leads and a case carried
// through filing, transfer, closing and a facts edit, rolled up county → league → region; scope
// and bad input answer 404 / 400 by name; the campaign summary exported as CSV, XLSX (opened by
// LibreOffice) and PDF (read by pdftotext) carries the same figures as its JSON.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { login, createLead, openCase, assertError, uniq } from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400)
let region; // demo_region_leader (150000)
let hongshan; // demo_hongshan_officer (150402)

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  region = await login('demo_region_leader');
  hongshan = await login('demo_hongshan_officer');
});

async function stats(client, query) {
  const r = await client.get(`/api/v1/stats?${query}`);
  assert.equal(r.status, 200, `${query}: ${r.text}`);
  return r.json;
}
const group = (answer, key) => answer.groups.find((g) => g.key === key);
const act = async (client, id, action, body = {}) => {
  const r = await client.post(`/api/v1/cases/${id}/actions/${action}`, body);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
};

test('new leads count in their month, unit, league and region at once', async () => {
  // 2011: no demo data and no other test's leads; still, every check is a difference.
  const q = {
    months: 'period=2011&group_by=month',
    league: 'period=2011-Q1&unit=150400&group_by=unit',
    source: 'from=2011-02&to=2011-02&group_by=source',
    combined: 'period=2011-02&product_category=fertilizer&source=hotline_12365',
  };
  const before = {};
  for (const [k, v] of Object.entries(q)) before[k] = await stats(k === 'combined' ? officer : k === 'league' ? leader : region, v);
  for (let i = 0; i < 3; i++)
    await createLead(officer, {
      source: 'hotline_12365',
      received_at: `2011-02-1${i}T10:00:00+08:00`,
      text: '群众举报某农资店销售的复合肥有效含量不足',
      product_category: 'fertilizer',
    });
  const after = await stats(region, q.months);
  assert.equal(after.totals.leads - before.months.totals.leads, 3);
  assert.equal(group(after, '2011-02').leads - group(before.months, '2011-02').leads, 3);
  assert.equal(after.groups.length, 12);
  const league = await stats(leader, q.league);
  assert.equal(group(league, '150404').leads - group(before.league, '150404').leads, 3);
  assert.equal(league.totals.leads - before.league.totals.leads, 3);
  const bySource = await stats(region, q.source);
  const hotline = (a) => group(a, 'hotline_12365')?.leads ?? 0;
  assert.equal(hotline(bySource) - hotline(before.source), 3);
  assert.equal(bySource.cases_included, false);
  const combined = await stats(officer, q.combined);
  assert.equal(combined.totals.leads - before.combined.totals.leads, 3);
  assert.equal(combined.answered_from, 'stats_lead_margins'); // a pair of labels
  const three = await stats(officer, `${q.combined}&violation=insufficient_content`);
  assert.equal(three.answered_from, 'stats_lead_rollup'); // three labels: the full roll-up
  assert.ok(three.totals.leads <= combined.totals.leads);
  const json = await stats(officer, 'period=2011');
  const csv = await officer.get('/api/v1/stats?period=2011&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.equal(csv.text.trim().split('\n').at(-1).split(',').slice(0, 3).join(','),
    `total,松山区市场监督管理局,${json.totals.leads}`);
});

test('a case counts when filed, transferred and closed, with the money of its facts', async () => {
  const year = new Date().toISOString().slice(0, 4);
  const q = `period=${year}&unit=150404`;
  const s0 = await stats(leader, q);
  const lead = await createLead(officer, { text: '销售以次充好的电线电缆', product_category: 'wire_cable' });
  // The title holds personal data, which the summary's typical cases export masked.
  const c = await openCase(officer, lead.id, { title: '销售不合格电线电缆案（举报人手机13800138000，身份证号15020319900101234X）' });
  assert.equal((await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`)).status, 201);
  await act(leader, c.id, 'file', { reason: '涉嫌销售不合格产品' });
  let s = await stats(leader, q);
  assert.equal(s.totals.filed - s0.totals.filed, 1);
  const facts = {
    goods_value_fen: 8000000,
    illegal_income_fen: 1200000,
    penalties: [{ kind: 'fine', amount_fen: 2500000 }],
  };
  let r = await officer.req('PUT', `/api/v1/cases/${c.id}/facts`, { body: { facts } });
  assert.equal(r.status, 200, r.text);
  await act(officer, c.id, 'start_investigation');
  await act(officer, c.id, 'propose_transfer', { reason: '货值金额超过五万元', proposed_by: ['承办人甲', '承办人乙'] });
  await act(leader, c.id, 'approve_transfer', { police_authority: '赤峰市公安局松山区分局', transfer_no: uniq('移') });
  await act(leader, c.id, 'close', { closing_report: '已移送公安机关' });
  s = await stats(leader, q);
  assert.equal(s.totals.transferred - s0.totals.transferred, 1);
  assert.equal(s.totals.closed - s0.totals.closed, 1);
  assert.equal(s.totals.fines_fen - s0.totals.fines_fen, 2500000);
  assert.equal(s.totals.goods_value_fen - s0.totals.goods_value_fen, 8000000);
  // A facts edit after closing moves the figure; the region sees the same change.
  const reg0 = await stats(region, `period=${year}`);
  facts.penalties[0].amount_fen = 3000000;
  r = await officer.req('PUT', `/api/v1/cases/${c.id}/facts`, { body: { facts } });
  assert.equal(r.status, 200, r.text);
  const reg = await stats(region, `period=${year}`);
  assert.equal(reg.totals.fines_fen - reg0.totals.fines_fen, 500000);
  const summary = await region.get(`/api/v1/stats/summary?period=${year}`);
  assert.equal(summary.status, 200, summary.text);
  const typical = summary.json.typical_cases.find((t) => t.id === c.id);
  assert.ok(typical);
  assert.equal(typical.title, '销售不合格电线电缆案（举报人手机138****8000，身份证号1502**********234X）');
  const csv = await region.get(`/api/v1/stats/summary?period=${year}&format=csv`);
  assert.equal(csv.status, 200, csv.text);
  for (const secret of ['13800138000', '15020319900101234X'])
    assert.ok(!summary.text.includes(secret) && !csv.text.includes(secret), `${secret} leaks from the summary`);
});

test('scope and bad input answer by name', async () => {
  assertError(await hongshan.get('/api/v1/stats?period=2018&unit=150404'), 404, 'not_found', undefined, 'a sibling county');
  assertError(await officer.get('/api/v1/stats?period=2018-13'), 400, undefined, 'period', 'month 13');
  assertError(await officer.get('/api/v1/stats'), 400, undefined, 'period', 'no period');
  assertError(await officer.get('/api/v1/stats?from=2018-05'), 400, undefined, 'to', 'from without to');
  assertError(await officer.get('/api/v1/stats?from=2018-06&to=2018-01'), 400, undefined, 'from', 'a range backwards');
  assertError(await officer.get('/api/v1/stats?period=2018&group_by=colour'), 400, undefined, 'group_by');
  assertError(await officer.get('/api/v1/stats?period=2018&source=pigeon'), 400, undefined, 'source');
  assertError(await officer.get('/api/v1/stats?period=2018&format=doc'), 400, undefined, 'format');
  assertError(await officer.get('/api/v1/stats/summary?period=2018&format=doc'), 400, undefined, 'format');
  const anon = await fetch(`${process.env.LIJIAN_URL}/api/v1/stats?period=2018`);
  assert.equal(anon.status, 401);
});

test('the campaign summary as CSV, XLSX (LibreOffice) and PDF (pdftotext) carries its figures', async (t) => {
  const r = await region.get('/api/v1/stats/summary?period=2018-H1');
  assert.equal(r.status, 200, r.text);
  const s = r.json;
  assert.equal(s.rows[0].label, '合计');
  assert.equal(s.groups.map((g) => g.label).join('|'), '案件线索（条）|查办案件（件）|涉案金额（万元）');
  const total = s.rows[0].cells;
  assert.ok(total[0] > 0, 'the demo data has leads in 2018-H1');
  const direct = await stats(region, 'period=2018-H1');
  assert.equal(total[0], direct.totals.leads);
  const agri = await stats(region, 'period=2018-H1&special_action=agri_inputs');
  assert.equal(s.rows.find((x) => x.label === '以化肥为重点的农资打假').cells[0], agri.totals.leads);

  const csv = await region.get('/api/v1/stats/summary?period=2018-H1&format=csv');
  const csvRows = csv.text.trim().split('\n').map((l) => l.split(','));
  assert.equal(csvRows[2][0], '合计');
  assert.deepEqual(csvRows[2].slice(1, 10).map(Number), total.slice(0, 9));

  const dir = mkdtempSync(join(tmpdir(), 'lijian-stats-'));
  const xlsx = await fetch(`${process.env.LIJIAN_URL}/api/v1/stats/summary?period=2018-H1&format=xlsx`, {
    headers: { cookie: region.cookie },
  });
  assert.equal(xlsx.status, 200);
  writeFileSync(join(dir, 'summary.xlsx'), Buffer.from(await xlsx.arrayBuffer()));
  const soffice = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
  if (!soffice) {
    t.skip('LibreOffice is not installed (scripts/install-deps.sh --test)');
    return;
  }
  execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`,
    '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', dir,
    join(dir, 'summary.xlsx')], { stdio: 'pipe', timeout: 120000 });
  const lo = readFileSync(join(dir, 'summary.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  assert.match(lo[0][0], /质检利剑/);
  assert.equal(lo[2][1], '案件线索（条）'); // the merged group header starts at its first column
  assert.equal(lo[3][1], '合计');
  assert.equal(lo[4][0], '合计');
  assert.deepEqual(lo[4].slice(1, 10).map(Number), total.slice(0, 9));
  assert.equal(lo[4][10], csvRows[2][10]); // fines in 万元, two decimals, as shown

  const pdf = await fetch(`${process.env.LIJIAN_URL}/api/v1/stats/summary?period=2018-H1&format=pdf`, {
    headers: { cookie: region.cookie },
  });
  assert.equal(pdf.status, 200);
  writeFileSync(join(dir, 'summary.pdf'), Buffer.from(await pdf.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, /质检利剑/);
  const line = text.split('\n').find((l) => /^\s*合计\s+\d/.test(l));
  assert.ok(line, text.slice(0, 600));
  const money = (fen) => (fen / 1e6).toFixed(2);
  const isMoney = s.groups.flatMap((g) => g.columns.map((c) => c.money));
  const shown = total.map((v, i) => (isMoney[i] ? money(v) : String(v)));
  assert.deepEqual(line.trim().split(/\s+/).slice(1), shown);
});
