// Cooperation between units through the API: a referral (通报) shares exactly the referred
// record; an assistance request (协查) shows the requested unit the request, its answer and
// attachments, never the rest of the case; external bodies; consultations (会商). A county in
// another league (新城区) and a sibling county see nothing they were not sent.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { login, createLead, openCase, assertError, uniq, BIN } from './lib.mjs';

let songshan; // demo_songshan_officer (150404): the case's unit
let hongshan; // demo_hongshan_officer (150402): the receiving / requested unit
let xincheng; // demo_xincheng_officer (150102): uninvolved
let leader; // demo_chifeng_leader (150400)
let analyst;
let admin;

before(async () => {
  songshan = await login('demo_songshan_officer');
  hongshan = await login('demo_hongshan_officer');
  xincheng = await login('demo_xincheng_officer');
  leader = await login('demo_chifeng_leader');
  analyst = await login('demo_analyst');
  admin = await login('demo_admin');
});

async function newCase() {
  const lead = await createLead(songshan, { text: '复合肥有效含量不足，涉案产品流向红山区' });
  const c = await openCase(songshan, lead.id, { title: '销售不合格复合肥案' });
  return { lead, c };
}

async function party() {
  const r = await songshan.post('/api/v1/external-parties',
    { name: `河北省张家口市市场监督管理局${uniq('')}`, region: '河北省', contact: '0313-0000000 稽查科' });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

test('a referral shares exactly the referred case: not its lead, not other cases', async () => {
  const { lead, c } = await newCase();
  const other = await newCase();
  assertError(await hongshan.get(`/api/v1/cases/${c.id}`), 404, 'not_found', undefined, 'before the referral');
  const r = await songshan.post('/api/v1/referrals',
    { entity: 'case', id: c.id, to_unit_code: '150402', note: '涉案产品流向红山区，请关注' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.to_unit_code, '150402');

  assert.equal((await hongshan.get(`/api/v1/cases/${c.id}`)).status, 200);
  assertError(await hongshan.get(`/api/v1/leads/${lead.id}`), 404, 'not_found', undefined, 'the case\'s lead');
  assertError(await hongshan.get(`/api/v1/cases/${other.c.id}`), 404, 'not_found', undefined, 'another case');
  assertError(await hongshan.get(`/api/v1/leads/${other.lead.id}`), 404, 'not_found');
  assertError(await xincheng.get(`/api/v1/cases/${c.id}`), 404, 'not_found', undefined, 'an uninvolved county');
  // Read only: the receiving unit cannot take part in the case.
  assertError(await hongshan.post(`/api/v1/cases/${c.id}/consultations`,
    { participants: [{ name: '张某' }], notes: 'x', conclusions: 'x' }), 403, 'forbidden');

  const received = await hongshan.get('/api/v1/referrals?box=received');
  assert.equal(received.status, 200, received.text);
  assert.ok(received.json.items.some((x) => x.id === r.json.id));
  const sent = await songshan.get('/api/v1/referrals?box=sent');
  assert.ok(sent.json.items.some((x) => x.id === r.json.id));
  const none = await xincheng.get('/api/v1/referrals');
  assert.ok(!none.json.items.some((x) => x.id === r.json.id));
  const tl = await songshan.get(`/api/v1/cases/${c.id}/timeline`);
  assert.ok(tl.json.items.some((e) => e.kind === 'referral'));
});

test('a lead referred to an external body is recorded and shared with no unit', async () => {
  const p = await party();
  const lead = await createLead(songshan, { text: '网售复合肥，生产企业在河北' });
  const r = await songshan.post('/api/v1/referrals',
    { entity: 'lead', id: lead.id, external_party_id: p.id, note: '线索涉及河北生产企业，请依法处理' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.external_party_name, p.name);
  assert.equal(r.json.to_unit_code, null);
  assertError(await hongshan.get(`/api/v1/leads/${lead.id}`), 404, 'not_found');
  const parties = await analyst.get('/api/v1/external-parties');
  assert.equal(parties.status, 200, parties.text);
  assert.ok(parties.json.items.some((x) => x.id === p.id));

  const post = (b) => songshan.post('/api/v1/referrals', b);
  assertError(await post({ entity: 'lead', id: lead.id, to_unit_code: '150402', external_party_id: p.id, note: 'x' }),
    400, 'invalid_argument', 'to_unit_code');
  assertError(await post({ entity: 'lead', id: lead.id, note: 'x' }), 400, 'invalid_argument', 'to_unit_code');
  assertError(await post({ entity: 'enterprise', id: 1, to_unit_code: '150402', note: 'x' }), 400, 'invalid_argument', 'entity');
  assertError(await post({ entity: 'lead', id: lead.id, to_unit_code: '159999', note: 'x' }), 400, 'invalid_argument', 'to_unit_code');
  assertError(await post({ entity: 'lead', id: lead.id, external_party_id: 999999, note: 'x' }), 400, 'invalid_argument', 'external_party_id');
  assertError(await post({ entity: 'lead', id: lead.id, to_unit_code: '150402' }), 400, 'invalid_argument', 'note');
  assertError(await songshan.post('/api/v1/external-parties', { name: 'x', region: '河北省' }), 400, 'invalid_argument', 'contact');
  assertError(await xincheng.post('/api/v1/referrals', { entity: 'lead', id: lead.id, to_unit_code: '150402', note: 'x' }),
    404, 'not_found', undefined, 'a unit that cannot see the lead');
  assertError(await admin.get('/api/v1/referrals'), 403, 'forbidden');
});

test('the requested unit answers with an attachment and never sees the case', async () => {
  const { lead, c } = await newCase();
  let r = await songshan.post(`/api/v1/cases/${c.id}/assistance`,
    { to_unit_code: '150402', questions: '请核查红山区某农资经营部的进货台账' });
  assert.equal(r.status, 201, r.text);
  const a = r.json;
  assert.equal(a.state, 'requested');
  assert.equal(a.case_no, c.case_no);
  // 15 working days by default (RULES.md), on the official calendar as `lijian calendar add` counts.
  // Past the calendar's last year the server counts weekends only (provisional, docs/deadlines.md)
  // while `lijian calendar add` refuses: then check the due day is 15 weekdays on.
  const cal = spawnSync(BIN, ['calendar', 'add', '--from', a.requested_on, '--working-days', '15'], { encoding: 'utf8' });
  if (cal.status === 0) {
    assert.equal(a.due_on, cal.stdout.trim());
  } else {
    assert.match(cal.stderr, /cn-holidays\.json/);
    const d = new Date(`${a.requested_on}T00:00:00Z`);
    for (let left = 15; left > 0;) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
    }
    assert.ok(a.due_on >= d.toISOString().slice(0, 10), `${a.due_on} provisional`);
  }

  // What the requested unit sees: the request, not the case.
  r = await hongshan.get(`/api/v1/assistance/${a.id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.questions, '请核查红山区某农资经营部的进货台账');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}`), 404, 'not_found');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/timeline`), 404, 'not_found');
  assertError(await hongshan.get(`/api/v1/leads/${lead.id}`), 404, 'not_found');
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/consultations`), 404, 'not_found');
  assertError(await xincheng.get(`/api/v1/assistance/${a.id}`), 404, 'not_found');
  r = await hongshan.get('/api/v1/assistance?box=to_answer');
  assert.ok(r.json.items.some((x) => x.id === a.id));
  r = await songshan.get('/api/v1/assistance?box=sent');
  assert.ok(r.json.items.some((x) => x.id === a.id));
  // Narrowed to the case: this request only; another case's list does not hold it.
  r = await songshan.get(`/api/v1/assistance?box=sent&case_id=${c.id}`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.length >= 1 && r.json.items.every((x) => x.case_id === c.id));
  assert.ok(r.json.items.some((x) => x.id === a.id));
  r = await songshan.get(`/api/v1/assistance?box=sent&case_id=${c.id + 100000}`);
  assert.deepEqual(r.json.items, []);
  // The requested unit sees it by case too, without seeing the case itself.
  r = await hongshan.get(`/api/v1/assistance?box=to_answer&case_id=${c.id}`);
  assert.ok(r.json.items.some((x) => x.id === a.id));
  assertError(await songshan.get('/api/v1/assistance?case_id=x'), 400, 'invalid_argument', 'case_id');
  r = await xincheng.get('/api/v1/assistance');
  assert.ok(!r.json.items.some((x) => x.id === a.id));

  // The answer with its file, by the requested unit only.
  const file = Buffer.from('进货台账：2018年4月购进复合肥200袋\n', 'utf8');
  const upload = (client, type = 'text/plain') => client.post(`/api/v1/assistance/${a.id}/attachments?filename=${encodeURIComponent('进货台账.txt')}`,
    file, { headers: { 'Content-Type': type } });
  assertError(await upload(songshan), 403, 'forbidden', undefined, 'the requester attaches');
  assertError(await upload(hongshan, 'application/x-msdownload'), 400, 'invalid_argument', 'content-type');
  r = await upload(hongshan);
  assert.equal(r.status, 201, r.text);
  const att = r.json;
  assert.equal(att.size, file.length);
  assert.match(att.sha256, /^[0-9a-f]{64}$/);
  assertError(await songshan.post(`/api/v1/assistance/${a.id}/answer`, { answer: 'x' }), 403, 'forbidden');
  r = await hongshan.post(`/api/v1/assistance/${a.id}/answer`, { answer: '经核查，该经营部2018年4月购进涉案复合肥200袋' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'answered');
  assertError(await hongshan.post(`/api/v1/assistance/${a.id}/answer`, { answer: 'x' }), 409, 'conflict');

  r = await songshan.get(`/api/v1/assistance/${a.id}`);
  assert.equal(r.json.answer, '经核查，该经营部2018年4月购进涉案复合肥200袋');
  assert.equal(r.json.attachments.length, 1);
  r = await songshan.get(`/api/v1/assistance/${a.id}/attachments/${att.id}/content`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.bytes, file);
  assert.equal(r.headers.get('x-content-sha256'), att.sha256);
  assertError(await xincheng.get(`/api/v1/assistance/${a.id}/attachments/${att.id}/content`), 404, 'not_found');
  // The attachment is not reachable through the case attachments route either.
  r = await hongshan.get(`/api/v1/attachments/${att.id}/content`);
  assert.ok(r.status === 404 || !r.bytes.equals(file), 'no leak through /attachments');

  r = await songshan.get(`/api/v1/cases/${c.id}/timeline`);
  const kinds = r.json.items.map((e) => e.kind);
  assert.ok(kinds.includes('assistance_requested') && kinds.includes('assistance_answered'), kinds.join());
});

