// A lead's decisions and the inline display of stored files: PATCH /leads/{id} with a reason
// (required for a rejection), GET /leads/{id}/history in scope, and ?disposition=inline for PDFs
// and photos (framed by the same origin only, a policy without scripts), attachment otherwise.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, createLead, openCase, assertError } from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400)
let hongshan; // demo_hongshan_officer (150402): a sibling county

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
});

test('a rejection needs a reason; the reason is kept in the lead\'s history, oldest first', async () => {
  const lead = await createLead(officer);
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected' }), 400, 'invalid_argument', 'reason', 'no reason');
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected', reason: '   ' }), 400, 'invalid_argument', 'reason', 'blank reason');
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected', reason: '重复', title: 'x' }), 400, 'invalid_argument', 'reason', 'reason with other fields');
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { title: '新标题', reason: '无关' }), 400, 'invalid_argument', 'reason', 'reason without a status');
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected', reason: 'x'.repeat(2001) }), 400, 'invalid_argument', 'reason', 'too long');
  assert.equal((await officer.get(`/api/v1/leads/${lead.id}`)).json.status, 'new', 'nothing changed');

  let r = await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'verifying', version: lead.version });
  assert.equal(r.status, 200, r.text);
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected', reason: '过期版本', version: lead.version }), 409, 'conflict', 'version', 'stale version');
  r = await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected', reason: '经现场核查，举报情况与事实不符', version: r.json.version });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'rejected');

  const h = await leader.get(`/api/v1/leads/${lead.id}/history`);
  assert.equal(h.status, 200, h.text);
  assert.deepEqual(h.json.items.map((d) => [d.status_before, d.status, d.reason]),
    [['new', 'verifying', null], ['verifying', 'rejected', '经现场核查，举报情况与事实不符']]);
  assert.equal(h.json.items[1].actor_name, 'demo_songshan_officer');
  assertError(await hongshan.get(`/api/v1/leads/${lead.id}/history`), 404, 'not_found', undefined, 'sibling county');

  // The audit entry of the decision carries the reason.
  const admin = await login('demo_admin');
  const audit = await admin.get(`/api/v1/audit?entity=lead&limit=50`);
  assert.equal(audit.status, 200, audit.text);
  const entry = audit.json.items.find((e) => e.entity_id === String(lead.id) && e.after?.status === 'rejected');
  assert.ok(entry, 'audited');
  assert.equal(entry.after.reason, '经现场核查，举报情况与事实不符');
});

test('a lead with a case keeps its status; the other fields still change without a reason', async () => {
  const lead = await createLead(officer);
  await openCase(officer, lead.id);
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'rejected', reason: '重复线索' }), 409, 'conflict', 'status', 'lead with a case');
  const other = await createLead(officer);
  const r = await officer.patch(`/api/v1/leads/${other.id}`, { title: '改后的标题' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await officer.get(`/api/v1/leads/${other.id}/history`)).json.items.length, 0);
});

test('stored files: inline on request for PDFs, framed by the same origin only; other types and the default download', async () => {
  const lead = await createLead(officer);
  const kase = await openCase(officer, lead.id);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const up = await officer.post(`/api/v1/cases/${kase.id}/attachments?filename=${encodeURIComponent('现场检查笔录.pdf')}`, pdf, { headers: { 'Content-Type': 'application/pdf' } });
  assert.equal(up.status, 201, up.text);

  const shown = await officer.get(`/api/v1/attachments/${up.json.id}/content?disposition=inline`);
  assert.equal(shown.status, 200);
  assert.match(shown.headers.get('content-disposition'), /^inline; filename\*=UTF-8''%E7%8E%B0/);
  assert.equal(shown.headers.get('x-frame-options'), 'SAMEORIGIN');
  assert.equal(shown.headers.get('x-content-type-options'), 'nosniff');
  const csp = shown.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'self'/);
  assert.doesNotMatch(csp, /script-src/);
  assert.deepEqual(shown.bytes, pdf);

  const down = await officer.get(`/api/v1/attachments/${up.json.id}/content`);
  assert.match(down.headers.get('content-disposition'), /^attachment;/);
  assert.equal(down.headers.get('x-frame-options'), 'DENY');

  // A generated document reads inline by default, downloads on request.
  const doc = await officer.get(`/api/v1/cases/${kase.id}/documents/filing-approval.pdf`);
  assert.equal(doc.status, 200, doc.text.slice(0, 200));
  assert.match(doc.headers.get('content-disposition'), /^inline;/);
  assert.equal(doc.headers.get('x-frame-options'), 'SAMEORIGIN');
  const asFile = await officer.get(`/api/v1/cases/${kase.id}/documents/filing-approval.pdf?disposition=attachment`);
  assert.match(asFile.headers.get('content-disposition'), /^attachment;/);
  assertError(await hongshan.get(`/api/v1/attachments/${up.json.id}/content?disposition=inline`), 404, 'not_found', undefined, 'sibling county');
});
