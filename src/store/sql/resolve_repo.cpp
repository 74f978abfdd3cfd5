// ResolveRepo: the blocking index, resolving leads and regrouping matters.
#include "store/sql/resolve_repo.hpp"

#include <algorithm>
#include <set>

#include "resolve/grouping.hpp"
#include "store/sql/resolve_repo_internal.hpp"
#include "text/identifiers.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;

namespace resolve_detail {

std::string placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

Json scored_json(const resolve::Scored& s) {
  Json reasons = Json::array();
  for (const auto& f : s.reasons)
    reasons.push_back({{"factor", f.name},
                       {"similarity", f.similarity},
                       {"weight", f.weight},
                       {"contribution", f.contribution},
                       {"detail", f.detail}});
  return {{"enterprise_id", s.enterprise_id},
          {"name", s.name},
          {"score", s.score},
          {"reasons", std::move(reasons)},
          {"rejected", false}};
}

Status regroup(Connection& c, const resolve::Options& o, const std::string& subject,
               const std::string& category, int64_t* grouped) {
  LJ_ASSIGN_OR_RETURN(Rows rows,
                      c.query("SELECT g.lead_id, g.group_id, l.received_at, l.violations "
                              "FROM lead_groups g JOIN leads l ON l.id = g.lead_id "
                              "WHERE g.subject = ? AND g.product_category = ?",
                              {subject, category}));
  std::vector<resolve::GroupMember> members;
  std::map<int64_t, int64_t> current;
  members.reserve(rows.size());
  for (auto& r : rows) {
    const int64_t id = r.int64(0);
    current[id] = r.int64(1);
    members.push_back({id, resolve::civil_day(r.text(2)), split_labels(r.take_text(3))});
  }
  for (const auto& [lead, group] : resolve::assign_groups(std::move(members), o.window_days)) {
    if (grouped && group != lead) ++*grouped;
    if (current[lead] == group) continue;
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE lead_groups SET group_id = ? WHERE lead_id = ?", {group, lead}));
  }
  return Status::Ok();
}

Status place_in_group(Connection& c, int64_t lead_id, const std::string& subject,
                      const std::string& category, std::set<Neighbourhood>& dirty) {
  LJ_ASSIGN_OR_RETURN(
      Rows old,
      c.query("SELECT subject, product_category FROM lead_groups WHERE lead_id = ?", {lead_id}));
  if (!old.empty()) {
    if (old[0].text(0) == subject && old[0].text(1) == category) return Status::Ok();
    dirty.insert({old[0].text(0), old[0].text(1)});
    LJ_RETURN_IF_ERROR(c.exec("DELETE FROM lead_groups WHERE lead_id = ?", {lead_id}));
  }
  if (subject.empty() || category.empty()) return Status::Ok();
  dirty.insert({subject, category});
  return c.exec(
      "INSERT INTO lead_groups (lead_id, group_id, subject, product_category) VALUES (?, ?, ?, ?)",
      {lead_id, lead_id, subject, category});
}

}  // namespace resolve_detail

using namespace resolve_detail;

Json ResolveSummary::to_json() const {
  return {{"leads", leads}, {"linked", linked},   {"review", review},  {"unmatched", unmatched},
          {"given", given}, {"grouped", grouped}, {"indexed", indexed}};
}

ResolveRepo::ResolveRepo(SqlStore& store, resolve::NameNormalizer names, resolve::Options options)
    : store_(store), names_(std::move(names)), options_(options) {}

Result<ResolveRepo> ResolveRepo::open(Store& store, resolve::Options options) {
  LJ_RETURN_IF_ERROR(resolve::validate(options));
  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, store.list_units(""));
  return ResolveRepo(store.sql(), resolve::NameNormalizer::from_units(units), options);
}

