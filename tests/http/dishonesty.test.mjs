// The serious-dishonesty list (docs/dishonesty.md) through the API: proposed inside the penalty
// procedure for a heavier penalty only, notice, objection and answer, the head's decision, the
// refused early removal; scope (a sibling county sees nothing), roles, bad input naming the
// field; the partner read API with an analyst's API token; the public list with only the
// published fields; the risk score's dishonesty_list factor.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, createLead, openCase, assertError, createUser, bearerClient, request, UNITS, uniq } from './lib.mjs';

let officer; // demo_songshan_officer (150404): the handling unit
let leader; // demo_chifeng_leader (150400): the head above it
let hongshan; // demo_hongshan_officer (150402): a sibling county
let analyst; // demo_analyst (150000)
let admin;
let enterprise;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function randomUscc() {
  let body = '91150404';
  for (let i = 0; i < 9; i++) body += ALPHABET[Math.floor(Math.random() * 31)];
  let sum = 0;
  let w = 1;
  for (const ch of body) {
    sum += ALPHABET.indexOf(ch) * w;
    w = (w * 3) % 31;
  }
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
  analyst = await login('demo_analyst');
  admin = await login('demo_admin');
  const r = await leader.post('/api/v1/enterprises', {
    name: `赤峰市${uniq('失信')}农资有限公司`, uscc: randomUscc(), address: '赤峰市松山区农资市场1号', region_code: UNITS.songshan,
  });
  assert.equal(r.status, 201, r.text);
  enterprise = r.json;
});

const act = (client, id, action, body) => client.post(`/api/v1/cases/${id}/actions/${action}`, body ?? {});
const step = (client, id, action, body) => client.post(`/api/v1/dishonesty/${id}/actions/${action}`, body ?? {});

// A case of Songshan at the prior notice whose facts carry `penalties`.
async function caseAtNotice(penalties, circumstances = 'ordinary') {
  const lead = await createLead(officer, { text: '销售不合格复合肥', enterprise_name: enterprise.name });
  const c = await openCase(officer, lead.id, { title: '销售不合格复合肥案' });
  const facts = {
    parties: [{ kind: 'enterprise', enterprise_id: enterprise.id }],
    goods_value_fen: 1000000, legal_basis: ['PQL-50'], circumstances, penalties,
  };
  if (circumstances !== 'ordinary') facts.circumstance_reasons = '一年内多次违法';
  let r = await officer.req('PUT', `/api/v1/cases/${c.id}/facts`, { body: { facts } });
  assert.equal(r.status, 200, r.text);
  r = await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  assert.equal(r.status, 201, r.text);
  for (const [client, action, body] of [
    [leader, 'file', { reason: '涉嫌销售不合格产品' }],
    [officer, 'start_investigation'],
    [officer, 'submit_legal_review', { findings: '查明销售不合格复合肥', proposed_decision: '罚款并吊销许可证' }],
    [leader, 'send_prior_notice', { notice_no: `赤松市监告〔2026〕${uniq('')}号`, proposed_penalty: '罚款' }],
  ]) {
    r = await act(client, c.id, action, body);
    assert.equal(r.status, 200, `${action}: ${r.text}`);
  }
  return c;
}

test('a listing is proposed only inside the procedure and only for a heavier penalty', async () => {
  const early = await openCase(officer, (await createLead(officer)).id);
  assertError(await officer.post('/api/v1/dishonesty', { case_id: early.id, reason: '从重' }), 400, 'invalid_argument', 'case_id', 'filing review');
  const light = await caseAtNotice([{ kind: 'warning' }]);
  const r = await officer.post('/api/v1/dishonesty', { case_id: light.id, reason: '从重' });
  assertError(r, 400, 'invalid_argument', 'case_id', 'no heavier penalty');
  assert.match(r.json.error.message, /heavier penalty/);
  assertError(await officer.post('/api/v1/dishonesty', { case_id: light.id }), 400, undefined, 'reason');
  assertError(await officer.post('/api/v1/dishonesty', { case_id: light.id, reason: 'x', extra: 1 }), 400, undefined, 'extra');
  assertError(await officer.post('/api/v1/dishonesty', { case_id: 'x', reason: 'x' }), 400, undefined, 'case_id');
  assertError(await hongshan.post('/api/v1/dishonesty', { case_id: light.id, reason: 'x' }), 404, 'not_found', undefined, 'a sibling county');
  assertError(await analyst.post('/api/v1/dishonesty', { case_id: light.id, reason: 'x' }), 403, 'forbidden', undefined, 'an analyst');
});

