// The case procedure through the API: a case from filing to closing taken by the roles and
// units the procedure names, refusals with their reasons, and the timeline of every step.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, createLead, openCase, assertError, request } from './lib.mjs';

let officer; // demo_songshan_officer (150404): the handling unit
let leader; // demo_chifeng_leader (150400): the unit above it
let hongshan; // demo_hongshan_officer (150402): a sibling county
let analyst;

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
  analyst = await login('demo_analyst');
});

async function newCase() {
  const lead = await createLead(officer, { text: '复合肥有效含量不足' });
  return openCase(officer, lead.id, { title: '销售不合格复合肥案' });
}

const act = (client, id, action, body) => client.post(`/api/v1/cases/${id}/actions/${action}`, body ?? {});

test('the procedure definition lists states and transitions with roles, units, fields and sources', async () => {
  const r = await officer.get('/api/v1/procedure');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.initial, 'filing_review');
  const file = r.json.transitions.find((t) => t.action === 'file');
  assert.deepEqual(file.roles, ['leader']);
  assert.equal(file.unit, 'own_or_superior');
  assert.deepEqual(file.fields, ['reason']);
  assert.ok(r.json.states.some((s) => s.code === 'suspended' && s.clock_stopped));
});

test('a case from filing to closing, each step by the role and unit the procedure names', async () => {
  const c = await newCase();
  let r = await officer.get(`/api/v1/cases/${c.id}/actions`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'filing_review');
  assert.deepEqual(r.json.actions.map((a) => a.action), ['summary_penalty'], 'an officer may only use the summary procedure here');
  r = await leader.get(`/api/v1/cases/${c.id}/actions`);
  assert.deepEqual(r.json.actions.map((a) => a.action), ['file', 'decline_filing', 'extend_deadline'],
    'the unit above files, declines or extends the filing period');

  const steps = [
    [leader, 'file', { reason: '涉嫌销售不合格产品', version: 1 }, 'filed'],
    [officer, 'start_investigation', {}, 'investigating'],
    [officer, 'submit_legal_review', { findings: '抽检不合格', proposed_decision: '罚款' }, 'legal_review'],
    [leader, 'send_prior_notice', { notice_no: '告〔2018〕1号', proposed_penalty: '罚款5000元' }, 'notice'],
    [officer, 'close_statement_period', { statement: '当事人放弃陈述申辩' }, 'deciding'],
    [leader, 'decide_penalty', { decision_no: '松市监罚字〔2018〕1号', legal_basis: '《产品质量法》第五十条' }, 'decided'],
    [officer, 'serve', { served_on: '2018-06-01', method: '直接送达' }, 'served'],
    [officer, 'record_execution', { executed_on: '2018-06-10', result: '罚款已缴纳' }, 'executed'],
    [leader, 'close', { closing_report: '执行完毕，予以结案', note: '结案审批' }, 'closed'],
  ];
  // Filing needs the 立案审批表 on file, serving the 行政处罚决定书 (docs/case-procedure.md).
  r = await act(leader, c.id, 'file', { reason: '涉嫌销售不合格产品' });
  assertError(r, 400, 'invalid_argument', 'documents', 'filing without the filing approval form');
  assert.match(r.json.error.message, /立案审批表/);
  r = await leader.get(`/api/v1/cases/${c.id}/actions`);
  assert.deepEqual(r.json.actions.find((a) => a.action === 'file').missing_documents.map((d) => d.name_zh), ['立案审批表']);
  for (const [client, action, body, to] of steps) {
    if (action === 'file') assert.equal((await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`)).status, 201);
    if (action === 'serve') {
      assertError(await act(client, c.id, action, body), 400, 'invalid_argument', 'documents', 'serving without the decision');
      assert.equal((await officer.post(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`)).status, 201);
    }
    r = await act(client, c.id, action, body);
    assert.equal(r.status, 200, `${action}: ${r.text}`);
    assert.equal(r.json.status, to, action);
    assert.equal(r.json.event.data.action, action);
  }
  assert.equal(r.json.progress.decision, 'penalty');
  assert.equal(r.json.progress.decision_no, '松市监罚字〔2018〕1号');
  assert.ok(r.json.progress.filed_at && r.json.progress.served_at && r.json.progress.closed_at);
  const timeline = await officer.get(`/api/v1/cases/${c.id}/timeline`);
  const actions = timeline.json.items.filter((e) => e.kind === 'action').map((e) => e.data.action);
  assert.deepEqual(actions, steps.map((s) => s[1]), 'every step is on the timeline in order');
  assert.equal(timeline.json.items.at(-1).note, '结案审批');
  const closed = await officer.get(`/api/v1/cases?status=closed&q=${encodeURIComponent('销售不合格复合肥案')}`);
  assert.ok(closed.json.items.some((x) => x.id === c.id), 'the list filters on the new states');
});

