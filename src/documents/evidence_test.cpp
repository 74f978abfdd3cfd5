// Content sniffing of evidence files: the declared type must match the magic bytes, within the
// type's size limit.
#include <gtest/gtest.h>

#include "documents/evidence.hpp"

namespace lj::documents {
namespace {

using namespace std::string_literals;

TEST(Sniff, RecognisesTheEvidenceFormats) {
  EXPECT_EQ(sniff("%PDF-1.7\n..."), "pdf");
  EXPECT_EQ(sniff("\xFF\xD8\xFF\xE0\x00\x10JFIF"s), "jpeg");
  EXPECT_EQ(sniff("\x89PNG\r\n\x1A\n\x00\x00"s), "png");
  EXPECT_EQ(sniff("RIFF\x10\x00\x00\x00WEBPVP8 "s), "webp");
  EXPECT_EQ(sniff("PK\x03\x04\x14\x00"s), "zip");
  EXPECT_EQ(sniff("ID3\x04\x00"s), "mp3");
  EXPECT_EQ(sniff("\xFF\xFB\x90\x64"s), "mp3");
  EXPECT_EQ(sniff("\x00\x00\x00\x18"
                  "ftypmp42\x00\x00"s),
            "mp4");
  EXPECT_EQ(sniff("现场检查笔录,2018-05-01\n"), "text");
  EXPECT_EQ(sniff("MZ\x90\x00\x03\x00"s), "");
  EXPECT_EQ(sniff("\xC3\x28 broken utf-8"s), "");
}

TEST(EvidencePolicy, RefusesAMismatchNamingTheField) {
  const EvidencePolicy p = EvidencePolicy::defaults();
  EXPECT_TRUE(p.check("application/pdf", "%PDF-1.4 body").ok());
  Status renamed = p.check("application/pdf", "MZ\x90\x00 an executable"s);
  EXPECT_EQ(renamed.code(), Code::kInvalidArgument);
  EXPECT_EQ(renamed.field(), "body");
  EXPECT_NE(renamed.message().find("application/pdf"), std::string::npos);
  Status png_as_jpeg = p.check("image/jpeg", "\x89PNG\r\n\x1A\n"s);
  EXPECT_NE(png_as_jpeg.message().find("png"), std::string::npos);
  EXPECT_EQ(p.check("application/x-msdownload", "MZ").field(), "content-type");
  EXPECT_EQ(p.check("image/png", "").field(), "body");
  EXPECT_TRUE(p.check("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      "PK\x03\x04xx"s)
                  .ok());
}

TEST(EvidencePolicy, LimitsSizePerType) {
  auto p =
      EvidencePolicy::parse(R"({"types":[{"type":"text/plain","magic":"text","max_bytes":10}]})");
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_TRUE(p->check("text/plain", "0123456789").ok());
  Status big = p->check("text/plain", "0123456789A");
  EXPECT_EQ(big.code(), Code::kPayloadTooLarge);
  EXPECT_EQ(big.field(), "body");
}

TEST(EvidencePolicy, ParseNamesTheBadEntry) {
  EXPECT_EQ(EvidencePolicy::parse(R"({"types":[{"type":"a/b","magic":"exe","max_bytes":1}]})")
                .status()
                .field(),
            "types[0].magic");
  EXPECT_EQ(EvidencePolicy::parse(R"({"types":[{"type":"a/b","magic":"pdf","max_bytes":0}]})")
                .status()
                .field(),
            "types[0].max_bytes");
  EXPECT_EQ(EvidencePolicy::parse(R"({"types":[{"type":"a/b","magic":"pdf","max_bytes":1},
                                               {"type":"a/b","magic":"pdf","max_bytes":1}]})")
                .status()
                .field(),
            "types[1].type");
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  auto shipped = EvidencePolicy::load(dir ? dir : "data");
  ASSERT_TRUE(shipped.ok()) << shipped.status().to_string();
  EXPECT_EQ(shipped->types().size(), EvidencePolicy::defaults().types().size());
  // The kinds of evidence as shipped equal the compiled-in defaults.
  const EvidencePolicy compiled = EvidencePolicy::defaults();
  ASSERT_EQ(shipped->kinds().size(), compiled.kinds().size());
  for (const auto& k : compiled.kinds()) {
    ASSERT_NE(shipped->kind(k.code), nullptr) << k.code;
    EXPECT_EQ(shipped->kind(k.code)->name_zh, k.name_zh);
  }
  EXPECT_EQ(shipped->kind("rumour"), nullptr);
}

}  // namespace
}  // namespace lj::documents
