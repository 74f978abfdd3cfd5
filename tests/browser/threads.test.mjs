// The case page's threads, facts, integrity flags, lead rejection with a reason, role and unit
// changes and PDF preview, in a real browser against the real server with the demo data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, open, login } from './lib.mjs';

// An API session for setting up and checking what the page did.
async function apiAs(username) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const csrf = (await r.json()).csrf_token;
  const call = async (method, path, body) => {
    const res = await fetch(`${BASE}/api/v1${path}`, { method, headers: { cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}), put: (p, b) => call('PUT', p, b), patch: (p, b) => call('PATCH', p, b) };
}

// Cases of 松山区 still in filing review, from the end of the list (the other tests take the first).
async function songshanCases(n) {
  const officer = await apiAs('demo_songshan_officer');
  const items = (await officer.get('/cases?status=filing_review&limit=100')).json.items.filter((c) => c.unit_code === '150404');
  assert.ok(items.length >= n, 'the demo has enough cases of 松山区');
  return items.slice(-n);
}

test('case threads: supervision with a report and closing, an assistance request answered with a PDF, a consultation', async () => {
  const [kase] = await songshanCases(1);
  const leader = await open();
  const officer = await open();
  const hongshan = await open();
  try {
    // The 赤峰 leader supervises the 松山区 case; the form refuses an empty deadline first.
    await login(leader.page, 'demo_chifeng_leader');
    await leader.page.goto(`${BASE}/cases/${kase.id}?tab=threads`);
    await leader.page.click('[data-test=open-supervision]');
    await leader.page.click('[data-test=thread-submit]');
    await leader.page.waitForSelector('[data-test=thread-form] >> text=请填写此字段');
    await leader.page.fill('input[name=deadline_on]', new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10));
    await leader.page.fill('textarea[name=instructions]', '限期查清违法事实，每5个工作日报告一次进展');
    await leader.page.click('[data-test=thread-submit]');
    await leader.page.waitForSelector('[data-test=thread-supervision] >> text=督办中');
    assert.match(await leader.page.textContent('[data-test=thread-supervision]'), /盟市督办/);

    // The case's officer reports progress and asks 红山区 for assistance.
    await login(officer.page, 'demo_songshan_officer');
    await officer.page.goto(`${BASE}/cases/${kase.id}?tab=threads`);
    await officer.page.click('[data-test=file-report]');
    await officer.page.fill('textarea[name=text]', '已调取进货台账，正在核对供货商资质');
    await officer.page.click('[data-test=thread-submit]');
    await officer.page.waitForSelector('[data-test=thread-supervision] >> text=已调取进货台账');
    await officer.page.click('[data-test=request-assistance]');
    await officer.page.fill('input[name=due_in_working_days]', '0');
    await officer.page.click('[data-test=thread-submit]');
    await officer.page.waitForSelector('[data-test=thread-form] >> text=请输入 1–90 的整数');
    await officer.page.click('[data-test=assist-unit]');
    await officer.page.click('.el-select-dropdown__item:has-text("150402")');
    await officer.page.fill('textarea[name=questions]', '请协查红山区某批发部的进货来源与销售去向');
    await officer.page.fill('input[name=due_in_working_days]', '10');
    await officer.page.click('[data-test=thread-submit]');
    await officer.page.waitForSelector('[data-test=thread-assistance] >> text=待答复');
    await officer.page.click('[data-test=add-consultation]');
    await officer.page.fill('textarea[name=participants]', '150400 李科长\n150404 王队长');
    await officer.page.fill('textarea[name=notes]', '就涉案产品货值认定进行会商');
    await officer.page.fill('textarea[name=conclusions]', '按出厂价认定货值');
    await officer.page.click('[data-test=thread-submit]');
    await officer.page.waitForSelector('[data-test=thread-consultations] >> text=按出厂价认定货值');

    // 红山区 finds the request on its workbench, attaches a PDF and answers.
    await login(hongshan.page, 'demo_hongshan_officer');
    await hongshan.page.goto(`${BASE}/`);
    await hongshan.page.click(`[data-test=work-assistance] >> text=${kase.case_no}`);
    await hongshan.page.waitForSelector('[data-test=assistance-questions]');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await hongshan.page.setInputFiles('[data-test=assistance-file]', { name: '协查回复.pdf', mimeType: 'application/pdf', buffer: pdf });
    await hongshan.page.waitForSelector('text=协查回复.pdf');
    await hongshan.page.click('[data-test=send-answer]');
    await hongshan.page.waitForSelector('text=请填写此字段');
    await hongshan.page.fill('textarea[name=answer]', '经查，该批发部进货来自河北某厂，已调取票据');
    await hongshan.page.click('[data-test=send-answer]');
    await hongshan.page.waitForSelector('[data-test=assistance-state] >> text=已答复');

    // Back on the case: answered, the PDF previews in a frame of the page.
    await officer.page.reload();
    await officer.page.waitForSelector('[data-test=thread-assistance] >> text=已答复');
    await officer.page.click('[data-test=thread-assistance] >> text=预览');
    const frame = await officer.page.waitForSelector('[data-test=preview-pdf]');
    const src = await frame.getAttribute('src');
    assert.match(src, /disposition=inline/);
    const headers = await officer.page.evaluate(async (u) => {
      const r = await fetch(u); return [r.headers.get('content-disposition'), r.headers.get('x-frame-options'), r.headers.get('content-security-policy')];
    }, src);
    assert.match(headers[0], /^inline;/);
    assert.equal(headers[1], 'SAMEORIGIN');
    assert.match(headers[2], /default-src 'none'/);
    await officer.page.keyboard.press('Escape');

    // The leader closes the supervision with a conclusion.
    await leader.page.reload();
    await leader.page.click('[data-test=close-supervision]');
    await leader.page.fill('textarea[name=conclusion]', '已按期查处，结束督办');
    await leader.page.click('[data-test=thread-submit]');
    await leader.page.waitForSelector('[data-test=thread-supervision] >> text=已结束');
    for (const w of [leader, officer, hongshan]) assert.deepEqual(w.errors, []);
  } finally { for (const w of [leader, officer, hongshan]) await w.browser.close(); }
});

