// Import jobs over HTTP (docs/import.md): POST /api/v1/imports with the file as the body, polled
// to done; the summary equals `lijian import`'s; errors.csv; re-upload idempotency; roles,
// scope, CSRF and the upload limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, TMP, UNITS, login, uniq, request, assertError } from './lib.mjs';

const MAKE_XLSX = path.join(path.dirname(BIN), 'tests', 'make_xlsx');
const HEADER = 'source,source_id,received_at,text,region_code,amount_involved';

// Five lead rows, the fourth with a bad date (line 5 of the CSV, row 5 of the sheet).
function leadsCsv(tag) {
  const rows = [HEADER];
  for (let i = 1; i <= 5; i++) {
    const date = i === 4 ? '2018-13-45' : `2018-04-0${i}`;
    rows.push(`inspection,${tag}-${i},${date},松山区某农资店销售不合格化肥 ${i},150404,${i}.65`);
  }
  return rows.join('\n') + '\n';
}

function tmpFile(name, content) {
  const file = path.join(TMP, `${uniq('imp')}-${name}`);
  writeFileSync(file, content);
  return file;
}

function xlsxOf(csvText) {
  const csv = tmpFile('src.csv', csvText);
  const out = csv.replace(/\.csv$/, '.xlsx');
  execFileSync(MAKE_XLSX, [csv, out, '--dates', 'received_at', '--numbers', 'region_code,amount_involved']);
  return out;
}

function cliSummary(kind, file) {
  const db = `sqlite://${path.join(TMP, uniq('cli'))}.db`;
  return JSON.parse(execFileSync(BIN, ['import', '--db', db, '--kind', kind, file]).toString());
}

async function upload(client, query, body, headers = {}) {
  return client.req('POST', `/api/v1/imports?${query}`, { body, headers });
}

async function waitDone(client, id) {
  for (let i = 0; i < 300; i++) {
    const r = await client.get(`/api/v1/imports/${id}`);
    assert.equal(r.status, 200, r.text);
    if (r.json.status === 'done' || r.json.status === 'failed') return r.json;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`import job ${id} did not end`);
}

test('a CSV upload becomes a job that ends with the summary of lijian import', async () => {
  const officer = await login('demo_songshan_officer');
  const csv = leadsCsv(uniq('CSV'));
  const r = await upload(officer, 'kind=leads&name=leads.csv', csv, { 'Content-Type': 'text/csv' });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.headers.get('location'), `/api/v1/imports/${r.json.id}`);
  assert.equal(r.json.format, 'csv');
  assert.equal(r.json.file_name, 'leads.csv');
  assert.equal(r.json.unit_code, UNITS.songshan);
  assert.ok(['queued', 'running', 'done'].includes(r.json.status));

  const job = await waitDone(officer, r.json.id);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.rows_read, 5);
  assert.equal(job.fraction_read, 1);
  assert.equal(job.user.username, 'demo_songshan_officer');
  assert.deepEqual(job.summary, cliSummary('leads', tmpFile('same.csv', csv)));
  assert.equal(job.summary.accepted, 4);
  assert.equal(job.summary.rejected, 1);
  assert.equal(job.summary.errors[0].line, 5);
  assert.equal(job.summary.errors[0].field, 'received_at');

  const errors = await officer.get(`/api/v1/imports/${job.id}/errors.csv`);
  assert.equal(errors.status, 200);
  assert.match(errors.headers.get('content-type'), /^text\/csv/);
  const lines = errors.text.trim().split('\r\n');
  assert.equal(lines[0], 'line,field,reason');
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^5,received_at,/);

  // The same file again stores nothing: every good row is a duplicate.
  const again = await upload(officer, 'kind=leads&format=csv', csv);
  assert.equal(again.status, 202, again.text);
  const second = await waitDone(officer, again.json.id);
  assert.equal(second.status, 'done');
  assert.deepEqual([second.summary.accepted, second.summary.duplicates, second.summary.rejected], [0, 4, 1]);

  // The list shows both, newest first.
  const list = await officer.get('/api/v1/imports?limit=2');
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((j) => j.id), [second.id, job.id]);
});

