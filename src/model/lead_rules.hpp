// Rules every lead obeys, however it was created or changed.
#pragma once

#include "model/model.hpp"

namespace lj {

// A lead whose channel is online carries the special action "ecommerce" (MISSION.md).
void apply_channel_rule(Lead& lead);

}  // namespace lj
