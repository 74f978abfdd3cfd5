// The system around the API: health, metrics, request ids, the OpenAPI document, a second
// server on the same database (shared sessions, concurrent writes, graceful shutdown), online
// backups and the tamper-evident audit chain (CONTRACTS.md "Subcommands").
//
// The tamper tests work on copies of the database (a backup file for SQLite, a copied schema
// for PostgreSQL), so the live database stays intact for whatever runs after them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import {
  BASE, BIN, DB_URL, BACKEND, TMP, login, request, createLead, leadBody, listAll, uniq,
} from './lib.mjs';

const PG_SCHEMA = process.env.LIJIAN_PG_SCHEMA;
const PG_BASE = process.env.LIJIAN_TEST_PG;

let admin;
let officer;

before(async () => {
  admin = await login('demo_admin');
  officer = await login('demo_songshan_officer');
});

// Runs a command to completion: {code, stdout, stderr}.
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: process.env, ...opts });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function hasTool(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

// A PostgreSQL URL whose search_path is `schema`.
function pgUrl(schema) {
  return `${PG_BASE}${PG_BASE.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
}

async function psql(url, sql) {
  const r = await run('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', url, '-c', sql]);
  assert.equal(r.code, 0, `psql: ${sql}\n${r.stderr}`);
  return r.stdout.trim();
}

async function sqlite(file, sql) {
  const r = await run('sqlite3', [file, sql]);
  assert.equal(r.code, 0, `sqlite3: ${sql}\n${r.stderr}`);
  return r.stdout.trim();
}

test('/healthz answers 200 {"status":"ok"} without login', async () => {
  const r = await request('GET', '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok' });
});

test('X-Request-Id: echoed when valid, generated otherwise, and recorded in the audit log', async () => {
  const sent = uniq('req-');
  const echoed = await request('GET', '/healthz', { headers: { 'X-Request-Id': sent } });
  assert.equal(echoed.headers.get('x-request-id'), sent);
  const a = (await request('GET', '/healthz')).headers.get('x-request-id');
  const b = (await request('GET', '/healthz')).headers.get('x-request-id');
  assert.match(a, /^[A-Za-z0-9._-]{8,64}$/);
  assert.notEqual(a, b, 'generated ids differ');
  // Unsafe values (spaces, control characters, overlong) are replaced, not reflected.
  for (const bad of ['has space', 'x'.repeat(65), 'a<script>']) {
    const got = (await request('GET', '/healthz', { headers: { 'X-Request-Id': bad } })).headers.get('x-request-id');
    assert.notEqual(got, bad);
    assert.match(got, /^[A-Za-z0-9._-]{1,64}$/);
  }
  // Errors carry it too.
  assert.equal((await request('GET', '/api/v1/leads', { headers: { 'X-Request-Id': sent } })).headers.get('x-request-id'), sent);
  // The change made under this request id is traceable in the audit log.
  const rid = uniq('trace-');
  const r = await officer.post('/api/v1/leads', leadBody(), { headers: { 'X-Request-Id': rid } });
  assert.equal(r.status, 201, r.text);
  const leader = await login('demo_region_leader');
  const audit = await leader.get(`/api/v1/audit?entity=lead&entity_id=${r.json.id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.json.items.some((e) => e.request_id === rid && e.actor_name === 'demo_songshan_officer'),
    `no audit entry with request_id ${rid}: ${audit.text.slice(0, 500)}`);
});

// The value of the series `name` whose labels include `labels`, or null.
function metricValue(text, name, labels) {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...m[2].matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return null;
}

