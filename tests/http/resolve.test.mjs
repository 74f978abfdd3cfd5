// Entity resolution through the API: leads created by POST are linked to the registry (exact
// USCC, or a name variant scoring above the high threshold), uncertain ones go to the scoped
// review queue where they are confirmed or rejected (CSRF, roles, sibling scope → 404), and
// repeated leads about the same enterprise, product and violation form one matter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, assertError, leadBody, UNITS } from './lib.mjs';

let admin; // demo_admin (150000)
let officer; // demo_songshan_officer (150404)
let sibling; // demo_hongshan_officer (150402)
let leader; // demo_chifeng_leader (150400)
let analyst; // demo_analyst (150000): read-only

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// A valid GB 32100 code for Songshan with a random organisation part.
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
// A trade name no other test uses: lower-case letters survive name normalisation.
function tag() {
  let s = '';
  for (let i = 0; i < 8; i++) s += 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)];
  return s;
}

const ADDRESS = '内蒙古自治区赤峰市松山区建设路88号';
let core; // the core of the test enterprise, e.g. "qwhjzkxe化肥"
let enterprise;

before(async () => {
  admin = await login('demo_admin');
  officer = await login('demo_songshan_officer');
  sibling = await login('demo_hongshan_officer');
  leader = await login('demo_chifeng_leader');
  analyst = await login('demo_analyst');
  core = `${tag()}化肥`;
  const r = await leader.post('/api/v1/enterprises', {
    name: `赤峰市${core}有限公司`, uscc: randomUscc(), address: ADDRESS, region_code: UNITS.songshan,
  });
  assert.equal(r.status, 201, r.text);
  enterprise = r.json;
});

function fertilizerLead(over = {}) {
  return leadBody({
    source: 'hotline_12365', product_category: 'fertilizer', special_actions: ['agri_inputs'],
    violations: ['insufficient_content'], text: '群众举报复合肥有效含量不足', ...over,
  });
}