Result<int64_t> ResolveRepo::index_registry() {
  int64_t total = 0;
  constexpr int64_t kBatch = 2000;
  // Ids are handed out in order but may commit out of order on PostgreSQL: look back a little
  // behind the highest indexed id, and let NOT EXISTS skip what is indexed.
  constexpr int64_t kLookBack = 1000;
  for (;;) {
    int64_t added = 0;
    Status st = store_.write([&](Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(
          Rows top, c.query("SELECT COALESCE(MAX(enterprise_id), 0) FROM enterprise_match_index"));
      const int64_t from = std::max<int64_t>(0, top.at(0).int64(0) - kLookBack);
      LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT e.id, e.name, e.former_names FROM enterprises "
                                             "e WHERE e.id > ? AND NOT EXISTS "
                                             "(SELECT 1 FROM enterprise_match_index x WHERE "
                                             "x.enterprise_id = e.id) ORDER BY e.id LIMIT ?",
                                             {from, kBatch}));
      if (rows.empty()) return Status::Ok();
      std::vector<std::pair<std::string, int64_t>> keys;  // (key, enterprise)
      std::map<std::string, int64_t> counts;
      Params index_params;
      for (auto& r : rows) {
        const int64_t id = r.int64(0);
        const std::string core = names_.core(r.text(1));
        index_params.emplace_back(id);
        index_params.emplace_back(core);
        std::set<std::string> mine;
        for (auto& k : resolve::blocking_keys(core)) mine.insert(k);
        const std::string former = r.text(2);
        for (size_t start = 0; start < former.size();) {
          size_t end = std::min(former.find(';', start), former.size());
          for (auto& k : resolve::blocking_keys(names_.core(former.substr(start, end - start))))
            mine.insert(k);
          start = end + 1;
        }
        for (const auto& k : mine) {
          keys.emplace_back(k, id);
          ++counts[k];
        }
      }
      constexpr size_t kRows = 400;  // rows per multi-row statement
      for (size_t i = 0; i < index_params.size(); i += 2 * kRows) {
        const size_t n = std::min(2 * kRows, index_params.size() - i) / 2;
        std::string sql = "INSERT INTO enterprise_match_index (enterprise_id, core) VALUES ";
        for (size_t j = 0; j < n; ++j) sql += j ? ", (?, ?)" : "(?, ?)";
        LJ_RETURN_IF_ERROR(
            c.exec(sql, Params(index_params.begin() + static_cast<long>(i),
                               index_params.begin() + static_cast<long>(i + 2 * n))));
      }
      for (size_t i = 0; i < keys.size(); i += kRows) {
        const size_t n = std::min(kRows, keys.size() - i);
        std::string sql = "INSERT INTO enterprise_keys (key, enterprise_id) VALUES ";
        Params p;
        for (size_t j = 0; j < n; ++j) {
          sql += j ? ", (?, ?)" : "(?, ?)";
          p.emplace_back(keys[i + j].first);
          p.emplace_back(keys[i + j].second);
        }
        LJ_RETURN_IF_ERROR(c.exec(sql + " ON CONFLICT DO NOTHING", p));
      }
      std::vector<std::pair<std::string, int64_t>> stats(counts.begin(), counts.end());
      for (size_t i = 0; i < stats.size(); i += kRows) {
        const size_t n = std::min(kRows, stats.size() - i);
        std::string sql = "INSERT INTO enterprise_key_stats (key, postings) VALUES ";
        Params p;
        for (size_t j = 0; j < n; ++j) {
          sql += j ? ", (?, ?)" : "(?, ?)";
          p.emplace_back(stats[i + j].first);
          p.emplace_back(stats[i + j].second);
        }
        LJ_RETURN_IF_ERROR(c.exec(sql + " ON CONFLICT (key) DO UPDATE SET postings = "
                                        "enterprise_key_stats.postings + excluded.postings",
                                  p));
      }
      added = static_cast<int64_t>(rows.size());
      return Status::Ok();
    });
    if (!st.ok()) return st;
    total += added;
    if (added < kBatch) return total;
  }
}