test('/metrics counts requests by route pattern, with latency histograms and pool gauges', async () => {
  await officer.get('/api/v1/leads?limit=1');
  const m1 = await request('GET', '/metrics');
  assert.equal(m1.status, 200);
  assert.match(m1.headers.get('content-type'), /text\/plain/);
  const labels = { route: '/api/v1/leads', method: 'GET', status: '200' };
  const before = metricValue(m1.text, 'lijian_http_requests_total', labels);
  assert.ok(before >= 1, `no lijian_http_requests_total for GET /api/v1/leads 200:\n${m1.text.slice(0, 1500)}`);
  await officer.get('/api/v1/leads?limit=1');
  await officer.get('/api/v1/leads?limit=2');
  // The server counts a request after writing its response, and other test files run at the
  // same time: wait (briefly) until both requests are counted.
  let m2 = '';
  for (let i = 0; i < 50; i++) {
    m2 = (await request('GET', '/metrics')).text;
    if (metricValue(m2, 'lijian_http_requests_total', labels) >= before + 2) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(metricValue(m2, 'lijian_http_requests_total', labels) >= before + 2, 'the counter counts each request');
  // The latency histogram: buckets up to +Inf, sum and count for the route.
  assert.match(m2, /# TYPE lijian_http_request_duration_seconds histogram/);
  const inf = metricValue(m2, 'lijian_http_request_duration_seconds_bucket', { route: '/api/v1/leads', le: '+Inf' });
  const count = metricValue(m2, 'lijian_http_request_duration_seconds_count', { route: '/api/v1/leads' });
  assert.ok(inf >= before + 2, `+Inf bucket ${inf}`);
  assert.equal(inf, count, 'the +Inf bucket equals the count');
  assert.ok(metricValue(m2, 'lijian_http_request_duration_seconds_sum', { route: '/api/v1/leads' }) > 0);
  assert.match(m2, /^lijian_db_pool_connections \d+$/m);
  // Labels are route patterns, never raw paths: ids and unknown paths must not add series.
  const marker = uniq('zz');
  await officer.get('/api/v1/leads/987654321');
  await request('GET', `/api/v1/${marker}`);
  const m3 = (await request('GET', '/metrics')).text;
  assert.ok(metricValue(m3, 'lijian_http_requests_total', { route: '/api/v1/leads/{id}', method: 'GET', status: '404' }) >= 1);
  assert.ok(!m3.includes('987654321'), 'a record id became a metric label');
  assert.ok(!m3.includes(marker), 'an unknown path became a metric label');
});

// Every route the server has (src/api/routes_*.cpp).
const ROUTES = [
  ['POST', '/api/v1/auth/login'], ['POST', '/api/v1/auth/logout'], ['GET', '/api/v1/auth/me'],
  ['POST', '/api/v1/auth/password'], ['GET', '/api/v1/units'], ['GET', '/api/v1/units/{code}'],
  ['GET', '/api/v1/codes'], ['GET', '/api/v1/users'], ['POST', '/api/v1/users'], ['GET', '/api/v1/users/{id}'],
  ['PATCH', '/api/v1/users/{id}'], ['POST', '/api/v1/users/{id}/password'], ['GET', '/api/v1/tokens'],
  ['POST', '/api/v1/tokens'], ['DELETE', '/api/v1/tokens/{id}'], ['GET', '/api/v1/enterprises'],
  ['POST', '/api/v1/enterprises'], ['GET', '/api/v1/enterprises/{id}'], ['GET', '/api/v1/leads'],
  ['POST', '/api/v1/leads'], ['GET', '/api/v1/leads/{id}'], ['PATCH', '/api/v1/leads/{id}'],
  ['POST', '/api/v1/leads/{id}/share'], ['GET', '/api/v1/cases'], ['POST', '/api/v1/cases'],
  ['GET', '/api/v1/cases/{id}'], ['GET', '/api/v1/cases/{id}/timeline'], ['POST', '/api/v1/cases/{id}/notes'],
  ['GET', '/api/v1/cases/{id}/attachments'], ['POST', '/api/v1/cases/{id}/attachments'],
  ['GET', '/api/v1/attachments/{id}/content'], ['GET', '/api/v1/openapi.json'], ['GET', '/api/v1/audit'],
];

async function openapiDoc() {
  const r = await request('GET', '/api/v1/openapi.json');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const doc = JSON.parse(r.text);
  assert.match(doc.openapi, /^3\.1\./, 'OpenAPI 3.1');
  assert.equal(typeof doc.info?.title, 'string');
  assert.equal(typeof doc.paths, 'object');
  return doc;
}

// The documented operations as [METHOD, full path]; paths may be relative to servers[0].url.
function documented(doc) {
  const server = doc.servers?.[0]?.url || '';
  const prefix = server.startsWith('/') ? server.replace(/\/$/, '') : '';
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const full = path.startsWith('/api/') || path === '/healthz' || path === '/metrics' ? path : prefix + path;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) out.push([method.toUpperCase(), full]);
    }
  }
  return out;
}

