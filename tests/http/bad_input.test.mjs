// Bad input never gets a 5xx: every malformed body, wrong type, unknown field or code, bad
// date, limit, cursor, sort or id answers 4xx with {"error":{"code":...}} and, when one field
// is at fault, error.field naming it. Ends with a seeded fuzz of random bodies and paths.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
  BASE, login, userClient, createLead, openCase, request, assertError, leadBody, uniq, UNITS, TEST_PASSWORD,
} from './lib.mjs';

let officer; // an officer of 松山区 created for this file
let admin;
let leadId;
let caseId;

before(async () => {
  admin = await login('demo_admin');
  officer = await userClient(admin, { unit: UNITS.songshan, role: 'officer' });
  leadId = (await createLead(officer)).id;
  caseId = (await openCase(officer, (await createLead(officer)).id)).id;
});

test('bodies that are not one JSON object: 400 on field "body"', async () => {
  const bad = [
    ['malformed JSON', '{"source": "inspection",'],
    ['a JSON array', '[{"source":"inspection"}]'],
    ['a JSON string', '"lead"'],
    ['a JSON number', '42'],
    ['null', 'null'],
    ['empty body', ''],
    ['trailing garbage', '{"source":"inspection"} x'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ];
  for (const [what, body] of bad) {
    for (const path of ['/api/v1/leads', '/api/v1/cases', `/api/v1/cases/${caseId}/notes`]) {
      const r = await officer.req('POST', path, { body, headers: { 'Content-Type': 'application/json' } });
      assertError(r, 400, 'invalid_argument', 'body', `${what} → POST ${path}`);
    }
    const p = await officer.req('PATCH', `/api/v1/leads/${leadId}`, { body, headers: { 'Content-Type': 'application/json' } });
    assertError(p, 400, 'invalid_argument', 'body', `${what} → PATCH lead`);
  }
  // The login route parses bodies before any password check.
  assertError(await request('POST', '/api/v1/auth/login', { body: '[1,2]' }), 400, 'invalid_argument', 'body', 'login with an array');
});

test('deeply nested JSON is refused without harming the server', async () => {
  const depth = 100000; // under the 1 MiB JSON limit, so the parser itself is exercised
  const body = '['.repeat(depth) + ']'.repeat(depth);
  assertError(await officer.req('POST', '/api/v1/leads', { body, headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_argument', 'body');
  const obj = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  assertError(await officer.req('POST', '/api/v1/leads', { body: obj, headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_argument');
  assert.equal((await request('GET', '/healthz')).status, 200, 'the server survived');
});

test('wrong types, unknown fields and unknown codes name the field', async () => {
  const leadCases = [
    [{ text: 5 }, 'text'],
    [{ text: ['a'] }, 'text'],
    [{ source_id: 17 }, 'source_id'],
    [{ received_at: 20180101 }, 'received_at'],
    [{ title: { zh: 'x' } }, 'title'],
    [{ special_actions: 'consumer_goods' }, 'special_actions'],
    [{ special_actions: [1, 2] }, 'special_actions'],
    [{ violations: 'substandard' }, 'violations'],
    [{ enterprise_id: 'seven' }, 'enterprise_id'],
    [{ enterprise_id: 987654321 }, 'enterprise_id'],
    [{ amount_involved: -5 }, 'amount_involved'],
    [{ amount_involved: '12.345' }, 'amount_involved'],
    [{ amount_involved: 'a lot' }, 'amount_involved'],
    [{ amount_involved: true }, 'amount_involved'],
    [{ price: { v: 1 } }, 'price'],
    [{ unknown_field: 1 }, 'unknown_field'],
    [{ id: 5 }, 'id'],
    [{ status: 'new' }, 'status'], // not settable at creation
    [{ source: 'fax' }, 'source'],
    [{ source: '' }, 'source'],
    [{ special_actions: ['space_program'] }, 'special_actions'],
    [{ violations: ['jaywalking'] }, 'violations'],
    [{ product_category: 'rockets' }, 'product_category'],
    [{ channel: 'carrier_pigeon' }, 'channel'],
    [{ sample_result: 'maybe' }, 'sample_result'],
    [{ region_code: '15040' }, 'region_code'],
    [{ region_code: 'abcdef' }, 'region_code'],
    [{ unit_code: '999999' }, 'unit_code'],
    [{ text: 'x'.repeat(20001) }, 'text'],
    [{ text: '' }, 'text'],
  ];
  for (const [over, field] of leadCases) {
    const body = leadBody(over);
    const r = await officer.post('/api/v1/leads', body);
    assertError(r, 400, 'invalid_argument', field, `POST lead ${JSON.stringify(over).slice(0, 80)}`);
  }
  // Required fields, each missing in turn.
  for (const field of ['source', 'source_id', 'received_at', 'text']) {
    const body = leadBody();
    delete body[field];
    assertError(await officer.post('/api/v1/leads', body), 400, 'invalid_argument', field, `POST lead without ${field}`);
  }
  const patchCases = [
    [{ version: '1' }, 'version'],
    [{ version: 1.5 }, 'version'],
    [{ status: 'finished' }, 'status'],
    [{ channel: 'tv' }, 'channel'],
    [{ special_actions: ['nope'] }, 'special_actions'],
    [{ source: 'media' }, 'source'], // the key is not patchable
    [{ received_at: '2018-01-01' }, 'received_at'],
  ];
  for (const [body, field] of patchCases) {
    assertError(await officer.patch(`/api/v1/leads/${leadId}`, body), 400, 'invalid_argument', field, `PATCH lead ${JSON.stringify(body)}`);
  }
  const caseCases = [
    [{ lead_id: '12' }, 'lead_id'],
    [{ lead_id: 1.5 }, 'lead_id'],
    [{ lead_id: leadId, is_major: 'yes' }, 'is_major'],
    [{ lead_id: leadId, title: 7 }, 'title'],
    [{ lead_id: leadId, case_no: '1' }, 'case_no'],
  ];
  for (const [body, field] of caseCases) {
    assertError(await officer.post('/api/v1/cases', body), 400, 'invalid_argument', field, `POST case ${JSON.stringify(body)}`);
  }
  assertError(await officer.post(`/api/v1/cases/${caseId}/notes`, { note: 5 }), 400, 'invalid_argument', 'note');
  assertError(await officer.post(`/api/v1/leads/${leadId}/share`, { unit_code: 150402 }), 400, 'invalid_argument', 'unit_code');

  const userCases = [
    [{ role: 'superuser' }, 'role'],
    [{ role: 5 }, 'role'],
    [{ username: 'a b c' }, 'username'],
    [{ username: 'ab' }, 'username'],
    [{ username: '用户名' }, 'username'],
    [{ unit_code: '999999' }, 'unit_code'],
    [{ unit_code: 150404 }, 'unit_code'],
    [{ password: 12345678901 }, 'password'],
    [{ is_admin: true }, 'is_admin'],
  ];
  for (const [over, field] of userCases) {
    const body = { username: uniq('bad_'), unit_code: UNITS.songshan, role: 'officer', password: TEST_PASSWORD, ...over };
    assertError(await admin.post('/api/v1/users', body), 400, 'invalid_argument', field, `POST user ${JSON.stringify(over)}`);
  }
  assertError(await admin.patch(`/api/v1/users/${officer.user.id}`, { active: 'no' }), 400, 'invalid_argument', 'active');
  assertError(await admin.patch(`/api/v1/users/${officer.user.id}`, { role: 'root' }), 400, 'invalid_argument', 'role');
  assertError(await admin.post('/api/v1/tokens', { name: 'x', user_id: officer.user.id, expires_at: 'soon' }), 400, 'invalid_argument', 'expires_at');
  assertError(await admin.post('/api/v1/tokens', { name: 'x' }), 400, 'invalid_argument', 'user_id');
  assertError(await admin.post('/api/v1/tokens', { name: 'x', user_id: 987654321 }), 400, 'invalid_argument', 'user_id');
  assertError(await admin.post('/api/v1/tokens', { user_id: officer.user.id }), 400, 'invalid_argument', 'name');
});

test('bad dates are refused', async () => {
  for (const received_at of ['2018-13-01', '2018-02-30', '2018-00-10', 'yesterday', '18-01-01', '2018.01.01', '2018-01-01 10:00:00 CST', '2018-01-01T10:00:00+0800', '2018-01-01T25:00:00+08:00', '2018-01-01T10:00:00+99:00', '']) {
    assertError(await officer.post('/api/v1/leads', leadBody({ received_at })), 400, 'invalid_argument', 'received_at', `received_at ${received_at}`);
  }
  for (const [param, value] of [['received_from', 'notadate'], ['received_to', '2018-02-30'], ['received_from', '2018-1-1']]) {
    assertError(await officer.get(`/api/v1/leads?${param}=${value}`), 400, 'invalid_argument', param, `${param}=${value}`);
  }
  assertError(await officer.get('/api/v1/cases?opened_from=13/01/2018'), 400, 'invalid_argument', 'opened_from');
});

test('bad list parameters: limit, cursor, sort and filter codes', async () => {
  for (const limit of ['-1', '0', 'abc', '501', '1e3', '10.5', '', '99999999999999999999']) {
    for (const path of ['/api/v1/leads', '/api/v1/cases', '/api/v1/users', '/api/v1/enterprises']) {
      const client = path === '/api/v1/users' ? admin : officer;
      assertError(await client.get(`${path}?limit=${limit}`), 400, 'invalid_argument', 'limit', `${path}?limit=${limit}`);
    }
  }
  const junkCursors = [
    'garbage',
    '!!!!',
    Buffer.from('not json').toString('base64url'),
    Buffer.from('["-received_at"]').toString('base64url'),
    Buffer.from('["-received_at",null,1]').toString('base64url'),
    Buffer.from('["id",null,"x"]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
    'A'.repeat(5000),
  ];
  for (const cursor of junkCursors) {
    assertError(await officer.get(`/api/v1/leads?cursor=${encodeURIComponent(cursor)}`), 400, 'invalid_argument', 'cursor', `cursor ${cursor.slice(0, 40)}`);
    assertError(await officer.get(`/api/v1/cases?cursor=${encodeURIComponent(cursor)}`), 400, 'invalid_argument', 'cursor', `case cursor ${cursor.slice(0, 40)}`);
  }
  for (const sort of ['color', '--id', 'title', 'received_at;DROP TABLE leads', '-', 'id desc']) {
    assertError(await officer.get(`/api/v1/leads?sort=${encodeURIComponent(sort)}`), 400, 'invalid_argument', 'sort', `sort ${sort}`);
  }
  assertError(await officer.get('/api/v1/cases?sort=received_at'), 400, 'invalid_argument', 'sort');
  const filters = [
    ['source', 'fax'], ['status', 'finished'], ['special_action', 'space'], ['product_category', 'rockets'],
    ['channel', 'tv'], ['unit', '999999'], ['enterprise_id', 'abc'], ['enterprise_id', '0'],
  ];
  for (const [name, value] of filters) {
    assertError(await officer.get(`/api/v1/leads?${name}=${value}`), 400, 'invalid_argument', name, `leads?${name}=${value}`);
  }
  for (const [name, value] of [['status', 'x'], ['lead_id', 'x'], ['unit', '999999']]) {
    assertError(await officer.get(`/api/v1/cases?${name}=${value}`), 400, 'invalid_argument', name, `cases?${name}=${value}`);
  }
  assertError(await officer.get('/api/v1/units?under=999999'), 400, 'invalid_argument', 'under');
});

test('bad ids in the path: 400 on field "id"', async () => {
  // (A NUL byte in the target, /api/v1/leads/1%00, is refused by the HTTP layer before routing;
  // the fuzz test covers such targets.)
  const bad = ['abc', '0', '-1', '1.5', '1e3', '99999999999999999999', '%20', '0x10', '+1', '1%20'];
  for (const id of bad) {
    for (const path of [`/api/v1/leads/${id}`, `/api/v1/cases/${id}`, `/api/v1/cases/${id}/timeline`, `/api/v1/attachments/${id}/content`, `/api/v1/enterprises/${id}`]) {
      assertError(await officer.get(path), 400, 'invalid_argument', 'id', `GET ${path}`);
    }
    assertError(await officer.patch(`/api/v1/leads/${id}`, { title: 'x' }), 400, 'invalid_argument', 'id', `PATCH lead ${id}`);
    assertError(await admin.get(`/api/v1/users/${id}`), 400, 'invalid_argument', 'id', `GET user ${id}`);
    assertError(await admin.del(`/api/v1/tokens/${id}`), 400, 'invalid_argument', 'id', `DELETE token ${id}`);
  }
  // Well-formed ids that do not exist are 404.
  for (const path of ['/api/v1/leads/987654321', '/api/v1/cases/987654321', '/api/v1/attachments/987654321/content', '/api/v1/enterprises/987654321']) {
    assertError(await officer.get(path), 404, 'not_found', undefined, path);
  }
  assertError(await officer.get('/api/v1/units/999999'), 404, 'not_found');
});

test('unknown routes are 404 JSON, wrong methods 405 JSON', async () => {
  for (const path of ['/api/v1/nothing', '/api/v1/leads/1/nothing', '/api/v2/leads', '/api/v1/', '/api/v1/leads/1/share/2']) {
    const r = await officer.get(path);
    assertError(r, 404, 'not_found', undefined, `GET ${path}`);
    assert.match(r.headers.get('content-type'), /application\/json/);
  }
  for (const [method, path] of [['PUT', `/api/v1/leads/${leadId}`], ['DELETE', '/api/v1/leads'], ['PATCH', '/api/v1/cases'], ['POST', '/healthz'], ['DELETE', `/api/v1/cases/${caseId}`], ['PUT', '/api/v1/auth/login']]) {
    const r = await officer.req(method, path, { body: method === 'DELETE' ? undefined : {} });
    assertError(r, 405, 'method_not_allowed', undefined, `${method} ${path}`);
  }
});

// Sends raw bytes over TCP and returns the status line's code (servers may close early on
// oversized requests, which fetch reports as a network error instead of the answer).
function rawRequest(head, bodyBytes = 0) {
  const { hostname, port } = new URL(BASE);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    let data = '';
    sock.on('data', (d) => { data += d.toString('latin1'); });
    sock.on('error', (e) => (data ? resolve(data) : reject(e)));
    sock.on('close', () => resolve(data));
    sock.on('connect', () => {
      sock.write(head);
      const chunk = Buffer.alloc(1 << 20, 0x61);
      let left = bodyBytes;
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!sock.write(chunk.subarray(0, n))) { sock.once('drain', pump); return; }
        }
      };
      pump();
    });
    sock.setTimeout(20000, () => { sock.destroy(); reject(new Error('timeout')); });
  });
}

function parseRaw(text) {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  let json = null;
  try { json = JSON.parse(body); } catch { /* not JSON */ }
  return { status: m ? Number(m[1]) : 0, json, text };
}

test('a JSON body over 1 MiB and a body over the server limit are 413, a header block over 16 KiB is 431', async () => {
  const size = 9 * 1024 * 1024;
  const head = `POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
    `Cookie: ${officer.cookie}\r\nX-CSRF-Token: ${officer.csrf}\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`;
  const big = parseRaw(await rawRequest(head, size));
  assert.equal(big.status, 413, big.text.slice(0, 300));
  assert.equal(big.json?.error?.code, 'payload_too_large', big.text.slice(0, 300));
  // Declared size alone is enough to refuse before reading.
  const declared = parseRaw(await rawRequest(`POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n`));
  assert.equal(declared.status, 413, declared.text.slice(0, 300));

  const r = await officer.req('GET', '/api/v1/auth/me', { headers: { 'X-Padding': 'p'.repeat(20 * 1024) } });
  assertError(r, 431, undefined, undefined, 'header over 16 KiB');
  const many = {};
  for (let i = 0; i < 400; i++) many[`X-H${i}`] = 'v'.repeat(60);
  assertError(await officer.req('GET', '/api/v1/auth/me', { headers: many }), 431, undefined, undefined, 'many headers');
  // Just under the limits still works.
  const ok = await officer.post('/api/v1/leads', leadBody({ text: '长'.repeat(6000) }));
  assert.equal(ok.status, 201, ok.text.slice(0, 200));
  assert.equal((await officer.req('GET', '/api/v1/auth/me', { headers: { 'X-Padding': 'p'.repeat(8 * 1024) } })).status, 200);
});

test('malformed HTTP gets a 4xx, never a 5xx, and the server stays up', async () => {
  const raws = [
    'GARBAGE\r\n\r\n',
    'GET /api/v1/leads HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET nothing HTTP/1.1\r\nHost: x\r\n\r\n',
    'POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
    'POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
    'POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    'GET /api/v1/leads?limit=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  ];
  for (const raw of raws) {
    const r = parseRaw(await rawRequest(raw));
    // A server may also just close the connection on garbage (status 0); never a 5xx.
    assert.ok(r.status === 0 || (r.status >= 400 && r.status < 500), `${JSON.stringify(raw)} → ${r.text.slice(0, 200)}`);
  }
  assert.equal((await request('GET', '/healthz')).status, 200);
});

// A small seeded PRNG, so a failing fuzz case can be reproduced from the printed seed.
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('fuzz: random bodies and paths never get a 5xx', async () => {
  const seed = Number(process.env.LIJIAN_FUZZ_SEED || Date.now() % 1e9);
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const fields = ['source', 'source_id', 'received_at', 'text', 'title', 'channel', 'special_actions', 'violations',
    'product_category', 'unit_code', 'enterprise_id', 'amount_involved', 'price', 'lead_id', 'note', 'version',
    'status', 'is_major', 'region_code', 'reporter_phone', 'x', ''];
  const scalars = () => pick([null, true, false, 0, -1, 1e308, -1e-308, 9007199254740993, 'inspection', 'online', '',
    '2018-01-01', '2018-02-30T10:00:00Z', '150404', '999999', 'é\u0000\u202e', '"\'; DROP TABLE leads; --', 'x'.repeat(600),
    ['consumer_goods'], ['nope'], [1, [2]], {}, { a: { b: [] } }]);
  const randomBody = () => {
    const kind = rnd();
    if (kind < 0.15) return JSON.stringify(scalars());
    if (kind < 0.25) return Buffer.from(Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256)));
    const o = kind < 0.6 ? leadBody() : {};
    const n = Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) o[pick(fields)] = scalars();
    const s = JSON.stringify(o);
    return rnd() < 0.1 ? s.slice(0, Math.floor(rnd() * s.length)) : s;
  };
  const segs = () => pick(['1', String(leadId), String(caseId), 'abc', '-1', '%2e%2e', '..', '%00', '😀', '%E4%B8%AD', 'a'.repeat(300), '', '9'.repeat(30)]);
  const paths = () => pick([
    '/api/v1/leads', `/api/v1/leads/${segs()}`, `/api/v1/leads/${segs()}/share`, '/api/v1/cases',
    `/api/v1/cases/${segs()}/notes`, `/api/v1/cases/${segs()}/timeline`, `/api/v1/cases/${segs()}/attachments?filename=${segs()}`,
    `/api/v1/attachments/${segs()}/content`, `/api/v1/enterprises?name=${segs()}`, `/api/v1/units/${segs()}`,
    `/api/v1/codes?kind=${segs()}`, `/api/v1/${segs()}/${segs()}`, `/${segs()}`,
    `/api/v1/leads?sort=${segs()}&limit=${segs()}&cursor=${segs()}&received_from=${segs()}`,
  ]);
  let count = 0;
  for (let i = 0; i < 60; i++) {
    const method = pick(['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS']);
    const path = paths();
    const body = ['GET', 'HEAD'].includes(method) ? undefined : randomBody();
    const headers = { 'Content-Type': pick(['application/json', 'text/plain', 'application/pdf', 'multipart/form-data; boundary=x', '']) };
    let r;
    try {
      r = await officer.req(method, path, { body, headers });
    } catch (e) {
      // fetch refuses some URLs itself; that is not the server's answer.
      if (e instanceof TypeError && !String(e.cause || '').includes('ECONN')) continue;
      throw new Error(`seed ${seed} #${i}: ${method} ${path}: ${e} ${e.cause || ''}`);
    }
    count++;
    assert.ok(r.status < 500, `seed ${seed} #${i}: ${method} ${path} body ${String(body).slice(0, 200)} → ${r.status} ${r.text.slice(0, 200)}`);
    if (r.status >= 400 && method !== 'HEAD') assert.ok(r.json?.error?.code, `seed ${seed} #${i}: ${method} ${path} → ${r.status} without an error code: ${r.text.slice(0, 200)}`);
  }
  assert.ok(count >= 40, `only ${count} fuzz requests reached the server (seed ${seed})`);
  // Random user bodies through the administrator (creates at worst some test users).
  for (let i = 0; i < 20; i++) {
    const body = { username: uniq('fz_'), unit_code: UNITS.songshan, role: 'officer', password: TEST_PASSWORD };
    for (let k = 0; k < 2; k++) body[pick(['username', 'unit_code', 'role', 'password', 'display_name', 'active'])] = scalars();
    const r = await admin.post('/api/v1/users', body);
    assert.ok(r.status < 500, `seed ${seed} user #${i}: ${JSON.stringify(body).slice(0, 200)} → ${r.status} ${r.text.slice(0, 200)}`);
  }
  assert.equal((await request('GET', '/healthz')).status, 200, 'the server survived the fuzz');
});

test('references and filters are checked, never passed to the database raw', async () => {
  // A link to an enterprise that does not exist is the caller's mistake, not a 500.
  assertError(await officer.patch(`/api/v1/leads/${leadId}`, { enterprise_id: 987654321 }),
    400, 'invalid_argument', 'enterprise_id', 'PATCH with an unknown enterprise');
  assertError(await officer.get('/api/v1/codes?kind=bogus'), 400, 'invalid_argument', 'kind', 'unknown code kind');
  // LIKE wildcards in a name prefix match themselves only.
  const all = await officer.get('/api/v1/enterprises?limit=5');
  assert.equal(all.status, 200);
  assert.ok(all.json.items.length > 0, 'the demo registry has enterprises');
  const pct = await officer.get(`/api/v1/enterprises?name=${encodeURIComponent('%')}`);
  assert.equal(pct.status, 200);
  assert.equal(pct.json.items.length, 0, '"%" is not a wildcard');
  const under = await officer.get(`/api/v1/enterprises?region=${encodeURIComponent('15____')}`);
  assert.equal(under.json.items.length, 0, '"_" is not a wildcard');
});
