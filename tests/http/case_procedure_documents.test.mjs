// Issue 4's procedure gaps through the API: evidence kind and description on attachments
// (validated, audited), the signed decision as an alternative to the generated one, Decree 310
// (two or more officers propose; the 24-hour hand-over needs the 移送函 and shows its due
// moment), the collective discussion setting the decision period, a referral and its share
// written together, and `lijian flags --refresh` running the scheduled work.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { login, createLead, openCase, assertError, BIN, DB_URL } from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400)
let hongshan; // demo_hongshan_officer (150402)
let admin;

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
  admin = await login('demo_admin');
});

const act = (client, id, action, body) => client.post(`/api/v1/cases/${id}/actions/${action}`, body ?? {});
async function ok(client, id, action, body) {
  const r = await act(client, id, action, body);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.json;
}

async function filedCase() {
  const lead = await createLead(officer, { text: '销售不合格电线电缆' });
  const c = await openCase(officer, lead.id, { title: '销售不合格电线电缆案' });
  assert.equal((await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`)).status, 201);
  await ok(leader, c.id, 'file', { reason: '涉嫌销售不合格产品' });
  await ok(officer, c.id, 'start_investigation');
  return c;
}

test('attachments carry an evidence kind and a description, validated and audited', async () => {
  const c = await filedCase();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const up = await officer.post(`/api/v1/cases/${c.id}/attachments?filename=scene.png`, png, { headers: { 'Content-Type': 'image/png' } });
  assert.equal(up.status, 201, up.text);
  let r = await officer.get(`/api/v1/cases/${c.id}/evidence`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.evidence_kinds.some((k) => k.code === 'physical' && k.name_zh === '物证'));
  const form = r.json.items.find((e) => e.document_kind === 'filing_approval');
  assert.ok(form, 'the filing approval is on file as a document');
  assert.equal(form.evidence_kind, 'documentary');
  const photo = r.json.items.find((e) => e.id === up.json.id);
  assert.equal(photo.evidence_kind, null);
  assert.equal(photo.details_version, 0);

  const put = (client, id, body) => client.req('PUT', `/api/v1/attachments/${id}/evidence`, { body });
  assertError(await put(officer, photo.id, { evidence_kind: 'rumour', description: 'x' }), 400, 'invalid_argument', 'evidence_kind');
  assertError(await put(officer, photo.id, { evidence_kind: 'audiovisual' }), 400, 'invalid_argument', 'description');
  assertError(await put(officer, photo.id, { evidence_kind: 'audiovisual', description: 'x', color: 'red' }), 400, 'invalid_argument', 'color');
  assertError(await put(hongshan, photo.id, { evidence_kind: 'audiovisual', description: 'x' }), 404, 'not_found', undefined, 'a sibling county');
  r = await put(officer, photo.id, { evidence_kind: 'audiovisual', description: '现场照片：仓库堆放的电线', version: 0 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.evidence_kind, 'audiovisual');
  assert.equal(r.json.details_version, 1);
  assertError(await put(officer, photo.id, { evidence_kind: 'physical', description: 'x', version: 0 }), 409, 'conflict', 'version');
  r = await put(officer, photo.id, { evidence_kind: 'electronic', description: '现场照片（电子数据）', version: 1 });
  assert.equal(r.status, 200, r.text);
  const audit = await admin.get(`/api/v1/audit?entity=attachment&entity_id=${photo.id}`);
  assert.equal(audit.status, 200, audit.text);
  const updates = audit.json.items.filter((a) => a.action === 'update');
  assert.equal(updates.length, 2);
  assert.ok(updates.some((a) => a.before.evidence_kind === 'audiovisual' && a.after.evidence_kind === 'electronic'));
});

test('the signed decision may stand in for the generated one when serving', async () => {
  const c = await filedCase();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  assertError(await officer.post(`/api/v1/cases/${c.id}/signed-decision`, pdf, { headers: { 'Content-Type': 'application/pdf' } }),
    409, 'conflict', undefined, 'before the decision');
  await ok(officer, c.id, 'submit_legal_review', { findings: '不合格', proposed_decision: '罚款' });
  await ok(leader, c.id, 'send_prior_notice', { notice_no: '告〔2026〕2号', proposed_penalty: '罚款' });
  await ok(officer, c.id, 'close_statement_period', { statement: '放弃' });
  await ok(leader, c.id, 'decide_penalty', { decision_no: '罚〔2026〕2号', legal_basis: '《产品质量法》第五十条' });
  const r = await officer.get(`/api/v1/cases/${c.id}/actions`);
  assert.deepEqual(r.json.actions.find((a) => a.action === 'serve').missing_documents.map((d) => d.name_zh), ['行政处罚决定书']);
  assertError(await act(officer, c.id, 'serve', { served_on: '2026-01-05', method: '直接送达' }), 400, 'invalid_argument', 'documents');
  assertError(await officer.post(`/api/v1/cases/${c.id}/signed-decision`, 'plain text', { headers: { 'Content-Type': 'text/plain' } }),
    400, 'invalid_argument', 'content-type');
  const up = await officer.post(`/api/v1/cases/${c.id}/signed-decision`, pdf, { headers: { 'Content-Type': 'application/pdf' } });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.json.document_kind, 'signed_decision');
  const served = await ok(officer, c.id, 'serve', { served_on: '2026-01-05', method: '直接送达' });
  assert.equal(served.status, 'served');
  assert.deepEqual(served.progress.documents, ['filing_approval', 'signed_decision']);
});

test('Decree 310: two or more officers propose, the hand-over within 24 hours needs the 移送函', async () => {
  const c = await filedCase();
  assertError(await act(officer, c.id, 'propose_transfer', { reason: '销售金额超过五万元', proposed_by: '张三' }), 400, 'invalid_argument', 'proposed_by');
  await ok(officer, c.id, 'propose_transfer', { reason: '销售金额超过五万元', proposed_by: ['张三', '李四'] });
  let r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  const approval = r.json.items.find((d) => d.kind === 'transfer_approval');
  assert.equal(approval.length, 3);
  assert.equal(approval.unit, 'days');
  await ok(leader, c.id, 'approve_transfer', { police_authority: '赤峰市公安局松山分局', transfer_no: '松市监移〔2026〕1号' });
  r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  const handover = r.json.items.find((d) => d.kind === 'police_handover');
  assert.ok(handover, r.text);
  assert.equal(handover.unit, 'hours');
  assert.equal(handover.length, 24);
  assert.equal(handover.status, 'open');
  assert.match(handover.due_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  const body = { police_receipt: '受案回执〔2026〕15号', handed_over_at: '2026-01-05T15:00' };
  r = await act(officer, c.id, 'hand_over_to_police', body);
  assertError(r, 400, 'invalid_argument', 'documents');
  assert.match(r.json.error.message, /移送函/);
  assert.equal((await officer.post(`/api/v1/cases/${c.id}/documents/transfer-letter.pdf`)).status, 201);
  await ok(officer, c.id, 'hand_over_to_police', body);
  r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  assert.equal(r.json.items.find((d) => d.kind === 'police_handover').status, 'met');
  r = await leader.get('/api/v1/flags?kind=transfer_deadline');
  assert.equal(r.status, 200, r.text);
  assert.ok(!r.json.items.some((f) => f.case_id === c.id), 'met in time: no flag');
});

test('the collective discussion sets the case decision period', async () => {
  const c = await filedCase();
  assertError(await act(officer, c.id, 'extend_by_collective_discussion', { discussion_record: 'x', period_days: 180, reason: 'x' }), 403, 'forbidden');
  assertError(await act(leader, c.id, 'extend_by_collective_discussion', { discussion_record: '纪要', period_days: 'many', reason: 'x' }), 400, 'invalid_argument', 'period_days');
  await ok(leader, c.id, 'extend_by_collective_discussion', { discussion_record: '2026年第3次局务会议纪要', period_days: 180, reason: '案情重大复杂' });
  const r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  const d = r.json.items.find((x) => x.kind === 'case_decision');
  assert.equal(d.set_by_step, true);
  const days = (Date.parse(d.due_on) - Date.parse(d.started_on)) / 86400000;
  assert.equal(days, 180);
});

test('a referral writes its share in the same transaction; a bad target writes neither', async () => {
  const c = await filedCase();
  assertError(await officer.post('/api/v1/referrals', { entity: 'case', id: c.id, to_unit_code: '159999', note: 'x' }), 400, 'invalid_argument', 'to_unit_code');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}`), 404, 'not_found', undefined, 'nothing shared by the refused referral');
  const r = await officer.post('/api/v1/referrals', { entity: 'case', id: c.id, to_unit_code: '150402', note: '涉案产品流向红山区' });
  assert.equal(r.status, 201, r.text);
  assert.equal((await hongshan.get(`/api/v1/cases/${c.id}`)).status, 200);
});

test('lijian flags --refresh runs the scheduled work and reports it', () => {
  const out = JSON.parse(execFileSync(BIN, ['flags', '--db', DB_URL, '--refresh', '--json', '--kind', 'transfer_deadline'], { encoding: 'utf8' }));
  for (const k of ['cases', 'leads', 'raised', 'resolved', 'escalated', 'listings_removed'])
    assert.equal(typeof out.refreshed[k], 'number', k);
  assert.ok(Array.isArray(out.items));
});
