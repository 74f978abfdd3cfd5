// SQLite schema. Times are ISO 8601 text in Shanghai time (sorts as instants); money in fen;
// booleans 0/1; label lists as ",a,b," text so a filter is LIKE '%,a,%'.
#include "store/sql/migrations.hpp"

namespace lj::sql {
namespace {

constexpr std::string_view kSqliteV1 = R"sql(
CREATE TABLE units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT REFERENCES units(code),
  level TEXT NOT NULL,
  path TEXT NOT NULL
);
CREATE INDEX units_path ON units(path);
CREATE INDEX units_parent ON units(parent_code);

CREATE TABLE codes (
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  parent TEXT,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  campaign TEXT,
  PRIMARY KEY (kind, code)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units(code),
  unit_path TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  is_demo INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_scope ON users(unit_path, id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

CREATE TABLE enterprises (
  id INTEGER PRIMARY KEY,
  uscc TEXT UNIQUE,
  uscc_valid INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  former_names TEXT,
  address TEXT,
  region_code TEXT,
  legal_representative TEXT,
  industry_code TEXT,
  established_on TEXT,
  status TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX enterprises_region ON enterprises(region_code, id);
CREATE INDEX enterprises_name ON enterprises(name, id);

CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  title TEXT,
  text TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units(code),
  unit_path TEXT NOT NULL,
  enterprise_id INTEGER REFERENCES enterprises(id),
  enterprise_name TEXT,
  enterprise_uscc TEXT,
  enterprise_address TEXT,
  region_code TEXT,
  product_name TEXT,
  product_category TEXT,
  special_actions TEXT NOT NULL DEFAULT ',',
  violations TEXT NOT NULL DEFAULT ',',
  amount_involved_fen INTEGER,
  reporter_name TEXT,
  reporter_phone TEXT,
  extra TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (source, source_id)
);
CREATE INDEX leads_received ON leads(received_at, id);
CREATE INDEX leads_updated ON leads(updated_at, id);
CREATE INDEX leads_scope_received ON leads(unit_path, received_at, id);
CREATE INDEX leads_status ON leads(status, received_at, id);
CREATE INDEX leads_enterprise ON leads(enterprise_id);

CREATE TABLE shares (
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units(code),
  shared_by INTEGER NOT NULL,
  shared_at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id, unit_code)
);
CREATE INDEX shares_unit ON shares(unit_code, entity, entity_id);

CREATE TABLE case_numbers (
  prefix TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,
  lead_id INTEGER REFERENCES leads(id),
  unit_code TEXT NOT NULL REFERENCES units(code),
  unit_path TEXT NOT NULL,
  status TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT,
  product_category TEXT,
  special_actions TEXT NOT NULL DEFAULT ',',
  violations TEXT NOT NULL DEFAULT ',',
  enterprise_id INTEGER REFERENCES enterprises(id),
  is_major INTEGER NOT NULL DEFAULT 0,
  opened_by INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_opened ON cases(opened_at, id);
CREATE INDEX cases_scope ON cases(unit_path, opened_at, id);
CREATE INDEX cases_lead ON cases(lead_id);

CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL,
  actor_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  note TEXT,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events(case_id, id);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  filename TEXT NOT NULL,
  uploaded_by INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX attachments_entity ON attachments(entity, entity_id, id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL,
  actor_name TEXT NOT NULL,
  unit_code TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_state TEXT,
  after_state TEXT,
  request_id TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
)sql";

// Search: a contentless FTS5 table of bigram tokens (rowid = lead id; the ascii tokenizer splits
// on the spaces between tokens and keeps every non-ASCII character), and the normalised text
// the tokens came from (for the substring recheck, and to delete old tokens on update). Leads
// that exist now are indexed after the migration by SqlStore::migrate (search_backfill marks
// how far it got).
constexpr std::string_view kSqliteV2 = R"sql(
CREATE VIRTUAL TABLE leads_fts USING fts5(tokens, content='', detail=none, tokenize='ascii');
CREATE TABLE lead_search (
  lead_id INTEGER PRIMARY KEY REFERENCES leads(id),
  body TEXT NOT NULL
);
CREATE TABLE search_backfill (
  entity TEXT PRIMARY KEY,
  done_id INTEGER NOT NULL,
  upto_id INTEGER NOT NULL
);
INSERT INTO search_backfill (entity, done_id, upto_id)
  SELECT 'lead', 0, MAX(id) FROM leads HAVING COUNT(*) > 0;
)sql";

// Screening (docs/screening.md): supervision-sampling results, scoped by unit like leads
// (failed 0/1 beside result so aggregates sum it), and the indexes of the screening aggregates:
// hotspots by unit path and category, trends by month, risk inputs by enterprise.
constexpr std::string_view kSqliteV3 = R"sql(
CREATE TABLE sampling_results (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL UNIQUE,
  sampled_on TEXT NOT NULL,
  sampled_month TEXT NOT NULL,
  enterprise_id INTEGER REFERENCES enterprises(id),
  enterprise_name TEXT NOT NULL,
  enterprise_uscc TEXT,
  enterprise_address TEXT,
  region_code TEXT,
  unit_code TEXT NOT NULL REFERENCES units(code),
  unit_path TEXT NOT NULL,
  product_name TEXT NOT NULL,
  product_category TEXT NOT NULL,
  special_actions TEXT NOT NULL DEFAULT ',',
  batch_no TEXT,
  standard TEXT,
  result TEXT NOT NULL,
  failed INTEGER NOT NULL,
  failed_items TEXT,
  lab TEXT,
  sampling_level TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sampling_scope ON sampling_results(unit_path, product_category, failed);
CREATE INDEX sampling_scope_month ON sampling_results(unit_path, sampled_month);
CREATE INDEX sampling_enterprise ON sampling_results(enterprise_id, sampled_month);
CREATE INDEX leads_screen ON leads(source, unit_path, product_category);
CREATE INDEX leads_enterprise_source ON leads(enterprise_id, source, received_at);
CREATE INDEX cases_enterprise ON cases(enterprise_id, opened_at);
)sql";

// Search over cases and enterprises, the same shape as the leads' (version 2).
constexpr std::string_view kSqliteV7 = R"sql(
CREATE VIRTUAL TABLE cases_fts USING fts5(tokens, content='', detail=none, tokenize='ascii');
CREATE TABLE case_search (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  body TEXT NOT NULL
);
CREATE VIRTUAL TABLE enterprises_fts USING fts5(tokens, content='', detail=none, tokenize='ascii');
CREATE TABLE enterprise_search (
  enterprise_id INTEGER PRIMARY KEY REFERENCES enterprises(id),
  body TEXT NOT NULL
);
INSERT INTO search_backfill (entity, done_id, upto_id)
  SELECT 'case', 0, MAX(id) FROM cases HAVING COUNT(*) > 0;
INSERT INTO search_backfill (entity, done_id, upto_id)
  SELECT 'enterprise', 0, MAX(id) FROM enterprises HAVING COUNT(*) > 0;
)sql";

// Case procedure (issue 4): where a case stands beyond its status — the procedure it follows,
// the state a suspended case left, and when it was filed, decided, served and closed.
constexpr std::string_view kSqliteV8 = R"sql(
CREATE TABLE case_progress (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  procedure TEXT NOT NULL,
  suspended_from TEXT,
  filed_at TEXT,
  decided_at TEXT,
  decision TEXT,
  decision_no TEXT,
  served_at TEXT,
  closed_at TEXT,
  updated_at TEXT NOT NULL
);
-- The running and finished statutory periods of each case, recomputed from its timeline at
-- every step (cases/deadlines.hpp), so that "due or overdue in my units" is one indexed query.
CREATE TABLE case_deadlines (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  handler_id INTEGER,
  started_on TEXT NOT NULL,
  due_on TEXT,
  ended_on TEXT,
  paused INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, kind)
);
CREATE INDEX case_deadlines_running ON case_deadlines(unit_path, due_on) WHERE ended_on IS NULL;
)sql";

