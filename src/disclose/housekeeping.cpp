#include "disclose/housekeeping.hpp"

#include <spdlog/spdlog.h>

#include "store/sql/disclosure_repo.hpp"

namespace lj::disclose {

void withdraw_revoked_publications(Store& store) {
  DisclosureRepo repo(store.sql());
  auto n = repo.withdraw_revoked(Actor::system("disclosure"));
  if (!n.ok())
    spdlog::warn("withdrawing publications of revoked cases failed: {}", n.status().to_string());
  else if (*n > 0)
    spdlog::info("withdrew {} publications of revoked cases", *n);
}

}  // namespace lj::disclose
