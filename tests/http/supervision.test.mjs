// Supervision (督办) through the API: a league leader supervises a county case, the county
// reports, the league closes; roles, units and bad input are refused; a sibling county sees
// nothing; every step is on the case's timeline.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, createLead, openCase, assertError } from './lib.mjs';

let officer; // demo_songshan_officer (150404): the case's unit
let leader; // demo_chifeng_leader (150400): the league above it
let region; // demo_region_leader (150000)
let hongshan; // demo_hongshan_officer (150402): a sibling county
let analyst; // demo_analyst (150000)
let admin;

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  region = await login('demo_region_leader');
  hongshan = await login('demo_hongshan_officer');
  analyst = await login('demo_analyst');
  admin = await login('demo_admin');
});

// A day `n` calendar days from today (Asia/Shanghai), YYYY-MM-DD.
function dayFromToday(n) {
  const now = new Date(Date.now() + 8 * 3600 * 1000 + n * 86400 * 1000);
  return now.toISOString().slice(0, 10);
}

async function newCase() {
  const lead = await createLead(officer, { text: '群众举报某农资店销售的复合肥有效含量不足' });
  return openCase(officer, lead.id, { title: '销售不合格复合肥案' });
}

const body = (over = {}) => ({
  level: 'league', deadline_on: dayFromToday(20), report_interval_days: 5,
  instructions: '限期查清违法事实，每5个工作日报告一次进展', ...over,
});

test('a league leader supervises a county case; the county reports; the league closes', async () => {
  const c = await newCase();
  let r = await leader.post(`/api/v1/cases/${c.id}/supervisions`, body());
  assert.equal(r.status, 201, r.text);
  const s = r.json;
  assert.equal(s.state, 'open');
  assert.equal(s.level, 'league');
  assert.equal(s.supervising_unit_code, '150400');
  assert.equal(s.case_unit_code, '150404');
  assert.match(s.next_report_due_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(s.next_report_due_on > dayFromToday(0) && s.next_report_due_on <= s.deadline_on);
  assertError(await leader.post(`/api/v1/cases/${c.id}/supervisions`, body()), 409, 'conflict', undefined, 'a second open supervision');

  r = await officer.post(`/api/v1/supervisions/${s.id}/reports`, { text: '已现场检查，封存涉案复合肥120袋' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.reports.length, 1);
  assert.equal(r.json.reports[0].due_on, s.next_report_due_on);
  assert.equal(r.json.reports[0].late, false);
  assertError(await leader.post(`/api/v1/supervisions/${s.id}/reports`, { text: 'x' }), 403, 'forbidden', undefined, 'the supervisor reports');

  // The lists of each side, and of the region above the supervising league.
  const ids = async (client, q) => {
    const res = await client.get(`/api/v1/supervisions?${q}`);
    assert.equal(res.status, 200, res.text);
    return res.json.items.map((x) => x.id);
  };
  assert.ok((await ids(leader, 'role=supervising&state=open')).includes(s.id));
  assert.ok((await ids(officer, 'role=supervised')).includes(s.id));
  assert.ok(!(await ids(officer, 'role=supervising')).includes(s.id));
  assert.ok((await ids(region, 'role=supervising')).includes(s.id), 'the supervisor\'s parent sees it');
  assert.ok((await ids(analyst, 'state=open')).includes(s.id), 'an analyst of the region reads');
  assert.ok(!(await ids(leader, 'state=overdue')).includes(s.id));

  r = await officer.get(`/api/v1/cases/${c.id}/supervisions`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items[0].reports[0].text, '已现场检查，封存涉案复合肥120袋');

  assertError(await officer.post(`/api/v1/supervisions/${s.id}/close`, { conclusion: 'x' }), 403, 'forbidden');
  r = await leader.post(`/api/v1/supervisions/${s.id}/close`, { conclusion: '案件已依法查处，督办办结' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'closed');
  assert.equal(r.json.conclusion, '案件已依法查处，督办办结');
  assertError(await leader.post(`/api/v1/supervisions/${s.id}/close`, { conclusion: 'x' }), 409, 'conflict');
  assertError(await officer.post(`/api/v1/supervisions/${s.id}/reports`, { text: 'x' }), 409, 'conflict');
  assert.ok((await ids(leader, 'state=closed')).includes(s.id));

  r = await officer.get(`/api/v1/cases/${c.id}/timeline`);
  assert.equal(r.status, 200, r.text);
  const kinds = r.json.items.map((e) => e.kind).filter((k) => k.startsWith('supervision'));
  assert.deepEqual(kinds, ['supervision_opened', 'supervision_report', 'supervision_closed']);
});

test('a sibling county sees nothing of a supervision, and roles are checked', async () => {
  const c = await newCase();
  const r = await region.post(`/api/v1/cases/${c.id}/supervisions`, body({ level: 'region' }));
  assert.equal(r.status, 201, r.text);
  const s = r.json;
  assertError(await hongshan.get(`/api/v1/supervisions/${s.id}`), 404, 'not_found');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/supervisions`), 404, 'not_found');
  const list = await hongshan.get('/api/v1/supervisions');
  assert.equal(list.status, 200, list.text);
  assert.ok(!list.json.items.some((x) => x.id === s.id));
  assertError(await hongshan.post(`/api/v1/supervisions/${s.id}/reports`, { text: 'x' }), 404, 'not_found');

  const other = await newCase();
  assertError(await officer.post(`/api/v1/cases/${other.id}/supervisions`, body()), 403, 'forbidden', undefined, 'an officer opens');
  assertError(await leader.post(`/api/v1/cases/${other.id}/supervisions`, body({ level: 'region' })), 403, 'forbidden',
    undefined, 'a league opens a region supervision');
  assertError(await analyst.post(`/api/v1/cases/${other.id}/supervisions`, body()), 403, 'forbidden');
  assertError(await admin.get('/api/v1/supervisions'), 403, 'forbidden');
  assertError(await analyst.post(`/api/v1/supervisions/${s.id}/close`, { conclusion: 'x' }), 403, 'forbidden');
});

test('bad input names the field', async () => {
  const c = await newCase();
  const post = (b) => leader.post(`/api/v1/cases/${c.id}/supervisions`, b);
  assertError(await post(body({ level: 'county' })), 400, 'invalid_argument', 'level');
  assertError(await post(body({ deadline_on: dayFromToday(-1) })), 400, 'invalid_argument', 'deadline_on');
  assertError(await post(body({ deadline_on: '2018-02-30' })), 400, 'invalid_argument', 'deadline_on');
  assertError(await post(body({ report_interval_days: 0 })), 400, 'invalid_argument', 'report_interval_days');
  assertError(await post(body({ report_interval_days: '5' })), 400, 'invalid_argument', 'report_interval_days');
  assertError(await post(body({ instructions: '' })), 400, 'invalid_argument', 'instructions');
  assertError(await post(body({ colour: 'red' })), 400, 'invalid_argument', 'colour');
  assertError(await leader.get('/api/v1/supervisions?state=late'), 400, 'invalid_argument', 'state');
  assertError(await leader.get('/api/v1/supervisions?role=boss'), 400, 'invalid_argument', 'role');
  assertError(await leader.post('/api/v1/supervisions/abc/close', { conclusion: 'x' }), 400, 'invalid_argument', 'id');
  const open = await post(body());
  assert.equal(open.status, 201, open.text);
  assertError(await officer.post(`/api/v1/supervisions/${open.json.id}/reports`, {}), 400, 'invalid_argument', 'text');
});
