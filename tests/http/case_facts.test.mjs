// Case facts and integrity flags through the API: facts PUT/GET by role, personal data masked
// for analysts, bad input naming the field, version checks, and the flags on the supervising
// unit's list (a league leader sees its county's flags, a sibling county does not).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, createLead, openCase, assertError } from './lib.mjs';

let officer; // demo_songshan_officer (150404): the handling unit
let leader; // demo_chifeng_leader (150400): the supervising unit
let hongshan; // demo_hongshan_officer (150402): a sibling county
let analyst; // demo_analyst (150000)

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
  analyst = await login('demo_analyst');
});

async function newCase() {
  const lead = await createLead(officer, { text: '销售以次充好的电线电缆' });
  return openCase(officer, lead.id, { title: '销售不合格电线电缆案' });
}

const put = (client, id, body) => client.req('PUT', `/api/v1/cases/${id}/facts`, { body });
const act = (client, id, action, body) => client.post(`/api/v1/cases/${id}/actions/${action}`, body ?? {});

const person = {
  kind: 'person',
  name: '王五',
  id_number: '11010519491231002X',
  phone: '13812345678',
  address: '赤峰市松山区某路1号',
};

async function flagsOf(client, caseId, query = '') {
  const r = await client.get(`/api/v1/flags${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json.items.filter((f) => f.case_id === caseId);
}

test('facts are recorded by the handling officer and shown masked to analysts', async () => {
  const c = await newCase();
  let r = await officer.get(`/api/v1/cases/${c.id}/facts`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 0);
  assert.equal(r.json.facts, null);
  const facts = {
    parties: [person],
    products: [{ name: 'BV电线', batch: '20180301', spec: '2.5mm²', quantity: 300 }],
    goods_value_fen: 1000000,
    sales_fen: 800000,
    illegal_income_fen: 200000,
    penalties: [{ kind: 'fine', amount_fen: 1500000 }, { kind: 'confiscate_goods' }, { kind: 'order_stop' }],
    legal_basis: ['PQL-50'],
    special_actions: ['wires_cables'],
  };
  r = await put(officer, c.id, { version: 0, facts });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 1);
  assert.equal(r.json.facts.parties[0].id_number, person.id_number);
  assert.equal(r.json.facts.fine_fen, 1500000);
  assert.equal(r.json.major, false);

  r = await leader.get(`/api/v1/cases/${c.id}/facts`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.facts.parties[0].phone, person.phone, 'a leader of the subtree sees personal data');

  r = await analyst.get(`/api/v1/cases/${c.id}/facts`);
  assert.equal(r.status, 200, r.text);
  const p = r.json.facts.parties[0];
  assert.equal(p.id_number, '110105********002X');
  assert.equal(p.phone, '138****5678');
  assert.equal(p.address, '***');
  assert.notEqual(p.name, person.name);
  assert.equal(r.json.facts.products[0].batch, '20180301');

  assertError(await put(analyst, c.id, { facts }), 403, undefined, undefined, 'an analyst writes no facts');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/facts`), 404, undefined, undefined, 'a sibling county');
  assertError(await put(hongshan, c.id, { facts }), 404, undefined, undefined, 'a sibling county');
  assertError(await put(officer, c.id, { version: 0, facts }), 409, undefined, 'version', 'a stale version');
});

test('bad facts answer 400 naming the field', async () => {
  const c = await newCase();
  const bad = [
    [{ parties: [{ ...person, id_number: '110105194912310021' }] }, 'facts.parties[0].id_number'],
    [{ parties: [{ kind: 'enterprise' }] }, 'facts.parties[0].enterprise_id'],
    [{ sales_fen: -1 }, 'facts.facts.sales_fen'],
    [{ sales_fen: 12.5 }, 'facts.facts.sales_fen'],
    [{ penalties: [{ kind: 'fine' }] }, 'facts.penalties[0].amount_fen'],
    [{ circumstances: 'heavy' }, 'facts.circumstance_reasons'],
    [{ colour: 'red' }, 'facts.colour'],
  ];
  for (const [facts, field] of bad) {
    assertError(await put(officer, c.id, { facts }), 400, undefined, field, JSON.stringify(facts));
  }
  assertError(await put(officer, c.id, {}), 400, undefined, 'facts', 'no facts');
});

