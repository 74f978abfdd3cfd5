// The public portal (web/src/portal) in a real browser without login: search, a published
// decision's page (masked), typical cases, the report form and the status lookup; no personal
// data on any page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, open } from './lib.mjs';

// Personal data in the decision text published below: none may be on a page.
const SECRETS = ['15020319900101234X', '13800138000', '钢铁街12号', '8332199', 'lisi@example.com', '6222021234567890128',
  '高血压', '张三', '李四'];
const WORD = '镀锌钢丝绳';

async function session(username) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await r.json();
  return async (method, path, body) => {
    const res = await fetch(`${BASE}/api/v1${path}`, { method, headers: { cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined });
    const json = await res.json();
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

// A case taken to its penalty decision and its publication published with every span masked.
async function publishDecision() {
  const officer = await session('demo_songshan_officer');
  const leader = await session('demo_chifeng_leader');
  const lead = await officer('POST', '/leads', { source: 'inspection', source_id: `portal-${Date.now()}`,
    received_at: '2018-05-02T09:00:00+08:00', text: `检查发现销售不合格${WORD}`, enterprise_name: '赤峰某某五金有限公司' });
  const c = await officer('POST', '/cases', { lead_id: lead.id, title: `销售不合格${WORD}案` });
  await officer('PUT', `/cases/${c.id}/facts`, { version: 0, facts: { penalties: [{ kind: 'fine', amount_fen: 800000 }] } });
  for (const [who, action, body] of [[leader, 'file', { reason: '涉嫌销售不合格产品' }], [officer, 'start_investigation', {}],
    [officer, 'submit_legal_review', { findings: '抽检不合格', proposed_decision: '罚款' }],
    [leader, 'send_prior_notice', { notice_no: '告〔2018〕9号', proposed_penalty: '罚款8000元' }],
    [officer, 'close_statement_period', { statement: '放弃陈述申辩' }],
    [leader, 'decide_penalty', { decision_no: '松市监罚字〔2018〕99号', legal_basis: '《产品质量法》第四十九条' }]])
  {
    // Filing needs the 立案审批表 on file (docs/case-procedure.md).
    if (action === 'file') await leader('POST', `/cases/${c.id}/documents/filing-approval.pdf`);
    await who('POST', `/cases/${c.id}/actions/${action}`, body);
  }
  const list = await officer('GET', '/publications?kind=decision');
  let p = list.items.find((x) => x.case_id === c.id);
  p = await officer('POST', `/publications/${p.id}/text`, { version: p.version, text:
    `行政处罚决定书 松市监罚字〔2018〕99号\n当事人：赤峰某某五金有限公司。\n举报人张三（身份证号15020319900101234X，手机13800138000）反映该公司销售不合格${WORD}。\n` +
    '证人李四，住址：赤峰市松山区钢铁街12号，电话0476-8332199，邮箱 lisi@example.com，卡号6222021234567890128，患有高血压。' });
  const spans = p.spans.map((s) => ({ start: s.start, end: s.end, decision: 'mask' }));
  await leader('POST', `/publications/${p.id}/publish`, { version: p.version, spans });
  return p.id;
}

function assertClean(text, where) {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${where}: '${s}' on the page`);
}

test('the portal without login: search, a decision, typical cases, a report and its status', async () => {
  const id = await publishDecision();
  const { browser, page, errors } = await open();
  try {
    await page.goto(`${BASE}/portal`);
    await page.waitForURL(/\/portal\/decisions$/);
    assert.match(await page.textContent('[data-test=portal-title]'), /行政处罚信息公示/);
    await page.fill('input[name=words]', WORD);
    await page.click('[data-test=portal-search]');
    await page.waitForSelector(`[data-test=portal-results] a[href="/portal/decisions/${id}"]`);
    assert.match(await page.textContent('[data-test=portal-total]'), /共 1 条/);
    assertClean(await page.textContent('body'), 'search results');
    await page.click(`[data-test=portal-results] a[href="/portal/decisions/${id}"]`);
    await page.waitForSelector('[data-test=portal-text]');
    const text = await page.textContent('[data-test=portal-text]');
    assert.match(text, /1502\*{10}234X/);
    assert.match(text, /138\*{4}8000/);
    assertClean(await page.textContent('body'), 'decision page');
    assert.match(await page.textContent('[data-test=portal-item]'), /罚款8000\.00元/);
    assert.equal(await page.getAttribute('[data-test=portal-pdf]', 'href'), `/api/public/v1/decisions/${id}/document.pdf`);

    await page.click('[data-test=portal-lang]');
    await page.waitForSelector('text=Market-regulation penalty disclosure');
    await page.click('[data-test=portal-lang]');

    await page.click('[data-test=nav-typical]');
    await page.waitForURL(/\/portal\/typical-cases$/);
    await page.waitForSelector('[data-test=portal-total]');

    await page.click('[data-test=nav-report]');
    await page.fill('textarea[name=text]', '某五金店销售的钢丝绳疑似不合格，断裂强度明显不足。');
    await page.fill('input[name=enterprise_name]', '赤峰某某五金店');
    await page.fill('input[name=enterprise_address]', '赤峰市红山区某某路8号');
    await page.fill('input[name=reporter_phone]', '13900139000');
    // The form token must be min_age_seconds old: the button waits for it.
    await page.waitForSelector('[data-test=report-submit]:not([disabled])', { timeout: 15000 });
    await page.click('[data-test=report-submit]');
    await page.waitForSelector('[data-test=report-number]');
    const number = await page.textContent('[data-test=report-number]');
    const secret = await page.textContent('[data-test=report-secret]');
    assert.match(number, /^WB\d{8}-/);

    await page.goto(`${BASE}/portal/status?number=${encodeURIComponent(number)}`);
    await page.fill('input[name=secret]', secret);
    await page.click('[data-test=status-lookup]');
    await page.waitForSelector('[data-test=status-state]');
    assert.equal(await page.textContent('[data-test=status-state]'), '已受理，待核查');
    assert.ok(!(await page.textContent('body')).includes('13900139000'), 'the reporter phone is not shown');
    assert.deepEqual(errors.filter((e) => !/401|Unauthorized/.test(e)), []);
  } finally {
    await browser.close();
  }
});
