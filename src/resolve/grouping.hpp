// Grouping of leads into matters (归并): leads about the same subject (the linked enterprise,
// or the same core name when unlinked) and the same product category form one matter when a
// violation overlaps and they lie within a window of days of the matter's first lead.
//
// The rule, applied to all leads of one (subject, product category) at once so the outcome does
// not depend on the order leads arrived in: take the leads by (received day, id); each joins the
// first matter (in order of creation) whose first lead was received at most window_days days
// before it and whose violations (the union over its leads) share one with the lead's; otherwise
// it starts a matter. A matter's id is the id of its first lead (the primary). Leads that name
// no violation (not classified yet) count as one "unspecified" violation: they group with each
// other only. Pure, thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lj::resolve {

struct GroupMember {
  int64_t lead_id = 0;
  int32_t day = 0;  // days since 1970-01-01 of the civil date received (Shanghai time)
  std::vector<std::string> violations;
};

// lead id -> group id (the primary lead's id) for every member.
std::map<int64_t, int64_t> assign_groups(std::vector<GroupMember> members, int window_days);

// The day number of the civil date at the start of an ISO 8601 text ("2018-04-02T..."), or
// nullopt-like -1 when it does not start with a valid YYYY-MM-DD.
int32_t civil_day(std::string_view iso);

// The subject key of a lead: "e:<enterprise id>" when linked, "n:<core name>" when it names an
// enterprise, empty when it names none.
std::string subject_key(const int64_t* enterprise_id, const std::string& core_name);

}  // namespace lj::resolve
