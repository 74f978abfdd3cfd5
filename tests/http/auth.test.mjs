// Authentication: the session cookie and its CSRF token, login errors and throttling, logout,
// the password policy, password changes and API tokens (CONTRACTS.md "HTTP basics").
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  request, login, createUser, userClient, bearerClient, leadBody, assertError, uniq,
  UNITS, DEMO_PASSWORD, TEST_PASSWORD,
} from './lib.mjs';

let admin; // demo_admin at the region: may create users anywhere

before(async () => {
  admin = await login('demo_admin');
});

test('login sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token and unit', async () => {
  const r = await request('POST', '/api/v1/auth/login', { body: { username: 'demo_admin', password: DEMO_PASSWORD } });
  assert.equal(r.status, 200, r.text);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /^lijian_session=[^;]{20,}/, cookie);
  const attrs = cookie.split(';').slice(1).map((s) => s.trim().toLowerCase());
  assert.ok(attrs.includes('httponly'), `HttpOnly missing: ${cookie}`);
  assert.ok(attrs.includes('samesite=strict'), `SameSite=Strict missing: ${cookie}`);
  assert.ok(attrs.includes('path=/'), `Path=/ missing: ${cookie}`);
  assert.equal(typeof r.json.csrf_token, 'string');
  assert.ok(r.json.csrf_token.length >= 16, 'the CSRF token is too short to be secret');
  assert.equal(r.json.user.username, 'demo_admin');
  assert.equal(r.json.user.role, 'admin');
  assert.equal(r.json.user.unit.code, UNITS.region);
  assert.equal(r.json.user.unit_code, UNITS.region);
  // The password hash never leaves the server.
  assert.doesNotMatch(r.text, /password_hash|argon2/);
});

test('a wrong password and an unknown user get the same 401, telling nothing apart', async () => {
  const u = await createUser(admin, { unit: UNITS.songshan, role: 'officer' });
  const wrong = await request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'Wrong-pass-123' } });
  assertError(wrong, 401, 'unauthenticated', undefined, 'wrong password');
  assert.equal(wrong.headers.get('set-cookie'), null, 'no cookie for a failed login');
  const unknown = await request('POST', '/api/v1/auth/login', { body: { username: uniq('nobody_'), password: 'Wrong-pass-123' } });
  assertError(unknown, 401, 'unauthenticated', undefined, 'unknown user');
  assert.equal(unknown.json.error.message, wrong.json.error.message);
});

test('GET without credentials is 401', async () => {
  for (const path of ['/api/v1/auth/me', '/api/v1/leads', '/api/v1/cases', '/api/v1/users', '/api/v1/leads/1']) {
    assertError(await request('GET', path), 401, 'unauthenticated', undefined, `GET ${path}`);
  }
  // A made-up cookie is no better than none.
  assertError(await request('GET', '/api/v1/auth/me', { cookie: 'lijian_session=made-up-value' }), 401, 'unauthenticated');
});

test('a state-changing request with the cookie needs the right X-CSRF-Token', async () => {
  const officer = await userClient(admin, { unit: UNITS.songshan, role: 'officer' });
  const body = leadBody();
  // Without the header: refused, and nothing stored.
  const none = await officer.req('POST', '/api/v1/leads', { body, csrf: '' });
  assertError(none, 403, 'forbidden', undefined, 'no CSRF header');
  // With another session's token: refused.
  const other = await login('demo_songshan_officer');
  const wrong = await officer.req('POST', '/api/v1/leads', { body, csrf: other.csrf });
  assertError(wrong, 403, 'forbidden', undefined, 'wrong CSRF header');
  // With the right one: created — 201, not a duplicate, so the refused attempts stored nothing.
  const ok = await officer.post('/api/v1/leads', body);
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.duplicate, false);
  // Safe methods need no token.
  const read = await officer.req('GET', `/api/v1/leads/${ok.json.id}`, { csrf: '' });
  assert.equal(read.status, 200);
});

test('/auth/me answers the session user, and logout ends the session', async () => {
  const u = await createUser(admin, { unit: UNITS.hongshan, role: 'analyst' });
  const c = await login(u.username, TEST_PASSWORD);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.user.username, u.username);
  assert.equal(me.json.user.unit.code, UNITS.hongshan);
  assert.equal(me.json.csrf_token, c.csrf, 'me returns the session\'s CSRF token');
  // Logout is state-changing: without the CSRF header it is refused and the session lives on.
  assertError(await c.req('POST', '/api/v1/auth/logout', { csrf: '' }), 403, 'forbidden');
  assert.equal((await c.get('/api/v1/auth/me')).status, 200);
  const out = await c.post('/api/v1/auth/logout');
  assert.equal(out.status, 200, out.text);
  assert.match(out.headers.get('set-cookie') || '', /lijian_session=;.*Max-Age=0/i, 'logout clears the cookie');
  // The old cookie value is dead on the server, not only in the browser.
  assertError(await c.get('/api/v1/auth/me'), 401, 'unauthenticated', undefined, 'after logout');
});

