// Leads and cases through the API: idempotent intake by (source, source_id), optimistic
// versioning, list filters, sort orders and keyset paging, personal-data masking, opening a
// case from a lead, the case timeline and evidence attachments.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  BASE, login, createLead, openCase, listAll, assertError, leadBody, uniq, request, UNITS,
} from './lib.mjs';

let officer; // demo_songshan_officer (150404)
let leader; // demo_chifeng_leader (150400): sees both counties
let analyst; // demo_analyst (150000): reads everything, sees no personal data

before(async () => {
  officer = await login('demo_songshan_officer');
  leader = await login('demo_chifeng_leader');
  analyst = await login('demo_analyst');
});

test('creating a lead: 201 with the stored record; the same (source, source_id) again stores nothing', async () => {
  const body = leadBody({
    source: 'hotline_12365', title: '投诉儿童玩具', received_at: '2016-01-10T00:30:00Z',
    product_category: 'children_products', special_actions: ['consumer_goods'], violations: ['no_ccc'],
    amount_involved: '1234.5', enterprise_name: '松山区某玩具店',
  });
  const r = await officer.post('/api/v1/leads', body);
  assert.equal(r.status, 201, r.text);
  const lead = r.json;
  assert.equal(lead.duplicate, false);
  assert.ok(Number.isInteger(lead.id) && lead.id > 0);
  assert.equal(lead.source, 'hotline_12365');
  assert.equal(lead.source_id, body.source_id);
  // Times are normalised to the bureau's zone: 00:30 UTC is 08:30 in Beijing.
  assert.equal(lead.received_at, '2016-01-10T08:30:00+08:00');
  assert.equal(lead.channel, 'offline', 'channel defaults to offline');
  assert.equal(lead.status, 'new');
  assert.equal(lead.unit_code, UNITS.songshan, 'without unit_code the lead belongs to the caller\'s unit');
  assert.equal(lead.amount_involved, '1234.50');
  assert.deepEqual(lead.special_actions, ['consumer_goods']);
  assert.deepEqual(lead.violations, ['no_ccc']);
  assert.equal(lead.version, 1);

  // GET answers the same record.
  const got = await officer.get(`/api/v1/leads/${lead.id}`);
  assert.equal(got.status, 200, got.text);
  const { duplicate, ...stored } = lead;
  assert.deepEqual(got.json, stored);

  // Re-sending the same key (even with other content) is a duplicate: 200, same id, unchanged.
  const again = await officer.post('/api/v1/leads', { ...body, text: '完全不同的内容', title: 'changed' });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.json.duplicate, true);
  assert.equal(again.json.id, lead.id);
  assert.equal(again.json.text, body.text);
  assert.equal(again.json.title, '投诉儿童玩具');
  const day = await listAll(officer, '/api/v1/leads?received_from=2016-01-10&received_to=2016-01-10');
  assert.deepEqual(day.map((l) => l.id), [lead.id], 'exactly one lead stored for the key');

  // The key is the pair: the same source_id from another source is a new lead.
  const other = await officer.post('/api/v1/leads', { ...body, source: 'media' });
  assert.equal(other.status, 201, other.text);
  assert.notEqual(other.json.id, lead.id);
});

test('PATCH with the current version applies; a stale version is 409 and changes nothing', async () => {
  const lead = await createLead(officer);
  const p1 = await officer.patch(`/api/v1/leads/${lead.id}`, { title: 'first edit', status: 'verifying', version: lead.version });
  assert.equal(p1.status, 200, p1.text);
  assert.equal(p1.json.title, 'first edit');
  assert.equal(p1.json.status, 'verifying');
  assert.equal(p1.json.version, lead.version + 1);
  // Someone still holding the old version loses.
  const stale = await officer.patch(`/api/v1/leads/${lead.id}`, { title: 'lost update', version: lead.version });
  assertError(stale, 409, 'conflict', 'version', 'stale version');
  const now = await officer.get(`/api/v1/leads/${lead.id}`);
  assert.equal(now.json.title, 'first edit');
  assert.equal(now.json.version, lead.version + 1);
  // case_opened is reached only by opening a case.
  assertError(await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'case_opened' }), 400, 'invalid_argument', 'status');
  // A lead that does not exist.
  assertError(await officer.patch('/api/v1/leads/987654321', { title: 'x' }), 404, 'not_found');
});

