#include "geo/geocode_stream.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "geo/test_gazetteer.hpp"

namespace lj::geo {
namespace {

using testing::china;

std::vector<nlohmann::json> run(const std::string& input, GeocodeCounts* counts = nullptr) {
  std::istringstream in(input);
  std::ostringstream out;
  GeocodeCounts c = geocode_stream(china(), in, out);
  if (counts != nullptr) *counts = c;
  std::vector<nlohmann::json> lines;
  std::istringstream result(out.str());
  for (std::string line; std::getline(result, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST(GazetteerStream, AnswersEachLineInOrder) {
  GeocodeCounts counts;
  auto out =
      run("{\"id\":1,\"address\":\"内蒙古赤峰市松山区迎宾路112号\"}\n"
          "{\"id\":\"b-2\",\"address\":\"武汉市青山区\"}\n"
          "{\"id\":{\"source\":\"12315\",\"n\":[1,2.5]},\"address\":\"赤峰市\"}\r\n"
          "{\"id\":4,\"address\":\"新城区\"}\n",
          &counts);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], nlohmann::json::parse(
                        R"({"id":1,"division_code":"150404","level":"county","name":"松山区"})"));
  EXPECT_EQ(out[1]["id"], "b-2");
  EXPECT_EQ(out[1]["division_code"], "420107");
  EXPECT_EQ(out[2]["id"], nlohmann::json::parse(R"({"source":"12315","n":[1,2.5]})"));
  EXPECT_EQ(out[2]["level"], "city");
  EXPECT_EQ(out[3],
            nlohmann::json::parse(R"({"id":4,"division_code":null,"level":"none","name":null})"));
  EXPECT_EQ(counts.placed, 3u);
  EXPECT_EQ(counts.unplaced, 1u);
  EXPECT_EQ(counts.malformed, 0u);
}

TEST(GazetteerStream, BadLinesAreReportedAndTheStreamGoesOn) {
  GeocodeCounts counts;
  auto out =
      run("{\"id\":1}\n"                       // no address
          "{\"id\":2,\"address\":42}\n"        // not a string
          "{\"id\":3,\"address\":null}\n"      // null counts as missing
          "not json\n"                         // malformed
          "\n"                                 // blank: skipped, still counted as a line
          "[1,2]\n"                            // JSON but not an object
          "{\"address\":\"包头市青山区\"}\n"   // no id: null
          "{\"id\":8,\"address\":\"\xff\"}\n"  // invalid UTF-8 inside a string
          "{\"id\":9,\"address\":\"新城区\",\"region_code\":\"150100\"}\n"
          "{\"id\":10,\"address\":\"赤峰市\"",  // truncated last line, no newline
          &counts);
  ASSERT_EQ(out.size(), 9u);
  EXPECT_EQ(out[0]["level"], "none");
  EXPECT_EQ(out[0]["division_code"], nullptr);
  EXPECT_NE(out[0]["error"].get<std::string>().find("address"), std::string::npos);
  EXPECT_EQ(out[0]["id"], 1);
  EXPECT_NE(out[1]["error"].get<std::string>().find("address"), std::string::npos);
  EXPECT_EQ(out[1]["id"], 2);
  EXPECT_NE(out[2]["error"].get<std::string>().find("address"), std::string::npos);
  EXPECT_EQ(out[3]["line"], 4);
  EXPECT_TRUE(out[3]["error"].is_string());
  EXPECT_FALSE(out[3].contains("id"));
  EXPECT_EQ(out[4]["line"], 6);
  EXPECT_EQ(out[5]["id"], nullptr);
  EXPECT_EQ(out[5]["division_code"], "150204");
  EXPECT_EQ(out[6]["line"], 8);
  EXPECT_EQ(out[7]["id"], 9);
  EXPECT_EQ(out[7]["division_code"], "150102");
  EXPECT_EQ(out[8]["line"], 10);
  EXPECT_EQ(counts.malformed, 4u);
  EXPECT_EQ(counts.placed, 2u);
  EXPECT_EQ(counts.unplaced, 3u);
}

TEST(GazetteerStream, EmptyInputGivesNoOutput) {
  EXPECT_TRUE(run("").empty());
}

}  // namespace
}  // namespace lj::geo
