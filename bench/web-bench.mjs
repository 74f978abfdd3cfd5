// The measuring half of bench/run-web-bench.sh: API latencies of the leads page's calls and
// page-to-page time in chromium, each with the same-run reference of a static file of the same
// size from the same server. Prints one table; exits non-zero on any non-200 or console error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BASE, PASSWORD, open, login } from '../tests/browser/lib.mjs';

const R = Number(process.env.BENCH_REQUESTS ?? 200);
const P = Number(process.env.BENCH_PAGES ?? 30);
const user = 'demo_region_leader'; // scope: the whole region, all 1,000,000 leads

const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: user, password: PASSWORD }) });
if (r.status !== 200) throw new Error(`login ${r.status}`);
const cookie = r.headers.get('set-cookie').split(';')[0];
async function get(path) {
  const t0 = performance.now();
  const res = await fetch(BASE + path, { headers: { cookie } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${Buffer.from(body).toString().slice(0, 200)}`);
  return { ms, bytes: body.byteLength, json: () => JSON.parse(Buffer.from(body).toString()) };
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const stats = (xs) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95) });

// The reference: a static file of the size of the first page, served by the same server.
const first = await get('/api/v1/leads?limit=50&sort=-received_at');
writeFileSync(join(process.env.BENCH_STATIC, 'bench-page.json'), Buffer.alloc(first.bytes, 0x20));
const timed = async (path, n) => { const xs = []; for (let i = 0; i < n; i++) xs.push((await get(path)).ms); return stats(xs); };
const ref = await timed('/bench-page.json', R);

// Each page the list shows, once (no two requests alike, so the server's response cache never
// answers): R pages deep by cursor; and the filters, sorts and searches of the page.
async function walk(path, n) {
  const xs = []; let cursor = '';
  for (let i = 0; i < n; i++) {
    const g = await get(path + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''));
    xs.push(g.ms);
    cursor = g.json().next_cursor;
    if (!cursor) break;
  }
  return { ...stats(xs), n: xs.length };
}
const rows = [];
const add = (name, s) => rows.push({ name, ...s });
add('static file of the same size (reference)', { ...ref, n: R });
add('newest first, page after page (cursor)', await walk('/api/v1/leads?limit=50&sort=-received_at', R));
add('oldest first, page after page', await walk('/api/v1/leads?limit=50&sort=received_at', R));
add('status=verified & special_action=agri_inputs, paged', await walk('/api/v1/leads?limit=50&status=verified&special_action=agri_inputs', R));
add('product_category=fertilizer & unit=150400, paged', await walk('/api/v1/leads?limit=50&product_category=fertilizer&unit=150400', R));
add('unit=150400 (a league), paged', await walk('/api/v1/leads?limit=50&unit=150400', R));
add('received in 2018-06, paged', await walk('/api/v1/leads?limit=50&received_from=2018-06-01&received_to=2018-06-30', R));
add('Chinese search q=化肥, paged', await walk(`/api/v1/leads?limit=50&q=${encodeURIComponent('化肥')}`, R));
add('the same first page again (response cache)', { ...(await timed('/api/v1/leads?limit=50&sort=-received_at', R)), n: R });

// The browser: page to page on /leads (click → the table shows the next page's first id; the
// loading mask's fade-out is not waited for), and
// the same-size static file fetched by the page itself as the reference.
const { browser, page, errors } = await open();
let browserRows = [];
try {
  await login(page, user);
  await page.goto(`${BASE}/leads`);
  await page.waitForSelector('[data-test=leads-table] .el-table__row');
  const firstId = () => page.$eval('[data-test=leads-table] .el-table__row td', (td) => td.textContent.trim());
  const turns = [];
  for (let i = 0; i < P; i++) {
    const before = await firstId();
    const t0 = performance.now();
    await page.click('[data-test=next-page]');
    await page.waitForFunction((b) => {
      const td = document.querySelector('[data-test=leads-table] .el-table__row td');
      return td && td.textContent.trim() !== b;
    }, before);
    turns.push(performance.now() - t0);
  }
  const filterTurns = [];
  for (const st of ['verified', 'new', 'rejected', 'verifying', 'verified']) {
    const t0 = performance.now();
    await page.goto(`${BASE}/leads?status=${st}&special_action=agri_inputs`);
    await page.waitForSelector('[data-test=leads-table] .el-table__row');
    filterTurns.push(performance.now() - t0);
  }
  const refTimes = await page.evaluate(async (n) => {
    const xs = [];
    for (let i = 0; i < n; i++) { const t0 = performance.now(); const res = await fetch(`/bench-page.json?i=${i}`); await res.text(); xs.push(performance.now() - t0); }
    return xs;
  }, P);
  browserRows = [
    { name: 'browser: fetch of the same-size static file (reference)', ...stats(refTimes), n: P },
    { name: 'browser: next page, click → new rows drawn', ...stats(turns), n: P },
    { name: 'browser: open /leads with a filter (full navigation)', ...stats(filterTurns), n: filterTurns.length },
  ];
} finally { await browser.close(); }
if (errors.length) { console.error('console errors:', errors); process.exitCode = 1; }

console.log(`\npage body ${first.bytes} bytes; ${R} requests per API row, one after another; ratios against the reference of the same block`);
console.log('| what | n | p50 ms | p95 ms | p50 / reference |');
console.log('|---|---:|---:|---:|---:|');
for (const block of [rows, browserRows]) {
  const base = block[0].p50;
  for (const x of block) console.log(`| ${x.name} | ${x.n} | ${x.p50.toFixed(2)} | ${x.p95.toFixed(2)} | ${(x.p50 / base).toFixed(1)} |`);
}