test('a name variant with the same address links automatically, with the score and its reasons', async () => {
  const r = await officer.post('/api/v1/leads', fertilizerLead({
    enterprise_name: `${core}厂（赤峰）`, enterprise_address: ADDRESS, region_code: UNITS.songshan,
  }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.enterprise_id, enterprise.id);
  assert.equal(r.json.group_size, 1);
  const m = await officer.get(`/api/v1/leads/${r.json.id}/match`);
  assert.equal(m.status, 200, m.text);
  assert.equal(m.json.state, 'linked');
  assert.equal(m.json.method, 'name');
  assert.ok(m.json.score >= 0.85, m.text);
  const reasons = m.json.candidates[0].reasons;
  assert.deepEqual(reasons.map((f) => f.factor), ['name', 'address', 'region']);
  const sum = reasons.reduce((s, f) => s + f.contribution, 0);
  assert.ok(Math.abs(sum - m.json.score) < 0.001, `${sum} vs ${m.json.score}`);
  // The sibling county cannot see the lead's match.
  assertError(await sibling.get(`/api/v1/leads/${r.json.id}/match`), 404, 'not_found');
});

test('a valid USCC held by the registry is an exact match whatever the name says', async () => {
  const r = await officer.post('/api/v1/leads', fertilizerLead({
    enterprise_name: '名称完全不同的商店', enterprise_uscc: enterprise.uscc,
  }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.enterprise_id, enterprise.id);
  const m = await officer.get(`/api/v1/leads/${r.json.id}/match`);
  assert.equal(m.json.method, 'uscc');
  assert.equal(m.json.score, 1);
});

async function uncertainLead() {
  // The core without address, from another league's region: between the thresholds.
  const r = await officer.post('/api/v1/leads', fertilizerLead({
    enterprise_name: `${core}经营部`, region_code: '150102',
  }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.enterprise_id, null);
  const m = await officer.get(`/api/v1/leads/${r.json.id}/match`);
  assert.equal(m.json.state, 'review', m.text);
  return r.json;
}

test('an uncertain match waits in the scoped queue and is confirmed by the owning unit', async () => {
  const lead = await uncertainLead();
  const mine = await officer.get(`/api/v1/match-reviews?limit=500`);
  assert.equal(mine.status, 200, mine.text);
  const item = mine.json.items.find((i) => i.lead_id === lead.id);
  assert.ok(item, 'the queue of the lead\'s county holds the item');
  assert.equal(item.lead.unit_code, UNITS.songshan);
  assert.equal(item.candidates[0].enterprise_id, enterprise.id);
  const above = await leader.get(`/api/v1/match-reviews?unit=${UNITS.songshan}&min_score=0.6&limit=500`);
  assert.ok(above.json.items.some((i) => i.lead_id === lead.id), 'the league sees its counties\' items');
  const theirs = await sibling.get('/api/v1/match-reviews?limit=500');
  assert.equal(theirs.status, 200);
  assert.ok(!theirs.json.items.some((i) => i.lead_id === lead.id), 'a sibling county sees none');

  const path = `/api/v1/leads/${lead.id}/match/confirm`;
  assertError(await sibling.post(path, { enterprise_id: enterprise.id }), 404, 'not_found', undefined, 'sibling');
  assertError(await analyst.post(path, { enterprise_id: enterprise.id }), 403, 'forbidden', undefined, 'analyst');
  assertError(await officer.req('POST', path, { body: { enterprise_id: enterprise.id }, csrf: '' }), 403,
    'forbidden', undefined, 'no CSRF header');
  assertError(await officer.post(path, {}), 400, 'invalid_argument', 'enterprise_id');
  assertError(await officer.post(path, { enterprise_id: 'x' }), 400, 'invalid_argument', 'enterprise_id');
  assertError(await officer.post(path, { enterprise_id: enterprise.id, extra: 1 }), 400, 'invalid_argument', 'extra');
  assertError(await officer.post(path, { enterprise_id: 999999999 }), 400, 'invalid_argument', 'enterprise_id');

  const ok = await officer.post(path, { enterprise_id: enterprise.id });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.state, 'confirmed');
  assert.equal(ok.json.decided_by, officer.user.id);
  const got = await officer.get(`/api/v1/leads/${lead.id}`);
  assert.equal(got.json.enterprise_id, enterprise.id);
  assertError(await officer.post(path, { enterprise_id: enterprise.id }), 409, 'conflict', 'state');
  const audit = await admin.get(`/api/v1/audit?entity=lead&entity_id=${lead.id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.json.items.some((e) => e.action === 'confirm_match'), audit.text);
});

test('rejecting every candidate takes the item out of the queue', async () => {
  const lead = await uncertainLead();
  const r = await officer.post(`/api/v1/leads/${lead.id}/match/reject`, {});
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'rejected');
  assert.ok(r.json.candidates.every((c) => c.rejected));
  const queue = await officer.get('/api/v1/match-reviews?limit=500');
  assert.ok(!queue.json.items.some((i) => i.lead_id === lead.id));
  const rejected = await officer.get('/api/v1/match-reviews?state=rejected&limit=500');
  assert.ok(rejected.json.items.some((i) => i.lead_id === lead.id));
  assertError(await officer.post(`/api/v1/leads/${lead.id}/match/reject`, {}), 409, 'conflict', 'state');
  assert.equal((await officer.get(`/api/v1/leads/${lead.id}`)).json.enterprise_id, null);
});

test('repeated leads about one enterprise, product and violation are one matter', async () => {
  const name = `某${tag()}农资商行`;
  const first = await officer.post('/api/v1/leads', fertilizerLead({
    enterprise_name: name, received_at: '2012-03-01T09:00:00+08:00',
  }));
  const second = await officer.post('/api/v1/leads', fertilizerLead({
    enterprise_name: `赤峰${name}`, received_at: '2012-03-11T09:00:00+08:00',
  }));
  const other = await officer.post('/api/v1/leads', fertilizerLead({
    enterprise_name: name, received_at: '2012-09-11T09:00:00+08:00',
  }));
  for (const r of [first, second, other]) assert.equal(r.status, 201, r.text);
  assert.equal(second.json.group_id, first.json.id);
  assert.equal(second.json.group_size, 2);
  assert.equal(other.json.group_size, 1, 'half a year later: another matter');
  const day = '/api/v1/leads?received_from=2012-03-01&received_to=2012-03-11&limit=500';
  const all = await officer.get(day);
  const ids = all.json.items.map((l) => l.id);
  assert.ok(ids.includes(first.json.id) && ids.includes(second.json.id));
  const grouped = await officer.get(`${day}&grouped=true`);
  assert.equal(grouped.status, 200, grouped.text);
  const rows = grouped.json.items.filter((l) => l.id === first.json.id || l.id === second.json.id);
  assert.deepEqual(rows.map((l) => [l.id, l.group_size]), [[first.json.id, 2]]);
  const g = await officer.get(`/api/v1/leads/${second.json.id}/group`);
  assert.equal(g.status, 200, g.text);
  assert.equal(g.json.primary_lead_id, first.json.id);
  assert.deepEqual(g.json.members.map((m) => m.id), [first.json.id, second.json.id]);
  assertError(await sibling.get(`/api/v1/leads/${second.json.id}/group`), 404, 'not_found');
  // Another violation by PATCH: the lead leaves the matter.
  const patched = await officer.patch(`/api/v1/leads/${second.json.id}`, { violations: ['counterfeit_trademark'] });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.json.group_size, 1);
  assert.equal((await officer.get(`/api/v1/leads/${first.json.id}`)).json.group_size, 1);
});

test('bad queries name the parameter', async () => {
  assertError(await officer.get('/api/v1/match-reviews?min_score=2'), 400, 'invalid_argument', 'min_score');
  assertError(await officer.get('/api/v1/match-reviews?state=maybe'), 400, 'invalid_argument', 'state');
  assertError(await officer.get('/api/v1/match-reviews?cursor=abc'), 400, 'invalid_argument', 'cursor');
  assertError(await officer.get('/api/v1/match-reviews?limit=0'), 400, 'invalid_argument', 'limit');
  assertError(await officer.get('/api/v1/leads?grouped=maybe'), 400, 'invalid_argument', 'grouped');
  assertError(await officer.get('/api/v1/leads/abc/match'), 400, 'invalid_argument', 'id');
  assertError(await officer.post('/api/v1/leads/1/match/confirm', '{not json'), 400, 'invalid_argument');
});