namespace {

struct LeadRow {
  int64_t id = 0;
  std::optional<int64_t> enterprise_id;
  std::string name, uscc, address, region, category, state;
};

// The candidates of `core` from the blocking index, scored, best first.
Result<std::vector<resolve::Scored>> candidates(Connection& c, const resolve::NameNormalizer& names,
                                                const resolve::Options& o, const std::string& core,
                                                const resolve::Subject& subject) {
  std::vector<resolve::Scored> out;
  const auto keys = resolve::blocking_keys(core);
  if (keys.empty()) return out;
  Params p(keys.begin(), keys.end());
  LJ_ASSIGN_OR_RETURN(Rows stats,
                      c.query("SELECT key, postings FROM enterprise_key_stats WHERE key IN (" +
                                  placeholders(keys.size()) + ")",
                              p));
  std::vector<std::pair<int64_t, std::string>> by_postings;
  for (const auto& r : stats) by_postings.emplace_back(r.int64(1), r.text(0));
  std::sort(by_postings.begin(), by_postings.end());
  Params use;
  for (const auto& [n, k] : by_postings) {
    // Keys held by very many enterprises (common trade words) do not narrow anything down;
    // the two rarest are used even so, when nothing rarer is left.
    if (n <= o.max_key_postings || use.size() < 2) use.emplace_back(k);
  }
  if (use.empty()) return out;
  const size_t nkeys = use.size();
  use.emplace_back(int64_t{o.max_candidates});
  LJ_ASSIGN_OR_RETURN(
      Rows ids,
      c.query("SELECT enterprise_id, COUNT(*) AS shared FROM enterprise_keys WHERE key IN (" +
                  placeholders(nkeys) +
                  ") GROUP BY enterprise_id "
                  "ORDER BY shared DESC, enterprise_id LIMIT ?",
              use));
  if (ids.empty()) return out;
  Params eid;
  for (const auto& r : ids) eid.emplace_back(r.int64(0));
  LJ_ASSIGN_OR_RETURN(
      Rows ents, c.query("SELECT e.id, e.name, e.former_names, e.address, e.region_code, e.uscc, "
                         "x.core FROM enterprises e JOIN enterprise_match_index x ON "
                         "x.enterprise_id = e.id WHERE e.id IN (" +
                             placeholders(eid.size()) + ")",
                         eid));
  const std::string address_key = names.address_key(subject.address);
  for (auto& r : ents) {
    resolve::Candidate cand{r.int64(0),     r.take_text(1), r.take_text(2), r.take_text(3),
                            r.take_text(4), r.take_text(5), r.take_text(6)};
    out.push_back(resolve::score(names, o, subject, cand, core, address_key));
  }
  std::sort(out.begin(), out.end(), [](const resolve::Scored& a, const resolve::Scored& b) {
    return a.score != b.score ? a.score > b.score : a.enterprise_id < b.enterprise_id;
  });
  return out;
}

}  // namespace