test('list filters select exactly the matching leads', async () => {
  // Three leads on 2016-03-01..03 (a window no other test uses), in two counties and the league.
  const a = await createLead(leader, {
    source: 'association', channel: 'online', product_category: 'fertilizer', special_actions: ['agri_inputs'],
    unit_code: UNITS.songshan, received_at: '2016-03-01T09:00:00+08:00',
  });
  const b = await createLead(leader, {
    source: 'media', product_category: 'steel', special_actions: ['building_materials'],
    unit_code: UNITS.hongshan, received_at: '2016-03-02T23:30:00+08:00',
  });
  const c = await createLead(leader, {
    source: 'association', product_category: 'tires', special_actions: ['auto_parts_fuel'],
    unit_code: UNITS.chifeng, received_at: '2016-03-03T00:00:00+08:00',
  });
  const vb = await leader.patch(`/api/v1/leads/${b.id}`, { status: 'verified' });
  assert.equal(vb.status, 200, vb.text);

  const window = 'received_from=2016-03-01&received_to=2016-03-03';
  const cases = [
    ['', [a, b, c]],
    ['source=association', [a, c]],
    ['source=media', [b]],
    ['channel=online', [a]],
    ['channel=offline', [b, c]],
    ['special_action=ecommerce', [a]], // added because a is online
    ['special_action=agri_inputs', [a]],
    ['special_action=building_materials', [b]],
    ['product_category=steel', [b]],
    ['product_category=cashmere', []],
    ['status=verified', [b]],
    ['status=new', [a, c]],
    ['unit=150404', [a]],
    ['unit=150402', [b]],
    ['unit=150400', [a, b, c]], // a unit filter covers the units below it
    ['source=association&channel=offline', [c]],
  ];
  for (const [filter, want] of cases) {
    const got = await listAll(leader, `/api/v1/leads?${window}${filter ? `&${filter}` : ''}`);
    assert.deepEqual(got.map((l) => l.id).sort((x, y) => x - y), want.map((l) => l.id).sort((x, y) => x - y), `filter ${filter || '(none)'}`);
  }
  // Date bounds are inclusive; a date-only upper bound covers that whole day (b at 23:30).
  const bounds = [
    ['received_from=2016-03-01&received_to=2016-03-02', [a, b]],
    ['received_from=2016-03-03&received_to=2016-03-31', [c]],
    ['received_from=2016-03-02T23:30:00%2B08:00&received_to=2016-03-02T23:30:00%2B08:00', [b]],
    ['received_from=2016-03-01T09:00:01%2B08:00&received_to=2016-03-03', [b, c]],
  ];
  for (const [filter, want] of bounds) {
    const got = await listAll(leader, `/api/v1/leads?${filter}`);
    assert.deepEqual(got.map((l) => l.id).sort((x, y) => x - y), want.map((l) => l.id).sort((x, y) => x - y), filter);
  }
  // A unit filter never widens the scope: the songshan officer asking for 红山区 gets nothing.
  assert.deepEqual(await listAll(officer, `/api/v1/leads?${window}&unit=150402`), []);
});

