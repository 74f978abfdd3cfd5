// Screenshots of the main pages at 1366×768 into docs/screenshots/ (run by
// `tests/browser/run.sh build/lijian --shots`, which starts the server with the demo data).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, PASSWORD, open, login } from './lib.mjs';

// Threads, facts and a flag on one case of 松山区, made through the API so the pages show them.
async function apiAs(username) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const csrf = (await r.json()).csrf_token;
  return async (method, path, body) => {
    const res = await fetch(`${BASE}/api/v1${path}`, { method, headers: { cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}
async function setUp() {
  const officer = await apiAs('demo_songshan_officer');
  const leader = await apiAs('demo_chifeng_leader');
  const kase = (await officer('GET', '/cases?status=filing_review&limit=100')).items.filter((c) => c.unit_code === '150404').at(-1);
  const due = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
  const sv = await leader('POST', `/cases/${kase.id}/supervisions`, { level: 'league', deadline_on: due, report_interval_days: 5,
    instructions: '限期查清违法事实，每5个工作日报告一次进展' });
  await officer('POST', `/supervisions/${sv.id}/reports`, { text: '已调取进货台账和销售记录，正在核对供货商资质' });
  await officer('POST', `/cases/${kase.id}/assistance`, { to_unit_code: '150402', questions: '请协查红山区某批发部的进货来源与销售去向', due_in_working_days: 10 });
  await officer('POST', `/cases/${kase.id}/consultations`, { held_on: new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10),
    participants: [{ unit_code: '150400', name: '李科长' }, { unit_code: '150404', name: '王队长' }], notes: '就涉案产品货值认定进行会商', conclusions: '按出厂价认定货值' });
  await officer('PUT', `/cases/${kase.id}/facts`, { version: 0, facts: {
    parties: [{ kind: 'person', name: '王小明', id_number: '11010519491231002X', phone: '13812345678', address: '赤峰市松山区振兴大街1号' }],
    products: [{ name: '复合肥', batch: '20180315', spec: '50kg/袋', quantity: 120 }],
    goods_value_fen: 1000000, sales_fen: 600000, penalties: [{ kind: 'fine', amount_fen: 5000000 }, { kind: 'confiscate_goods' }],
    legal_basis: ['PQL-50'], circumstances: 'ordinary' } });
  return kase;
}

// A case of 松山区 decided with a fine and a revoked licence, its publication's text with personal
// data, a dishonesty listing notified, and a stored notification draft: the pages of issues 4-6.
async function setUpDecided() {
  const officer = await apiAs('demo_songshan_officer');
  const leader = await apiAs('demo_chifeng_leader');
  const lead = await officer('POST', '/leads', { source: 'inspection', source_id: `shots-${Date.now()}`,
    received_at: '2018-05-15T10:00:00+08:00', text: '日常检查发现某农资店销售不合格复合肥，已多次被查处。' });
  const c = await officer('POST', '/cases', { lead_id: lead.id, title: '松山区某农资店销售不合格复合肥案' });
  await officer('PUT', `/cases/${c.id}/facts`, { facts: {
    parties: [{ kind: 'person', name: '王小明', id_number: '11010519491231002X', phone: '13812345678', address: '赤峰市松山区振兴大街1号' }],
    goods_value_fen: 1000000, legal_basis: ['PQL-50'], circumstances: 'heavy', circumstance_reasons: '一年内多次违法',
    penalties: [{ kind: 'fine', amount_fen: 2800000 }, { kind: 'revoke_licence' }] } });
  await leader('POST', `/cases/${c.id}/documents/filing-approval.pdf`);
  for (const [who, action, body] of [
    [leader, 'file', { reason: '涉嫌销售不合格产品' }],
    [officer, 'start_investigation', {}],
    [officer, 'submit_legal_review', { findings: '查明销售不合格复合肥', proposed_decision: '罚款并吊销许可证' }],
    [leader, 'send_prior_notice', { notice_no: '赤松市监告〔2018〕18号', proposed_penalty: '罚款并吊销许可证' }],
    [officer, 'close_statement_period', { statement: '放弃陈述申辩' }],
    [leader, 'decide_penalty', { decision_no: '赤松市监罚〔2018〕18号', legal_basis: '《产品质量法》第五十条' }],
  ]) await who('POST', `/cases/${c.id}/actions/${action}`, body);
  const pub = (await officer('GET', '/publications?status=pending_review')).items.find((p) => p.case_id === c.id);
  await officer('POST', `/publications/${pub.id}/text`, { version: pub.version,
    text: '赤峰市松山区市场监督管理局行政处罚决定书（赤松市监罚〔2018〕18号）。当事人王小明（身份证号11010519491231002X，手机13812345678）销售不合格复合肥。证人李四住址：赤峰市松山区钢铁街12号。依据《产品质量法》第五十条，决定罚款28000元并吊销许可证。' });
  const listing = await officer('POST', '/dishonesty', { case_id: c.id, reason: '一年内多次销售不合格复合肥，从重处罚并吊销许可证' });
  await leader('POST', `/dishonesty/${listing.id}/actions/notify`, { notice_no: '赤市监失告〔2018〕1号', version: listing.version });
  await leader('POST', '/evaluation/notifications', { period: '2018-Q2', unit: '150400' });
  await leader('POST', '/reports/dispatch', { month: '2018-06', unit: '150400', format: 'xlsx' });
  return { c, pub, listing };
}

const out = join(process.env.LIJIAN_ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const { browser, page, errors } = await open();
const shot = async (name, fullPage = false) => { await page.waitForTimeout(1200); await page.screenshot({ path: join(out, `${name}.png`), fullPage }); console.log(`screenshots: ${name}.png`); };
try {
  const kase = await setUp();
  await page.goto(`${BASE}/login`);
  await page.waitForSelector('input[name=username]');
  await shot('login');
  await login(page, 'demo_chifeng_leader');
  await page.waitForSelector('[data-test=work-leads] .el-table__row');
  await shot('workbench');
  await page.goto(`${BASE}/leads`);
  await page.waitForSelector('[data-test=leads-table] .el-table__row');
  await shot('leads');
  await page.click('[data-test=leads-table] .el-table__row a');
  await page.waitForSelector('[data-test=lead-title]');
  await shot('lead-detail');
  await page.goto(`${BASE}/cases`);
  await page.waitForSelector('[data-test=cases-table] .el-table__row a');
  await shot('cases');
  await page.click('[data-test=cases-table] .el-table__row a');
  await page.waitForSelector('[data-test=case-actions]');
  await shot('case-detail');
  await page.goto(`${BASE}/flags`);
  await page.waitForSelector('[data-test=flags-table] .el-table__row');
  await shot('flags');
  await page.goto(`${BASE}/campaign`);
  await page.waitForSelector('[data-test=campaign-source]');
  await shot('campaign');
  await page.setViewportSize({ width: 1366, height: 1000 }); // the map below the trend chart
  await page.goto(`${BASE}/dashboard`);
  await page.waitForSelector('[data-test=hotspot-map] canvas');
  await page.waitForSelector('[data-test=risk-table] .el-table__row');
  await shot('dashboard');
  await page.click('[data-test=lang]');
  await shot('dashboard-en');
  await page.click('[data-test=lang]');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${BASE}/imports`);
  await page.waitForSelector('[data-test=import-start]');
  await shot('imports');
  await page.click('[data-test=logout]');
  // The case's threads and facts as its officer sees them (personal data in full).
  await login(page, 'demo_songshan_officer');
  await page.setViewportSize({ width: 1366, height: 1000 });
  await page.goto(`${BASE}/cases/${kase.id}?tab=threads`);
  await page.waitForSelector('[data-test=thread-supervision] .thread');
  await shot('case-threads');
  await page.goto(`${BASE}/cases/${kase.id}?tab=facts`);
  await page.waitForSelector('[data-test=facts-parties] .el-table__row');
  await shot('case-facts');
  await page.goto(`${BASE}/cases/${kase.id}`);
  await page.click('[data-doc=filing-approval]');
  await page.waitForSelector('[data-test=preview-pdf]');
  await shot('pdf-preview');
  await page.keyboard.press('Escape');
  const lead = await page.evaluate(async () => (await (await fetch('/api/v1/leads?status=new&limit=1')).json()).items[0].id);
  await page.goto(`${BASE}/leads/${lead}`);
  await page.click('[data-test=reject]');
  await page.fill('textarea[name=reject-reason]', '经现场核查，举报情况与事实不符');
  await shot('lead-reject');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.el-overlay', { state: 'hidden' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.click('[data-test=logout]');
  await login(page, 'demo_admin');
  await page.goto(`${BASE}/admin`);
  await page.waitForSelector('[data-test=users-table] .el-table__row');
  await shot('admin');
  // The pages of issues 4-6.
  const decided = await setUpDecided();
  await page.click('[data-test=logout]');
  await login(page, 'demo_songshan_officer');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${BASE}/cases/${decided.c.id}`);
  await page.waitForSelector('[data-missing=serve]');
  await shot('case-documents');
  await page.click('[data-test=logout]');
  await login(page, 'demo_chifeng_leader');
  await page.goto(`${BASE}/dishonesty`);
  await page.waitForSelector('[data-test=dis-table] .el-table__row');
  await shot('dishonesty');
  await page.goto(`${BASE}/dishonesty/${decided.listing.id}`);
  await page.waitForSelector('[data-dis-action=record_objection]');
  await shot('dishonesty-item');
  await page.goto(`${BASE}/publications`);
  await page.waitForSelector('[data-test=pub-table] .el-table__row');
  await shot('publications');
  await page.goto(`${BASE}/publications/${decided.pub.id}`);
  await page.waitForSelector('[data-test=pub-text] mark');
  const groups = page.locator('[data-span-decision]');
  for (let i = 0; i < await groups.count(); i++) await groups.nth(i).locator('text=遮蔽').click();
  await page.evaluate(() => document.querySelector('.el-main')?.scrollTo(0, 0));
  await shot('publication-review');
  await page.setViewportSize({ width: 1366, height: 1100 });
  await page.goto(`${BASE}/evaluation?period=2018-Q2`);
  await page.waitForSelector('[data-test=eval-chart] canvas');
  await page.waitForSelector('[data-test=report-table] .el-table__row');
  await shot('evaluation', true);
  await page.goto(`${BASE}/stats?period=2018-H1&group_by=unit`);
  await page.waitForSelector('[data-test=stats-chart] canvas');
  await page.waitForSelector('[data-test=stats-summary] table.sum tbody tr');
  await shot('statistics', true);
  await page.setViewportSize({ width: 1366, height: 768 });
  if (errors.length) { console.error('console errors:', errors); process.exitCode = 1; }
} finally { await browser.close(); }