test('a case over the criminal threshold lands on the league\'s list until the transfer is refused with reasons', async () => {
  const c = await newCase();
  let r = await put(officer, c.id, { facts: { sales_fen: 5000000, goods_value_fen: 6000000 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.major, true);
  const own = r.json.flags.filter((f) => f.kind === 'criminal_transfer' && f.state === 'open');
  assert.equal(own.length, 1, r.text);

  let mine = await flagsOf(leader, c.id, '?kind=criminal_transfer');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].supervising_unit, '150400');
  assert.equal(mine[0].unit_code, '150404');
  assert.equal(mine[0].shown.sales_threshold_fen, 5000000);
  assert.equal((await flagsOf(hongshan, c.id)).length, 0, 'not on a sibling county\'s list');
  assert.equal((await flagsOf(officer, c.id)).length, 0, 'the list is the supervisor\'s');

  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  for (const [client, action, body] of [
    [leader, 'file', { reason: '涉嫌销售不合格产品' }],
    [officer, 'start_investigation', {}],
    [officer, 'propose_transfer', { reason: '销售金额达到追诉标准', proposed_by: '甲、乙' }],
  ]) {
    r = await act(client, c.id, action, body);
    assert.equal(r.status, 200, `${action}: ${r.text}`);
  }
  assert.equal((await flagsOf(leader, c.id, '?kind=criminal_transfer')).length, 1, 'still open while under review');
  r = await act(leader, c.id, 'refuse_transfer', { reason: '销售金额证据不足' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await flagsOf(leader, c.id, '?kind=criminal_transfer')).length, 0);
  mine = await flagsOf(leader, c.id, '?kind=criminal_transfer&state=resolved');
  assert.equal(mine.length, 1);
  assert.ok(mine[0].resolved_at);
});

test('a fine outside its tier is flagged with the range, and resolves by the review_discretion step with reasons', async () => {
  const c = await newCase();
  const facts = { goods_value_fen: 1000000, legal_basis: ['PQL-50'], penalties: [{ kind: 'fine', amount_fen: 100000 }] };
  let r = await put(officer, c.id, { facts });
  assert.equal(r.status, 200, r.text);
  const d = (await flagsOf(leader, c.id, '?kind=discretion'))[0];
  assert.ok(d, 'a discretion flag');
  assert.equal(d.shown.tier_min_fen, 1300000);
  assert.equal(d.shown.tier_max_fen, 2200000);
  // The flag is cleared by the reviewer's step with reasons (a leader), not by the facts.
  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  r = await act(leader, c.id, 'file', { reason: '涉嫌以次充好' });
  assert.equal(r.status, 200, r.text);
  assertError(await act(officer, c.id, 'review_discretion', { reasons: 'x' }), 403);
  assertError(await act(leader, c.id, 'review_discretion', {}), 400, undefined, 'reasons');
  assertError(await put(officer, c.id, { facts: { ...facts, discretion_review: 'x' } }), 400, undefined, 'facts.discretion_review');
  r = await act(leader, c.id, 'review_discretion', { reasons: '当事人主动消除危害后果，经集体讨论从轻' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await flagsOf(leader, c.id, '?kind=discretion')).length, 0);
  const tl = await leader.get(`/api/v1/cases/${c.id}/timeline`);
  assert.equal(tl.status, 200, tl.text);
  const items = tl.json.items ?? tl.json;
  assert.ok(items.some((e) => e.kind === 'action' && e.data.action === 'review_discretion'), 'on the timeline');
});

test('the flags list checks its filters', async () => {
  assertError(await leader.get('/api/v1/flags?kind=nope'), 400, undefined, 'kind');
  assertError(await leader.get('/api/v1/flags?state=nope'), 400, undefined, 'state');
});
