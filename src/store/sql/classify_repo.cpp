#include "store/sql/classify_repo.hpp"

#include "core/crypto.hpp"
#include "model/json.hpp"
#include "store/sql/stats_rollup.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;

namespace {

constexpr const char* kInsertProvenance =
    "INSERT INTO lead_labels (lead_id, category_source, actions_source, violations_source, "
    "confidence, model_id, classified_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (lead_id) DO NOTHING";
constexpr const char* kSelectProvenance =
    "SELECT category_source, actions_source, violations_source, confidence, model_id, "
    "classified_at, confirmed_by, confirmed_by_name, confirmed_at FROM lead_labels WHERE lead_id = "
    "?";
constexpr const char* kUpdateLeadLabels =
    "UPDATE leads SET product_category = ?, special_actions = ?, violations = ?, updated_at = ?, "
    "version = version + 1 WHERE id = ?";
constexpr const char* kConfirm =
    "INSERT INTO lead_labels (lead_id, category_source, actions_source, violations_source, "
    "confidence, model_id, classified_at, confirmed_by, confirmed_by_name, confirmed_at) "
    "VALUES (?, 'officer', 'officer', 'officer', NULL, NULL, ?, ?, ?, ?) "
    "ON CONFLICT (lead_id) DO UPDATE SET category_source = 'officer', actions_source = 'officer', "
    "violations_source = 'officer', confirmed_by = excluded.confirmed_by, "
    "confirmed_by_name = excluded.confirmed_by_name, confirmed_at = excluded.confirmed_at";
constexpr const char* kLeadInSubtree = "SELECT id FROM leads WHERE id = ? AND unit_path LIKE ?";
constexpr const char* kInsertCorrection =
    "INSERT INTO label_corrections (lead_id, at, user_id, username, before_labels, after_labels) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectCorrections =
    "SELECT id, lead_id, at, user_id, username, before_labels, after_labels FROM label_corrections "
    "WHERE lead_id = ? ORDER BY id";
constexpr const char* kSelectConfirmed =
    "SELECT l.id, COALESCE(l.title, ''), l.text, l.product_category, l.violations FROM lead_labels "
    "ll "
    "JOIN leads l ON l.id = ll.lead_id WHERE ll.confirmed_at IS NOT NULL ORDER BY l.id";
constexpr const char* kCountConfirmed =
    "SELECT COUNT(*) FROM lead_labels WHERE confirmed_at IS NOT NULL";
constexpr const char* kInsertModel =
    "INSERT INTO classifier_models (created_at, created_by, training_size, metrics, model_base64) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kLatestModelId = "SELECT COALESCE(MAX(id), 0) FROM classifier_models";
constexpr const char* kLatestModelMeta =
    "SELECT id, created_at, created_by, training_size, metrics FROM classifier_models "
    "ORDER BY id DESC LIMIT 1";
constexpr const char* kLatestModelFull =
    "SELECT id, created_at, created_by, training_size, metrics, model_base64 FROM "
    "classifier_models "
    "ORDER BY id DESC LIMIT 1";

Json labels_json(const std::string& category, const std::vector<std::string>& actions,
                 const std::vector<std::string>& violations) {
  return {{"product_category", category.empty() ? Json(nullptr) : Json(category)},
          {"special_actions", actions},
          {"violations", violations}};
}

}  // namespace

Status ClassifyRepo::record_provenance(
    const Actor& actor, const std::vector<std::pair<int64_t, LabelProvenance>>& leads) {
  if (leads.empty()) return Status::Ok();
  return store_.write([&](Connection& c) -> Status {
    const std::string t = store_.now();
    for (const auto& [id, p] : leads) {
      LJ_RETURN_IF_ERROR(
          c.exec(kInsertProvenance,
                 {id, p.category_source, p.actions_source, p.violations_source,
                  sql::opt(p.confidence), p.model_id ? sql::Value(p.model_id) : sql::null(), t}));
    }
    const std::string which = leads.size() == 1 ? std::to_string(leads.front().first)
                                                : std::to_string(leads.front().first) + ".." +
                                                      std::to_string(leads.back().first);
    Json after = {{"leads", static_cast<int64_t>(leads.size())}};
    if (leads.size() == 1) {
      const LabelProvenance& p = leads.front().second;
      after["sources"] = {{"product_category", p.category_source},
                          {"special_actions", p.actions_source},
                          {"violations", p.violations_source}};
    }
    if (leads.front().second.model_id) after["model_id"] = leads.front().second.model_id;
    return store_.audit(c, actor, "classify", "lead", which, nullptr, after);
  });
}