// Import jobs: files uploaded to POST /api/v1/imports and run by the server's import worker
// (src/api/import_jobs.cpp, src/store/sql/import_jobs_repo.cpp). Counters are updated after each
// batch; `errors` is the JSON array of kept row errors; `runner` names the server process host
// running the job (a job left running by a killed server is failed when that host restarts).
constexpr std::string_view kSqliteV6 = R"sql(
CREATE TABLE import_jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  file_name TEXT,
  size_bytes INTEGER NOT NULL DEFAULT 0,
  unit_code TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  rows_read INTEGER NOT NULL DEFAULT 0,
  fraction_read REAL NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]',
  errors_omitted INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  runner TEXT NOT NULL,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX import_jobs_unit ON import_jobs(unit_path, id);
CREATE INDEX import_jobs_status ON import_jobs(status, runner);
)sql";

// Classification (docs/classification.md): the trained models themselves (servers are stateless,
// so the model lives in the database, base64 text because the shared SQL layer passes text
// values), where each lead's labels came from, and the officers' confirmations and corrections
// that feed the next training.
constexpr std::string_view kSqliteV4 = R"sql(
CREATE TABLE classifier_models (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  training_size INTEGER NOT NULL,
  metrics TEXT NOT NULL,
  model_base64 TEXT NOT NULL
);
CREATE TABLE lead_labels (
  lead_id INTEGER PRIMARY KEY REFERENCES leads(id),
  category_source TEXT NOT NULL,
  actions_source TEXT NOT NULL,
  violations_source TEXT NOT NULL,
  confidence DOUBLE PRECISION,
  model_id INTEGER,
  classified_at TEXT NOT NULL,
  confirmed_by INTEGER,
  confirmed_by_name TEXT,
  confirmed_at TEXT
);
CREATE INDEX lead_labels_confirmed ON lead_labels(confirmed_at) WHERE confirmed_at IS NOT NULL;
CREATE TABLE label_corrections (
  id INTEGER PRIMARY KEY,
  lead_id INTEGER NOT NULL REFERENCES leads(id),
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  before_labels TEXT NOT NULL,
  after_labels TEXT NOT NULL
);
CREATE INDEX label_corrections_lead ON label_corrections(lead_id, id);
)sql";

