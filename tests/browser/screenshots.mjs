// Screenshots of the main pages at 1366×768 into docs/screenshots/ (run by
// `tests/browser/run.sh build/lijian --shots`, which starts the server with the demo data).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, open, login } from './lib.mjs';

const out = join(process.env.LIJIAN_ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const { browser, page, errors } = await open();
const shot = async (name, fullPage = false) => { await page.waitForTimeout(1200); await page.screenshot({ path: join(out, `${name}.png`), fullPage }); console.log(`screenshots: ${name}.png`); };
try {
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
  await login(page, 'demo_admin');
  await page.goto(`${BASE}/admin`);
  await page.waitForSelector('[data-test=users-table] .el-table__row');
  await shot('admin');
  if (errors.length) { console.error('console errors:', errors); process.exitCode = 1; }
} finally { await browser.close(); }
