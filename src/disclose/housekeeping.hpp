// Periodic disclosure work for the server's Housekeeping thread (cli/commands.cpp).
#pragma once

#include "store/store.hpp"

namespace lj::disclose {

// Withdraws every publication whose case was revoked by any path (the procedure step does it at
// once; this catches the rest within one housekeeping period). Logs failures; never throws.
void withdraw_revoked_publications(Store& store);

}  // namespace lj::disclose
