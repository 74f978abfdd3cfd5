// The campaign settings page: the region's administrator adds a time window (checked in the
// page first), saves, and goes back to the data file; a league leader reads without editing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, open, login } from './lib.mjs';

test('campaign settings: the region administrator adds a window and resets; others read only', async () => {
  const w = await open();
  try {
    await login(w.page, 'demo_admin');
    await w.page.click('[data-test=menu] >> text=活动配置');
    await w.page.waitForSelector('[data-test=campaign-source] >> text=使用数据文件的默认配置');
    await w.page.click('[data-add-window=agri_inputs]');
    await w.page.click('[data-test=save-campaign]');
    await w.page.waitForSelector('[data-action-card=agri_inputs] >> text=请填写此字段');
    await w.page.fill('input[name=w-agri_inputs-2-code]', 'summer_2018');
    await w.page.fill('input[name=w-agri_inputs-2-name]', '夏季农资检查');
    await w.page.fill('input[name=w-agri_inputs-2-from]', '2018-06-30');
    await w.page.fill('input[name=w-agri_inputs-2-to]', '2018-06-01');
    await w.page.click('[data-test=save-campaign]');
    await w.page.waitForSelector('[data-action-card=agri_inputs] >> text=结束日期不能早于开始日期');
    await w.page.fill('input[name=w-agri_inputs-2-from]', '2018-06-01');
    await w.page.fill('input[name=w-agri_inputs-2-to]', '2018-06-30');
    await w.page.click('[data-test=save-campaign]');
    await w.page.waitForSelector('[data-test=campaign-source] >> text=已按本地调整');
    await w.page.reload();
    assert.equal(await w.page.inputValue('input[name=w-agri_inputs-2-name]'), '夏季农资检查');
    assert.deepEqual(w.errors, []);
  } finally { await w.browser.close(); }

  const l = await open();
  try {
    await login(l.page, 'demo_chifeng_leader');
    await l.page.goto(`${BASE}/campaign`);
    await l.page.waitForSelector('[data-test=campaign-source] >> text=只有自治区局管理员可以修改');
    assert.equal(await l.page.isDisabled('input[name=w-agri_inputs-2-name]'), true);
    assert.equal(await l.page.isVisible('[data-test=save-campaign]'), false);
    assert.deepEqual(l.errors, []);
  } finally { await l.browser.close(); }

  const back = await open();
  try {
    await login(back.page, 'demo_admin');
    await back.page.goto(`${BASE}/campaign`);
    await back.page.click('[data-test=reset-campaign]');
    await back.page.click('.el-popconfirm .el-button--primary');
    await back.page.waitForSelector('[data-test=campaign-source] >> text=使用数据文件的默认配置');
    assert.equal(await back.page.isVisible('input[name=w-agri_inputs-2-name]'), false);
    assert.deepEqual(back.errors, []);
  } finally { await back.browser.close(); }
});

test('the new pages in English: case threads and facts, flags, campaign settings', async () => {
  const w = await open();
  try {
    await login(w.page, 'demo_chifeng_leader');
    await w.page.click('[data-test=lang]');
    await w.page.waitForSelector('text=My workbench');
    await w.page.click('[data-test=menu] >> text=Integrity flags');
    await w.page.waitForSelector('h2:has-text("Integrity flags")');
    await w.page.click('[data-test=menu] >> text=Campaign settings');
    await w.page.waitForSelector('text=Only the region\'s administrator may change these');
    await w.page.goto(`${BASE}/cases?status=filing_review`);
    await w.page.click('[data-test=cases-table] .el-table__row a');
    await w.page.click('text=Supervision, assistance and consultation');
    await w.page.waitForSelector('[data-test=thread-assistance] >> text=Assistance requests');
    await w.page.waitForSelector('[data-test=thread-consultations] >> text=Consultations');
    await w.page.click('.el-tabs >> text=Case facts');
    await w.page.waitForSelector('[data-test=case-facts]');
    const body = await w.page.textContent('body');
    assert.doesNotMatch(body, /督办|协查|会商记录|案件事实/, 'no Chinese labels left on the English page');
    await w.page.click('[data-test=lang]'); // back to Chinese for the other tests' browser state
    assert.deepEqual(w.errors, []);
  } finally { await w.browser.close(); }
});
