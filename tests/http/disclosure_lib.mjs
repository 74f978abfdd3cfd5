// Shared by disclosure.test.mjs and public.test.mjs: a case taken to a penalty decision through
// the procedure, whose publication the server then creates, and texts holding every kind of
// personal data RULES.md lists (with the pieces that must never be published).
import assert from 'node:assert/strict';
import { createLead, openCase, uniq } from './lib.mjs';

export const PARTY = '赤峰某某商贸有限公司';

// Every piece of personal data in decisionText(), as the input writes it: none may appear in
// anything public.
export const SECRETS = [
  '15020319900101234X', '１５０２０３１９９００１０１２３４ｘ', '１３８００１３８０００',
  '钢铁街12号3单元502室', '8332199', 'lisi@example.com', '6222021234567890128', '高血压', '张三', '李四',
  '王五', '150203900101123',
];

export function decisionText(tag) {
  return `行政处罚决定书 ${tag}
当事人：${PARTY}，统一社会信用代码91150404MA0N1234X5，住所：赤峰市松山区振兴大街1号。
举报人张三（身份证号15020319900101234X，手机１３８００１３８０００）反映该公司销售不合格电线。
证人李四，住址：内蒙古自治区赤峰市松山区钢铁街12号3单元502室，联系电话0476-8332199，电子邮箱 lisi@example.com，其银行卡号6222021234567890128。
证人王五患有高血压，另一证件号１５０２０３１９９００１０１２３４ｘ，旧证150203900101123。订单号201803011380013800012。
经查，当事人销售以次充好的电线电缆，货值金额10000元，罚款15000元。`;
}

const act = (client, id, action, body) => client.post(`/api/v1/cases/${id}/actions/${action}`, body ?? {});

// Takes a new case of `officer`'s unit to decide_penalty (by `leader`) with the given facts'
// penalties; returns {case, decision_no}.
export async function decidedCase(officer, leader, { penalties = [{ kind: 'fine', amount_fen: 1500000 }], words = '' } = {}) {
  const lead = await createLead(officer, { text: `销售以次充好的电线电缆${words}`, enterprise_name: PARTY,
    violations: ['inferior_as_superior'] });
  const c = await openCase(officer, lead.id, { title: `销售不合格电线电缆案${words}` });
  let r = await officer.req('PUT', `/api/v1/cases/${c.id}/facts`, { body: { version: 0, facts: {
    penalties, legal_basis: ['PQL-50'] } } });
  assert.equal(r.status, 200, r.text);
  const decision_no = `松市监罚字〔2018〕${uniq('')}号`;
  const steps = [
    [leader, 'file', { reason: '涉嫌销售不合格产品' }],
    [officer, 'start_investigation', {}],
    [officer, 'submit_legal_review', { findings: '抽检不合格', proposed_decision: '罚款' }],
    [leader, 'send_prior_notice', { notice_no: '告〔2018〕1号', proposed_penalty: '罚款15000元' }],
    [officer, 'close_statement_period', { statement: '当事人放弃陈述申辩' }],
    [leader, 'decide_penalty', { decision_no, legal_basis: '《产品质量法》第五十条' }],
  ];
  for (const [client, action, body] of steps) {
    // Filing needs the 立案审批表 on file (docs/case-procedure.md, "Documents a step needs").
    if (action === 'file') assert.equal((await leader.post(`/api/v1/cases/${c.id}/documents/filing-approval.pdf`)).status, 201);
    r = await act(client, c.id, action, body);
    assert.equal(r.status, 200, `${action}: ${r.text}`);
  }
  return { case: c, decision_no };
}

// The publication of `kind` the server holds for a case (internal API).
export async function publicationOf(client, caseId, kind = 'decision') {
  const r = await client.get(`/api/v1/publications?kind=${kind}`);
  assert.equal(r.status, 200, r.text);
  return r.json.items.find((p) => p.case_id === caseId);
}

// Publishes a pending publication with every proposed span masked (and `extra` spans added).
export async function publishAll(reviewer, id, extra = []) {
  const p = await reviewer.get(`/api/v1/publications/${id}`);
  assert.equal(p.status, 200, p.text);
  const spans = p.json.spans.map((s) => ({ start: s.start, end: s.end, kind: s.kind, decision: 'mask' }));
  const r = await reviewer.post(`/api/v1/publications/${id}/publish`, { version: p.json.version, spans: [...spans, ...extra] });
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// Every string anywhere in a JSON value (keys included).
export function strings(v, out = []) {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); strings(x, out); }
  return out;
}

export function assertNoSecrets(value, what) {
  const all = strings(value).join('\n');
  for (const s of SECRETS) assert.ok(!all.includes(s), `${what}: '${s}' is published unmasked`);
}
