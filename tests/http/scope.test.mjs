// The data-scope matrix (MISSION.md "Data scope"; src/store/store.hpp; src/auth/policy.cpp):
// a user sees records of its own unit and the units below it, never those of its parent or a
// sibling, unless a record was shared with its unit. A record outside the scope answers 404,
// exactly like a missing one; a role without the permission answers 403.
//
// For every role × caller unit × relation of the record's unit × resource × verb the expected
// status comes from the two tables below, and each combination is its own subtest, named
//   "<role>@<caller unit> <relation> record (<record unit>): <resource> <verb> ⇒ <expected>".
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, createUser, userClient, createLead, openCase, listAll, assertError, leadBody, uniq, UNITS,
} from './lib.mjs';

// What each role may do, whatever the scope (src/auth/policy.cpp).
const MAY = {
  //         write leads/cases  read users  manage users
  admin:   { write: false,      readUsers: true,  manageUsers: true },
  leader:  { write: true,       readUsers: true,  manageUsers: false },
  officer: { write: true,       readUsers: false, manageUsers: false },
  analyst: { write: false,      readUsers: false, manageUsers: false },
};
const ROLES = Object.keys(MAY);

// The caller units and, for each, the unit that stands in each relation to it.
const CALLER_UNITS = {
  // 赤峰市 (league): its region above, its county 松山区 below, 呼和浩特市 beside it.
  [UNITS.chifeng]: { same: UNITS.chifeng, parent: UNITS.region, child: UNITS.songshan, sibling: UNITS.hohhot },
  // 松山区 (county): 赤峰市 above, 红山区 beside it (both under 赤峰市).
  [UNITS.songshan]: { same: UNITS.songshan, parent: UNITS.chifeng, sibling: UNITS.hongshan },
};
// Records in the caller's own unit or below are in scope; the parent's and a sibling's are not.
const IN_SCOPE = { same: true, child: true, parent: false, sibling: false };

// The expected answer: a status code, or 'listed' / 'absent' for list membership.
function expected(role, relation, resource, verb) {
  const visible = IN_SCOPE[relation];
  const may = MAY[role];
  if (resource === 'lead' || resource === 'case') {
    if (verb === 'get') return visible ? 200 : 404;
    if (verb === 'list') return visible ? 'listed' : 'absent';
    // write: PATCH a lead (200) / add a note to a case (201)
    if (!may.write) return 403;
    return visible ? (resource === 'lead' ? 200 : 201) : 404;
  }
  // users
  if (verb === 'get') return !may.readUsers ? 403 : visible ? 200 : 404;
  if (verb === 'list') return !may.readUsers ? 403 : visible ? 'listed' : 'absent';
  return !may.manageUsers ? 403 : visible ? 200 : 404; // write: PATCH the user
}

// Leads of this file are received on this day, so its lists are not crowded by other records.
const DAY = '2015-05-01';
const RECORD_UNITS = [UNITS.region, UNITS.chifeng, UNITS.songshan, UNITS.hongshan, UNITS.hohhot];

let admin; // demo_admin (region): creates the users
let regionLeader; // demo_region_leader: creates the records, in any unit
const records = {}; // unit → {lead, case, user}
const callers = {}; // `${role}@${unit}` → Client

before(async () => {
  admin = await login('demo_admin');
  regionLeader = await login('demo_region_leader');
  for (const unit of RECORD_UNITS) {
    const lead = await createLead(regionLeader, { unit_code: unit, received_at: `${DAY}T09:00:00+08:00` });
    assert.equal(lead.unit_code, unit);
    const caseLead = await createLead(regionLeader, { unit_code: unit, received_at: `${DAY}T10:00:00+08:00` });
    const kase = await openCase(regionLeader, caseLead.id);
    assert.equal(kase.unit_code, unit, 'a case belongs to its lead\'s unit');
    const user = await createUser(admin, { unit, role: 'officer' });
    records[unit] = { lead, case: kase, user };
  }
  for (const unit of Object.keys(CALLER_UNITS)) {
    for (const role of ROLES) callers[`${role}@${unit}`] = await userClient(admin, { unit, role });
  }
});

// List contents per caller and resource, fetched once.
const listCache = new Map();
async function listed(client, key, resource) {
  const k = `${key}/${resource}`;
  if (!listCache.has(k)) {
    const path = { lead: `/api/v1/leads?received_from=${DAY}&received_to=${DAY}`, case: '/api/v1/cases', user: '/api/v1/users' }[resource];
    listCache.set(k, new Set((await listAll(client, path)).map((x) => x.id)));
  }
  return listCache.get(k);
}

