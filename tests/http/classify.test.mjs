// Classification of leads (docs/classification.md): labels filled on creation with their
// provenance, the classification view with reasons, officers' confirmations and corrections
// (scoped, CSRF, validated, audited), model status and retraining, classify-a-text, and the
// `lijian classify` / `lijian train` command lines.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  BIN, DB_URL, login, createLead, assertError, request,
} from './lib.mjs';

let songshan; // demo_songshan_officer (150404)
let hongshan; // demo_hongshan_officer (150402), a sibling county
let analyst; // demo_analyst (150000)
let admin; // demo_admin (150000)
let chifengAdmin; // demo_chifeng_admin (150400): an admin, but not of the region

before(async () => {
  songshan = await login('demo_songshan_officer');
  hongshan = await login('demo_hongshan_officer');
  analyst = await login('demo_analyst');
  admin = await login('demo_admin');
  chifengAdmin = await login('demo_chifeng_admin');
});

const FERTILIZER_TEXT = '群众举报松山区某农资经销部销售的复合肥总养分不足，包装标注总养分≥45%。';

test('a lead created without labels is classified, with the provenance recorded', async () => {
  const lead = await createLead(songshan, { text: FERTILIZER_TEXT });
  assert.equal(lead.product_category, 'fertilizer');
  assert.deepEqual(lead.special_actions, ['agri_inputs']);
  assert.deepEqual(lead.violations, ['insufficient_content']);
  const r = await songshan.get(`/api/v1/leads/${lead.id}/classification`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.lead_id, lead.id);
  assert.equal(r.json.labels.product_category, 'fertilizer');
  assert.ok(['rules', 'model'].includes(r.json.provenance.product_category), r.text);
  assert.equal(r.json.provenance.confirmed, false);
  assert.equal(r.json.suggestion.product_category, 'fertilizer');
  const keywords = r.json.suggestion.reasons.map((x) => x.keyword);
  assert.ok(keywords.includes('复合肥'), r.text);
  assert.deepEqual(r.json.corrections, []);
});

test('labels the source gave are kept and recorded as the source\'s', async () => {
  const lead = await createLead(songshan, {
    text: FERTILIZER_TEXT, product_category: 'steel', violations: ['banned_product'],
  });
  assert.equal(lead.product_category, 'steel');
  assert.deepEqual(lead.violations, ['banned_product']);
  const r = await songshan.get(`/api/v1/leads/${lead.id}/classification`);
  assert.equal(r.json.provenance.product_category, 'source');
  assert.equal(r.json.provenance.violations, 'source');
  assert.equal(r.json.suggestion.product_category, 'fertilizer'); // what the classifier would say
});

test('an online lead carries ecommerce; text that fits no category stays other', async () => {
  const online = await createLead(songshan, { text: FERTILIZER_TEXT, channel: 'online' });
  assert.deepEqual([...online.special_actions].sort(), ['agri_inputs', 'ecommerce']);
  const other = await createLead(songshan, { text: '群众来电反映邻居装修噪音扰民，要求处理。' });
  assert.equal(other.product_category, null);
  const r = await songshan.get(`/api/v1/leads/${other.id}/classification`);
  assert.equal(r.json.labels.product_category, 'other');
  assert.equal(r.json.suggestion.product_category, 'other');
});