// Checks that walking a list page by page gives exactly the single large page, in order.
async function walkAndCompare(client, path, limit) {
  const sep = path.includes('?') ? '&' : '?';
  const big = await client.get(`${path}${sep}limit=500`);
  assert.equal(big.status, 200, big.text);
  assert.equal(big.json.next_cursor, null, `${path}: expected everything on one page of 500`);
  const walked = [];
  let cursor = null;
  let pages = 0;
  do {
    const r = await client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length <= limit, 'a page holds at most limit items');
    if (r.json.next_cursor) assert.equal(r.json.items.length, limit, 'only the last page may be short');
    walked.push(...r.json.items);
    cursor = r.json.next_cursor;
    pages++;
    assert.ok(pages <= 1000, 'paging does not end');
  } while (cursor);
  const ids = walked.map((l) => l.id);
  assert.equal(new Set(ids).size, ids.length, `${path}: duplicates across pages`);
  assert.deepEqual(ids, big.json.items.map((l) => l.id), `${path}: pages differ from the single page (gap or reorder)`);
  return walked;
}

function assertOrdered(items, sort) {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  for (let i = 1; i < items.length; i++) {
    const [p, q] = [items[i - 1], items[i]];
    // Ties on the sort column are broken by id in the same direction.
    const cmp = key === 'id' ? p.id - q.id : (p[key] < q[key] ? -1 : p[key] > q[key] ? 1 : p.id - q.id);
    assert.ok(desc ? cmp > 0 : cmp < 0, `${sort}: ${p.id} (${p[key]}) before ${q.id} (${q[key]})`);
  }
}

test('sort orders and keyset paging: no duplicates, no gaps, correct order', async () => {
  // 23 leads in August 2016 with many equal received_at values, to test the tie-breaker.
  const created = [];
  for (let i = 0; i < 23; i++) {
    const day = String(1 + Math.floor(i / 3)).padStart(2, '0'); // three leads per timestamp
    created.push(await createLead(officer, { source: 'undercover', received_at: `2016-08-${day}T10:00:00+08:00` }));
  }
  const window = '/api/v1/leads?received_from=2016-08-01&received_to=2016-08-31';
  for (const sort of ['received_at', '-received_at', 'id', '-id', 'updated_at', '-updated_at']) {
    for (const limit of [1, 4, 5]) {
      const items = await walkAndCompare(officer, `${window}&sort=${sort}`, limit);
      assert.equal(items.length, created.length, `${sort}/${limit}: every lead exactly once`);
      assertOrdered(items, sort);
    }
  }
  // The default order is newest first.
  const dflt = await walkAndCompare(officer, window, 6);
  assertOrdered(dflt, '-received_at');
  // On the demo data too, with a filter: 12365 leads the region leader sees (about 100).
  const region = await login('demo_region_leader');
  for (const sort of ['-received_at', 'received_at', 'id']) {
    const items = await walkAndCompare(region, `/api/v1/leads?source=hotline_12365&sort=${sort}`, 7);
    assert.ok(items.length > 20, 'the demo data has 12365 leads');
    assertOrdered(items, sort);
  }
  // A cursor belongs to its sort order.
  const first = await officer.get(`${window}&sort=id&limit=2`);
  assertError(await officer.get(`${window}&sort=-id&limit=2&cursor=${first.json.next_cursor}`), 400, 'invalid_argument', 'cursor');
});

test('an online lead always carries the special action ecommerce', async () => {
  const online = await createLead(officer, { channel: 'online', special_actions: ['consumer_goods'], platform: '淘宝', shop_name: '某店' });
  assert.deepEqual([...online.special_actions].sort(), ['consumer_goods', 'ecommerce']);
  assert.equal(online.extra.platform, '淘宝');
  const offline = await createLead(officer, { special_actions: ['consumer_goods'] });
  assert.deepEqual(offline.special_actions, ['consumer_goods']);
  // No duplicate when the sender lists ecommerce itself.
  const both = await createLead(officer, { channel: 'online', special_actions: ['ecommerce'] });
  assert.deepEqual(both.special_actions, ['ecommerce']);
});

test('a lead switched to the online channel gains ecommerce', async () => {
  const lead = await createLead(officer, { special_actions: ['consumer_goods'] });
  const r = await officer.patch(`/api/v1/leads/${lead.id}`, { channel: 'online' });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.special_actions.includes('ecommerce'), JSON.stringify(r.json.special_actions));
});