Result<ResolveSummary> ResolveRepo::resolve_leads(const Actor& actor,
                                                  const std::vector<int64_t>& lead_ids) {
  ResolveSummary sum;
  LJ_ASSIGN_OR_RETURN(sum.indexed, index_registry());
  if (lead_ids.empty()) return sum;
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(SqlStore::AuditTail tail, store_.audit_tail(c));
    const std::string now = store_.now();
    std::set<Neighbourhood> dirty;
    constexpr size_t kChunk = 500;
    for (size_t i = 0; i < lead_ids.size(); i += kChunk) {
      Params ids(lead_ids.begin() + static_cast<long>(i),
                 lead_ids.begin() + static_cast<long>(std::min(lead_ids.size(), i + kChunk)));
      LJ_ASSIGN_OR_RETURN(
          Rows rows,
          c.query("SELECT l.id, l.enterprise_id, l.enterprise_name, l.enterprise_uscc, "
                  "l.enterprise_address, "
                  "COALESCE(l.region_code, l.unit_code), l.product_category, m.state FROM leads l "
                  "LEFT JOIN lead_matches m ON m.lead_id = l.id WHERE l.id IN (" +
                      placeholders(ids.size()) + ") ORDER BY l.id",
                  ids));
      for (auto& r : rows) {
        LeadRow l{r.int64(0),     r.opt_int64(1), r.take_text(2), r.take_text(3),
                  r.take_text(4), r.take_text(5), r.take_text(6), r.take_text(7)};
        if (l.state == "review" || l.state == "confirmed" || l.state == "rejected") continue;
        ++sum.leads;
        const std::string core = names_.core(l.name);
        std::string state = "unmatched", method = "none";
        std::optional<int64_t> linked;
        double score = 0;
        Json cands = Json::array();
        if (l.enterprise_id) {
          state = method = "given";
          linked = l.enterprise_id;
          score = 1;
        }
        const auto uscc = text::check_uscc(l.uscc);
        if (!linked && !l.uscc.empty() && uscc.valid) {
          LJ_ASSIGN_OR_RETURN(Rows e, c.query("SELECT id, name FROM enterprises WHERE uscc = ?",
                                              {uscc.normalized}));
          if (!e.empty()) {
            state = "linked";
            method = "uscc";
            linked = e[0].int64(0);
            score = 1;
            resolve::Scored s{*linked,
                              e[0].text(1),
                              1.0,
                              {{"uscc", 1.0, 1.0, 1.0,
                                "valid USCC " + uscc.normalized + " held by the registry"}}};
            cands.push_back(scored_json(s));
          }
        }
        if (!linked && !core.empty()) {
          resolve::Subject subject{l.name, l.address, l.region};
          LJ_ASSIGN_OR_RETURN(auto scored, candidates(c, names_, options_, core, subject));
          const double best = scored.empty() ? 0 : scored[0].score;
          // Two candidates about as good: a person decides.
          const bool close = scored.size() > 1 && scored[1].score >= options_.high &&
                             best - scored[1].score < 0.02;
          score = best;
          method = "name";
          if (best >= options_.high && !close) {
            state = "linked";
            linked = scored[0].enterprise_id;
            cands.push_back(scored_json(scored[0]));
          } else {
            state = best >= options_.low ? "review" : "unmatched";
            const double floor = state == "review" ? options_.low : 0;
            const size_t keep =
                static_cast<size_t>(state == "review" ? options_.review_candidates : 3);
            for (size_t k = 0; k < scored.size() && k < keep && scored[k].score >= floor; ++k)
              cands.push_back(scored_json(scored[k]));
          }
        }
        LJ_RETURN_IF_ERROR(
            c.exec("INSERT INTO lead_matches (lead_id, state, method, enterprise_id, score, "
                   "core_name, candidates, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                   "(lead_id) DO UPDATE SET "
                   "state = excluded.state, method = excluded.method, enterprise_id = "
                   "excluded.enterprise_id, "
                   "score = excluded.score, core_name = excluded.core_name, candidates = "
                   "excluded.candidates, "
                   "updated_at = excluded.updated_at",
                   {l.id, state, method, sql::opt(linked), score_bp(score), sql::text_or_null(core),
                    cands.dump(), now, now}));
        if (state == "linked") {
          ++sum.linked;
          LJ_RETURN_IF_ERROR(
              c.exec("UPDATE leads SET enterprise_id = ?, updated_at = ?, version = version + 1 "
                     "WHERE id = ? AND enterprise_id IS NULL",
                     {*linked, now, l.id}));
          LJ_RETURN_IF_ERROR(store_.append_audit(
              c, tail, actor, "link", "lead", std::to_string(l.id),
              Json{{"enterprise_id", nullptr}},
              Json{{"enterprise_id", *linked}, {"method", method}, {"score", score}}));
        } else if (state == "review") {
          ++sum.review;
          LJ_RETURN_IF_ERROR(
              store_.append_audit(c, tail, actor, "create", "match_review", std::to_string(l.id),
                                  nullptr, Json{{"score", score}, {"candidates", cands.size()}}));
        } else if (state == "given") {
          ++sum.given;
        } else {
          ++sum.unmatched;
        }
        const int64_t* eid = linked ? &*linked : nullptr;
        LJ_RETURN_IF_ERROR(
            place_in_group(c, l.id, resolve::subject_key(eid, core), l.category, dirty));
      }
    }
    for (const auto& [subject, category] : dirty)
      LJ_RETURN_IF_ERROR(regroup(c, options_, subject, category, &sum.grouped));
    return store_.append_audit(c, tail, actor, "resolve", "lead_match",
                               std::to_string(lead_ids.front()), nullptr, sum.to_json());
  });
  if (!st.ok()) return st;
  return sum;
}

Result<ResolveSummary> ResolveRepo::resolve_pending(const Actor& actor, bool rematch_unmatched,
                                                    int batch) {
  ResolveSummary total;
  int64_t after = 0;
  for (;;) {
    std::vector<int64_t> ids;
    Status st = store_.read([&](Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(
          Rows rows, c.query(std::string("SELECT l.id FROM leads l LEFT JOIN lead_matches m ON "
                                         "m.lead_id = l.id WHERE l.id > ? AND ") +
                                 (rematch_unmatched ? "(m.lead_id IS NULL OR m.state = 'unmatched')"
                                                    : "m.lead_id IS NULL") +
                                 " ORDER BY l.id LIMIT ?",
                             {after, int64_t{batch}}));
      for (const auto& r : rows) ids.push_back(r.int64(0));
      return Status::Ok();
    });
    if (!st.ok()) return st;
    if (ids.empty()) {
      if (total.indexed == 0) {
        LJ_ASSIGN_OR_RETURN(total.indexed, index_registry());
      }
      return total;
    }
    after = ids.back();
    LJ_ASSIGN_OR_RETURN(ResolveSummary s, resolve_leads(actor, ids));
    total.leads += s.leads;
    total.linked += s.linked;
    total.review += s.review;
    total.unmatched += s.unmatched;
    total.given += s.given;
    total.grouped += s.grouped;
    total.indexed += s.indexed;
  }
}

}  // namespace lj