test('NDJSON and XLSX uploads import like the CLI', async () => {
  const officer = await login('demo_songshan_officer');
  const tag = uniq('ND');
  const nd = [1, 2, 3].map((i) => JSON.stringify({
    source: 'media', source_id: `${tag}-${i}`, received_at: '2018-05-01', text: `媒体报道 ${i}`,
  })).join('\n') + '\n{"source":"media"}\nnot json\n';
  const r = await upload(officer, 'kind=leads&format=ndjson', nd);
  assert.equal(r.status, 202, r.text);
  const job = await waitDone(officer, r.json.id);
  assert.deepEqual(job.summary, cliSummary('leads', tmpFile('same.ndjson', nd)));
  assert.deepEqual([job.summary.accepted, job.summary.rejected], [3, 2]);
  assert.equal(job.summary.errors[1].line, 5);

  // XLSX: dates stored as serial numbers with a date style, numbers as numbers.
  const xlsx = xlsxOf(leadsCsv(uniq('XL')));
  const x = await upload(officer, 'kind=leads&name=leads.xlsx', readFileSync(xlsx), {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  assert.equal(x.status, 202, x.text);
  assert.equal(x.json.format, 'xlsx');
  const xjob = await waitDone(officer, x.json.id);
  assert.equal(xjob.status, 'done', JSON.stringify(xjob));
  assert.deepEqual(xjob.summary, cliSummary('leads', xlsx));
  assert.deepEqual([xjob.summary.accepted, xjob.summary.rejected], [4, 1]);
  assert.equal(xjob.summary.errors[0].line, 5);  // the sheet's row number

  const again = await upload(officer, 'kind=leads&format=xlsx', readFileSync(xlsx));
  const xagain = await waitDone(officer, again.json.id);
  assert.deepEqual([xagain.summary.accepted, xagain.summary.duplicates], [0, 4]);
});

test('bad uploads answer 400 naming the field, before any job exists', async () => {
  const officer = await login('demo_songshan_officer');
  assertError(await upload(officer, 'kind=leads&format=csv', 'source,colour\nx,y\n'), 400,
    'invalid_argument', 'header', 'unknown column');
  assertError(await upload(officer, 'kind=people&format=csv', leadsCsv('K')), 400, 'invalid_argument', 'kind');
  assertError(await upload(officer, 'kind=leads', leadsCsv('F')), 400, 'invalid_argument', 'format');
  assertError(await upload(officer, 'kind=leads&format=xls', leadsCsv('F')), 400, 'invalid_argument', 'format');
  assertError(await upload(officer, 'kind=leads&format=xlsx', leadsCsv('Z')), 400, 'invalid_argument', 'FILE',
    'a CSV sent as XLSX');
  assertError(await upload(officer, 'kind=leads&format=csv', ''), 400, 'invalid_argument', 'body');
  assertError(await officer.get('/api/v1/imports/abc'), 400, 'invalid_argument');
  assertError(await officer.get('/api/v1/imports/999999999'), 404, 'not_found');
});

test('roles, scope and CSRF', async () => {
  const officer = await login('demo_songshan_officer');
  const r = await upload(officer, 'kind=leads&format=csv', leadsCsv(uniq('SC')));
  assert.equal(r.status, 202, r.text);
  await waitDone(officer, r.json.id);

  // The league above sees the job; another league's officer gets 404, as for a missing one.
  const leader = await login('demo_chifeng_leader');
  assert.equal((await leader.get(`/api/v1/imports/${r.json.id}`)).status, 200);
  const other = await login('demo_xincheng_officer');
  assertError(await other.get(`/api/v1/imports/${r.json.id}`), 404, 'not_found');
  assertError(await other.get(`/api/v1/imports/${r.json.id}/errors.csv`), 404, 'not_found');
  const list = await other.get('/api/v1/imports?limit=200');
  assert.ok(!list.json.items.some((j) => j.id === r.json.id));

  // Analysts read but do not import.
  const analyst = await login('demo_analyst');
  assertError(await upload(analyst, 'kind=leads&format=csv', leadsCsv(uniq('AN'))), 403, 'forbidden');
  assert.equal((await analyst.get(`/api/v1/imports/${r.json.id}`)).status, 200);

  // A session without the CSRF header is refused.
  const noCsrf = await request('POST', '/api/v1/imports?kind=leads&format=csv', {
    cookie: officer.cookie, body: leadsCsv(uniq('CS')),
  });
  assertError(noCsrf, 403, 'forbidden');
  assertError(await request('GET', `/api/v1/imports/${r.json.id}`), 401);
});

test('an upload over the limit answers 413 and other routes keep their own limit', async () => {
  const officer = await login('demo_songshan_officer');
  // run.sh starts the server with --import-max-mib 8.
  const big = Buffer.alloc(9 * 1024 * 1024, 'a');
  const r = await upload(officer, 'kind=leads&format=csv', big);
  assertError(r, 413, 'payload_too_large');
  // 2 MiB is under the import limit but over the JSON limit of other routes.
  const lead = await officer.req('POST', '/api/v1/leads', {
    body: Buffer.alloc(2 * 1024 * 1024, ' '), headers: { 'Content-Type': 'application/json' },
  });
  assert.ok([400, 413].includes(lead.status), `${lead.status}`);
});