test('reporter data: in full for officers, masked for analysts and administrators', async () => {
  const lead = await createLead(officer, { reporter_name: '张三丰', reporter_phone: '13812345678', received_at: '2016-04-04T10:00:00+08:00' });
  assert.equal(lead.reporter_phone, '13812345678');
  assert.equal(lead.reporter_name, '张三丰');
  const full = await officer.get(`/api/v1/leads/${lead.id}`);
  assert.equal(full.json.reporter_phone, '13812345678');
  for (const [who, client] of [['analyst', analyst], ['admin', await login('demo_admin')]]) {
    const masked = await client.get(`/api/v1/leads/${lead.id}`);
    assert.equal(masked.status, 200, masked.text);
    assert.equal(masked.json.reporter_phone, '138****5678', who);
    assert.equal(masked.json.reporter_name, '张**', who);
    assert.ok(!masked.text.includes('13812345678'), `${who}: the full phone number leaks`);
    const list = await client.get('/api/v1/leads?received_from=2016-04-04&received_to=2016-04-04');
    assert.equal(list.json.items[0].reporter_phone, '138****5678', `${who} list`);
    assert.ok(!list.text.includes('13812345678'), `${who}: the full phone number leaks in the list`);
  }
});

test('opening a case from a lead: case number, lead status, single case per lead, timeline', async () => {
  const lead = await createLead(officer, { title: '无证生产化肥' });
  const r = await officer.post('/api/v1/cases', { lead_id: lead.id, is_major: true });
  assert.equal(r.status, 201, r.text);
  const kase = r.json;
  // 1 (agency type) + unit code + 2-digit year + 5-digit sequence = 14 characters.
  const yy = String(new Date(Date.now() + 8 * 3600e3).getUTCFullYear() % 100).padStart(2, '0');
  assert.equal(kase.case_no.length, 14, kase.case_no);
  assert.match(kase.case_no, new RegExp(`^1${UNITS.songshan}${yy}\\d{5}$`));
  assert.equal(kase.lead_id, lead.id);
  assert.equal(kase.unit_code, UNITS.songshan);
  assert.equal(kase.title, '无证生产化肥', 'the case takes the lead\'s title');
  assert.equal(kase.is_major, true);
  // A second case in the same unit and year gets the next number.
  const next = await openCase(officer, (await createLead(officer)).id);
  assert.equal(Number(next.case_no.slice(9)), Number(kase.case_no.slice(9)) + 1, `${kase.case_no} then ${next.case_no}`);
  assert.equal(next.case_no.slice(0, 9), kase.case_no.slice(0, 9));

  assert.equal((await officer.get(`/api/v1/leads/${lead.id}`)).json.status, 'case_opened');
  assertError(await officer.post('/api/v1/cases', { lead_id: lead.id }), 409, 'conflict', 'lead_id', 'second case from one lead');
  const byLead = await listAll(officer, `/api/v1/cases?lead_id=${lead.id}`);
  assert.deepEqual(byLead.map((c) => c.id), [kase.id], 'exactly one case for the lead');
  const got = await officer.get(`/api/v1/cases/${kase.id}`);
  assert.equal(got.status, 200, got.text);
  assert.equal(got.json.case_no, kase.case_no);

  // The timeline starts with "opened"; a note follows it.
  const tl = await officer.get(`/api/v1/cases/${kase.id}/timeline`);
  assert.equal(tl.status, 200, tl.text);
  assert.equal(tl.json.items[0].kind, 'opened');
  assert.equal(tl.json.items[0].data.case_no, kase.case_no);
  const note = await officer.post(`/api/v1/cases/${kase.id}/notes`, { note: '已现场检查，封存化肥 20 袋。' });
  assert.equal(note.status, 201, note.text);
  const tl2 = (await officer.get(`/api/v1/cases/${kase.id}/timeline`)).json.items;
  assert.equal(tl2.length, tl.json.items.length + 1);
  assert.equal(tl2.at(-1).kind, 'note');
  assert.equal(tl2.at(-1).note, '已现场检查，封存化肥 20 袋。');
  assert.equal(tl2.at(-1).actor_name, 'demo_songshan_officer');

  // Wrong inputs.
  assertError(await officer.post('/api/v1/cases', {}), 400, 'invalid_argument', 'lead_id', 'no lead_id');
  assertError(await officer.post('/api/v1/cases', { lead_id: 987654321 }), 404, 'not_found', 'lead_id', 'unknown lead');
  assertError(await officer.post(`/api/v1/cases/${kase.id}/notes`, { note: '' }), 400, 'invalid_argument', 'note', 'empty note');
  assertError(await analyst.post('/api/v1/cases', { lead_id: lead.id }), 403, 'forbidden', undefined, 'analyst opens a case');
  // A rejected lead cannot become a case.
  const rejected = await createLead(officer);
  assert.equal((await officer.patch(`/api/v1/leads/${rejected.id}`, { status: 'rejected', reason: '经核查不属实' })).status, 200);
  assertError(await officer.post('/api/v1/cases', { lead_id: rejected.id }), 409, 'conflict', 'lead_id', 'case from a rejected lead');
});