Result<LeadLabelRecord> ClassifyRepo::lead_labels(const Actor& actor, int64_t lead_id) {
  LeadLabelRecord out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_lead(c, actor, lead_id).status());
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kSelectProvenance, {lead_id}));
    if (rows.empty()) return Status::Ok();
    const sql::Row& r = rows[0];
    out.recorded = true;
    out.provenance.category_source = r.text(0);
    out.provenance.actions_source = r.text(1);
    out.provenance.violations_source = r.text(2);
    if (!r.is_null(3)) out.provenance.confidence = r.real(3);
    out.provenance.model_id = r.opt_int64(4).value_or(0);
    out.classified_at = r.text(5);
    out.confirmed_by = r.opt_int64(6).value_or(0);
    out.confirmed_by_name = r.text(7);
    out.confirmed_at = r.text(8);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<LabelCorrection>> ClassifyRepo::corrections(const Actor& actor,
                                                               int64_t lead_id) {
  std::vector<LabelCorrection> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_lead(c, actor, lead_id).status());
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kSelectCorrections, {lead_id}));
    for (const sql::Row& r : rows) {
      out.push_back(LabelCorrection{r.int64(0), r.int64(1), r.text(2), r.int64(3), r.text(4),
                                    Json::parse(r.text(5), nullptr, false),
                                    Json::parse(r.text(6), nullptr, false)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Lead> ClassifyRepo::set_labels(const Actor& actor, int64_t lead_id,
                                      const LabelsChange& change) {
  Result<Lead> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Lead before, store_.load_lead(c, actor, lead_id));
    if (before.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("lead " + std::to_string(lead_id) +
                               " was shared with your unit for reading only");
    if (change.expected_version && *change.expected_version != before.version)
      return Status::Conflict("lead " + std::to_string(lead_id) +
                                  " was changed by someone else (version " +
                                  std::to_string(before.version) + ")",
                              "version");
    const std::string t = store_.now();
    const std::string category = change.product_category == "other" ? "" : change.product_category;
    LJ_RETURN_IF_ERROR(
        c.exec(kUpdateLeadLabels, {sql::text_or_null(category), join_labels(change.special_actions),
                                   join_labels(change.violations), t, lead_id}));
    LJ_RETURN_IF_ERROR(c.exec(kConfirm, {lead_id, t, actor.user_id, actor.username, t}));
    const Json old_labels =
        labels_json(before.product_category.empty() ? "other" : before.product_category,
                    before.special_actions, before.violations);
    const Json new_labels =
        labels_json(change.product_category, change.special_actions, change.violations);
    LJ_RETURN_IF_ERROR(c.exec(kInsertCorrection, {lead_id, t, actor.user_id, actor.username,
                                                  old_labels.dump(), new_labels.dump()}));
    LJ_ASSIGN_OR_RETURN(Lead after, store_.load_lead(c, actor, lead_id));
    sql::LeadRollupDelta rollup;
    rollup.add(before, -1);
    rollup.add(after, 1);
    LJ_RETURN_IF_ERROR(rollup.apply(c));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "lead", std::to_string(lead_id),
                                    to_json(before), to_json(after)));
    out = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status ClassifyRepo::confirm(const Actor& actor, const std::vector<int64_t>& lead_ids) {
  if (lead_ids.empty()) return Status::Ok();
  return store_.write([&](Connection& c) -> Status {
    const std::string t = store_.now();
    for (int64_t id : lead_ids) {
      Params p{id, actor.unit_path + "%"};
      LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kLeadInSubtree, p));
      if (rows.empty()) return Status::NotFound("no lead " + std::to_string(id));
      LJ_RETURN_IF_ERROR(c.exec(kConfirm, {id, t, actor.user_id, actor.username, t}));
    }
    return store_.audit(c, actor, "confirm_labels", "lead",
                        lead_ids.size() == 1 ? std::to_string(lead_ids.front())
                                             : std::to_string(lead_ids.front()) + ".." +
                                                   std::to_string(lead_ids.back()),
                        nullptr, Json{{"leads", static_cast<int64_t>(lead_ids.size())}});
  });
}

Result<std::vector<ConfirmedLabels>> ClassifyRepo::confirmed_labels() {
  std::vector<ConfirmedLabels> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kSelectConfirmed));
    out.reserve(rows.size());
    for (sql::Row& r : rows) {
      std::string title = r.take_text(1);
      std::string category = r.text(3);
      out.push_back(
          ConfirmedLabels{r.int64(0), title.empty() ? r.take_text(2) : title + "\n" + r.text(2),
                          category.empty() ? "other" : category, split_labels(r.text(4))});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> ClassifyRepo::count_confirmed() {
  int64_t n = 0;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kCountConfirmed));
    n = rows.at(0).int64(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<StoredModel> ClassifyRepo::save_model(const Actor& actor, const std::string& bytes,
                                             int64_t training_size, const Json& metrics) {
  StoredModel m;
  Status st = store_.write([&](Connection& c) -> Status {
    m.created_at = store_.now();
    m.created_by = actor.username;
    m.training_size = training_size;
    m.metrics = metrics;
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query(kInsertModel, {m.created_at, m.created_by, training_size, metrics.dump(),
                                          base64url_encode(bytes)}));
    m.id = rows.at(0).int64(0);
    return store_.audit(c, actor, "create", "classifier_model", std::to_string(m.id), nullptr,
                        Json{{"id", m.id},
                             {"training_size", training_size},
                             {"bytes", static_cast<int64_t>(bytes.size())},
                             {"metrics", metrics}});
  });
  if (!st.ok()) return st;
  return m;
}

Result<int64_t> ClassifyRepo::latest_model_id() {
  int64_t id = 0;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kLatestModelId));
    id = rows.at(0).int64(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Result<StoredModel> ClassifyRepo::latest_model(bool with_bytes) {
  Result<StoredModel> out = Status::NotFound("no classifier model has been trained");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(with_bytes ? kLatestModelFull : kLatestModelMeta));
    if (rows.empty()) return Status::Ok();
    sql::Row& r = rows[0];
    StoredModel m{
        r.int64(0), r.text(1), r.text(2), r.int64(3), Json::parse(r.text(4), nullptr, false), {}};
    if (with_bytes) {
      auto bytes = base64url_decode(r.text(5));
      if (!bytes)
        return Status::Internal("classifier model " + std::to_string(m.id) + " is not base64");
      m.bytes = std::move(*bytes);
    }
    out = std::move(m);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