test('case facts: edited with personal data checked, masked for the analyst; the discretion flag on the 赤峰 list opens the case', async () => {
  const [kase] = await songshanCases(2);
  const w = await open();
  try {
    await login(w.page, 'demo_songshan_officer');
    await w.page.goto(`${BASE}/cases/${kase.id}?tab=facts`);
    await w.page.click('[data-test=edit-facts]');
    await w.page.click('[data-test=add-party]');
    await w.page.fill('input[name=party-0-name]', '王小明');
    await w.page.fill('input[name=party-0-id]', '110105194912310021'); // wrong check character: refused in the page
    await w.page.click('[data-test=add-product]');
    await w.page.fill('input[name=product-0-name]', '复合肥');
    await w.page.fill('input[name=product-0-quantity]', '120袋'); // a whole number only
    await w.page.click('[data-test=save-facts]');
    await w.page.waitForSelector('text=数量为整数（单位写在规格中）');
    await w.page.fill('input[name=product-0-quantity]', '120');
    await w.page.fill('input[name=goods_value_fen]', '10000');
    await w.page.click('[data-test=add-penalty]');
    await w.page.fill('input[name=penalty-0-amount]', '12.345'); // three decimals: refused in the page
    await w.page.click('[data-test=save-facts]');
    await w.page.waitForSelector('text=金额为非负数，最多两位小数');
    await w.page.fill('input[name=penalty-0-amount]', '50000');
    await w.page.click('[data-test=legal-basis]');
    await w.page.click('.el-select-dropdown__item:has-text("PQL-50")');
    await w.page.keyboard.press('Escape');
    await w.page.click('[data-test=save-facts]');
    await w.page.waitForSelector('text=身份证号校验位有误，应为 X');
    await w.page.fill('input[name=party-0-id]', '11010519491231002X');
    await w.page.click('[data-test=save-facts]');
    await w.page.waitForSelector('[data-test=facts-parties] >> text=11010519491231002X');
    await w.page.waitForSelector('[data-test=facts-flag] >> text=裁量越档');
    assert.deepEqual(w.errors, []);
  } finally { await w.browser.close(); }

  const analyst = await apiAs('demo_analyst');
  const masked = (await analyst.get(`/cases/${kase.id}/facts`)).json.facts.parties[0];
  assert.equal(masked.id_number, '110105********002X');

  const l = await open();
  try {
    await login(l.page, 'demo_chifeng_leader');
    await l.page.click('[data-test=menu] >> text=执法监督预警');
    await l.page.waitForSelector(`[data-test=flags-table] >> text=${kase.case_no}`);
    // Filtered to discretion flags (the case also has its unfiled flag: filing is years overdue).
    await l.page.click('[data-test=flag-kind]');
    await l.page.click('.el-select-dropdown__item:visible:has-text("裁量越档")');
    await l.page.waitForURL(/kind=discretion/);
    await l.page.waitForFunction(() => [...document.querySelectorAll('[data-test=flags-table] .el-table__row')].length > 0 &&
      [...document.querySelectorAll('[data-test=flags-table] .el-table__row')].every((r) => r.textContent.includes('裁量越档')));
    const row = l.page.locator('[data-test=flags-table] .el-table__row', { hasText: kase.case_no });
    // The tier of Art. 50, ordinary circumstances: 1.3–2.2 × the goods value of 10,000 yuan.
    assert.match(await row.textContent(), /13000\.00–22000\.00/);
    await row.locator(`a:has-text("${kase.case_no}")`).click();
    await l.page.waitForURL(new RegExp(`/cases/${kase.id}\\?tab=facts`));
    await l.page.waitForSelector('[data-test=facts-flag]');
    assert.deepEqual(l.errors, []);
  } finally { await l.browser.close(); }
});

