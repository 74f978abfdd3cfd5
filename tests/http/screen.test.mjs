// Big-data screening over HTTP and the CLI (docs/screening.md): the demo's planted hotspot
// (fertilizer in 敖汉旗 150430) is flagged, risk scores explain themselves, scope and roles hold,
// bad input answers 400 naming the field, and `lijian import --kind sampling` / `lijian screen`
// work against the same database.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { BIN, DB_URL, TMP, login, assertError, listAll, uniq, UNITS } from './lib.mjs';

let analyst; // demo_analyst (150000)
let leader; // demo_chifeng_leader (150400)
let officer; // demo_songshan_officer (150404)

before(async () => {
  analyst = await login('demo_analyst');
  leader = await login('demo_chifeng_leader');
  officer = await login('demo_songshan_officer');
});

function cli(args) {
  const r = spawnSync(BIN, args, { env: process.env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the planted fertilizer hotspot of 敖汉旗 is flagged first', async () => {
  const r = await analyst.get('/api/v1/screening/hotspots?category=fertilizer&flagged=true');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.level, 'county');
  assert.equal(r.json.flag_level, 0.95);
  const top = r.json.items[0];
  assert.equal(top.division_code, '150430');
  assert.equal(top.category, 'fertilizer');
  assert.equal(top.flagged, true);
  assert.equal(top.nonconformance.flagged, true);
  assert.ok(top.nonconformance.p_above >= 0.95);
  assert.ok(top.nonconformance.raw > top.nonconformance.province);
  assert.ok(top.nonconformance.smoothed <= top.nonconformance.raw, 'shrunk toward the province');
  for (const h of r.json.items) assert.equal(h.flagged, true);

  const league = await analyst.get('/api/v1/screening/hotspots?level=league&category=fertilizer');
  assert.equal(league.status, 200);
  const chifeng = league.json.items.find((h) => h.division_code === UNITS.chifeng);
  assert.ok(chifeng, 'Chifeng appears at league level');
  assert.ok(chifeng.sampled >= top.sampled);
});

test('hotspots and trends are scoped to the caller\'s subtree', async () => {
  const mine = await officer.get('/api/v1/screening/hotspots');
  assert.equal(mine.status, 200);
  for (const h of mine.json.items) assert.equal(h.division_code, UNITS.songshan);
  const chifeng = await leader.get('/api/v1/screening/hotspots');
  assert.ok(chifeng.json.items.length > 0);
  for (const h of chifeng.json.items) assert.ok(h.division_code.startsWith('1504'), h.division_code);

  const all = await analyst.get('/api/v1/screening/trends?group=source');
  const own = await officer.get('/api/v1/screening/trends?group=source');
  assert.equal(all.status, 200);
  assert.equal(own.status, 200);
  const total = (r) => r.json.items.reduce((n, t) => n + t.leads, 0);
  assert.ok(total(own) > 0 && total(own) < total(all));
  const sampling = all.json.items.filter((t) => t.group === 'sampling');
  assert.ok(sampling.reduce((n, t) => n + t.failed_samples, 0) > 0);
  for (const t of all.json.items) assert.match(t.month, /^\d{4}-\d{2}$/);

  const window = await analyst.get('/api/v1/screening/trends?group=special_action&from=2018-03&to=2018-05');
  assert.equal(window.status, 200);
  for (const t of window.json.items) assert.ok(t.month >= '2018-03' && t.month <= '2018-05', t.month);
  assert.ok(window.json.items.some((t) => t.group === 'agri_inputs' && t.samples > 0));
});

