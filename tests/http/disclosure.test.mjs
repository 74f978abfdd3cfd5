// Disclosure of penalty decisions (SAMR Order 45) through the API: the publication created when
// a case is decided, the proposed masking, the secrecy review by the reviewer role, the record
// of what was masked by whom, withdrawal on revocation, typical cases, scope and bad input.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { login, request, assertError, createLead, openCase, TMP } from './lib.mjs';
import { decidedCase, publicationOf, publishAll, decisionText, assertNoSecrets, SECRETS, PARTY } from './disclosure_lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400): decides and is the secrecy reviewer
let hongshan; // demo_hongshan_officer (150402): a sibling county
let analyst;

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
  analyst = await login('demo_analyst');
});

test('a decided case gets a publication to review, due 20 working days after the decision', async () => {
  const { case: c, decision_no } = await decidedCase(officer, leader);
  const p = await publicationOf(officer, c.id);
  assert.ok(p, 'the decision created its publication');
  assert.equal(p.status, 'pending_review');
  assert.equal(p.decision_no, decision_no);
  assert.equal(p.party, PARTY);
  assert.equal(p.penalty, '罚款15000.00元');
  assert.equal(p.authority, '松山区市场监督管理局');
  assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(p.due_on) && p.due_on > p.decided_on, p.due_on);
  assert.equal(p.overdue, false);
  // The due day is the calendar's (CONTRACTS.md `lijian calendar add`).
  const { spawnSync } = await import('node:child_process');
  const due = spawnSync(process.env.LIJIAN_BIN, ['calendar', 'add', '--from', p.decided_on, '--working-days', '20']);
  assert.equal(due.stdout.toString().trim(), p.due_on);
  // Only one publication per case and kind.
  const again = await officer.post('/api/v1/publications', { case_id: c.id });
  assertError(again, 409, 'conflict', 'case_id');
});

test('the secrecy review decides every proposed span; the published text keeps no personal data', async () => {
  const { case: c } = await decidedCase(officer, leader);
  let p = await publicationOf(officer, c.id);
  // The officer puts the decision document's text in place of the generated one.
  let r = await officer.post(`/api/v1/publications/${p.id}/text`, { version: p.version, text: decisionText('T-1') });
  assert.equal(r.status, 200, r.text);
  p = r.json;
  const kinds = new Set(p.spans.map((s) => s.kind));
  for (const k of ['id_number', 'phone', 'bank_account', 'email', 'address', 'name', 'health'])
    assert.ok(kinds.has(k), `a ${k} span is proposed: ${JSON.stringify(p.spans.map((s) => [s.kind, s.original]))}`);
  assert.ok(p.spans.every((s) => s.source === 'auto' && s.decision === null));
  assert.ok(!p.spans.some((s) => s.original.includes('91150404MA0N1234X5')), 'the USCC is not personal data');
  assert.ok(!p.spans.some((s) => s.original.includes(PARTY)), 'the party is published by name');
  assert.ok(p.masked_text.includes('1502**********234X'), p.masked_text);
  assert.ok(p.masked_text.includes('201803011380013800012'), 'an order number stays');

  // The officer may not publish; the reviewer must decide every span.
  r = await officer.post(`/api/v1/publications/${p.id}/publish`, { version: p.version, spans: [] });
  assertError(r, 403, 'forbidden');
  r = await leader.post(`/api/v1/publications/${p.id}/publish`, { version: p.version, spans: [] });
  assertError(r, 400, 'invalid_argument', 'spans');
  r = await leader.post(`/api/v1/publications/${p.id}/publish`, { version: p.version, spans: [{ start: 5, end: 99999, decision: 'mask' }] });
  assertError(r, 400, 'invalid_argument', 'spans[0].end');
  r = await leader.post(`/api/v1/publications/${p.id}/publish`, { version: p.version + 5, spans: [] });
  assertError(r, 409, 'conflict', 'version');

  // The reviewer masks every proposal and adds one of its own: the product batch "T-1".
  const tagAt = [...p.text].join('').indexOf('T-1');
  const published = await publishAll(leader, p.id, [{ start: tagAt, end: tagAt + 3, kind: 'name', decision: 'mask' }]);
  assert.equal(published.status, 'published');
  assert.equal(published.reviewer_name, 'demo_chifeng_leader');
  assert.ok(published.published_at);
  assert.ok(published.spans.every((s) => s.decided_by === 'demo_chifeng_leader' && s.decided_at && s.decision === 'mask'),
    'every span says who decided it and when');
  assert.ok(published.spans.some((s) => s.source === 'reviewer' && s.original === 'T-1'));
  for (const s of SECRETS) assert.ok(!published.masked_text.includes(s), `'${s}' left in the published text`);
  assert.ok(!published.masked_text.includes('T-1'));

  // The public page of the decision: masked only.
  const pub = await request('GET', `/api/public/v1/decisions/${p.id}`);
  assert.equal(pub.status, 200, pub.text);
  assertNoSecrets(pub.json, 'public decision');
  assert.equal(pub.json.party, PARTY);
  assert.equal(pub.json.text, published.masked_text);
  assert.equal(pub.json.spans, undefined);
  // The published decision as PDF: the masked text, in an embedded CJK font (pdftotext).
  const pdf = await request('GET', `/api/public/v1/decisions/${p.id}/document.pdf`);
  assert.equal(pdf.status, 200, pdf.text.slice(0, 200));
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const file = path.join(TMP, `publication-${p.id}.pdf`);
  writeFileSync(file, pdf.bytes);
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(pdfText.includes('1502**********234X'), pdfText.slice(0, 400));
  assert.ok(pdfText.includes(PARTY));
  for (const s of SECRETS) assert.ok(!pdfText.includes(s.replace(/\s+/g, '')), `'${s}' in the published PDF`);
  assertError(await request('GET', `/api/public/v1/decisions/${p.id + 100000}/document.pdf`), 404, 'not_found');

  // Published once: a second review is refused.
  r = await leader.post(`/api/v1/publications/${p.id}/publish`, { version: published.version, spans: [] });
  assertError(r, 409, 'conflict', 'status');
});