// Entity resolution (src/resolve, store/sql/resolve_repo.cpp): the blocking index of the
// registry (the cores of enterprise names and their bigram keys, with how many enterprises hold
// each key), each lead's match outcome (the review queue is state 'review'), and the matter
// (group) each lead belongs to. Enterprises that exist now are indexed by the next resolve run
// (ResolveRepo::index_registry picks up every enterprise not in enterprise_match_index).
// lead_matches.score is the best score in 1/10000 (an integer on both engines).
constexpr std::string_view kSqliteV5 = R"sql(
CREATE TABLE enterprise_match_index (
  enterprise_id INTEGER PRIMARY KEY REFERENCES enterprises(id),
  core TEXT NOT NULL
);
CREATE TABLE enterprise_keys (
  key TEXT NOT NULL,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  PRIMARY KEY (key, enterprise_id)
);
CREATE TABLE enterprise_key_stats (
  key TEXT PRIMARY KEY,
  postings INTEGER NOT NULL
);
CREATE TABLE lead_matches (
  lead_id INTEGER PRIMARY KEY REFERENCES leads(id),
  state TEXT NOT NULL,
  method TEXT NOT NULL,
  enterprise_id INTEGER REFERENCES enterprises(id),
  score INTEGER,
  core_name TEXT,
  candidates TEXT NOT NULL DEFAULT '[]',
  decided_by INTEGER,
  decided_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX lead_matches_state ON lead_matches(state, lead_id);
CREATE TABLE lead_groups (
  lead_id INTEGER PRIMARY KEY REFERENCES leads(id),
  group_id INTEGER NOT NULL,
  subject TEXT NOT NULL,
  product_category TEXT NOT NULL
);
CREATE INDEX lead_groups_group ON lead_groups(group_id);
CREATE INDEX lead_groups_subject ON lead_groups(subject, product_category);
)sql";

