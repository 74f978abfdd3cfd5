// Helpers of the browser tests: playwright-core from web/node_modules driving Debian's chromium.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.LIJIAN_ROOT, 'web', 'package.json'));
const { chromium } = require('playwright-core');

export const BASE = process.env.LIJIAN_URL;
export const PASSWORD = 'Demo-2018-lijian';

// A browser page at 1366×768 (the office screen) that fails the test on any console error or
// uncaught exception; language Simplified Chinese unless told.
export async function open({ width = 1366, height = 768 } = {}) {
  const browser = await chromium.launch({ executablePath: process.env.LIJIAN_CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { browser, page, errors };
}

export async function login(page, username) {
  await page.goto(`${BASE}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-test=who]');
}
