// The demo's campaign year through the API (docs/evaluation.md, "The demo"): `lijian demo` took a
// share of its 2018 cases through the procedure, so the evaluation of 赤峰 has filed and closed
// cases, zero-case counties and the disclosure indicator; the portal shows published decisions
// and a typical case; the league supervises; one party was listed as seriously dishonest.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, request, listAll } from './lib.mjs';

let leader; // demo_chifeng_leader (150400)
let officer; // demo_songshan_officer (150404)

before(async () => {
  leader = await login('demo_chifeng_leader');
  officer = await login('demo_songshan_officer');
});

test('the evaluation of 2018: cases filed and closed, two counties left zero-case, disclosure on time counted', async () => {
  const r = await leader.get('/api/v1/evaluation?period=2018&unit=150400');
  assert.equal(r.status, 200, r.text);
  const e = r.json;
  assert.ok(e.total.cases_filed > 0, JSON.stringify(e.total));
  assert.ok(e.total.cases_closed > 0, JSON.stringify(e.total));
  assert.ok(e.total.criminal_transfers >= 1, JSON.stringify(e.total));
  const zero = e.zero_case.map((u) => u.unit_code);
  assert.ok(zero.includes('150421') && zero.includes('150424'), zero.join(','));
  assert.ok(e.total.decisions_due > 0, JSON.stringify(e.total));
  assert.ok(e.total.published_on_time <= e.total.decisions_due);
  const counties = e.units.filter((u) => u.level === 'county' && u.figures.cases_filed > 0);
  assert.ok(counties.length >= 1, 'a county with cases filed in 2018');
  const league = e.units.find((u) => u.unit_code === '150400');
  const disclosure = league.indicators.find((i) => i.measure === 'disclosure_on_time' || i.code === 'disclosure_on_time');
  assert.ok(disclosure && disclosure.value !== null, JSON.stringify(league.indicators));
});

test('a closed demo case went through each step of the procedure, on days of 2018', async () => {
  const cases = await listAll(officer, '/api/v1/cases?status=closed');
  const closed = cases.filter((c) => c.status === 'closed');
  assert.ok(closed.length >= 1, 'a closed case in 松山');
  const t = await officer.get(`/api/v1/cases/${closed[0].id}/timeline`);
  assert.equal(t.status, 200, t.text);
  const actions = t.json.items.filter((e) => e.kind === 'action').map((e) => e.data.action);
  for (const a of ['file', 'start_investigation', 'submit_legal_review', 'send_prior_notice',
    'close_statement_period', 'decide_penalty', 'serve', 'record_execution', 'close']) {
    assert.ok(actions.includes(a), `${a} in ${actions.join(',')}`);
  }
  for (const e of t.json.items.filter((x) => x.kind === 'action')) assert.ok(e.at.startsWith('2018-'), e.at);
});

test('the portal shows the demo decisions and its typical case', async () => {
  const d = await request('GET', '/api/public/v1/decisions?limit=5');
  assert.equal(d.status, 200, d.text);
  assert.ok(d.json.meta.results.total >= 1, d.text);
  const t = await request('GET', '/api/public/v1/typical-cases?limit=5');
  assert.equal(t.status, 200, t.text);
  assert.ok(t.json.meta.results.total >= 1, t.text);
});

test('one party was listed as seriously dishonest in 2018; its three years ended, so the schedule removed it', async () => {
  const r = await leader.get('/api/v1/dishonesty');
  assert.equal(r.status, 200, r.text);
  const decided = r.json.items.filter((l) => (l.listed_on || '').startsWith('2018-') && l.decision_no);
  assert.equal(decided.length, 1, r.text.slice(0, 800));
  assert.ok(decided[0].expires_on.startsWith('2021-'), decided[0].expires_on);
  // The server's schedule ran at start, years after: the listing is removed, not on the public list.
  assert.equal(decided[0].status, 'removed');
});

test('the league supervises demo cases with progress reports', async () => {
  const r = await leader.get('/api/v1/supervisions?role=supervising');
  assert.equal(r.status, 200, r.text);
  const demo = r.json.items.filter((s) => (s.opened_at || '').startsWith('2018-'));
  assert.ok(demo.length >= 1, r.text.slice(0, 500));
  assert.ok(demo.some((s) => s.reports.length >= 1), 'a progress report');
});