async function act(client, key, resource, verb, record) {
  const id = record.id;
  const base = { lead: '/api/v1/leads', case: '/api/v1/cases', user: '/api/v1/users' }[resource];
  if (verb === 'get') return (await client.get(`${base}/${id}`)).status;
  if (verb === 'list') {
    if (resource === 'user') {
      const r = await client.get('/api/v1/users');
      if (r.status !== 200) return r.status;
    }
    return (await listed(client, key, resource)).has(id) ? 'listed' : 'absent';
  }
  let r;
  if (resource === 'lead') r = await client.patch(`${base}/${id}`, { title: uniq('scope-') });
  else if (resource === 'case') r = await client.post(`${base}/${id}/notes`, { note: 'scope matrix note' });
  else r = await client.patch(`${base}/${id}`, { display_name: uniq('scope-') });
  if (r.status >= 400) assert.ok(r.json && r.json.error && r.json.error.code, `error without {"error":{"code"}}: ${r.text}`);
  return r.status;
}

test('data-scope matrix', async (t) => {
  for (const role of ROLES) {
    for (const [callerUnit, relations] of Object.entries(CALLER_UNITS)) {
      const key = `${role}@${callerUnit}`;
      for (const [relation, recordUnit] of Object.entries(relations)) {
        for (const resource of ['lead', 'case', 'user']) {
          for (const verb of ['get', 'list', 'write']) {
            const want = expected(role, relation, resource, verb);
            const name = `${key} ${relation} record (${recordUnit}): ${resource} ${verb} ⇒ ${want}`;
            await t.test(name, async () => {
              const got = await act(callers[key], key, resource, verb, records[recordUnit][resource]);
              assert.equal(got, want, name);
            });
          }
        }
      }
    }
  }
});

test('a hidden record answers exactly like a missing one', async () => {
  const officer = callers[`officer@${UNITS.songshan}`];
  const hidden = await officer.get(`/api/v1/leads/${records[UNITS.hongshan].lead.id}`);
  const missing = await officer.get('/api/v1/leads/999999999');
  assertError(hidden, 404, 'not_found');
  assertError(missing, 404, 'not_found');
  // The message must not leak that the record exists (it may name the id).
  assert.equal(hidden.json.error.message.replace(/\d+/g, 'N'), missing.json.error.message.replace(/\d+/g, 'N'));
});

test('sharing a lead with a sibling unit shows exactly that lead, read-only', async () => {
  const songshan = await login('demo_songshan_officer');
  const hongshan = await login('demo_hongshan_officer');
  const xincheng = await login('demo_xincheng_officer');
  const shared = await createLead(songshan, { received_at: '2015-06-01T09:00:00+08:00' });
  const kept = await createLead(songshan, { received_at: '2015-06-01T09:00:00+08:00' });
  const window = '/api/v1/leads?received_from=2015-06-01&received_to=2015-06-01';

  // Before sharing: hidden.
  assertError(await hongshan.get(`/api/v1/leads/${shared.id}`), 404, 'not_found', undefined, 'before sharing');

  // Only the owning units may share, and only with a real unit.
  assertError(await hongshan.post(`/api/v1/leads/${shared.id}/share`, { unit_code: UNITS.hongshan }), 404, 'not_found', undefined, 'sibling shares to itself');
  assertError(await songshan.post(`/api/v1/leads/${shared.id}/share`, { unit_code: '159999' }), 400, 'invalid_argument', 'unit_code', 'unknown unit');
  const analyst = callers[`analyst@${UNITS.songshan}`];
  assertError(await analyst.post(`/api/v1/leads/${shared.id}/share`, { unit_code: UNITS.hongshan }), 403, 'forbidden', undefined, 'analyst shares');

  const r = await songshan.post(`/api/v1/leads/${shared.id}/share`, { unit_code: UNITS.hongshan });
  assert.equal(r.status, 200, r.text);
  // Sharing twice is harmless.
  assert.equal((await songshan.post(`/api/v1/leads/${shared.id}/share`, { unit_code: UNITS.hongshan })).status, 200);

  // The sibling reads exactly the shared lead, in GET and in lists...
  const got = await hongshan.get(`/api/v1/leads/${shared.id}`);
  assert.equal(got.status, 200, got.text);
  assert.equal(got.json.unit_code, UNITS.songshan, 'sharing does not move the lead');
  assertError(await hongshan.get(`/api/v1/leads/${kept.id}`), 404, 'not_found', undefined, 'the lead not shared');
  const ids = new Set((await listAll(hongshan, window)).map((l) => l.id));
  assert.ok(ids.has(shared.id), 'the shared lead is in the sibling\'s list');
  assert.ok(!ids.has(kept.id), 'the lead not shared is not in the sibling\'s list');

  // ...but may not change it, open a case from it, or pass it on.
  assertError(await hongshan.patch(`/api/v1/leads/${shared.id}`, { title: 'taken over' }), 403, 'forbidden', undefined, 'PATCH shared lead');
  assertError(await hongshan.post('/api/v1/cases', { lead_id: shared.id }), 403, 'forbidden', undefined, 'open case from shared lead');
  assertError(await hongshan.post(`/api/v1/leads/${shared.id}/share`, { unit_code: UNITS.xincheng }), 403, 'forbidden', undefined, 're-share');
  assert.equal((await songshan.get(`/api/v1/leads/${shared.id}`)).json.title, shared.title, 'the refused PATCH changed nothing');

  // Units it was not shared with still see nothing.
  assertError(await xincheng.get(`/api/v1/leads/${shared.id}`), 404, 'not_found', undefined, 'third unit');
});