test('a lead with a case stays case_opened: no way back to a second case', async () => {
  const lead = await createLead(officer);
  await openCase(officer, lead.id);
  const back = await officer.patch(`/api/v1/leads/${lead.id}`, { status: 'new' });
  assert.ok([400, 409].includes(back.status), `PATCH status of a case_opened lead → ${back.status} ${back.text.slice(0, 200)}`);
  assertError(await officer.post('/api/v1/cases', { lead_id: lead.id }), 409, 'conflict', 'lead_id', 'second case');
  assert.equal((await listAll(officer, `/api/v1/cases?lead_id=${lead.id}`)).length, 1);
});

test('attachments: sha256 and bytes round-trip; types checked; other units see nothing', async () => {
  const kase = await openCase(officer, (await createLead(officer)).id);
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(70000), Buffer.from([0, 255, 13, 10])]);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const up = await officer.post(`/api/v1/cases/${kase.id}/attachments?filename=a.pdf`, bytes, { headers: { 'Content-Type': 'application/pdf' } });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.json.sha256, sha);
  assert.equal(up.json.size, bytes.length);
  assert.equal(up.json.filename, 'a.pdf');
  assert.equal(up.json.content_type, 'application/pdf');

  const list = await officer.get(`/api/v1/cases/${kase.id}/attachments`);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((a) => a.id), [up.json.id]);

  const down = await officer.get(`/api/v1/attachments/${up.json.id}/content`);
  assert.equal(down.status, 200);
  assert.equal(down.headers.get('content-type'), 'application/pdf');
  assert.ok(down.bytes.equals(bytes), 'downloaded bytes differ from the upload');
  assert.equal(createHash('sha256').update(down.bytes).digest('hex'), sha);
  assert.equal(down.headers.get('content-disposition'), "attachment; filename*=UTF-8''a.pdf",
    'the download keeps the uploaded file name');

  // Types outside the evidence list, a missing name, an empty file: 400 naming the problem.
  assertError(await officer.post(`/api/v1/cases/${kase.id}/attachments?filename=x.exe`, Buffer.from('MZ...'), { headers: { 'Content-Type': 'application/x-msdownload' } }),
    400, 'invalid_argument', 'content-type', 'disallowed type');
  assertError(await officer.post(`/api/v1/cases/${kase.id}/attachments`, bytes, { headers: { 'Content-Type': 'application/pdf' } }),
    400, 'invalid_argument', 'filename', 'no filename');
  assertError(await officer.post(`/api/v1/cases/${kase.id}/attachments?filename=../../etc/passwd`, bytes, { headers: { 'Content-Type': 'application/pdf' } }),
    400, 'invalid_argument', 'filename', 'path in filename');
  assertError(await officer.post(`/api/v1/cases/${kase.id}/attachments?filename=e.pdf`, Buffer.alloc(0), { headers: { 'Content-Type': 'application/pdf' } }),
    400, 'invalid_argument', 'body', 'empty file');
  // Attachments need the write permission.
  assertError(await analyst.post(`/api/v1/cases/${kase.id}/attachments?filename=b.pdf`, bytes, { headers: { 'Content-Type': 'application/pdf' } }),
    403, 'forbidden', undefined, 'analyst uploads');

  // Another county: the case, its attachment list and the file itself do not exist for it.
  const hongshan = await login('demo_hongshan_officer');
  assertError(await hongshan.post(`/api/v1/cases/${kase.id}/attachments?filename=c.pdf`, bytes, { headers: { 'Content-Type': 'application/pdf' } }),
    404, 'not_found', undefined, 'upload to another unit\'s case');
  assertError(await hongshan.get(`/api/v1/cases/${kase.id}/attachments`), 404, 'not_found', undefined, 'list another unit\'s attachments');
  assertError(await hongshan.get(`/api/v1/attachments/${up.json.id}/content`), 404, 'not_found', undefined, 'download another unit\'s file');
  assertError(await request('GET', `/api/v1/attachments/${up.json.id}/content`), 401, 'unauthenticated', undefined, 'download without login');
  // Still exactly one attachment: the refused uploads stored nothing.
  assert.equal((await officer.get(`/api/v1/cases/${kase.id}/attachments`)).json.items.length, 1);
  // The league above sees it.
  const fromLeague = await leader.get(`/api/v1/attachments/${up.json.id}/content`);
  assert.equal(fromLeague.status, 200);
  assert.ok(fromLeague.bytes.equals(bytes));
});