test('every path and method in the OpenAPI document exists on the server', async () => {
  const doc = await openapiDoc();
  // A session of its own: the sweep calls /auth/logout (last).
  const sweeper = await login('demo_admin');
  const ops = documented(doc).sort((a, b) => (a[1] === '/api/v1/auth/logout') - (b[1] === '/api/v1/auth/logout'));
  for (const [method, path] of ops) {
    const full = path.replace(/\{[^}]+\}/g, '1');
    // Empty bodies: nothing is changed, but the route must answer (400/403/404-record, ...).
    const r = await sweeper.req(method, full, { body: ['GET', 'DELETE'].includes(method) ? undefined : {} });
    assert.notEqual(r.status, 405, `${method} ${path} is documented but the server answers 405`);
    assert.ok(!(r.status === 404 && /no such resource/.test(r.json?.error?.message || '')),
      `${method} ${path} is documented but the server has no such route: ${r.text}`);
    assert.ok(r.status < 500, `${method} ${full} → ${r.status} ${r.text}`);
  }
});

test('every route of the server is in the OpenAPI document', async () => {
  const doc = await openapiDoc();
  const have = new Set(documented(doc).map(([m, p]) => `${m} ${p}`.replace(/\{[^}]+\}/g, '{}')));
  const missing = ROUTES.map(([m, p]) => `${m} ${p}`.replace(/\{[^}]+\}/g, '{}')).filter((k) => !have.has(k));
  assert.deepEqual(missing, [], 'routes missing from /api/v1/openapi.json');
});

// Starts another server on the same database; resolves when it listens.
async function startSecondServer() {
  const p = spawn(BIN, ['serve', '--db', DB_URL, '--listen', '127.0.0.1:0', '--attachments-dir', `${TMP}/attachments`], { env: process.env });
  const out = { stdout: '', stderr: '' };
  const exited = new Promise((resolve) => p.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second server did not start:\n${out.stdout}${out.stderr}`)), 30000);
    const collect = (stream) => (d) => {
      out[stream] += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out.stdout + out.stderr);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    p.stdout.on('data', collect('stdout'));
    p.stderr.on('data', collect('stderr'));
    p.on('exit', () => { clearTimeout(timer); reject(new Error(`second server exited:\n${out.stdout}${out.stderr}`)); });
  });
  return { p, url, exited, out, log: () => out.stdout + out.stderr };
}

test('serve logs to stderr and keeps stdout clean (CONTRACTS.md)', async () => {
  const s = await startSecondServer();
  try {
    assert.match(s.out.stderr, /serving http:/, 'the start line is on stderr');
    assert.equal(s.out.stdout, '', 'nothing on stdout');
  } finally {
    s.p.kill('SIGTERM');
    await s.exited;
  }
});

test('a second server on the same database: shared sessions, concurrent writes, graceful SIGTERM', async () => {
  const second = await startSecondServer();
  try {
    // A session made by the first server works on the second: no session state in memory.
    const me = await fetch(`${second.url}/api/v1/auth/me`, { headers: { Cookie: officer.cookie } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).user.username, 'demo_songshan_officer');

    // Writes through both servers at once all succeed, and the audit chain stays one chain.
    const post = (base, i) => fetch(`${base}/api/v1/leads`, {
      method: 'POST',
      headers: { Cookie: officer.cookie, 'X-CSRF-Token': officer.csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify(leadBody({ source: 'risk_monitoring', received_at: '2014-02-02T10:00:00+08:00', text: `并发写入 ${i}` })),
    });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => post(i % 2 ? second.url : BASE, i)));
    const statuses = await Promise.all(results.map(async (r) => `${r.status} ${r.status === 201 ? '' : await r.text()}`));
    assert.deepEqual(statuses.filter((s) => !s.startsWith('201')), [], 'concurrent writes through two servers');
    const stored = await listAll(officer, '/api/v1/leads?received_from=2014-02-02&received_to=2014-02-02');
    assert.equal(stored.length, 30);
    const verify = await run(BIN, ['audit', 'verify', '--db', DB_URL]);
    assert.equal(verify.code, 0, `audit verify after concurrent writes: ${verify.stdout}${verify.stderr}`);

    // Graceful stop: a request in flight when SIGTERM arrives still gets its answer (a login
    // spends ~0.3 s hashing), then the process exits 0 — idle keep-alive connections included.
    const inFlight = fetch(`${second.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo_analyst', password: 'Demo-2018-lijian' }),
    });
    await new Promise((r) => setTimeout(r, 80));
    const sentAt = Date.now();
    second.p.kill('SIGTERM');
    const answer = await inFlight;
    assert.equal(answer.status, 200, 'the in-flight request was answered');
    assert.ok((await answer.json()).csrf_token, 'with a complete body');
    const exit = await Promise.race([second.exited, new Promise((r) => setTimeout(() => r('timeout'), 10000))]);
    assert.notEqual(exit, 'timeout', `the server did not exit within 10 s of SIGTERM:\n${second.log()}`);
    assert.deepEqual(exit, { code: 0, signal: null }, `exit after SIGTERM:\n${second.log()}`);
    assert.ok(Date.now() - sentAt < 10000);
    // It no longer listens.
    await assert.rejects(fetch(`${second.url}/healthz`), 'the stopped server still answers');
  } finally {
    if (second.p.exitCode === null && second.p.signalCode === null) second.p.kill('SIGKILL');
  }
  // The first server is unaffected.
  assert.equal((await request('GET', '/healthz')).status, 200);
});