test('nobody can place records or users outside their own scope', async () => {
  const chifengAdmin = await login('demo_chifeng_admin');
  const officer = await login('demo_songshan_officer');

  // A league administrator cannot create a user above or beside its league...
  for (const unit of [UNITS.region, UNITS.hohhot]) {
    const r = await chifengAdmin.post('/api/v1/users', { username: uniq('esc_'), unit_code: unit, role: 'admin', password: 'Test-pass-2018!' });
    assertError(r, 400, 'invalid_argument', 'unit_code', `chifeng admin creates a user at ${unit}`);
  }
  // ...nor move one of its users there, nor touch a user above it.
  const mine = await createUser(chifengAdmin, { unit: UNITS.songshan, role: 'officer' });
  assertError(await chifengAdmin.patch(`/api/v1/users/${mine.id}`, { unit_code: UNITS.region }), 400, 'invalid_argument', 'unit_code', 'move user to the region');
  const regionUser = records[UNITS.region].user;
  assertError(await chifengAdmin.patch(`/api/v1/users/${regionUser.id}`, { role: 'analyst' }), 404, 'not_found', undefined, 'patch region user');
  assertError(await chifengAdmin.post(`/api/v1/users/${regionUser.id}/password`, { password: 'Hijack-pass-99' }), 404, 'not_found', undefined, 'reset region user password');
  // ...nor issue an API token acting as a user outside its scope.
  assertError(await chifengAdmin.post('/api/v1/tokens', { name: 'x', user_id: regionUser.id }), 400, 'invalid_argument', 'user_id', 'token for region user');

  // An officer cannot file a lead into a sibling unit, nor move one there.
  assertError(await officer.post('/api/v1/leads', leadBody({ unit_code: UNITS.hongshan })), 400, 'invalid_argument', 'unit_code', 'lead into sibling');
  const lead = await createLead(officer);
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { unit_code: UNITS.hongshan }), 400, 'invalid_argument', 'unit_code', 'move lead to sibling');

  // A league leader may move a lead between its counties: it then leaves the first county's scope.
  const leader = await login('demo_chifeng_leader');
  const moved = await leader.patch(`/api/v1/leads/${lead.id}`, { unit_code: UNITS.hongshan });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.json.unit_code, UNITS.hongshan);
  assertError(await officer.get(`/api/v1/leads/${lead.id}`), 404, 'not_found', undefined, 'moved lead from the old county');
  assert.equal((await (await login('demo_hongshan_officer')).get(`/api/v1/leads/${lead.id}`)).status, 200);
});

test('the audit list shows a leader only the entries of units in its scope', async () => {
  const leader = callers[`leader@${UNITS.chifeng}`];
  const songshanOfficer = await login('demo_songshan_officer');
  const own = await createLead(songshanOfficer, { received_at: '2015-07-01T09:00:00+08:00' });
  const mineEntries = await leader.get(`/api/v1/audit?entity=lead&entity_id=${own.id}`);
  assert.equal(mineEntries.status, 200, mineEntries.text);
  assert.ok(mineEntries.json.items.length >= 1, 'the county\'s change is visible to its league leader');
  // The lead the region leader created in 呼和浩特市 was audited as a change by the region.
  const other = await leader.get(`/api/v1/audit?entity=lead&entity_id=${records[UNITS.hohhot].lead.id}`);
  assert.equal(other.status, 200, other.text);
  assert.deepEqual(other.json.items, [], 'entries of other units are hidden');
  for (const e of (await leader.get('/api/v1/audit?limit=500')).json.items) {
    assert.ok(typeof e.unit_code === 'string' && e.unit_code.startsWith('1504'), `audit entry ${e.id} of unit ${e.unit_code} shown to 赤峰市`);
  }
  // Officers and analysts do not read the audit log.
  assertError(await songshanOfficer.get('/api/v1/audit'), 403, 'forbidden');
});