test('an officer corrects labels: the lead changes, old and new are kept, training counts it', async () => {
  const before = (await songshan.get('/api/v1/classifier')).json.confirmed_labels;
  const lead = await createLead(songshan, { text: FERTILIZER_TEXT });
  const r = await songshan.post(`/api/v1/leads/${lead.id}/labels`, {
    product_category: 'fertilizer', violations: ['insufficient_content', 'false_labeling'], version: lead.version,
  });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.labels.violations, ['false_labeling', 'insufficient_content']);
  assert.deepEqual(r.json.labels.special_actions, ['agri_inputs']);
  assert.equal(r.json.provenance.product_category, 'officer');
  assert.equal(r.json.provenance.confirmed, true);
  assert.equal(r.json.provenance.confirmed_by, 'demo_songshan_officer');
  assert.equal(r.json.corrections.length, 1);
  assert.deepEqual(r.json.corrections[0].before.violations, ['insufficient_content']);
  assert.deepEqual(r.json.corrections[0].after.violations, ['false_labeling', 'insufficient_content']);
  const got = await songshan.get(`/api/v1/leads/${lead.id}`);
  assert.deepEqual(got.json.violations, ['false_labeling', 'insufficient_content']);
  assert.equal(got.json.version, lead.version + 1);
  const after = (await songshan.get('/api/v1/classifier')).json.confirmed_labels;
  assert.equal(after, before + 1);
  // The stale version conflicts.
  const stale = await songshan.post(`/api/v1/leads/${lead.id}/labels`, {
    product_category: 'other', violations: [], version: lead.version,
  });
  assertError(stale, 409, 'conflict', 'version', 'stale version');
  // "other" clears the category and its special action.
  const cleared = await songshan.post(`/api/v1/leads/${lead.id}/labels`, { product_category: 'other', violations: [] });
  assert.equal(cleared.status, 200, cleared.text);
  assert.equal(cleared.json.labels.product_category, 'other');
  assert.deepEqual(cleared.json.labels.special_actions, []);
  // The change is audited.
  const audit = await admin.get(`/api/v1/audit?entity=lead&entity_id=${lead.id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.json.items.some((e) => e.action === 'update'), audit.text.slice(0, 500));
});

test('scope: a sibling county\'s lead answers 404 for reading and labelling', async () => {
  const lead = await createLead(songshan, { text: FERTILIZER_TEXT });
  assertError(await hongshan.get(`/api/v1/leads/${lead.id}/classification`), 404, 'not_found', undefined, 'sibling reads');
  assertError(await hongshan.post(`/api/v1/leads/${lead.id}/labels`, { product_category: 'steel', violations: [] }),
    404, 'not_found', undefined, 'sibling labels');
  assertError(await songshan.get('/api/v1/leads/999999999/classification'), 404, 'not_found', undefined, 'missing lead');
});

test('labels need the CSRF header, a writing role and valid codes', async () => {
  const lead = await createLead(songshan, { text: FERTILIZER_TEXT });
  const path = `/api/v1/leads/${lead.id}/labels`;
  const noCsrf = await request('POST', path, { cookie: songshan.cookie, body: { product_category: 'steel', violations: [] } });
  assertError(noCsrf, 403, 'forbidden', undefined, 'without X-CSRF-Token');
  assertError(await analyst.post(path, { product_category: 'steel', violations: [] }), 403, 'forbidden', undefined, 'analyst');
  assertError(await songshan.post(path, { product_category: 'rockets', violations: [] }), 400, 'invalid_argument', 'product_category', 'unknown category');
  assertError(await songshan.post(path, { product_category: 'steel' }), 400, 'invalid_argument', 'violations', 'no violations');
  assertError(await songshan.post(path, { product_category: 'steel', violations: ['theft'] }), 400, 'invalid_argument', 'violations', 'unknown violation');
  assertError(await songshan.post(path, { product_category: 'steel', violations: [], colour: 'red' }), 400, 'invalid_argument', undefined, 'unknown field');
  assertError(await songshan.post(path, 'not json'), 400, undefined, undefined, 'not JSON');
  assertError(await songshan.post('/api/v1/leads/abc/labels', { product_category: 'steel', violations: [] }), 400, 'invalid_argument', 'id', 'bad id');
});

test('model status, and retraining by the region\'s admin or analyst only', async () => {
  const status = await songshan.get('/api/v1/classifier');
  assert.equal(status.status, 200, status.text);
  assert.ok(status.json.model, 'lijian demo leaves a trained model');
  assert.ok(status.json.model.training_size >= 10);
  assert.ok(status.json.rules.keywords > 100);
  assertError(await songshan.post('/api/v1/classifier/train', {}), 403, 'forbidden', undefined, 'officer trains');
  assertError(await chifengAdmin.post('/api/v1/classifier/train', {}), 403, 'forbidden', undefined, 'league admin trains');
  assertError(await analyst.post('/api/v1/classifier/train', { epoch: 0 }), 400, 'invalid_argument', 'epoch', 'epoch 0');
  const trained = await analyst.post('/api/v1/classifier/train', { epoch: 10 });
  assert.equal(trained.status, 201, trained.text);
  assert.ok(trained.json.id > status.json.model.id);
  assert.ok(trained.json.metrics.holdout_size > 0);
  assert.equal(typeof trained.json.metrics.category_accuracy, 'number');
  const now = await analyst.get('/api/v1/classifier');
  assert.equal(now.json.model.id, trained.json.id);
  assert.equal(now.json.model_in_use, trained.json.id);
});

test('classify a text', async () => {
  const r = await songshan.post('/api/v1/classify', { text: '加油站加油机作弊，0号柴油短斤缺两', channel: 'offline' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.product_category, 'fuel');
  assert.deepEqual(r.json.special_actions, ['auto_parts_fuel']);
  assert.ok(r.json.violations.includes('short_weight'));
  assert.ok(r.json.confidence > 0.5 && r.json.confidence <= 1);
  assertError(await songshan.post('/api/v1/classify', { text: 'x', channel: 'tv' }), 400, 'invalid_argument', 'channel', 'bad channel');
  assertError(await songshan.post('/api/v1/classify', { channel: 'online' }), 400, 'invalid_argument', 'text', 'no text');
  assertError(await request('POST', '/api/v1/classify', { body: { text: 'x' } }), 401, undefined, undefined, 'anonymous');
});

function run(args, input) {
  return spawnSync(BIN, args, { input, env: process.env, encoding: 'utf8' });
}

test('lijian classify: NDJSON in, NDJSON out in the same order; bad lines named', () => {
  const input = [
    { id: 1, text: '农资店销售的尿素养分不足' },
    { id: 'b', text: '网店销售的BV线无3C认证', channel: 'online' },
    { id: 3, text: '邻居装修噪音扰民' },
  ].map((o) => JSON.stringify(o)).join('\n') + '\n';
  const r = run(['classify'], input);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), [1, 'b', 3]);
  assert.deepEqual(Object.keys(out[0]), ['id', 'product_category', 'special_actions', 'violations', 'confidence']);
  assert.equal(out[0].product_category, 'fertilizer');
  assert.deepEqual(out[0].violations, ['insufficient_content']);
  assert.equal(out[1].product_category, 'wire_cable');
  assert.deepEqual(out[1].special_actions, ['building_materials', 'ecommerce']);
  assert.deepEqual(out[1].violations, ['no_ccc']);
  assert.equal(out[2].product_category, 'other');
  assert.deepEqual(out[2].special_actions, []);

  const bad = run(['classify'], '{"id":1,"text":"复合肥"}\nnot json\n{"id":3,"channel":"online"}\n');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /line 2/);
  assert.match(bad.stderr, /line 3: field text/);
  const lines = bad.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].product_category, 'fertilizer');
  assert.equal(lines[1].error.line, 2);
  assert.equal(lines[2].id, 3);
});

test('lijian classify --db uses the trained model; lijian train stores a new one', () => {
  const withModel = run(['classify', '--db', DB_URL, '--reasons'], '{"id":1,"text":"农资店销售的尿素养分不足"}\n');
  assert.equal(withModel.status, 0, withModel.stderr);
  const o = JSON.parse(withModel.stdout);
  assert.equal(typeof o.model_id, 'number');
  assert.ok(o.reasons.some((x) => x.keyword === '尿素'));
  const trained = run(['train', '--db', DB_URL, '--epoch', '5']);
  assert.equal(trained.status, 0, trained.stderr);
  const metrics = JSON.parse(trained.stdout);
  assert.ok(metrics.model_id > o.model_id);
  assert.ok(metrics.training_size >= 10);
  assert.ok(metrics.holdout_size > 0);
  const usage = run(['train', '--db', DB_URL, '--epoch', 'many']);
  assert.equal(usage.status, 2);
});