test('backup while the server runs gives a consistent copy', async (t) => {
  const file = `${TMP}/${uniq('backup-')}.${BACKEND === 'sqlite' ? 'db' : 'pgdump'}`;
  // Keep writing during the backup.
  const writes = Promise.all(Array.from({ length: 20 }, () => officer.post('/api/v1/leads', leadBody({ received_at: '2014-03-03T10:00:00+08:00' }))));
  const backup = await run(BIN, ['backup', '--db', DB_URL, '--to', file]);
  const statuses = (await writes).map((r) => r.status);
  assert.equal(backup.code, 0, `backup: ${backup.stdout}${backup.stderr}`);
  assert.deepEqual(statuses.filter((s) => s !== 201), [], 'writes during the backup');
  assert.ok(statSync(file).size > 0);
  if (BACKEND === 'sqlite') {
    if (!hasTool('sqlite3')) { t.skip('the sqlite3 CLI is not installed'); return; }
    assert.equal(await sqlite(file, 'PRAGMA integrity_check'), 'ok');
    assert.ok(Number(await sqlite(file, 'SELECT COUNT(*) FROM leads')) >= 400, 'the copy has the leads');
    assert.ok(Number(await sqlite(file, 'SELECT COUNT(*) FROM audit_log')) > 0);
    // The copy is a working database: the audit chain in it verifies.
    const v = await run(BIN, ['audit', 'verify', '--db', `sqlite://${file}`]);
    assert.equal(v.code, 0, v.stdout + v.stderr);
  } else {
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), 'PGDMP', 'pg_dump custom format');
    if (hasTool('pg_restore')) {
      const list = await run('pg_restore', ['--list', file]);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, new RegExp(`TABLE DATA ${PG_SCHEMA} leads `), 'the dump holds this schema\'s leads');
      assert.match(list.stdout, new RegExp(`TABLE DATA ${PG_SCHEMA} audit_log `));
    }
  }
  // An existing file is never overwritten.
  const again = await run(BIN, ['backup', '--db', DB_URL, '--to', file]);
  assert.equal(again.code, 1, 'backup onto an existing file');
  assert.match(again.stderr, /exists/);
});