test('the risk ranking explains each score; officers may not see it', async () => {
  const r = await analyst.get('/api/v1/screening/risk?limit=5');
  assert.equal(r.status, 200, r.text);
  assert.match(r.json.as_of, /^\d{4}-\d{2}$/);
  assert.equal(r.json.items.length, 5);
  assert.equal(r.json.next_offset, 5);
  let last = Infinity;
  for (const item of r.json.items) {
    assert.ok(item.score <= last);
    last = item.score;
    const names = item.factors.map((f) => f.name);
    assert.deepEqual(names, ['sampling_failures', 'complaints', 'prior_cases', 'dishonesty', 'dishonesty_list', 'category', 'recency']);
    const shares = item.factors.reduce((n, f) => n + f.share, 0);
    assert.ok(Math.abs(shares - 1) < 0.001, `shares sum to ${shares}`);
    const points = item.factors.reduce((n, f) => n + f.points, 0);
    assert.ok(Math.abs(points - item.score) < 0.05);
  }
  const next = await analyst.get('/api/v1/screening/risk?limit=5&offset=5');
  assert.ok(next.json.items[0].score <= last);

  const one = await analyst.get(`/api/v1/screening/risk/${r.json.items[0].enterprise_id}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.score, r.json.items[0].score);

  assertError(await officer.get('/api/v1/screening/risk'), 403, 'forbidden');
  assertError(await officer.get(`/api/v1/screening/risk/${r.json.items[0].enterprise_id}`), 403, 'forbidden');

  // The Chifeng leader ranks Chifeng's records only; an enterprise of Hohhot without records
  // in Chifeng answers 404 like a missing one.
  const chifeng = await leader.get('/api/v1/screening/risk?limit=500');
  assert.equal(chifeng.status, 200);
  assert.ok(chifeng.json.total < r.json.total);
  const all = await analyst.get('/api/v1/screening/risk?limit=500');
  const seen = new Set(chifeng.json.items.map((i) => i.enterprise_id));
  const outside = all.json.items.find((i) => i.region_code.startsWith('1501') && !seen.has(i.enterprise_id));
  assert.ok(outside, 'an enterprise of Hohhot is ranked for the region');
  assertError(await leader.get(`/api/v1/screening/risk/${outside.enterprise_id}`), 404, 'not_found');
  assertError(await analyst.get('/api/v1/screening/risk/999999999'), 404, 'not_found');

  const fert = await analyst.get('/api/v1/screening/risk?category=fertilizer&limit=50');
  for (const item of fert.json.items) assert.equal(item.category, 'fertilizer');
});

test('sampling results are listed in scope, filtered and paged', async () => {
  const mine = await listAll(officer, '/api/v1/sampling');
  assert.ok(mine.length > 0);
  for (const s of mine) assert.equal(s.unit_code, UNITS.songshan);
  const failed = await leader.get('/api/v1/sampling?result=fail&product_category=fertilizer&limit=20');
  assert.equal(failed.status, 200);
  assert.ok(failed.json.items.length > 0);
  for (const s of failed.json.items) {
    assert.equal(s.result, 'fail');
    assert.ok(s.failed_items.length > 0);
    assert.ok(s.unit_code.startsWith('1504'));
  }
  const page1 = await analyst.get('/api/v1/sampling?limit=3');
  assert.equal(page1.json.items.length, 3);
  const page2 = await analyst.get(`/api/v1/sampling?limit=3&cursor=${encodeURIComponent(page1.json.next_cursor)}`);
  const ids = new Set(page1.json.items.map((s) => s.id));
  for (const s of page2.json.items) assert.ok(!ids.has(s.id));
});

test('bad screening input answers 400 naming the field', async () => {
  const cases = [
    ['/api/v1/screening/hotspots?level=town', 'level'],
    ['/api/v1/screening/hotspots?flag_level=2', 'flag_level'],
    ['/api/v1/screening/hotspots?flagged=yes', 'flagged'],
    ['/api/v1/screening/hotspots?category=nope', 'category'],
    ['/api/v1/screening/risk?limit=0', 'limit'],
    ['/api/v1/screening/risk?offset=-1', 'offset'],
    ['/api/v1/screening/risk?as_of=2019-13', 'as_of'],
    ['/api/v1/screening/risk?half_life=abc', 'half_life'],
    ['/api/v1/screening/risk?unit=999999', 'unit'],
    ['/api/v1/screening/risk/abc', 'enterprise_id'],
    ['/api/v1/screening/trends?group=colour', 'group'],
    ['/api/v1/screening/trends?by=week', 'by'],
    ['/api/v1/screening/trends?from=2018-4', 'from'],
    ['/api/v1/sampling?result=maybe', 'result'],
    ['/api/v1/sampling?from=yesterday', 'from'],
    ['/api/v1/sampling?cursor=garbage', 'cursor'],
    ['/api/v1/sampling?enterprise_id=0', 'enterprise_id'],
  ];
  for (const [path, field] of cases) assertError(await analyst.get(path), 400, 'invalid_argument', field, path);
  assertError(await officer.get(`/api/v1/screening/trends?unit=${UNITS.hongshan}`), 404, 'not_found');
});

test('lijian import --kind sampling and lijian screen work on the same database', async () => {
  const no = uniq('JD-HTTP-');
  const file = `${TMP}/${no}.csv`;
  writeFileSync(file,
    'source_id,sampled_on,enterprise_name,region_code,product_name,product_category,result,failed_items\n' +
    `${no},2019-03-05,松山区测试农资店,150404,复合肥料,fertilizer,fail,总养分\n` +
    `${no}-bad,2019-03-05,松山区测试农资店,150404,复合肥料,fertilizer,fail,\n`);
  const first = cli(['import', '--db', DB_URL, '--kind', 'sampling', file]);
  assert.equal(first.status, 0, first.stderr);
  const summary = JSON.parse(first.stdout);
  assert.equal(summary.accepted, 1);
  assert.equal(summary.rejected, 1);
  assert.deepEqual(summary.errors, [{ line: 3, field: 'failed_items', reason: 'a failed sample names its failed items (failed_items)' }]);
  const again = JSON.parse(cli(['import', '--db', DB_URL, '--kind', 'sampling', file]).stdout);
  assert.equal(again.accepted, 0);
  assert.equal(again.duplicates, 1);

  const listed = await officer.get('/api/v1/sampling?from=2019-03-05&to=2019-03-05&result=fail');
  assert.ok(listed.json.items.some((s) => s.source_id === no));
  const leads = await officer.get(`/api/v1/leads?source=sampling&q=${encodeURIComponent(no)}`);
  assert.equal(leads.status, 200);
  assert.equal(leads.json.items.length, 1, 'the failed sample became one lead');
  assert.equal(leads.json.items[0].source_id, no);

  const hot = cli(['screen', 'hotspots', '--db', DB_URL, '--json', '--category', 'fertilizer', '--flagged']);
  assert.equal(hot.status, 0, hot.stderr);
  assert.equal(JSON.parse(hot.stdout).items[0].division_code, '150430');
  const risk = cli(['screen', 'risk', '--db', DB_URL, '--json', '--unit', UNITS.songshan, '--limit', '3']);
  assert.equal(risk.status, 0, risk.stderr);
  const ranked = JSON.parse(risk.stdout);
  assert.equal(ranked.items.length, 3);
  const trends = cli(['screen', 'trends', '--db', DB_URL, '--json', '--group', 'product_category', '--from', '2018-04', '--to', '2018-04']);
  assert.equal(trends.status, 0, trends.stderr);
  for (const t of JSON.parse(trends.stdout).items) assert.equal(t.month, '2018-04');
  const bad = cli(['screen', 'risk', '--db', DB_URL, '--json', '--unit', '999999']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /unit/);
});
