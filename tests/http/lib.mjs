// Helpers for the HTTP tests: a client per logged-in user (cookie + CSRF token) or per API
// token, unique names, and shortcuts for the records most tests need.
// The environment comes from tests/http/run.sh (LIJIAN_URL, LIJIAN_DB_URL, LIJIAN_BIN, ...).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

export const BASE = process.env.LIJIAN_URL;
export const DB_URL = process.env.LIJIAN_DB_URL;
export const BIN = process.env.LIJIAN_BIN;
export const BACKEND = process.env.LIJIAN_BACKEND;
export const TMP = process.env.LIJIAN_TMP;
if (!BASE) throw new Error('LIJIAN_URL is not set: run the tests through tests/http/run.sh');

// The one password of every demo account (src/refdata/demo.hpp).
export const DEMO_PASSWORD = 'Demo-2018-lijian';
// A password that passes the policy, for the users the tests create.
export const TEST_PASSWORD = 'Test-pass-2018!';

// Units of the demo data: the region, 赤峰市 (a league), two of its counties, and 新城区 (a
// county in another league, 呼和浩特市 150100).
export const UNITS = {
  region: '150000',
  chifeng: '150400',
  songshan: '150404',
  hongshan: '150402',
  hohhot: '150100',
  xincheng: '150102',
};

// A short random suffix: every test run and every record gets names of its own.
export function uniq(prefix = 't') {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

// One HTTP request. `body`: an object/array (sent as JSON), a string or Buffer (sent as is).
// Returns {status, headers, json, text, bytes}; json is null when the body is not JSON.
export async function request(method, path, { headers = {}, body, bearer, cookie, csrf } = {}) {
  const h = { ...headers };
  let payload;
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Uint8Array) {
      payload = body;
    } else {
      payload = JSON.stringify(body);
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
    }
  }
  if (bearer) h.Authorization = `Bearer ${bearer}`;
  if (cookie) h.Cookie = cookie;
  if (csrf) h['X-CSRF-Token'] = csrf;
  const res = await fetch(BASE + path, { method, headers: h, body: payload, redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let json = null;
  if ((res.headers.get('content-type') || '').includes('json')) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  return { status: res.status, headers: res.headers, json, text, bytes };
}

// A caller: a session (cookie + CSRF token) or a bearer token. Methods return request()'s result.
export class Client {
  constructor({ cookie = null, csrf = null, bearer = null, user = null } = {}) {
    this.cookie = cookie;
    this.csrf = csrf;
    this.bearer = bearer;
    this.user = user;
  }
  req(method, path, opts = {}) {
    return request(method, path, { cookie: this.cookie, csrf: this.csrf, bearer: this.bearer, ...opts });
  }
  get(path, opts) { return this.req('GET', path, opts); }
  post(path, body, opts = {}) { return this.req('POST', path, { ...opts, body }); }
  patch(path, body, opts = {}) { return this.req('PATCH', path, { ...opts, body }); }
  del(path, opts) { return this.req('DELETE', path, opts); }
}

// Logs in and returns a session client; fails the test unless the login answers 200.
export async function login(username, password = DEMO_PASSWORD) {
  const r = await request('POST', '/api/v1/auth/login', { body: { username, password } });
  assert.equal(r.status, 200, `login ${username}: ${r.status} ${r.text}`);
  const setCookie = r.headers.get('set-cookie') || '';
  const m = /lijian_session=([^;]*)/.exec(setCookie);
  assert.ok(m, `login ${username}: no lijian_session cookie in ${setCookie}`);
  return new Client({ cookie: `lijian_session=${m[1]}`, csrf: r.json.csrf_token, user: r.json.user });
}

export function bearerClient(token) {
  return new Client({ bearer: token });
}

// Creates a user through the admin API (201 expected) and returns it (the JSON of the API).
export async function createUser(admin, { unit, role, username = uniq(`u_${role}_`), password = TEST_PASSWORD }) {
  const r = await admin.post('/api/v1/users', { username, unit_code: unit, role, password });
  assert.equal(r.status, 201, `create user ${username} (${role} at ${unit}): ${r.status} ${r.text}`);
  return { ...r.json, password };
}

// Creates a user and logs in as it. A password set by an administrator must be replaced before
// any other work, so the client first changes it and logs in again.
export async function userClient(admin, spec) {
  const u = await createUser(admin, spec);
  const first = await login(u.username, u.password);
  const fresh = `${u.password}-renewed`;
  const r = await first.post('/api/v1/auth/password', { old_password: u.password, new_password: fresh });
  assert.equal(r.status, 200, `change the first password of ${u.username}: ${r.status} ${r.text}`);
  u.password = fresh;
  return login(u.username, fresh);
}

// The body of a valid new lead; `over` replaces or adds fields.
export function leadBody(over = {}) {
  return {
    source: 'inspection',
    source_id: uniq('src-'),
    received_at: '2020-01-15T10:00:00+08:00',
    text: '日常检查发现某商店销售不合格电线电缆，疑似以次充好。',
    ...over,
  };
}

// Creates a lead (201 expected) and returns its JSON.
export async function createLead(client, over = {}) {
  const r = await client.post('/api/v1/leads', leadBody(over));
  assert.equal(r.status, 201, `create lead: ${r.status} ${r.text}`);
  return r.json;
}

// Opens a case from a lead (201 expected) and returns its JSON.
export async function openCase(client, leadId, over = {}) {
  const r = await client.post('/api/v1/cases', { lead_id: leadId, ...over });
  assert.equal(r.status, 201, `open case from lead ${leadId}: ${r.status} ${r.text}`);
  return r.json;
}

// Every item of a list endpoint, following next_cursor (fails on a 4xx/5xx).
export async function listAll(client, path, limit = 500) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 1000; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await client.get(url);
    assert.equal(r.status, 200, `GET ${url}: ${r.status} ${r.text}`);
    items.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than 1000 pages`);
}

// Asserts an error response: the status, {"error":{"code":...}} and, when given, error.field.
export function assertError(r, status, code, field, what = '') {
  const label = `${what} → ${r.status} ${r.text.slice(0, 300)}`;
  assert.equal(r.status, status, label);
  assert.ok(r.json && r.json.error, `no {"error":...} body: ${label}`);
  if (code) assert.equal(r.json.error.code, code, label);
  assert.equal(typeof r.json.error.message, 'string', label);
  if (field !== undefined) assert.equal(r.json.error.field, field, label);
}
