// Evidence files: the types accepted on a case, each with the magic bytes its content must
// start with and a size limit (data/documents/evidence-types.json). A declared type that the
// bytes contradict is refused: a renamed executable does not become a "PDF".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace lj::documents {

// What the first bytes say: "pdf", "jpeg", "png", "webp", "zip", "mp3", "mp4", "text" (valid
// UTF-8 without NUL bytes), or "" when none of these.
std::string sniff(std::string_view bytes);

struct EvidenceType {
  std::string type;   // the Content-Type, e.g. application/pdf
  std::string magic;  // what sniff() must answer
  int64_t max_bytes = 0;
};

// Immutable after loading: safe to share between threads.
class EvidencePolicy {
 public:
  // The table compiled in (the same as data/documents/evidence-types.json as shipped).
  static EvidencePolicy defaults();
  // Loads <data_dir>/documents/evidence-types.json; an error names the entry and field.
  static Result<EvidencePolicy> load(const std::string& data_dir);
  static Result<EvidencePolicy> parse(const std::string& json_text);

  // Ok, or: 400 (field content-type) for a type not accepted, 400 (field body) for an empty
  // file or bytes that do not match the type, 413 (field body) above the type's limit.
  Status check(const std::string& content_type, std::string_view bytes) const;

  const std::vector<EvidenceType>& types() const { return types_; }

  // The kinds of evidence (Administrative Penalty Law Art. 46): code and name, in file order.
  struct EvidenceKind {
    std::string code, name_zh;
  };
  const std::vector<EvidenceKind>& kinds() const { return kinds_; }
  const EvidenceKind* kind(const std::string& code) const;

 private:
  std::vector<EvidenceType> types_;
  std::vector<EvidenceKind> kinds_;
};

}  // namespace lj::documents
