#include "store/sql/review_repo.hpp"

#include <algorithm>
#include <cmath>

#include "model/json.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.case_id, c.case_no, r.unit_code, r.reviewer_id, r.reviewer_name, "
    "r.checklist_version, r.total, r.max_total, r.items, r.comment, r.version, r.created_at, "
    "r.updated_at FROM case_reviews r JOIN cases c ON c.id = r.case_id ";

CaseReview row_to_review(const sql::Row& r) {
  CaseReview v;
  v.id = r.int64(0);
  v.case_id = r.int64(1);
  v.case_no = r.text(2);
  v.unit_code = r.text(3);
  v.reviewer_id = r.int64(4);
  v.reviewer_name = r.text(5);
  v.checklist_version = r.text(6);
  v.total = r.int64(7);
  v.max_total = r.int64(8);
  v.items = Json::parse(r.text(9), nullptr, false);
  if (v.items.is_discarded()) v.items = Json::array();
  v.comment = r.text(10);
  v.version = r.int64(11);
  v.created_at = r.text(12);
  v.updated_at = r.text(13);
  return v;
}

UnitReviewScore score_of(const sql::Row& r, size_t at) {
  UnitReviewScore s;
  s.count = r.int64(at);
  const int64_t total = r.is_null(at + 1) ? 0 : r.int64(at + 1);
  const int64_t max_total = r.is_null(at + 2) ? 0 : r.int64(at + 2);
  if (s.count > 0) s.average = static_cast<double>(total) / static_cast<double>(s.count);
  if (max_total > 0)
    s.average_percent = 100.0 * static_cast<double>(total) / static_cast<double>(max_total);
  return s;
}

Json to_json(const UnitReviewScore& s) {
  auto round1 = [](double x) { return std::round(x * 10) / 10; };
  return Json{{"unit_code", s.unit_code},
              {"count", s.count},
              {"average", round1(s.average)},
              {"average_percent", round1(s.average_percent)}};
}

}  // namespace

Json to_json(const CaseReview& r) {
  return Json{{"id", r.id},
              {"case_id", r.case_id},
              {"case_no", r.case_no},
              {"unit_code", r.unit_code},
              {"reviewer_id", r.reviewer_id},
              {"reviewer_name", r.reviewer_name},
              {"checklist_version", r.checklist_version},
              {"total", r.total},
              {"max_total", r.max_total},
              {"items", r.items},
              {"comment", r.comment},
              {"version", r.version},
              {"created_at", r.created_at},
              {"updated_at", r.updated_at}};
}

Json to_json(const CaseReviewEvaluation& e) {
  Json units = Json::array();
  for (const auto& u : e.units) units.push_back(to_json(u));
  Json reviews = Json::array();
  for (const auto& r : e.reviews) {
    Json j = to_json(r);
    j.erase("items");
    reviews.push_back(std::move(j));
  }
  Json overall = to_json(e.overall);
  overall.erase("unit_code");
  return Json{{"unit", e.unit_code}, {"overall", overall}, {"units", units}, {"reviews", reviews}};
}