test('extension with notice, withdrawal, and requests from external bodies', async () => {
  const { c } = await newCase();
  let r = await songshan.post(`/api/v1/cases/${c.id}/assistance`,
    { to_unit_code: '150402', questions: '请协查', due_in_working_days: 10 });
  assert.equal(r.status, 201, r.text);
  const a = r.json;
  assertError(await hongshan.post(`/api/v1/assistance/${a.id}/extend`, { due_on: a.due_on, notice: 'x' }),
    400, 'invalid_argument', 'due_on');
  assertError(await hongshan.post(`/api/v1/assistance/${a.id}/extend`, { due_on: '2026-13-01', notice: 'x' }),
    400, 'invalid_argument', 'due_on');
  const later = `${Number(a.due_on.slice(0, 4)) + 1}${a.due_on.slice(4)}`;
  r = await hongshan.post(`/api/v1/assistance/${a.id}/extend`, { due_on: later, notice: '需调取外地供货商资料，申请延期' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.due_on, later);
  assert.equal(r.json.extension_notice, '需调取外地供货商资料，申请延期');
  assertError(await hongshan.post(`/api/v1/assistance/${a.id}/withdraw`, { reason: 'x' }), 403, 'forbidden');
  r = await songshan.post(`/api/v1/assistance/${a.id}/withdraw`, { reason: '案件已移送公安机关' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'withdrawn');
  r = await songshan.get(`/api/v1/cases/${c.id}/timeline`);
  const kinds = r.json.items.map((e) => e.kind);
  assert.ok(kinds.includes('assistance_extended') && kinds.includes('assistance_withdrawn'), kinds.join());

  const p = await party();
  r = await hongshan.post('/api/v1/assistance/incoming',
    { external_party_id: p.id, external_reference: '冀张市监协〔2018〕3号', questions: '请核查贵辖区某经销商' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.direction, 'incoming');
  assert.equal(r.json.to_unit_code, '150402');
  assert.equal(r.json.external_party_name, p.name);
  assertError(await songshan.get(`/api/v1/assistance/${r.json.id}`), 404, 'not_found');
  assert.equal((await leader.get(`/api/v1/assistance/${r.json.id}`)).status, 200, 'the league above reads');
  r = await hongshan.post(`/api/v1/assistance/${r.json.id}/answer`, { answer: '已核查，复函对方' });
  assert.equal(r.status, 200, r.text);

  assertError(await hongshan.post('/api/v1/assistance/incoming', { questions: 'x' }), 400, 'invalid_argument', 'external_party_id');
  assertError(await hongshan.post('/api/v1/assistance/incoming', { external_party_id: p.id, questions: 'x', received_on: '2999-01-01' }),
    400, 'invalid_argument', 'received_on');
  assertError(await songshan.post(`/api/v1/cases/${c.id}/assistance`, { to_unit_code: '150402', questions: 'x', due_in_working_days: 0 }),
    400, 'invalid_argument', 'due_in_working_days');
  assertError(await songshan.get('/api/v1/assistance?box=mine'), 400, 'invalid_argument', 'box');
  assertError(await analyst.post(`/api/v1/cases/${c.id}/assistance`, { to_unit_code: '150402', questions: 'x' }), 403, 'forbidden');
});

test('consultation notes are kept on the case and read in scope', async () => {
  const { c } = await newCase();
  const note = { participants: [{ unit_code: '150400', name: '法制科 李某' }, { unit_code: '150404', name: '稽查队 王某' }],
    notes: '讨论涉案货值认定', conclusions: '按标价计算货值，移送公安机关' };
  let r = await songshan.post(`/api/v1/cases/${c.id}/consultations`, note);
  assert.equal(r.status, 201, r.text);
  r = await leader.get(`/api/v1/cases/${c.id}/consultations`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.length, 1);
  assert.equal(r.json.items[0].conclusions, '按标价计算货值，移送公安机关');
  assertError(await xincheng.get(`/api/v1/cases/${c.id}/consultations`), 404, 'not_found');
  const post = (b) => songshan.post(`/api/v1/cases/${c.id}/consultations`, { ...note, ...b });
  assertError(await post({ participants: [] }), 400, 'invalid_argument', 'participants');
  assertError(await post({ participants: [{ unit_code: '159999' }] }), 400, 'invalid_argument', 'participants');
  assertError(await post({ participants: [{ role: 'x' }] }), 400, 'invalid_argument', 'participants');
  assertError(await post({ held_on: '2999-01-01' }), 400, 'invalid_argument', 'held_on');
  assertError(await post({ conclusions: '' }), 400, 'invalid_argument', 'conclusions');
});