// Supervision (督办) and cooperation between units (通报, 协查, 会商) (version 10).
constexpr std::string_view kSqliteV10 = R"sql(
CREATE TABLE supervisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  case_unit_path TEXT NOT NULL,
  supervising_unit_code TEXT NOT NULL REFERENCES units(code),
  supervising_unit_path TEXT NOT NULL,
  level TEXT NOT NULL,
  instructions TEXT NOT NULL,
  deadline_on TEXT NOT NULL,
  report_interval_days INTEGER NOT NULL,
  next_report_due_on TEXT NOT NULL,
  state TEXT NOT NULL,
  escalated_at TEXT,
  conclusion TEXT,
  opened_by INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  closed_by INTEGER,
  closed_at TEXT
);
CREATE INDEX supervisions_case ON supervisions(case_id);
CREATE INDEX supervisions_supervising ON supervisions(supervising_unit_path, state);
CREATE INDEX supervisions_supervised ON supervisions(case_unit_path, state);
CREATE TABLE supervision_reports (
  id INTEGER PRIMARY KEY,
  supervision_id INTEGER NOT NULL REFERENCES supervisions(id),
  due_on TEXT NOT NULL,
  text TEXT NOT NULL,
  reported_by INTEGER NOT NULL,
  reporter_name TEXT NOT NULL,
  reported_at TEXT NOT NULL
);
CREATE INDEX supervision_reports_supervision ON supervision_reports(supervision_id, id);
CREATE TABLE external_parties (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  contact TEXT NOT NULL,
  recorded_by_unit TEXT NOT NULL REFERENCES units(code),
  recorded_by INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  from_unit_code TEXT NOT NULL REFERENCES units(code),
  from_unit_path TEXT NOT NULL,
  to_unit_code TEXT REFERENCES units(code),
  to_unit_path TEXT,
  external_party_id INTEGER REFERENCES external_parties(id),
  note TEXT NOT NULL,
  referred_by INTEGER NOT NULL,
  referred_at TEXT NOT NULL
);
CREATE INDEX referrals_from ON referrals(from_unit_path);
CREATE INDEX referrals_to ON referrals(to_unit_path);
CREATE TABLE assistance_requests (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  from_unit_code TEXT REFERENCES units(code),
  from_unit_path TEXT,
  to_unit_code TEXT REFERENCES units(code),
  to_unit_path TEXT,
  external_party_id INTEGER REFERENCES external_parties(id),
  external_reference TEXT NOT NULL,
  questions TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  extension_notice TEXT,
  extended_at TEXT,
  state TEXT NOT NULL,
  answer TEXT,
  answered_by INTEGER,
  answered_at TEXT,
  withdrawn_at TEXT,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assistance_from ON assistance_requests(from_unit_path, state);
CREATE INDEX assistance_to ON assistance_requests(to_unit_path, state);
CREATE INDEX assistance_case ON assistance_requests(case_id);
CREATE TABLE assistance_attachments (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES assistance_requests(id),
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  filename TEXT NOT NULL,
  uploaded_by INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX assistance_attachments_request ON assistance_attachments(request_id);
CREATE TABLE consultations (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  held_on TEXT NOT NULL,
  participants TEXT NOT NULL,
  notes TEXT NOT NULL,
  conclusions TEXT NOT NULL,
  recorded_by INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX consultations_case ON consultations(case_id, id);
)sql";

// Case facts and the integrity flags (docs/case-facts.md, version 9).
constexpr std::string_view kSqliteV9 = R"sql(
CREATE TABLE case_facts (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  facts TEXT NOT NULL,
  major INTEGER NOT NULL DEFAULT 0,
  major_reasons TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by INTEGER
);
CREATE INDEX case_facts_major ON case_facts(major, case_id);
-- A flag of the integrity checks on a case or a lead; it lands on the list of the supervising
-- unit (the parent of the handling unit). resolved_at is NULL while the cause stands.
CREATE TABLE integrity_flags (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  lead_id INTEGER REFERENCES leads(id),
  unit_code TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  supervising_unit TEXT NOT NULL,
  supervising_path TEXT NOT NULL,
  reason TEXT NOT NULL,
  shown TEXT NOT NULL DEFAULT '{}',
  raised_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT
);
CREATE INDEX integrity_flags_case ON integrity_flags(case_id, kind);
CREATE INDEX integrity_flags_lead ON integrity_flags(lead_id, kind);
CREATE INDEX integrity_flags_supervising ON integrity_flags(supervising_path, resolved_at);
)sql";

// Case-file review (案卷评查, cases/review.hpp, store/sql/review_repo.cpp): one review per
// reviewer per case, replaced in place with a new version; items is the JSON array of item
// scores; unit_path is the case's, for the evaluation of units by path prefix.
constexpr std::string_view kSqliteV11 = R"sql(
CREATE TABLE case_reviews (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  unit_code TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  reviewer_id INTEGER NOT NULL,
  reviewer_name TEXT NOT NULL,
  checklist_version TEXT NOT NULL,
  total INTEGER NOT NULL,
  max_total INTEGER NOT NULL,
  items TEXT NOT NULL,
  comment TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (case_id, reviewer_id)
);
CREATE INDEX case_reviews_unit ON case_reviews(unit_path, updated_at);
)sql";