test('five wrong passwords lock the username: the sixth attempt is 429 even with the right password', async () => {
  const u = await createUser(admin, { unit: UNITS.songshan, role: 'officer' });
  for (let i = 1; i <= 5; i++) {
    const r = await request('POST', '/api/v1/auth/login', { body: { username: u.username, password: `Wrong-pass-${i}x` } });
    assertError(r, 401, 'unauthenticated', undefined, `wrong password #${i}`);
  }
  const sixth = await request('POST', '/api/v1/auth/login', { body: { username: u.username, password: TEST_PASSWORD } });
  assertError(sixth, 429, 'rate_limited', undefined, 'sixth attempt with the right password');
  assert.equal(sixth.headers.get('set-cookie'), null);
  // The lock is per username: another user still logs in.
  const other = await createUser(admin, { unit: UNITS.songshan, role: 'officer' });
  await login(other.username, TEST_PASSWORD);
});

test('the password policy refuses weak passwords with field "password"', async () => {
  const username = uniq('weak_');
  const weak = [
    'Ab1!short', // 9 characters
    'alllowercaseletters', // one class
    'lowercase123456', // two classes
    `X-${username}-9`, // contains the username
  ];
  for (const password of weak) {
    const r = await admin.post('/api/v1/users', { username, unit_code: UNITS.songshan, role: 'officer', password });
    assertError(r, 400, 'invalid_argument', 'password', `create user with password ${password}`);
  }
  // None of the refused attempts created the user.
  const ok = await admin.post('/api/v1/users', { username, unit_code: UNITS.songshan, role: 'officer', password: TEST_PASSWORD });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.must_change_password, true, 'a password set by an administrator must be changed');
  // The same username again is a conflict on the username.
  const again = await admin.post('/api/v1/users', { username, unit_code: UNITS.songshan, role: 'officer', password: TEST_PASSWORD });
  assertError(again, 409, 'conflict', 'username', 'duplicate username');
  // The administrator's reset applies the policy too.
  assertError(await admin.post(`/api/v1/users/${ok.json.id}/password`, { password: 'short' }), 400, 'invalid_argument', 'password');
});

test('API tokens: shown once, work without CSRF, stop working when revoked', async () => {
  const u = await createUser(admin, { unit: UNITS.songshan, role: 'officer' });
  const created = await admin.post('/api/v1/tokens', { name: uniq('12365-sync-'), user_id: u.id });
  assert.equal(created.status, 201, created.text);
  const secret = created.json.token;
  assert.equal(typeof secret, 'string');
  assert.ok(secret.length >= 32, `token too short: ${secret}`);
  assert.equal(created.json.user_id, u.id);
  assert.ok(secret.startsWith(created.json.prefix), 'the prefix identifies the token');

  // The list shows the token's metadata but never the secret.
  const list = await admin.get('/api/v1/tokens');
  assert.equal(list.status, 200, list.text);
  const item = list.json.items.find((t) => t.id === created.json.id);
  assert.ok(item, 'the new token is listed');
  assert.equal(item.token, undefined);
  assert.ok(!list.text.includes(secret), 'the secret appears in the token list');

  // Bearer requests act as the token's user and need no CSRF header.
  const sys = bearerClient(secret);
  const me = await sys.get('/api/v1/auth/me');
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.user.username, u.username);
  const lead = await sys.post('/api/v1/leads', leadBody({ source: 'hotline_12365' }));
  assert.equal(lead.status, 201, lead.text);
  assert.equal(lead.json.unit_code, UNITS.songshan, 'the lead belongs to the token user\'s unit');

  // Only administrators manage tokens.
  const officer = await login('demo_songshan_officer');
  assertError(await officer.post('/api/v1/tokens', { name: 'x', user_id: u.id }), 403, 'forbidden');
  assertError(await officer.get('/api/v1/tokens'), 403, 'forbidden');

  // Revoked: 401, and the list says when.
  const revoke = await admin.del(`/api/v1/tokens/${created.json.id}`);
  assert.equal(revoke.status, 200, revoke.text);
  assertError(await sys.get('/api/v1/auth/me'), 401, 'unauthenticated', undefined, 'revoked token');
  const after = (await admin.get('/api/v1/tokens')).json.items.find((t) => t.id === created.json.id);
  assert.ok(after && after.revoked_at, 'revoked_at is set');

  // Made-up and expired tokens are refused the same way.
  assertError(await bearerClient('lj_not-a-real-token').get('/api/v1/auth/me'), 401, 'unauthenticated');
  const expired = await admin.post('/api/v1/tokens', { name: 'old', user_id: u.id, expires_at: '2019-01-01' });
  assert.equal(expired.status, 201, expired.text);
  assertError(await bearerClient(expired.json.token).get('/api/v1/auth/me'), 401, 'unauthenticated', undefined, 'expired token');
});