test('refusals say why and change nothing', async () => {
  const c = await newCase();
  assertError(await act(officer, c.id, 'file', { reason: 'r' }), 403, 'forbidden', undefined, 'an officer files');
  assertError(await act(leader, c.id, 'serve', { served_on: 'x', method: 'y' }), 409, 'conflict', 'action', 'serve before filing');
  assertError(await act(leader, c.id, 'file', {}), 400, 'invalid_argument', 'reason', 'no reason');
  assertError(await act(leader, c.id, 'file', { reason: 'r', fine: '1' }), 400, 'invalid_argument', 'fine', 'a field file does not take');
  assertError(await act(leader, c.id, 'shred', {}), 400, 'invalid_argument', 'action', 'no such action');
  assertError(await act(leader, c.id, 'file', { reason: 'r', version: 9 }), 409, 'conflict', 'version', 'a stale version');
  assertError(await act(hongshan, c.id, 'summary_penalty', { party_kind: 'person', fine: '50', legal_basis: 'x' }), 404, 'not_found', undefined, 'a sibling county');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/actions`), 404, 'not_found');
  assertError(await act(analyst, c.id, 'file', { reason: 'r' }), 403, 'forbidden', undefined, 'an analyst');
  assertError(await act(officer, c.id, 'summary_penalty', { party_kind: 'person', fine: '200.01', legal_basis: 'x' }), 400, 'invalid_argument', 'fine', 'over the summary ceiling');
  const noCsrf = await request('POST', `/api/v1/cases/${c.id}/actions/file`, { cookie: leader.cookie, body: { reason: 'r' } });
  assert.equal(noCsrf.status, 403, noCsrf.text);
  const after = await officer.get(`/api/v1/cases/${c.id}`);
  assert.equal(after.json.status, 'filing_review');
  assert.equal(after.json.version, 1);
});

test('summary procedure, suspension and transfer under Decree 310', async () => {
  const s = await newCase();
  let r = await act(officer, s.id, 'summary_penalty', { party_kind: 'organisation', fine: '3000', legal_basis: '《产品质量法》' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.progress.procedure, 'summary');
  assert.equal(r.json.status, 'decided');

  const c = await newCase();
  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  await act(leader, c.id, 'file', { reason: 'r' });
  await act(officer, c.id, 'start_investigation');
  r = await act(leader, c.id, 'suspend', { reason: '等待检验' });
  assert.equal(r.json.progress.suspended_from, 'investigating');
  r = await officer.get(`/api/v1/cases/${c.id}/actions`);
  assert.deepEqual(r.json.actions, [], 'an officer cannot resume');
  r = await act(leader, c.id, 'resume', { reason: '检验完成' });
  assert.equal(r.json.status, 'investigating');
  r = await act(officer, c.id, 'propose_transfer', { reason: '销售金额超过五万元', proposed_by: ['执法人员甲', '执法人员乙'] });
  assert.equal(r.json.status, 'transfer_review');
  assertError(await act(leader, c.id, 'refuse_transfer', {}), 400, 'invalid_argument', 'reason', 'a refusal needs reasons');
  r = await act(leader, c.id, 'approve_transfer', { police_authority: '赤峰市公安局松山分局', transfer_no: '移〔2018〕1号' });
  assert.equal(r.json.status, 'transferred');
  assert.equal(r.json.progress.decision, 'transfer');
});

test('deadlines: the filing period from the lead, the case period from filing, a work list by unit', async () => {
  const lead = await createLead(officer, { text: '加油机作弊', received_at: new Date().toISOString() });
  const c = await openCase(officer, lead.id, { title: '加油机计量作弊案' });
  let r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  assert.equal(r.status, 200, r.text);
  const filing = r.json.items.find((d) => d.kind === 'filing_decision');
  assert.ok(filing, r.text);
  assert.equal(filing.status, 'open');
  assert.equal(filing.unit, 'working_days');
  assert.equal(filing.length, 15);
  assert.ok(filing.days_left === 15 || filing.days_left === 14, `${filing.days_left} working days left`);
  r = await officer.get('/api/v1/deadlines?mine=true');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.some((d) => d.case_id === c.id && d.kind === 'filing_decision'), 'on my work list');
  r = await leader.get('/api/v1/deadlines?unit=150404');
  assert.ok(r.json.items.some((d) => d.case_id === c.id), 'on the league list for the county');
  r = await hongshan.get('/api/v1/deadlines');
  assert.ok(!r.json.items.some((d) => d.case_id === c.id), 'never on a sibling county list');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/deadlines`), 404, 'not_found');
  assertError(await hongshan.get('/api/v1/deadlines?unit=150404'), 400, 'invalid_argument', 'unit');
  assertError(await officer.get('/api/v1/deadlines?kind=nap'), 400, 'invalid_argument', 'kind');

  r = await act(leader, c.id, 'extend_deadline', { deadline: 'filing_decision', reason: '需调取外省证据' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'filing_review', 'an extension does not move the case');
  r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  assert.equal(r.json.items.find((d) => d.kind === 'filing_decision').extensions, 1);
  assertError(await act(leader, c.id, 'extend_deadline', { deadline: 'statement', reason: 'x' }), 400, 'invalid_argument', 'deadline', 'the statement period cannot be extended');
  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  await act(leader, c.id, 'file', { reason: '涉嫌计量违法' });
  r = await officer.get(`/api/v1/cases/${c.id}/deadlines`);
  const kinds = Object.fromEntries(r.json.items.map((d) => [d.kind, d]));
  assert.equal(kinds.filing_decision.status, 'met');
  assert.equal(kinds.case_decision.status, 'open');
  assert.equal(kinds.case_decision.unit, 'days');
  assert.equal(kinds.case_decision.days_left, 90);
});