test('a repeated list is served from the cache until anything changes, and never across scopes or roles', async () => {
  const url = '/api/v1/leads?limit=3&sort=-id';
  const first = await officer.get(url);
  const again = await officer.get(url);
  assert.equal(first.status, 200);
  assert.deepEqual(again.json, first.json, 'the same query with no change in between answers the same page');
  // A change anywhere raises the generation: the new lead is on top at once.
  const created = await createLead(officer, { reporter_phone: '13900001111' });
  const after = await officer.get(url);
  assert.equal(after.json.items[0].id, created.id, 'a cached page must not hide a new lead');
  assert.equal(after.json.items[0].reporter_phone, '13900001111');
  // Same query, other role: the analyst's page masks personal data even though the officer's
  // page for the same URL is cached.
  const masked = await analyst.get(`${url}&unit=150404`);
  const unmasked = await officer.get(`${url}&unit=150404`);
  assert.equal(unmasked.json.items[0].reporter_phone, '13900001111');
  assert.equal(masked.json.items[0].reporter_phone, '139****1111');
  // A sibling unit with the same URL sees its own leads, not the cached page of another scope.
  const sibling = await login('demo_hongshan_officer');
  const theirs = await sibling.get(url);
  assert.ok(theirs.json.items.every((l) => l.unit_code === '150402'), 'sibling sees only its own unit');
  const metrics = await (await fetch(`${BASE}/metrics`)).text();
  assert.match(metrics, /lijian_list_cache_hits_total [1-9]/);
});