test('notice, objection, answer and decision by the head; early removal refused before a year', async () => {
  const c = await caseAtNotice([{ kind: 'fine', amount_fen: 2800000 }, { kind: 'revoke_licence' }], 'heavy');
  let r = await officer.post('/api/v1/dishonesty', { case_id: c.id, reason: '多次销售不合格复合肥，从重处罚并吊销许可证' });
  assert.equal(r.status, 201, r.text);
  const l = r.json;
  assert.equal(l.status, 'proposed');
  assert.deepEqual(l.grounds, ['heavy_discretion', 'licence_revoked']);
  assert.equal(l.party_name, enterprise.name);
  assert.equal(l.uscc, enterprise.uscc);
  assertError(await officer.post('/api/v1/dishonesty', { case_id: c.id, reason: 'again' }), 409, 'conflict', 'case_id');

  assertError(await hongshan.get(`/api/v1/dishonesty/${l.id}`), 404, 'not_found');
  assertError(await step(officer, l.id, 'notify', { notice_no: 'N' }), 403, 'forbidden', undefined, 'an officer notifies not');
  assertError(await step(leader, l.id, 'notify', {}), 400, 'invalid_argument', 'notice_no');
  assertError(await step(leader, l.id, 'notify', { notice_no: 'N', other: 'x' }), 400, 'invalid_argument', 'other');
  assertError(await step(leader, l.id, 'nope', {}), 400, 'invalid_argument', 'action');
  assertError(await step(leader, l.id, 'decide', { decision_no: 'D' }), 409, 'conflict', 'action', 'not yet notified');
  r = await step(leader, l.id, 'notify', { notice_no: '赤市监失告〔2026〕1号' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'notified');
  assert.match(r.json.objection_due, /^\d{4}-\d{2}-\d{2}$/);
  assertError(await step(leader, l.id, 'decide', { decision_no: 'D' }), 409, 'conflict', 'action', 'inside the objection period');
  r = await step(officer, l.id, 'record_objection', { objection: '已整改，请求不予列入' });
  assert.equal(r.status, 200, r.text);
  assertError(await step(leader, l.id, 'answer_objection', { answer: 'x', upheld: 'no' }), 400, 'invalid_argument', 'upheld');
  r = await step(leader, l.id, 'answer_objection', { answer: '整改不足以消除违法后果，异议不成立', upheld: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'answered');
  assertError(await step(leader, l.id, 'decide', { decision_no: 'D', version: 1 }), 409, 'conflict', 'version');
  r = await step(leader, l.id, 'decide', { decision_no: '赤市监失决〔2026〕1号', version: r.json.version });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'listed');
  assert.ok(r.json.listed_on && r.json.expires_on > r.json.listed_on);
  assert.equal(r.json.steps.answer_objection.fields.answer, '整改不足以消除违法后果，异议不成立');
  assertError(await step(officer, l.id, 'apply_removal', { correction: '已整改' }), 409, 'conflict', 'action', 'before a year');

  // On the case's timeline and in the audit log.
  const tl = await leader.get(`/api/v1/cases/${c.id}/timeline`);
  const kinds = (tl.json.items ?? tl.json).map((e) => e.kind);
  for (const k of ['dishonesty_proposed', 'dishonesty_notify', 'dishonesty_record_objection', 'dishonesty_answer_objection', 'dishonesty_decide'])
    assert.ok(kinds.includes(k), `${k} on the timeline`);
  const audit = await admin.get(`/api/v1/audit?entity=dishonesty_listing&entity_id=${l.id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.equal(audit.json.items.length, 5);

  // Lists: the county and the league see it, a sibling county does not.
  r = await leader.get('/api/v1/dishonesty?status=listed');
  assert.ok(r.json.items.some((x) => x.id === l.id));
  r = await hongshan.get('/api/v1/dishonesty');
  assert.ok(!r.json.items.some((x) => x.id === l.id));
  assertError(await leader.get('/api/v1/dishonesty?status=nope'), 400, undefined, 'status');
  // By case: exactly this case's listings; a sibling county's caller gets nothing for it.
  r = await leader.get(`/api/v1/dishonesty?case_id=${c.id}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items.map((x) => x.id), [l.id]);
  r = await hongshan.get(`/api/v1/dishonesty?case_id=${c.id}`);
  assert.deepEqual(r.json.items, []);
  assertError(await leader.get('/api/v1/dishonesty?case_id=0'), 400, undefined, 'case_id');

  // The partner API: an analyst's API token; a session is refused.
  const u = await createUser(admin, { unit: UNITS.region, role: 'analyst' });
  const created = await admin.post('/api/v1/tokens', { name: uniq('joint-punishment-'), user_id: u.id });
  assert.equal(created.status, 201, created.text);
  const partner = bearerClient(created.json.token);
  r = await partner.get(`/api/v1/dishonesty/current?uscc=${enterprise.uscc}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 1);
  assert.equal(r.json.items[0].decision_no, '赤市监失决〔2026〕1号');
  assertError(await analyst.get('/api/v1/dishonesty/current'), 403, 'forbidden', undefined, 'a browser session');
  assertError(await request('GET', '/api/v1/dishonesty/current'), 401);

  // The public list: no login, published fields only.
  r = await request('GET', `/api/public/v1/dishonesty?uscc=${enterprise.uscc}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 1);
  assert.deepEqual(Object.keys(r.json.items[0]).sort(),
    ['authority', 'decision_no', 'expires_on', 'grounds', 'listed_on', 'party_kind', 'party_name', 'reason', 'uscc']);
  assert.equal(r.json.items[0].authority, '松山区市场监督管理局');
  assertError(await request('GET', '/api/public/v1/dishonesty?limit=0'), 400, undefined, 'limit');

  // The risk score explains the listing as its own factor.
  r = await analyst.get(`/api/v1/screening/risk/${enterprise.id}`);
  assert.equal(r.status, 200, r.text);
  const f = r.json.factors.find((x) => x.name === 'dishonesty_list');
  assert.ok(f && f.points === 15, JSON.stringify(r.json.factors));
});

test('an upheld objection ends without a listing, and the public list does not show it', async () => {
  const c = await caseAtNotice([{ kind: 'suspend_production' }]);
  let r = await officer.post('/api/v1/dishonesty', { case_id: c.id, reason: '责令停产停业' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal((await step(leader, id, 'notify', { notice_no: 'N-2' })).status, 200);
  assert.equal((await step(officer, id, 'record_objection', { objection: '停产决定已被撤销' })).status, 200);
  r = await step(leader, id, 'answer_objection', { answer: '异议成立', upheld: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'not_listed');
  r = await request('GET', '/api/public/v1/dishonesty?limit=100');
  assert.equal(r.status, 200);
  assert.ok(!r.json.items.some((x) => x.reason === '责令停产停业'));
  r = await leader.get('/api/v1/dishonesty/rules');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.objection_period.unit, 'working_days');
  assert.ok(r.json.listing_period.source.includes('Order 44'));
});