// A throwaway copy of the live database to tamper with: {url, tamper(sql), drop()}.
async function databaseCopy(name) {
  if (BACKEND === 'sqlite') {
    const file = `${TMP}/${name}.db`;
    const b = await run(BIN, ['backup', '--db', DB_URL, '--to', file]);
    assert.equal(b.code, 0, b.stderr);
    return { url: `sqlite://${file}`, sql: (q) => sqlite(file, q), drop: async () => {} };
  }
  const schema = `${PG_SCHEMA}_${name}`;
  await psql(PG_BASE, `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '${PG_SCHEMA}' LOOP
        EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING ALL)', '${schema}', t, '${PG_SCHEMA}', t);
        EXECUTE format('INSERT INTO %I.%I SELECT * FROM %I.%I', '${schema}', t, '${PG_SCHEMA}', t);
      END LOOP;
    END $$;`);
  const url = pgUrl(schema);
  return { url, sql: (q) => psql(url, q), drop: () => psql(PG_BASE, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

const MIDDLE = 'SELECT MIN(id) FROM audit_log WHERE after_state IS NOT NULL AND id >= (SELECT MAX(id) / 2 FROM audit_log)';

test('audit verify: intact chain exits 0; an edited or deleted entry exits 1 naming it', async (t) => {
  const tool = BACKEND === 'sqlite' ? 'sqlite3' : 'psql';
  if (!hasTool(tool)) { t.skip(`${tool} is not installed`); return; }
  // Make some changes first, so the chain has entries from the API.
  const lead = await createLead(officer);
  assert.equal((await officer.patch(`/api/v1/leads/${lead.id}`, { title: 'audited' })).status, 200);
  const ok = await run(BIN, ['audit', 'verify', '--db', DB_URL]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  const n = Number(/intact: (\d+) entries/.exec(ok.stdout)?.[1]);
  assert.ok(n > 400, `verify reports the number of entries: ${ok.stdout}`);

  // Edit one entry's after_state: its hash no longer matches.
  const edited = await databaseCopy('edit');
  try {
    const mid = Number(await edited.sql(MIDDLE));
    assert.ok(mid > 1);
    await edited.sql(`UPDATE audit_log SET after_state = '{"tampered":true}' WHERE id = ${mid}`);
    const v = await run(BIN, ['audit', 'verify', '--db', edited.url]);
    assert.equal(v.code, 1, `verify after an edit: ${v.stdout}${v.stderr}`);
    assert.match(v.stderr, new RegExp(`entry ${mid}\\b`), `names the edited entry ${mid}: ${v.stderr}`);
  } finally {
    await edited.drop();
  }

  // Delete one entry from the middle: the next entry's prev_hash no longer matches.
  const deleted = await databaseCopy('del');
  try {
    const mid = Number(await deleted.sql(MIDDLE));
    const next = Number(await deleted.sql(`SELECT MIN(id) FROM audit_log WHERE id > ${mid}`));
    await deleted.sql(`DELETE FROM audit_log WHERE id = ${mid}`);
    const v = await run(BIN, ['audit', 'verify', '--db', deleted.url]);
    assert.equal(v.code, 1, `verify after a deletion: ${v.stdout}${v.stderr}`);
    assert.match(v.stderr, new RegExp(`entry ${next}\\b`), `names the entry after the gap (${next}): ${v.stderr}`);
  } finally {
    await deleted.drop();
  }

  // Forging an entry's content and recomputing nothing else: a changed actor is caught too.
  const forged = await databaseCopy('forge');
  try {
    const mid = Number(await forged.sql(MIDDLE));
    await forged.sql(`UPDATE audit_log SET actor_name = 'someone_else' WHERE id = ${mid}`);
    const v = await run(BIN, ['audit', 'verify', '--db', forged.url]);
    assert.equal(v.code, 1, v.stdout + v.stderr);
    assert.match(v.stderr, new RegExp(`entry ${mid}\\b`));
  } finally {
    await forged.drop();
  }

  // The live database was never touched.
  assert.equal((await run(BIN, ['audit', 'verify', '--db', DB_URL])).code, 0);
});

test('the audit log shows personal data only to roles that may see it', async () => {
  const lead = await createLead(officer, { reporter_name: '王小明', reporter_phone: '13712345678' });
  const entries = async (client) => {
    const r = await client.get(`/api/v1/audit?entity=lead&entity_id=${lead.id}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items;
  };
  const forAdmin = await entries(admin);
  assert.ok(forAdmin.length >= 1);
  const text = JSON.stringify(forAdmin);
  assert.ok(!text.includes('13712345678') && !text.includes('王小明'), `admin sees unmasked data: ${text.slice(0, 300)}`);
  assert.equal(forAdmin[forAdmin.length - 1].after.reporter_phone, '137****5678');
  const leader = await login('demo_chifeng_leader');
  const forLeader = await entries(leader);
  assert.equal(forLeader[forLeader.length - 1].after.reporter_phone, '13712345678');
});
