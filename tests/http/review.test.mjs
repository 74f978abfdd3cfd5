// Case-file review (案卷评查) through the API: a leader of the unit above scores a closed case item
// by item; the same reviewer again replaces the review; officers, open cases and bad scores are
// refused by name; the unit's average is there for the evaluation of units.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, createLead, openCase, assertError } from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400): the unit above
let region; // demo_region_leader (150000)
let hongshan; // demo_hongshan_officer (150402)
let checklist;

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  region = await login('demo_region_leader');
  hongshan = await login('demo_hongshan_officer');
  const r = await officer.get('/api/v1/review/checklist');
  assert.equal(r.status, 200, r.text);
  checklist = r.json;
});

const act = async (client, id, action, body) => {
  const r = await client.post(`/api/v1/cases/${id}/actions/${action}`, body);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
};

async function closedCase() {
  const lead = await createLead(officer, { text: '复合肥有效含量不足' });
  const c = await openCase(officer, lead.id, { title: '销售不合格复合肥案' });
  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  await act(leader, c.id, 'file', { reason: '涉嫌销售不合格产品' });
  await act(officer, c.id, 'start_investigation', {});
  await act(officer, c.id, 'submit_legal_review', { findings: '抽检不合格', proposed_decision: '罚款' });
  await act(leader, c.id, 'send_prior_notice', { notice_no: '告〔2018〕1号', proposed_penalty: '罚款5000元' });
  await act(officer, c.id, 'close_statement_period', { statement: '放弃陈述申辩' });
  await act(leader, c.id, 'decide_penalty', { decision_no: '松市监罚〔2018〕9号', legal_basis: '《产品质量法》第五十条' });
  await officer.post(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`);
  await act(officer, c.id, 'serve', { served_on: '2018-06-01', method: '直接送达' });
  await act(leader, c.id, 'close', { closing_report: '执行完毕' });
  return c;
}

function scores(minus = 0) {
  const items = checklist.groups.flatMap((g) => g.items.map((i) => ({ item: i.code, score: i.points })));
  items[0].score -= minus;
  items[0].comment = '立案审批表缺少审批日期';
  return { items, comment: '卷宗基本规范' };
}

test('the checklist lists groups and items with points, out of 100', () => {
  assert.equal(checklist.max_total, 100);
  assert.deepEqual(checklist.groups.map((g) => g.name_zh), ['立案', '调查取证', '法律适用', '程序', '文书']);
  assert.ok(checklist.version);
});

test('a leader of the unit above scores a closed case; again replaces it with a new version', async () => {
  const c = await closedCase();
  let r = await leader.post(`/api/v1/cases/${c.id}/reviews`, scores(2));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.total, 98);
  assert.equal(r.json.max_total, 100);
  assert.equal(r.json.version, 1);
  assert.equal(r.json.items[0].comment, '立案审批表缺少审批日期');
  r = await leader.post(`/api/v1/cases/${c.id}/reviews`, scores(4));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 2);
  assert.equal(r.json.total, 96);
  r = await region.post(`/api/v1/cases/${c.id}/reviews`, scores(0));
  assert.equal(r.status, 201, r.text);
  // The reviewed unit sees its scores; a sibling county does not see the case.
  const list = await officer.get(`/api/v1/cases/${c.id}/reviews`);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((x) => x.total).sort(), [100, 96]);
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/reviews`), 404, 'not_found', undefined, 'sibling unit');

  const e = await leader.get('/api/v1/reviews?unit=150404');
  assert.equal(e.status, 200, e.text);
  assert.equal(e.json.unit, '150404');
  assert.ok(e.json.overall.count >= 2);
  assert.ok(e.json.overall.average > 0 && e.json.overall.average <= 100);
  assert.ok(e.json.reviews.some((x) => x.case_id === c.id && x.total === 96));
  assert.ok(e.json.units.some((u) => u.unit_code === '150404'));
  const today = new Date().toISOString().slice(0, 10);
  const none = await leader.get(`/api/v1/reviews?unit=150404&from=2000-01-01&to=2000-12-31`);
  assert.equal(none.json.overall.count, 0);
  const recent = await region.get(`/api/v1/reviews?from=2000-01-01&to=${today.slice(0, 4)}-12-31`);
  assert.ok(recent.json.overall.count >= 2, recent.text);
});

test('refusals: an officer, the case\'s own unit, an open case, bad scores; bad queries', async () => {
  const c = await closedCase();
  assertError(await officer.post(`/api/v1/cases/${c.id}/reviews`, scores()), 403, 'forbidden', undefined, 'an officer reviews');
  assertError(await hongshan.post(`/api/v1/cases/${c.id}/reviews`, scores()), 403, 'forbidden', undefined, 'an officer of another unit');
  const lead = await createLead(officer, { text: '另案' });
  const open = await openCase(officer, lead.id);
  assertError(await leader.post(`/api/v1/cases/${open.id}/reviews`, scores()), 409, 'conflict', 'status', 'an open case');
  const over = scores();
  over.items[1].score = 999;
  assertError(await leader.post(`/api/v1/cases/${c.id}/reviews`, over), 400, 'invalid_argument', 'items[1].score', 'above the points');
  const partial = scores();
  partial.items.pop();
  assertError(await leader.post(`/api/v1/cases/${c.id}/reviews`, partial), 400, 'invalid_argument', 'items', 'an item not scored');
  assertError(await leader.post(`/api/v1/cases/${c.id}/reviews`, { ...scores(), grade: 'A' }), 400, 'invalid_argument', 'grade', 'unknown field');
  assertError(await leader.post(`/api/v1/cases/${c.id}/reviews`, scores(), { csrf: null }), 403, undefined, undefined, 'no CSRF token');
  assertError(await leader.get('/api/v1/reviews?from=2018-13-01'), 400, 'invalid_argument', 'from', 'bad date');
  assertError(await leader.get('/api/v1/reviews?unit=150102'), 400, 'invalid_argument', 'unit', 'a unit outside the scope');
  assert.equal((await leader.get(`/api/v1/cases/${c.id}/reviews`)).json.items.length, 0, 'refusals stored nothing');
});