// Reports of the evaluation of units (docs/evaluation.md, version 16): the monthly dispatch
// report (调度会) and the notification draft (通报), stored when produced. content is the file
// as base64url text (one format for both engines); (kind, unit_code, period, format) is unique
// so that the scheduled production of every server stores a month's report once.
constexpr std::string_view kSqliteV16 = R"sql(
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units(code),
  unit_path TEXT NOT NULL,
  period TEXT NOT NULL,
  format TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  origin TEXT NOT NULL,
  produced_by INTEGER NOT NULL,
  produced_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (kind, unit_code, period, format)
);
CREATE INDEX reports_scope ON reports(unit_path, period);
)sql";

// A lead's decisions (store/sql/lead_decision_repo.cpp): each status change made on its own, with
// the reason given (required for a rejection), oldest first per lead; and the stored campaign
// settings.
constexpr std::string_view kSqliteV13 = R"sql(
CREATE TABLE lead_decisions (
  id INTEGER PRIMARY KEY,
  lead_id INTEGER NOT NULL REFERENCES leads(id),
  status_before TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor_id INTEGER NOT NULL,
  actor_name TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX lead_decisions_lead ON lead_decisions(lead_id, id);
-- The lead list filtered by product category (the dashboard's click-through), newest first,
-- reads only that category's rows in order (bench/run-web-bench.sh: 42x → see docs/web.md).
CREATE INDEX leads_category_received ON leads(product_category, received_at, id);
-- The campaign settings the regional administrator changed (refdata/campaign_settings.hpp,
-- store/sql/campaign_repo.cpp): the JSON of windows and focus lists per special action and the
-- period; without a row the campaign file under data/ holds.
CREATE TABLE campaign_settings (
  campaign_id TEXT PRIMARY KEY,
  settings TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_by INTEGER NOT NULL,
  updated_by_name TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)sql";

// Disclosure (docs/disclosure.md, version 14): publications of penalty decisions and typical
// cases with their secrecy review (spans: what was masked, by whom, when), their search, and
// the public report form's follow-up numbers, single-use form nonces and signing key.
constexpr std::string_view kSqliteV14 = R"sql(
CREATE TABLE publications (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  unit_code TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  status TEXT NOT NULL,
  decision_no TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  due_on TEXT,
  party TEXT NOT NULL,
  region_code TEXT NOT NULL,
  product_category TEXT NOT NULL,
  violations TEXT NOT NULL,
  penalty TEXT NOT NULL,
  fine_fen INTEGER NOT NULL DEFAULT 0,
  authority TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  masked_body TEXT,
  spans TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  reviewed_by INTEGER,
  reviewer_name TEXT,
  published_at TEXT,
  withdrawn_at TEXT,
  withdrawn_by INTEGER,
  withdraw_reason TEXT,
  revoked_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (kind, case_id)
);
CREATE INDEX publications_unit ON publications(unit_path, status, due_on);
CREATE INDEX publications_public ON publications(status, kind, decided_on);
-- Search of published items: bigram tokens as for cases (store/sql/search.hpp), written when an
-- item is published; withdrawn items stay indexed and are filtered out by status.
CREATE VIRTUAL TABLE publications_fts USING fts5(tokens, content='', detail=none, tokenize='ascii');
CREATE TABLE publication_search (
  publication_id INTEGER PRIMARY KEY REFERENCES publications(id),
  body TEXT NOT NULL
);
CREATE TABLE public_reports (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  lead_id INTEGER NOT NULL REFERENCES leads(id),
  created_at TEXT NOT NULL
);
CREATE TABLE public_form_nonces (
  nonce TEXT PRIMARY KEY,
  used_at TEXT NOT NULL
);
CREATE TABLE public_form_keys (
  id INTEGER PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

// The serious-dishonesty list (严重违法失信名单, SAMR Order 44; docs/dishonesty.md) and the
// evidence kind, description and official-document kind of attachments (docs/documents.md)
// (version 12).
constexpr std::string_view kSqliteV12 = R"sql(
CREATE TABLE dishonesty_listings (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
  unit_code TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  authority TEXT NOT NULL,
  enterprise_id INTEGER REFERENCES enterprises(id),
  party_kind TEXT NOT NULL,
  party_name TEXT NOT NULL,
  uscc TEXT,
  grounds TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  steps TEXT NOT NULL DEFAULT '{}',
  objection_due TEXT,
  decision_no TEXT,
  listed_on TEXT,
  expires_on TEXT,
  removed_on TEXT,
  removal TEXT,
  proposed_by INTEGER NOT NULL,
  proposed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dishonesty_listings_unit ON dishonesty_listings(unit_path, status);
CREATE INDEX dishonesty_listings_expiry ON dishonesty_listings(status, expires_on);
CREATE INDEX dishonesty_listings_enterprise ON dishonesty_listings(enterprise_id, status);
CREATE TABLE attachment_details (
  attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
  case_id INTEGER REFERENCES cases(id),
  evidence_kind TEXT,
  description TEXT NOT NULL DEFAULT '',
  document_kind TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by INTEGER
);
CREATE INDEX attachment_details_case ON attachment_details(case_id, document_kind);
)sql";

// Statistics roll-ups (docs/statistics.md, version 15), kept in step with the base tables in the
// transactions that change them (store/sql/stats_repo.hpp). Label lists are the leads' and
// cases' ",a,b," text, so a filter by special action or violation is a LIKE on a small table.
// stats_case_rows holds each case's contribution, so a change subtracts the old one exactly.
// An existing database's roll-ups are filled by `lijian stats rebuild` (or the server's
// housekeeping) while stats_state says 'rebuild_pending'.
constexpr std::string_view kSqliteV15 = R"sql(
CREATE TABLE stats_lead_rollup (
  month TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  source TEXT NOT NULL,
  product_category TEXT NOT NULL,
  special_actions TEXT NOT NULL,
  violations TEXT NOT NULL,
  leads INTEGER NOT NULL,
  PRIMARY KEY (month, unit_code, source, product_category, special_actions, violations)
);
CREATE INDEX stats_lead_rollup_unit ON stats_lead_rollup(unit_code, month);
-- One or two dimensions at a time (dim: all, source, product_category, special_action,
-- violation, or a pair such as source+special_action with value2 the second's; a lead with two
-- special actions counts once under each): the dashboard's and the summary's figures.
CREATE TABLE stats_lead_margins (
  month TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  value2 TEXT NOT NULL,
  leads INTEGER NOT NULL,
  PRIMARY KEY (dim, month, unit_code, value, value2)
);
CREATE INDEX stats_lead_margins_value ON stats_lead_margins(dim, value, value2, month);
CREATE TABLE stats_case_rows (
  case_id INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL,
  product_category TEXT NOT NULL,
  special_actions TEXT NOT NULL,
  violations TEXT NOT NULL,
  filed_month TEXT NOT NULL,
  closed_month TEXT NOT NULL,
  transferred_month TEXT NOT NULL,
  major INTEGER NOT NULL,
  within_deadline INTEGER NOT NULL,
  fines_fen INTEGER NOT NULL,
  goods_value_fen INTEGER NOT NULL,
  illegal_income_fen INTEGER NOT NULL
);
CREATE TABLE stats_case_rollup (
  month TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  product_category TEXT NOT NULL,
  special_actions TEXT NOT NULL,
  violations TEXT NOT NULL,
  filed INTEGER NOT NULL,
  closed INTEGER NOT NULL,
  major INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  closed_within_deadline INTEGER NOT NULL,
  fines_fen INTEGER NOT NULL,
  goods_value_fen INTEGER NOT NULL,
  illegal_income_fen INTEGER NOT NULL,
  PRIMARY KEY (month, unit_code, product_category, special_actions, violations)
);
CREATE INDEX stats_case_rollup_unit ON stats_case_rollup(unit_code, month);
CREATE TABLE stats_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO stats_state (name, value) SELECT 'rebuild_pending', '1'
WHERE EXISTS (SELECT 1 FROM leads) OR EXISTS (SELECT 1 FROM cases);
)sql";

constexpr Migration kSqlite[] = {
    {1, "spine: units, codes, accounts, enterprises, leads, cases, attachments, audit", kSqliteV1},
    {2, "search: bigram tokens of leads (title, text, enterprise, product)", kSqliteV2},
    {3, "screening: sampling results and the indexes of the screening aggregates", kSqliteV3},
    {4, "classification: models, label provenance, officer corrections", kSqliteV4},
    {5, "resolve: enterprise blocking keys, lead matches and review queue, lead groups", kSqliteV5},
    {6, "import jobs: uploaded files imported by the server, with progress", kSqliteV6},
    {7, "search: bigram tokens of cases and enterprises", kSqliteV7},
    {8, "case procedure: progress of each case through the penalty procedure", kSqliteV8},
    {9, "case facts, major-case flag and integrity flags", kSqliteV9},
    {10, "supervision and cooperation: 督办 with progress reports, referrals, assistance requests, external parties, consultations", kSqliteV10},
    {11, "case-file review: supervisors' scores of closed cases against the checklist", kSqliteV11},
    {12, "serious-dishonesty list (Order 44) and attachment details (evidence kind, description, document kind)", kSqliteV12},
    {13, "lead decisions with their reasons; the stored campaign settings over the data file", kSqliteV13},
    {14, "disclosure: publications with their secrecy review, their search, public reports", kSqliteV14},
    {15, "statistics: roll-ups of leads and cases by month, unit and labels", kSqliteV15},
    {16, "evaluation reports: dispatch reports and notification drafts as stored files", kSqliteV16},
};

}  // namespace

std::span<const Migration> sqlite_migrations() { return kSqlite; }

}  // namespace lj::sql
