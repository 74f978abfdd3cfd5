// Official documents as PDF and evidence checks through the API: a 行政处罚决定书 of a decided
// case carries the case's text (pdftotext) in an embedded CJK font (pdffonts); documents a case
// has not reached answer 409; other units see nothing; uploads must be what they claim to be.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { login, createLead, openCase, assertError, uniq, TMP } from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400)
let hongshan; // demo_hongshan_officer (150402), a sibling county

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  hongshan = await login('demo_hongshan_officer');
});

const PARTY = '赤峰市松山区丰收农资经销部';
const act = async (client, id, action, body) => {
  const r = await client.post(`/api/v1/cases/${id}/actions/${action}`, body);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.json;
};

async function newCase() {
  const lead = await createLead(officer, { text: '复合肥总养分含量不足', enterprise_name: PARTY });
  return openCase(officer, lead.id, { title: '销售不合格复合肥案', summary: '当事人销售总养分不合格的复合肥120袋，货值金额9600元。' });
}

async function decidedCase(decisionNo) {
  const c = await newCase();
  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  await act(leader, c.id, 'file', { reason: '涉嫌销售不合格产品' });
  await act(officer, c.id, 'start_investigation', {});
  await act(officer, c.id, 'submit_legal_review', { findings: '抽检不合格', proposed_decision: '罚款' });
  await act(leader, c.id, 'send_prior_notice', { notice_no: '松市监告〔2018〕1号', proposed_penalty: '没收违法所得，罚款人民币五千元' });
  await act(officer, c.id, 'close_statement_period', { statement: '当事人放弃陈述申辩' });
  await act(leader, c.id, 'decide_penalty', { decision_no: decisionNo, legal_basis: '《中华人民共和国产品质量法》第五十条' });
  return c;
}

// pdftotext breaks lines where the layout does: compare without white space.
const flat = (s) => s.replace(/\s+/g, '');

function pdfTool(tool, bytes) {
  const path = join(TMP, `${uniq('doc')}.pdf`);
  writeFileSync(path, bytes);
  try {
    return execFileSync(tool, tool === 'pdftotext' ? ['-enc', 'UTF-8', path, '-'] : [path], { encoding: 'utf8' });
  } finally {
    rmSync(path, { force: true });
  }
}

test('a decided case\'s 行政处罚决定书 is a PDF with the case\'s text in an embedded CJK font', async () => {
  const decisionNo = `松市监罚〔2018〕${Math.floor(Math.random() * 9000) + 100}号`;
  const c = await decidedCase(decisionNo);
  const r = await officer.get(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  assert.match(r.headers.get('content-disposition'), /^inline; filename\*=UTF-8''/);
  assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-');
  const text = flat(pdfTool('pdftotext', r.bytes));
  for (const s of ['行政处罚决定书', decisionNo, PARTY, '产品质量法》第五十条', '罚款人民币五千元', '行政复议', '—1—'])
    assert.ok(text.includes(s), `the decision lacks ${s}:\n${text}`);
  assert.match(text, /二〇一八年|二〇[一二][〇一二三四五六七八九]年/, 'the date is in Chinese numerals');
  const fonts = pdfTool('pdffonts', r.bytes);
  assert.match(fonts, /NotoSerifCJK\S*\s.*\byes\b/, `no embedded CJK font:\n${fonts}`);
  // The unit above sees it too; a sibling county does not see the case at all.
  assert.equal((await leader.get(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`)).status, 200);
  assertError(await hongshan.get(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`), 404, 'not_found', undefined, 'sibling unit');

  // Kept as evidence: an attachment of the case with the PDF's hash.
  const kept = await officer.post(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`);
  assert.equal(kept.status, 201, kept.text);
  assert.equal(kept.json.content_type, 'application/pdf');
  const down = await officer.get(`/api/v1/attachments/${kept.json.id}/content`);
  assert.equal(createHash('sha256').update(down.bytes).digest('hex'), kept.json.sha256);
  assert.match(kept.json.filename, /行政处罚决定书\.pdf$/);
});

test('documents the case has not reached answer 409; the filing form exists from the start', async () => {
  const c = await newCase();
  assertError(await officer.get(`/api/v1/cases/${c.id}/documents/penalty-decision.pdf`), 409, 'conflict', 'kind', 'before a decision');
  assertError(await officer.get(`/api/v1/cases/${c.id}/documents/transfer-letter.pdf`), 409, 'conflict', 'kind', 'before a transfer');
  assertError(await officer.get(`/api/v1/cases/${c.id}/documents/verdict.pdf`), 404, 'not_found', 'kind', 'unknown document');
  assertError(await officer.get(`/api/v1/cases/x/documents/filing-approval.pdf`), 400, 'invalid_argument', 'id', 'bad id');
  const form = await officer.get(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  assert.equal(form.status, 200, form.text.slice(0, 300));
  const text = flat(pdfTool('pdftotext', form.bytes));
  for (const s of ['立案审批表', c.case_no, PARTY, '案情摘要', '（待审批）']) assert.ok(text.includes(s), `form lacks ${s}:\n${text}`);
});

test('the 移送函 of an approved transfer is addressed to the public security organ', async () => {
  const c = await newCase();
  await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`);
  await act(leader, c.id, 'file', { reason: '涉嫌生产销售伪劣产品' });
  await act(officer, c.id, 'start_investigation', {});
  await act(officer, c.id, 'propose_transfer', { reason: '货值金额超过五万元，涉嫌生产、销售伪劣产品罪', proposed_by: '承办人甲、承办人乙' });
  await act(leader, c.id, 'approve_transfer', { police_authority: '赤峰市公安局松山区分局', transfer_no: '松市监移〔2018〕3号' });
  const r = await officer.get(`/api/v1/cases/${c.id}/documents/transfer-letter.pdf`);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const text = flat(pdfTool('pdftotext', r.bytes));
  for (const s of ['移送函', '赤峰市公安局松山区分局', '松市监移〔2018〕3号', '涉嫌生产、销售伪劣产品罪', c.case_no])
    assert.ok(text.includes(s), `the letter lacks ${s}:\n${text}`);
});

test('evidence uploads: the declared type must match the file\'s bytes', async () => {
  const c = await newCase();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
  const ok = await officer.post(`/api/v1/cases/${c.id}/attachments?filename=scene.png`, png, { headers: { 'Content-Type': 'image/png' } });
  assert.equal(ok.status, 201, ok.text);
  assertError(await officer.post(`/api/v1/cases/${c.id}/attachments?filename=scene.pdf`, png, { headers: { 'Content-Type': 'application/pdf' } }),
    400, 'invalid_argument', 'body', 'a PNG declared as PDF');
  assertError(await officer.post(`/api/v1/cases/${c.id}/attachments?filename=run.jpg`, Buffer.from('MZ\x90\x00 program'), { headers: { 'Content-Type': 'image/jpeg' } }),
    400, 'invalid_argument', 'body', 'an executable declared as JPEG');
  const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
  assertError(await officer.post(`/api/v1/cases/${c.id}/attachments?filename=notes.txt`, big, { headers: { 'Content-Type': 'text/plain' } }),
    413, undefined, 'body', 'text above its 2 MiB limit');
  // The evidence shows up in the decision's list of evidence with its hash.
  const list = await officer.get(`/api/v1/cases/${c.id}/attachments`);
  assert.deepEqual(list.json.items.map((a) => a.filename), ['scene.png']);
});
