// SqlStore: the batch writes of bulk import. One write transaction per batch; the audit chain's
// tail is read once and advanced in memory (append_audit), so a batch of n new records costs n
// inserts plus n audit inserts and no per-entry lookups.
#include <map>

#include "model/json.hpp"
#include "store/sql/search.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sql/stats_rollup.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {
constexpr const char* kInsertLeadIfNew =
    "INSERT INTO leads (source, source_id, received_at, title, text, channel, status, unit_code, "
    "unit_path, enterprise_id, enterprise_name, enterprise_uscc, enterprise_address, region_code, "
    "product_name, product_category, special_actions, violations, amount_involved_fen, "
    "reporter_name, reporter_phone, extra, created_at, updated_at, version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
    "ON CONFLICT (source, source_id) DO NOTHING RETURNING id";
constexpr const char* kLeadIdByKey = "SELECT id FROM leads WHERE source = ? AND source_id = ?";

constexpr const char* kEnterpriseIdByUscc = "SELECT id FROM enterprises WHERE uscc = ?";
constexpr const char* kEnterpriseIdByNameRegion =
    "SELECT id FROM enterprises WHERE uscc IS NULL AND name = ? AND COALESCE(region_code, '') = ? "
    "ORDER BY id LIMIT 1";
constexpr const char* kInsertEnterprise =
    "INSERT INTO enterprises (uscc, uscc_valid, name, former_names, address, region_code, "
    "legal_representative, industry_code, established_on, status, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
}  // namespace

Result<std::vector<Upserted>> SqlStore::insert_leads(const Actor& actor,
                                                     const std::vector<Lead>& leads) {
  std::vector<Upserted> out(leads.size());
  if (leads.empty()) return out;
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AuditTail tail, audit_tail(c));
    std::map<std::string, Result<Unit>> units;  // a batch names few units: look each up once
    const std::string t = now();
    // Search tokens go in after the rows: SQLite's FTS5 flushes its pending terms at every
    // statement savepoint, so interleaving them with the lead inserts wrote one segment per
    // lead (import 2x slower; bench/README.md "Search").
    std::vector<size_t> to_index;
    sql::LeadRollupDelta rollup;
    for (size_t i = 0; i < leads.size(); ++i) {
      const Lead& lead = leads[i];
      auto u = units.find(lead.unit_code);
      if (u == units.end()) u = units.emplace(lead.unit_code, load_unit(c, lead.unit_code)).first;
      const std::string field = "leads[" + std::to_string(i) + "].unit_code";
      if (!u->second.ok()) return Status::Invalid(field, "no unit with code " + lead.unit_code);
      const Unit& unit = *u->second;
      if (unit.path.rfind(actor.unit_path, 0) != 0)
        return Status::Invalid(field, "unit " + lead.unit_code + " is outside your scope");
      const std::string special_actions = join_labels(lead.special_actions);
      const std::string violations = join_labels(lead.violations);
      LJ_ASSIGN_OR_RETURN(Rows rows,
                          c.query(kInsertLeadIfNew, {lead.source,
                                                     lead.source_id,
                                                     lead.received_at,
                                                     sql::text_or_null(lead.title),
                                                     lead.text,
                                                     lead.channel,
                                                     lead.status,
                                                     lead.unit_code,
                                                     unit.path,
                                                     sql::opt(lead.enterprise_id),
                                                     sql::text_or_null(lead.enterprise_name),
                                                     sql::text_or_null(lead.enterprise_uscc),
                                                     sql::text_or_null(lead.enterprise_address),
                                                     sql::text_or_null(lead.region_code),
                                                     sql::text_or_null(lead.product_name),
                                                     sql::text_or_null(lead.product_category),
                                                     special_actions,
                                                     violations,
                                                     sql::opt(lead.amount_involved_fen),
                                                     sql::text_or_null(lead.reporter_name),
                                                     sql::text_or_null(lead.reporter_phone),
                                                     lead.extra.dump(),
                                                     t,
                                                     t}));
      if (rows.empty()) {  // the key exists (stored before, or earlier in this batch)
        LJ_ASSIGN_OR_RETURN(Rows old, c.query(kLeadIdByKey, {lead.source, lead.source_id}));
        if (old.empty()) return Status::Internal("lead key vanished inside its transaction");
        out[i] = Upserted{old[0].int64(0), false};
        continue;
      }
      out[i] = Upserted{rows[0].int64(0), true};
      to_index.push_back(i);
      // The audit's "after" is the lead as load_lead would read it back (insert_lead's entry).
      Lead created = lead;
      created.id = out[i].id;
      created.unit_path = unit.path;
      created.special_actions = split_labels(special_actions);
      created.violations = split_labels(violations);
      created.created_at = created.updated_at = t;
      created.version = 1;
      LJ_RETURN_IF_ERROR(append_audit(c, tail, actor, "create", "lead", std::to_string(created.id),
                                      nullptr, to_json(created)));
      rollup.add(lead.received_at, lead.unit_code, lead.source, lead.product_category,
                 special_actions, violations, 1);
    }
    LJ_RETURN_IF_ERROR(rollup.apply(c));
    for (size_t i : to_index) LJ_RETURN_IF_ERROR(sql::index_new_lead(c, out[i].id, leads[i]));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Upserted>> SqlStore::upsert_enterprises(const Actor& actor,
                                                           const std::vector<Enterprise>& in) {
  std::vector<Upserted> out(in.size());
  if (in.empty()) return out;
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AuditTail tail, audit_tail(c));
    const std::string t = now();
    std::vector<size_t> to_index;  // after the rows, as for leads
    for (size_t i = 0; i < in.size(); ++i) {
      const Enterprise& e = in[i];
      Result<Rows> old = e.uscc.empty()
                             ? c.query(kEnterpriseIdByNameRegion, {e.name, e.region_code})
                             : c.query(kEnterpriseIdByUscc, {e.uscc});
      if (!old.ok()) return old.status();
      if (!old->empty()) {
        out[i] = Upserted{(*old)[0].int64(0), false};
        continue;
      }
      LJ_ASSIGN_OR_RETURN(
          Rows rows,
          c.query(kInsertEnterprise,
                  {sql::text_or_null(e.uscc), int64_t{e.uscc_valid}, e.name,
                   sql::text_or_null(e.former_names), sql::text_or_null(e.address),
                   sql::text_or_null(e.region_code), sql::text_or_null(e.legal_representative),
                   sql::text_or_null(e.industry_code), sql::text_or_null(e.established_on),
                   sql::text_or_null(e.status), t, t}));
      out[i] = Upserted{rows.at(0).int64(0), true};
      to_index.push_back(i);
      Enterprise created = e;
      created.id = out[i].id;
      created.created_at = created.updated_at = t;
      LJ_RETURN_IF_ERROR(append_audit(c, tail, actor, "create", "enterprise",
                                      std::to_string(created.id), nullptr, to_json(created)));
    }
    for (size_t i : to_index)
      LJ_RETURN_IF_ERROR(sql::index_new(c, sql::SearchEntity::kEnterprise, out[i].id,
                                        sql::enterprise_search_text(in[i])));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