test('q searches title, text, enterprise and product names by 1, 2 or more characters, with filters, scope and paging', async () => {
  const tag = uniq('q');  // an ASCII word no other lead contains
  const mine = await createLead(officer, { title: `鼋鼍${tag}牌酱油`, text: '超市货架上的酱油标签不符' });
  const hongshan = await login('demo_hongshan_officer');
  const theirs = await createLead(hongshan, { text: `鼋鼍${tag}牌陈醋`, product_name: '老陈醋' });
  const ids = async (client, query) => {
    const r = await client.get(`/api/v1/leads?limit=500&q=${encodeURIComponent(query)}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items.map((l) => l.id).sort((a, b) => a - b);
  };
  const both = [mine.id, theirs.id].sort((a, b) => a - b);
  assert.deepEqual(await ids(leader, tag), both, 'an ASCII term');
  assert.deepEqual(await ids(leader, tag.toUpperCase()), both, 'ASCII case is ignored');
  assert.deepEqual(await ids(officer, tag), [mine.id], 'search stays inside the caller\'s scope');
  assert.deepEqual(await ids(leader, `${tag} 酱油`), [mine.id], 'every term must occur');
  assert.deepEqual(await ids(leader, `${tag} 醋`), [theirs.id], 'a one-character term (last of its word)');
  assert.deepEqual(await ids(leader, `鼍 ${tag}`), both, 'a one-character term inside a word');
  assert.deepEqual(await ids(leader, `${tag}　老陈醋`), [theirs.id], 'the product name; an ideographic space separates');
  assert.deepEqual(await ids(leader, `${tag} 酱醋`), [], 'no lead contains the term');
  const filtered = await leader.get(`/api/v1/leads?unit=150402&q=${encodeURIComponent(tag)}`);
  assert.deepEqual(filtered.json.items.map((l) => l.id), [theirs.id], 'q combines with the other filters');
  const paged = await listAll(leader, `/api/v1/leads?sort=-id&q=${encodeURIComponent(tag)}`, 1);
  assert.deepEqual(paged.map((l) => l.id), [theirs.id, mine.id], 'keyset paging through the matches');
  assertError(await leader.get(`/api/v1/leads?q=${'x'.repeat(201)}`), 400, 'invalid_argument', 'q', 'an overlong q');
});

test('q searches cases by number, title and summary, and enterprises by name and USCC', async () => {
  const tag = uniq('cq');
  const mine = await createLead(officer, { text: '销售不合格电线' });
  const theirs = await createLead(await login('demo_hongshan_officer'), { text: '销售不合格电缆' });
  const c1 = await openCase(officer, mine.id, { title: `${tag}电线案`, summary: '截面积不足的鼋鼍牌电线' });
  const c2 = await openCase(leader, theirs.id, { title: `${tag}电缆案` });
  const caseIds = async (client, query) => {
    const r = await client.get(`/api/v1/cases?limit=500&q=${encodeURIComponent(query)}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items.map((c) => c.id).sort((a, b) => a - b);
  };
  assert.deepEqual(await caseIds(leader, tag), [c1.id, c2.id].sort((a, b) => a - b));
  assert.deepEqual(await caseIds(leader, `${tag} 缆`), [c2.id], 'one character, title');
  assert.deepEqual(await caseIds(leader, '鼋鼍牌'), [c1.id], 'summary');
  assert.deepEqual(await caseIds(leader, c2.case_no), [c2.id], 'case number');
  assert.deepEqual(await caseIds(officer, tag), [c1.id], 'scope applies');
  assertError(await leader.get(`/api/v1/cases?q=${'x'.repeat(201)}`), 400, 'invalid_argument', 'q', 'an overlong q');

  const first = (await officer.get('/api/v1/enterprises?limit=1')).json.items[0];
  assert.ok(first, 'the demo has a registry');
  const term = [...first.name].slice(-4, -2).join('');
  const found = await officer.get(`/api/v1/enterprises?limit=500&q=${encodeURIComponent(term)}`);
  assert.equal(found.status, 200, found.text);
  assert.ok(found.json.items.some((e) => e.id === first.id), `${term} finds ${first.name}`);
  for (const e of found.json.items) {
    assert.ok(`${e.name} ${e.former_names ?? ''} ${e.uscc ?? ''}`.includes(term), `${e.name} contains ${term}`);
  }
  if (first.uscc) {
    const byCode = await officer.get(`/api/v1/enterprises?q=${first.uscc.toLowerCase()}`);
    assert.deepEqual(byCode.json.items.map((e) => e.id), [first.id], 'by USCC, ASCII case ignored');
  }
});
