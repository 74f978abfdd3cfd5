// Test support: the gazetteer of all of China from data/, loaded once per test binary.
#pragma once

#include <gtest/gtest.h>

#include "geo/gazetteer.hpp"
#include "refdata/data_dir.hpp"

namespace lj::geo::testing {

inline const Gazetteer& china() {
  static const Gazetteer* g = [] {
    auto dir = refdata::data_dir();
    EXPECT_TRUE(dir.ok()) << dir.status().to_string();
    auto loaded = Gazetteer::load(*dir);
    EXPECT_TRUE(loaded.ok()) << loaded.status().to_string();
    return new Gazetteer(std::move(loaded).value());
  }();
  return *g;
}

}  // namespace lj::geo::testing
