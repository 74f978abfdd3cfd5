// The case procedure as a state machine whose states and transitions are data
// (data/procedure/penalty-procedure.json, RULES.md "Case procedure"). This file decides whether
// an action may be taken; the store applies it (status, timeline, audit) in one transaction.
//
// A request is refused with the reason, by the first rule it breaks, in this order:
//   unknown action (kInvalidArgument, field "action"); the case's state does not allow it
//   (kConflict, naming the state and the states that would); the role may not take it
//   (kForbidden); the unit may not (kForbidden: "own" means the case's unit, "own_or_superior"
//   that unit or one above it); a required field missing or empty (kInvalidArgument naming it);
//   a rule of the action itself (the summary procedure's ceiling); a document the step needs and
//   the case does not have on file (kInvalidArgument, field "documents", naming the document).
// Immutable after loading: safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::cases {

struct ProcedureState {
  std::string code, name_zh, name_en;
  bool final = false;          // no transition leaves it
  bool clock_stopped = false;  // time in this state does not count towards the case deadline
};

// A document a step needs on file (attachment_details.document_kind, docs/documents.md): any one
// of `kinds` (filing_approval, penalty_decision, signed_decision, transfer_letter) satisfies it;
// `decision`, when set, limits the need to cases whose decision is of that kind ("penalty").
struct DocumentRequirement {
  std::vector<std::string> kinds;
  std::string name_zh;
  std::string decision;
};

struct ProcedureTransition {
  std::string action, name_zh;
  std::vector<std::string> from;
  std::string to;  // a state code, or "@previous" (back to the state before suspension) or
                   // "@same" (the state does not change)
  std::vector<Role> roles;
  bool superior_may = false;  // unit "own_or_superior"; otherwise only the case's own unit
  std::vector<std::string> fields;
  std::vector<DocumentRequirement> documents;  // documents the step needs on file
  std::string source;  // the legal source, shown with the action
};

// The requirements of `t` that apply to a case whose decision is `decision` and that none of
// `on_file` (document kinds) satisfies.
std::vector<const DocumentRequirement*> missing_documents(const ProcedureTransition& t,
                                                          const std::vector<std::string>& on_file,
                                                          const std::string& decision);

// A statutory period (RULES.md) that a step or the lead's receipt starts and other steps end.
struct DeadlineRule {
  std::string kind, name_zh;
  std::string starts;               // an action, or "lead_received"
  std::vector<std::string> ends;    // actions that meet it
  int length = 0;
  bool working_days = true;         // else calendar days (or hours)
  bool hours = false;               // counted in hours from the starting step's time (Decree 310)
  // An action whose field "period_days" sets the whole length in calendar days from the start
  // (the collective discussion's extension of the case decision period); empty: none.
  std::string set_by;
  int extension = 0;                // what one extension adds, in the same unit (0: none)
  // States in which this period stands still: "stops_in" when the definition names them (an
  // empty list: it never stops, like a seizure's 30 days), else every clock_stopped state.
  std::vector<std::string> stops_in;
  std::string source;
};

// Where the acting user stands to the case.
enum class UnitRelation { kOwn, kSuperior, kOther };
// kOwn when the unit paths are equal, kSuperior when the case's unit lies below the actor's.
UnitRelation relation_of(const std::string& actor_unit_path, const std::string& case_unit_path);

// What a permitted action does.
struct Step {
  const ProcedureTransition* transition = nullptr;
  std::string to;  // the resolved target state
};

class Procedure {
 public:
  // Parses the definition; errors name the entry ("transitions[3].to: no state 'x'").
  static Result<Procedure> from_json(const Json& doc);
  // Loads <data_dir>/procedure/penalty-procedure.json.
  static Result<Procedure> load(const std::string& data_dir);

  const std::string& initial() const { return initial_; }
  const std::vector<ProcedureState>& states() const { return states_; }
  const std::vector<ProcedureTransition>& transitions() const { return transitions_; }
  const ProcedureState* state(const std::string& code) const;
  const ProcedureTransition* transition(const std::string& action) const;
  const std::vector<DeadlineRule>& deadlines() const { return deadlines_; }
  const DeadlineRule* deadline(const std::string& kind) const;

  // Checks `action` on a case in `status` (`previous`: the state a suspended case left) for
  // `role` standing in `relation` to it, with the request's `fields` (a JSON object). With
  // `documents` (the kinds on file; `decision` the case's decision kind), a required document
  // that is missing is refused after the fields: kInvalidArgument, field "documents", naming it.
  Result<Step> check(const std::string& action, const std::string& status,
                     const std::string& previous, Role role, UnitRelation relation,
                     const Json& fields, const std::vector<std::string>* documents = nullptr,
                     const std::string& decision = {}) const;

  // The actions `role` in `relation` may take from `status` (the case's next steps), in the
  // order of the definition.
  std::vector<const ProcedureTransition*> available(const std::string& status, Role role,
                                                    UnitRelation relation) const;

  // The summary procedure's ceiling (fen) for a party kind ("person" | "organisation").
  std::optional<int64_t> summary_ceiling_fen(const std::string& party_kind) const;

 private:
  std::string initial_;
  std::vector<ProcedureState> states_;
  std::vector<ProcedureTransition> transitions_;
  std::map<std::string, int64_t> summary_ceiling_fen_;
  std::vector<DeadlineRule> deadlines_;
};

}  // namespace lj::cases