test('revoking the decision withdraws its publication; the public API no longer shows it', async () => {
  const { case: c } = await decidedCase(officer, leader);
  const p = await publicationOf(officer, c.id);
  await publishAll(leader, p.id);
  let pub = await request('GET', `/api/public/v1/decisions/${p.id}`);
  assert.equal(pub.status, 200, pub.text);
  const r = await leader.post(`/api/v1/cases/${c.id}/actions/revoke`, { reason: '复议撤销' });
  assert.equal(r.status, 200, r.text);
  const after = await leader.get(`/api/v1/publications/${p.id}`);
  assert.equal(after.json.status, 'withdrawn');
  assert.equal(after.json.withdraw_reason, 'decision revoked');
  assert.ok(after.json.revoked_at);
  pub = await request('GET', `/api/public/v1/decisions/${p.id}`);
  assertError(pub, 404, 'not_found');
});

test('a warning alone and the summary procedure are not published', async () => {
  const { case: c } = await decidedCase(officer, leader, { penalties: [{ kind: 'warning' }] });
  assert.equal(await publicationOf(officer, c.id), undefined, 'no publication for a warning alone');
  const r = await officer.post('/api/v1/publications', { case_id: c.id });
  assertError(r, 409, 'conflict', 'case_id');
  assert.match(r.json.error.message, /warning alone/);
});

test('typical cases are published with a curated summary, masked like decisions', async () => {
  const { case: c } = await decidedCase(officer, leader);
  let r = await officer.post('/api/v1/publications', { case_id: c.id, kind: 'typical_case' });
  assertError(r, 400, 'invalid_argument', 'summary');
  r = await officer.post('/api/v1/publications', { case_id: c.id, kind: 'typical_case', summary: `典型案例：${decisionText('典型')}` });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.kind, 'typical_case');
  assert.equal(r.json.due_on, null, 'typical cases have no statutory deadline');
  const published = await publishAll(leader, r.json.id);
  for (const s of SECRETS) assert.ok(!published.masked_text.includes(s), `'${s}' left in the typical case`);
  const pub = await request('GET', `/api/public/v1/typical-cases/${r.json.id}`);
  assert.equal(pub.status, 200, pub.text);
  assertNoSecrets(pub.json, 'public typical case');
  const wrongKind = await request('GET', `/api/public/v1/decisions/${r.json.id}`);
  assertError(wrongKind, 404, 'not_found');
});

test('publications are scoped to the case unit; roles come from data/disclosure', async () => {
  const { case: c } = await decidedCase(officer, leader);
  const p = await publicationOf(officer, c.id);
  let r = await hongshan.get(`/api/v1/publications/${p.id}`);
  assertError(r, 404, 'not_found');
  r = await hongshan.get('/api/v1/publications');
  assert.ok(!r.json.items.some((x) => x.id === p.id));
  r = await hongshan.post('/api/v1/publications', { case_id: c.id, kind: 'typical_case', summary: '某某典型案例摘要，不含个人信息。' });
  assertError(r, 404, 'not_found');
  r = await analyst.get('/api/v1/publications');
  assertError(r, 403, 'forbidden');
  r = await officer.post(`/api/v1/publications/${p.id}/withdraw`, { reason: 'x' });
  assertError(r, 403, 'forbidden');
});

test('bad input names the field', async () => {
  let r = await officer.post('/api/v1/publications', {});
  assertError(r, 400, 'invalid_argument', 'case_id');
  r = await officer.post('/api/v1/publications', { case_id: 1, kind: 'other' });
  assertError(r, 400, 'invalid_argument', 'kind');
  r = await officer.post('/api/v1/publications', { case_id: 1, colour: 'red' });
  assertError(r, 400, 'invalid_argument', 'colour');
  r = await officer.get('/api/v1/publications?status=lost');
  assertError(r, 400, 'invalid_argument', 'status');
  r = await officer.get('/api/v1/publications/abc');
  assertError(r, 400, 'invalid_argument', 'id');
  const lead = await createLead(officer);
  const c = await openCase(officer, lead.id);
  r = await officer.post('/api/v1/publications', { case_id: c.id });
  assertError(r, 409, 'conflict', 'case_id');
  r = await leader.post('/api/v1/publications/999999/withdraw', { reason: '' });
  assertError(r, 400, 'invalid_argument', 'reason');
  r = await leader.post('/api/v1/publications/999999/withdraw', { reason: 'x' });
  assertError(r, 404, 'not_found');
});
