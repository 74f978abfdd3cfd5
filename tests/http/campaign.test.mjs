// The campaign's configuration: the data file is the default; the region's administrator changes
// the period, windows and focus lists (validated, versioned, audited) and goes back to the file;
// everyone else reads it and is refused changes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, assertError, request } from './lib.mjs';

let admin; // demo_admin (150000): the campaign's region
let leagueAdmin; // demo_chifeng_admin (150400)
let officer; // demo_songshan_officer

before(async () => {
  admin = await login('demo_admin');
  leagueAdmin = await login('demo_chifeng_admin');
  officer = await login('demo_songshan_officer');
});

const put = (c, body) => c.req('PUT', '/api/v1/campaign', { body });

test('the campaign file holds until the region\'s administrator changes it; changes are checked, versioned and audited', async () => {
  const r0 = await officer.get('/api/v1/campaign');
  assert.equal(r0.status, 200, r0.text);
  assert.equal(r0.json.source, 'file');
  assert.equal(r0.json.editable, false);
  assert.equal(r0.json.campaign.id, '2018-zhijian-lijian');
  const agri = r0.json.campaign.special_actions.find((a) => a.code === 'agri_inputs');
  assert.equal(agri.windows.length, 2);
  assert.equal((await request('GET', '/api/v1/campaign')).status, 401);

  assertError(await put(officer, { period: { from: '2018-01-01', to: '2018-12-31' } }), 403, 'forbidden', undefined, 'officer');
  assertError(await put(leagueAdmin, { period: { from: '2018-01-01', to: '2018-12-31' } }), 403, 'forbidden', undefined, 'league admin');
  assertError(await put(admin, { period: { from: '2018-12-31', to: '2018-01-01' } }), 400, 'invalid_argument', 'period.to', 'backwards');
  assertError(await put(admin, { special_actions: [{ code: 'agri_inputs', focus_categories: ['moon_rock'] }] }), 400, 'invalid_argument',
    'special_actions[0].focus_categories[0]', 'unknown category');
  assertError(await put(admin, { colour: 'red' }), 400, 'invalid_argument', undefined, 'unknown field');

  const body = { version: 0, period: { from: '2018-04-02', to: '2019-03-31' },
    special_actions: [{ code: 'agri_inputs', windows: [...agri.windows, { code: 'summer_2018', name_zh: '夏季农资检查', from: '2018-06-01', to: '2018-06-30' }],
      focus_categories: ['fertilizer', 'pesticide'].filter((c) => r0.json.campaign.product_categories.some((p) => p.code === c)) }] };
  const r1 = await put(admin, body);
  assert.equal(r1.status, 200, r1.text);
  assert.equal(r1.json.source, 'stored');
  assert.equal(r1.json.version, 1);
  assert.equal(r1.json.editable, true);
  assert.equal(r1.json.campaign.period.from, '2018-04-02');
  assert.deepEqual(r1.json.campaign.special_actions.find((a) => a.code === 'agri_inputs').windows.map((w) => w.code), ['spring_2018', 'autumn_2018', 'summer_2018']);
  // Everyone reads what applies now.
  const seen = await officer.get('/api/v1/campaign');
  assert.equal(seen.json.campaign.period.from, '2018-04-02');
  assert.equal(seen.json.updated_by, 'demo_admin');
  // A stale version changes nothing.
  assertError(await put(admin, { ...body, version: 0, period: { from: '2018-01-01', to: '2018-12-31' } }), 409, 'conflict', 'version', 'stale');
  assert.equal((await officer.get('/api/v1/campaign')).json.campaign.period.from, '2018-04-02');

  const audit = await admin.get('/api/v1/audit?entity=campaign&limit=10');
  assert.ok(audit.json.items.some((e) => e.action === 'update' && e.entity_id === '2018-zhijian-lijian'), 'audited');

  assertError(await leagueAdmin.req('DELETE', '/api/v1/campaign/settings'), 403, 'forbidden', undefined, 'league admin reset');
  const back = await admin.req('DELETE', '/api/v1/campaign/settings');
  assert.equal(back.status, 200, back.text);
  assert.equal(back.json.source, 'file');
  assert.equal(back.json.campaign.period.from, r0.json.campaign.period.from);
  assert.ok((await admin.get('/api/v1/audit?entity=campaign&limit=10')).json.items.some((e) => e.action === 'reset'));
});