test('POST /auth/password checks the old password and the policy, then ends the sessions', async () => {
  const u = await createUser(admin, { unit: UNITS.hongshan, role: 'officer' });
  const c = await login(u.username, TEST_PASSWORD);
  assertError(await c.post('/api/v1/auth/password', { old_password: 'Not-the-old-1', new_password: 'Brand-new-pass-7' }),
    400, 'invalid_argument', 'old_password', 'wrong old password');
  assertError(await c.req('POST', '/api/v1/auth/password', { body: { old_password: TEST_PASSWORD, new_password: 'Brand-new-pass-7' }, csrf: '' }),
    403, 'forbidden', undefined, 'without CSRF');
  const weak = await c.post('/api/v1/auth/password', { old_password: TEST_PASSWORD, new_password: 'weak' });
  assertError(weak, 400, 'invalid_argument', undefined, 'weak new password');
  // Still the old password: nothing changed yet.
  await login(u.username, TEST_PASSWORD);

  const changed = await c.post('/api/v1/auth/password', { old_password: TEST_PASSWORD, new_password: 'Brand-new-pass-7' });
  assert.equal(changed.status, 200, changed.text);
  // A new password ends every session of the user, this one included.
  assertError(await c.get('/api/v1/auth/me'), 401, 'unauthenticated', undefined, 'session after the change');
  assertError(await request('POST', '/api/v1/auth/login', { body: { username: u.username, password: TEST_PASSWORD } }),
    401, 'unauthenticated', undefined, 'old password after the change');
  const fresh = await login(u.username, 'Brand-new-pass-7');
  const me = await fresh.get('/api/v1/auth/me');
  assert.equal(me.json.user.must_change_password, false, 'changing one\'s own password clears must_change_password');
});

test('a deactivated user loses its sessions and tokens at once and cannot log in', async () => {
  const u = await createUser(admin, { unit: UNITS.songshan, role: 'officer' });
  const c = await login(u.username, TEST_PASSWORD);
  const token = (await admin.post('/api/v1/tokens', { name: 'sync', user_id: u.id })).json.token;
  assert.equal((await bearerClient(token).get('/api/v1/auth/me')).status, 200);
  const off = await admin.patch(`/api/v1/users/${u.id}`, { active: false });
  assert.equal(off.status, 200, off.text);
  assert.equal(off.json.active, false);
  assertError(await c.get('/api/v1/auth/me'), 401, 'unauthenticated', undefined, 'session of a deactivated user');
  assertError(await bearerClient(token).get('/api/v1/auth/me'), 401, 'unauthenticated', undefined, 'token of a deactivated user');
  assertError(await request('POST', '/api/v1/auth/login', { body: { username: u.username, password: TEST_PASSWORD } }),
    401, 'unauthenticated', undefined, 'login of a deactivated user');
  // Administrators cannot lock themselves out.
  assertError(await admin.patch(`/api/v1/users/${admin.user.id}`, { active: false }), 400, 'invalid_argument', 'active');
});

test('the error for a weak new password names the field new_password', async () => {
  const u = await createUser(admin, { unit: UNITS.hongshan, role: 'officer' });
  const c = await login(u.username, TEST_PASSWORD);
  assertError(await c.post('/api/v1/auth/password', { old_password: TEST_PASSWORD, new_password: 'weak' }),
    400, 'invalid_argument', 'new_password');
});

test('a password set by an administrator must be changed before any other work', async () => {
  const u = await createUser(admin, { unit: UNITS.songshan, role: 'officer' });
  const c = await login(u.username, TEST_PASSWORD);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.user.must_change_password, true);
  assertError(await c.get('/api/v1/leads'), 403, 'forbidden', undefined, 'list leads before the change');
  assertError(await c.post('/api/v1/leads', leadBody()), 403, 'forbidden', undefined, 'create a lead before the change');
  const changed = await c.post('/api/v1/auth/password', { old_password: TEST_PASSWORD, new_password: 'Own-choice-pass-9' });
  assert.equal(changed.status, 200, changed.text);
  const after = await login(u.username, 'Own-choice-pass-9');
  assert.equal((await after.get('/api/v1/leads')).status, 200);
});

test('a system sending a lead without a unit has it placed by its address, within the token owner\'s scope', async () => {
  const sys = await createUser(admin, { unit: UNITS.region, role: 'officer' });
  const issued = await admin.post('/api/v1/tokens', { name: 'routing test', user_id: sys.id });
  assert.equal(issued.status, 201, issued.text);
  const system = bearerClient(issued.json.token);
  const placed = await system.post('/api/v1/leads', leadBody({ enterprise_address: '内蒙古赤峰市松山区迎宾路112号' }));
  assert.equal(placed.status, 201, placed.text);
  assert.equal(placed.json.unit_code, '150404');
  assert.equal(placed.json.region_code, '150404');
  const unplaced = await system.post('/api/v1/leads', leadBody({ text: '某网店销售假冒儿童玩具' }));
  assert.equal(unplaced.json.unit_code, '150000', 'leads that cannot be placed queue at the regional bureau');
});
