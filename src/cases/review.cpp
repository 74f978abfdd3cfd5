#include "cases/review.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "model/json.hpp"

namespace lj::cases {
namespace {

Result<std::string> string_at(const Json& j, const char* key, const std::string& at,
                              bool required = true) {
  if (!j.contains(key) || j[key].is_null()) {
    if (required) return Status::Invalid(at + "." + key, at + "." + key + " is required");
    return std::string();
  }
  if (!j[key].is_string())
    return Status::Invalid(at + "." + key, at + "." + key + " must be a string");
  std::string s = j[key].get<std::string>();
  if (required && s.empty())
    return Status::Invalid(at + "." + key, at + "." + key + " must not be empty");
  return s;
}

}  // namespace

Result<ReviewChecklist> ReviewChecklist::parse(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Invalid("checklist", "the checklist is not a JSON object");
  ReviewChecklist c;
  LJ_ASSIGN_OR_RETURN(c.version_, string_at(j, "version", "checklist"));
  LJ_ASSIGN_OR_RETURN(c.name_zh_, string_at(j, "name_zh", "checklist"));
  if (!j.contains("reviewable_states") || !j["reviewable_states"].is_array() ||
      j["reviewable_states"].empty())
    return Status::Invalid("reviewable_states",
                           "reviewable_states must list at least one case state");
  for (const auto& s : j["reviewable_states"]) {
    if (!s.is_string())
      return Status::Invalid("reviewable_states", "reviewable_states must be strings");
    c.states_.push_back(s.get<std::string>());
  }
  if (!j.contains("groups") || !j["groups"].is_array() || j["groups"].empty())
    return Status::Invalid("groups", "the checklist needs at least one group");
  std::map<std::string, bool> seen;
  for (size_t g = 0; g < j["groups"].size(); ++g) {
    const Json& gj = j["groups"][g];
    const std::string at = "groups[" + std::to_string(g) + "]";
    if (!gj.is_object()) return Status::Invalid(at, at + " must be an object");
    ReviewChecklistGroup group;
    LJ_ASSIGN_OR_RETURN(group.code, string_at(gj, "code", at));
    LJ_ASSIGN_OR_RETURN(group.name_zh, string_at(gj, "name_zh", at));
    if (!gj.contains("items") || !gj["items"].is_array() || gj["items"].empty())
      return Status::Invalid(at + ".items", at + ".items must list at least one item");
    for (size_t i = 0; i < gj["items"].size(); ++i) {
      const Json& ij = gj["items"][i];
      const std::string iat = at + ".items[" + std::to_string(i) + "]";
      if (!ij.is_object()) return Status::Invalid(iat, iat + " must be an object");
      ReviewChecklistItem item;
      item.group = group.code;
      LJ_ASSIGN_OR_RETURN(item.code, string_at(ij, "code", iat));
      LJ_ASSIGN_OR_RETURN(item.text, string_at(ij, "text", iat));
      if (!ij.contains("points") || !ij["points"].is_number_integer() ||
          ij["points"].get<int64_t>() < 1 || ij["points"].get<int64_t>() > 1000)
        return Status::Invalid(iat + ".points", iat + ".points must be an integer from 1 to 1000");
      item.points = ij["points"].get<int>();
      if (seen[item.code])
        return Status::Invalid(iat + ".code", iat + ".code: '" + item.code + "' listed twice");
      seen[item.code] = true;
      c.max_total_ += item.points;
      group.items.push_back(std::move(item));
    }
    c.groups_.push_back(std::move(group));
  }
  return c;
}

Result<ReviewChecklist> ReviewChecklist::load(const std::string& data_dir) {
  const std::string path = data_dir + "/review/checklist.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto c = parse(ss.str());
  if (!c.ok()) return Status::Invalid(c.status().field(), path + ": " + c.status().message());
  return c;
}

Json ReviewChecklist::to_json() const {
  Json groups = Json::array();
  for (const auto& g : groups_) {
    Json items = Json::array();
    for (const auto& i : g.items)
      items.push_back(Json{{"code", i.code}, {"text", i.text}, {"points", i.points}});
    groups.push_back(Json{{"code", g.code}, {"name_zh", g.name_zh}, {"items", items}});
  }
  return Json{{"version", version_},
              {"name_zh", name_zh_},
              {"reviewable_states", states_},
              {"max_total", max_total_},
              {"groups", groups}};
}

Result<ReviewScores> ReviewChecklist::score(const Json& body) const {
  if (!body.is_object()) return Status::Invalid("body", "the body must be a JSON object");
  for (auto it = body.begin(); it != body.end(); ++it)
    if (it.key() != "items" && it.key() != "comment")
      return Status::Invalid(it.key(),
                             "unknown field '" + it.key() + "': a review has items and comment");
  ReviewScores out;
  if (body.contains("comment") && !body["comment"].is_null()) {
    if (!body["comment"].is_string()) return Status::Invalid("comment", "comment must be a string");
    out.comment = body["comment"].get<std::string>();
    if (out.comment.size() > 20000)
      return Status::Invalid("comment", "comment may have at most 20000 bytes");
  }
  if (!body.contains("items") || !body["items"].is_array())
    return Status::Invalid("items", "items must be an array of {item, score, comment}");
  std::map<std::string, ReviewItemScore> given;
  const Json& items = body["items"];
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = "items[" + std::to_string(i) + "]";
    const Json& e = items[i];
    if (!e.is_object()) return Status::Invalid(at, at + " must be an object");
    for (auto it = e.begin(); it != e.end(); ++it)
      if (it.key() != "item" && it.key() != "score" && it.key() != "comment")
        return Status::Invalid(at + "." + it.key(), at + ": unknown field '" + it.key() + "'");
    LJ_ASSIGN_OR_RETURN(std::string code, string_at(e, "item", at));
    const ReviewChecklistItem* item = nullptr;
    for (const auto& g : groups_)
      for (const auto& ci : g.items)
        if (ci.code == code) item = &ci;
    if (!item)
      return Status::Invalid(at + ".item",
                             at + ".item: no item '" + code + "' in checklist " + version_);
    if (given.count(code))
      return Status::Invalid(at + ".item", at + ".item: '" + code + "' scored twice");
    if (!e.contains("score") || !e["score"].is_number_integer())
      return Status::Invalid(at + ".score", at + ".score must be an integer");
    int64_t score = e["score"].get<int64_t>();
    if (score < 0 || score > item->points)
      return Status::Invalid(at + ".score", at + ".score: '" + code + "' takes 0 to " +
                                                std::to_string(item->points) + " points");
    ReviewItemScore s{code, static_cast<int>(score), ""};
    LJ_ASSIGN_OR_RETURN(s.comment, string_at(e, "comment", at, false));
    if (s.comment.size() > 4000)
      return Status::Invalid(at + ".comment", at + ".comment may have at most 4000 bytes");
    given[code] = std::move(s);
  }
  for (const auto& g : groups_)
    for (const auto& ci : g.items) {
      auto it = given.find(ci.code);
      if (it == given.end())
        return Status::Invalid("items", "item '" + ci.code + "' (" + ci.text +
                                            ") is not scored: every item needs a score");
      out.total += it->second.score;
      out.items.push_back(std::move(it->second));
    }
  return out;
}

Status may_review(const Actor& actor, const Case& c, const ReviewChecklist& checklist) {
  if (actor.role != Role::kLeader)
    return Status::Forbidden("only a leader of a supervising unit reviews case files");
  if (c.unit_path == actor.unit_path || c.unit_path.rfind(actor.unit_path, 0) != 0)
    return Status::Forbidden("case " + c.case_no + " belongs to " + c.unit_code +
                             ": only a leader of a unit above it reviews its file");
  const auto& states = checklist.reviewable_states();
  if (std::find(states.begin(), states.end(), c.status) == states.end())
    return Status::Conflict("case " + c.case_no + " is " + c.status +
                                ": a case file is reviewed once the case is closed",
                            "status");
  return Status::Ok();
}

}  // namespace lj::cases