Result<CaseReview> CaseReviewRepo::submit(const Actor& actor, int64_t case_id, const Check& check,
                                          const cases::ReviewScores& scores,
                                          const std::string& checklist_version, int max_total) {
  Result<CaseReview> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    LJ_RETURN_IF_ERROR(check(cs));
    Json items = Json::array();
    for (const auto& s : scores.items)
      items.push_back(Json{{"item", s.item}, {"score", s.score}, {"comment", s.comment}});
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(Rows existing,
                        c.query(std::string(kSelect) + "WHERE r.case_id = ? AND r.reviewer_id = ?",
                                {case_id, actor.user_id}));
    Json before = nullptr;
    if (existing.empty()) {
      LJ_RETURN_IF_ERROR(c.exec(
          "INSERT INTO case_reviews (case_id, unit_code, unit_path, reviewer_id, reviewer_name, "
          "checklist_version, total, max_total, items, comment, version, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
          {case_id, cs.unit_code, cs.unit_path, actor.user_id, actor.username, checklist_version,
           int64_t{scores.total}, int64_t{max_total}, items.dump(), scores.comment, t, t}));
    } else {
      CaseReview old = row_to_review(existing[0]);
      before = to_json(old);
      LJ_RETURN_IF_ERROR(c.exec(
          "UPDATE case_reviews SET checklist_version = ?, total = ?, max_total = ?, items = ?, "
          "comment = ?, version = version + 1, updated_at = ? WHERE id = ?",
          {checklist_version, int64_t{scores.total}, int64_t{max_total}, items.dump(),
           scores.comment, t, old.id}));
    }
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string(kSelect) + "WHERE r.case_id = ? AND r.reviewer_id = ?",
                                {case_id, actor.user_id}));
    if (rows.empty())
      return Status::Internal("the review of case " + std::to_string(case_id) + " was not stored");
    CaseReview stored = row_to_review(rows[0]);
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, before.is_null() ? "create" : "update", "case_review",
                                    std::to_string(stored.id), before, to_json(stored)));
    out = std::move(stored);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<CaseReview>> CaseReviewRepo::of_case(const Actor& actor, int64_t case_id) {
  std::vector<CaseReview> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_case(c, actor, case_id).status());
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(std::string(kSelect) + "WHERE r.case_id = ? ORDER BY r.updated_at DESC, r.id DESC",
                {case_id}));
    for (const auto& r : rows) out.push_back(row_to_review(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<CaseReviewEvaluation> CaseReviewRepo::evaluate(const Actor& actor,
                                                      const CaseReviewQuery& q) {
  CaseReviewEvaluation out;
  Status st = store_.read([&](Connection& c) -> Status {
    std::string path = actor.unit_path;
    out.unit_code = actor.unit_code;
    if (!q.unit_code.empty()) {
      auto unit = store_.load_unit(c, q.unit_code);
      if (!unit.ok() || unit->path.rfind(actor.unit_path, 0) != 0)
        return Status::Invalid("unit", "no unit " + q.unit_code + " in your scope");
      path = unit->path;
      out.unit_code = unit->code;
    }
    std::string where = "WHERE r.unit_path LIKE ?";
    sql::Params p{path + "%"};
    if (!q.from.empty()) {
      where += " AND r.updated_at >= ?";
      p.emplace_back(q.from);
    }
    if (!q.to.empty()) {
      where += " AND r.updated_at <= ?";
      p.emplace_back(q.to + "T99");  // the whole day: any time of it sorts before "T99"
    }
    LJ_ASSIGN_OR_RETURN(
        Rows all,
        c.query("SELECT COUNT(*), SUM(r.total), SUM(r.max_total) FROM case_reviews r " + where, p));
    out.overall = score_of(all[0], 0);
    out.overall.unit_code = out.unit_code;
    LJ_ASSIGN_OR_RETURN(
        Rows per_unit,
        c.query(
            "SELECT r.unit_code, COUNT(*), SUM(r.total), SUM(r.max_total) FROM case_reviews r " +
                where + " GROUP BY r.unit_code ORDER BY r.unit_code",
            p));
    for (const auto& r : per_unit) {
      UnitReviewScore s = score_of(r, 1);
      s.unit_code = r.text(0);
      out.units.push_back(std::move(s));
    }
    std::stable_sort(out.units.begin(), out.units.end(),
                     [](const UnitReviewScore& a, const UnitReviewScore& b) {
                       return a.average_percent > b.average_percent;
                     });
    sql::Params lp = p;
    lp.emplace_back(int64_t{q.limit});
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string(kSelect) + where +
                                               " ORDER BY r.updated_at DESC, r.id DESC LIMIT ?",
                                           lp));
    for (const auto& r : rows) out.reviews.push_back(row_to_review(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