test('a lead is rejected only with a reason, which shows in its history', async () => {
  const officer = await apiAs('demo_songshan_officer');
  const lead = (await officer.get('/leads?status=new&unit=150404&limit=1')).json.items[0];
  const w = await open();
  try {
    await login(w.page, 'demo_songshan_officer');
    await w.page.goto(`${BASE}/leads/${lead.id}`);
    await w.page.click('[data-test=reject]');
    await w.page.click('[data-test=confirm-reject]');
    await w.page.waitForSelector('text=请填写不予采纳的理由');
    await w.page.fill('textarea[name=reject-reason]', '经现场核查，举报情况与事实不符');
    await w.page.click('[data-test=confirm-reject]');
    await w.page.waitForFunction(() => document.querySelector('[data-test=lead-status]')?.textContent.trim() === '不予采纳');
    assert.match(await w.page.textContent('[data-test=history-reason]'), /举报情况与事实不符/);
    assert.deepEqual(w.errors, []);
  } finally { await w.browser.close(); }
  // The API refuses a rejection without a reason, naming the field.
  const other = (await officer.get('/leads?status=new&unit=150404&limit=1')).json.items[0];
  const r = await officer.patch(`/leads/${other.id}`, { status: 'rejected' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'reason');
});

test('administration: the administrator changes a user\'s role and unit', async () => {
  const admin = await apiAs('demo_admin');
  const name = `web_move_${Date.now() % 100000}`;
  const created = await admin.post('/users', { username: name, unit_code: '150404', role: 'officer', password: 'Web-Move-2018-x!' });
  assert.equal(created.status, 201);
  const w = await open();
  try {
    await login(w.page, 'demo_admin');
    await w.page.goto(`${BASE}/admin`);
    await w.page.click(`[data-edit-user="${name}"]`);
    await w.page.click('[data-test=edit-user-form] .el-select >> nth=0');
    await w.page.click('.el-select-dropdown__item:visible:has-text("领导")');
    await w.page.click('[data-test=edit-unit]');
    await w.page.click('.el-select-dropdown__item:visible:has-text("150402")');
    await w.page.click('[data-test=save-user]');
    await w.page.waitForSelector('text=已保存');
    assert.deepEqual(w.errors, []);
  } finally { await w.browser.close(); }
  const u = (await admin.get(`/users/${created.json.id}`)).json;
  assert.deepEqual([u.role, u.unit_code], ['leader', '150402']);
  const audit = (await admin.get(`/audit?entity=user&limit=5`)).json.items;
  assert.ok(audit.some((e) => e.entity_id === String(created.json.id) && e.action === 'update'), 'the change is audited');
});

test('a generated document previews as a PDF in the page; one the stage cannot produce is not offered', async () => {
  const [, , kase] = await songshanCases(3);
  const w = await open();
  try {
    await login(w.page, 'demo_songshan_officer');
    await w.page.goto(`${BASE}/cases/${kase.id}`);
    await w.page.waitForSelector('[data-doc=filing-approval]');
    // No penalty decision yet: its document is not offered.
    assert.equal(await w.page.isVisible('[data-doc=penalty-decision]'), false);
    await w.page.click('[data-doc=filing-approval]');
    const frame = await w.page.waitForSelector('[data-test=preview-pdf]');
    const src = await frame.getAttribute('src');
    const got = await w.page.evaluate(async (u) => { const r = await fetch(u); return [r.status, r.headers.get('content-type'), r.headers.get('content-disposition')]; }, src);
    assert.deepEqual(got.slice(0, 2), [200, 'application/pdf']);
    assert.match(got[2], /^inline;/);
    assert.deepEqual(w.errors, []);
  } finally { await w.browser.close(); }
});
