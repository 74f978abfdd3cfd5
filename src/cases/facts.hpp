// The facts of a case (issue 4, item 3): parties, products and batches, amounts, penalties, the
// legal basis, circumstances and labels. Money is integer fen. A natural person's name, ID
// number, phone and address are personal data: `to_json(facts, false)` masks them (analysts,
// admins, exports), as the reporter fields of leads are masked.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::cases {

struct FactsParty {
  std::string kind;           // enterprise | person
  int64_t enterprise_id = 0;  // kind enterprise: the registry's enterprise id
  std::string name;           // person: personal data
  std::string id_number;      // person: resident ID (GB 11643), personal data
  std::string phone;          // person: personal data
  std::string address;        // person: personal data
};

struct FactsProduct {
  std::string name, batch, spec;
  int64_t quantity = 0;
};

struct FactsPenalty {
  // fine | confiscate_goods | confiscate_income | warning | order_stop | order_correct |
  // revoke_licence (吊销许可证件、营业执照, or downgrading) | suspend_production (责令停产停业,
  // restricting production or closure) | trade_ban (限制从业)
  std::string kind;
  int64_t amount_fen = 0;  // fine, confiscate_income: the amount; others 0
  std::string note;
};

struct CaseFacts {
  std::vector<FactsParty> parties;
  std::vector<FactsProduct> products;
  int64_t goods_value_fen = 0;  // value of the goods concerned, sold and unsold
  int64_t sales_fen = 0;        // sales amount (all illegal income obtained or receivable)
  int64_t illegal_income_fen = 0;
  int64_t unsold_value_fen = 0;  // value of goods not yet sold
  std::vector<FactsPenalty> penalties;
  std::vector<std::string> legal_basis;    // article codes, e.g. "PQL-50"
  std::string circumstances = "ordinary";  // lenient | ordinary | heavy
  std::string circumstance_reasons;
  std::vector<std::string> special_actions, categories, violations;
  bool cross_region = false;

  int64_t fine_fen() const;  // the sum of the fines
};

// Validates a facts document (PUT body "facts"); errors name the field, e.g.
// "parties[0].id_number": "check digit is '1', expected 'X'".
Result<CaseFacts> facts_from_json(const Json& doc);

// The stored / shown form. `with_personal_data` false masks a person's name, ID number, phone
// and address.
Json to_json(const CaseFacts& f, bool with_personal_data);

// "110105199001011234" -> "110105********1234"; shorter strings become all '*'.
std::string mask_id_number(const std::string& id);

}  // namespace lj::cases
