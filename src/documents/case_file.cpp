#include "documents/case_file.hpp"

namespace lj::documents {

Result<CaseFile> load_case_file(Store& store, const Actor& actor, int64_t case_id) {
  CaseFile f;
  CaseProcedureRepo repo(store.sql());
  LJ_ASSIGN_OR_RETURN(auto cp, repo.get(actor, case_id));
  f.c = std::move(cp.first);
  f.progress = std::move(cp.second);
  LJ_ASSIGN_OR_RETURN(f.timeline, store.case_timeline(actor, case_id));
  if (f.c.lead_id) {
    auto lead = store.get_lead(actor, *f.c.lead_id);
    if (lead.ok())
      f.lead = std::move(*lead);
    else if (lead.status().code() != Code::kNotFound)
      return lead.status();
  }
  std::optional<int64_t> ent = f.c.enterprise_id;
  if (!ent && f.lead) ent = f.lead->enterprise_id;
  if (ent) {
    auto e = store.get_enterprise(*ent);
    if (e.ok())
      f.enterprise = std::move(*e);
    else if (e.status().code() != Code::kNotFound)
      return e.status();
  }
  auto unit = store.get_unit(f.c.unit_code);
  f.unit_name = unit.ok() ? unit->name : f.c.unit_code;
  LJ_ASSIGN_OR_RETURN(f.evidence, store.list_attachments(actor, "case", case_id));
  return f;
}

}  // namespace lj::documents
