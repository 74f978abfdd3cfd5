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
  if (errors.length) { console.error('console errors:', errors); process.exitCode = 1; }
} finally { await browser.close(); }
