// Masking of personal data in texts that are published (RULES.md, Publication: SAMR Order 45).
//
// Detected kinds and their masked forms (every masked character becomes '*'; separators and
// the kept characters are left as the input wrote them, so the masked text has the same
// length in code points and offsets hold for both):
//   id_number     resident ID (GB 11643): 18 characters whose check character is right (X or
//                 x last), or the 15-digit old form with a valid birth date. Keeps the first 4
//                 and the last 4 (old form: last 3): 1502**********123X.
//   phone         mobile 1[3-9]xxxxxxxxx (also with +86/0086/86 before it and with spaces or
//                 hyphens inside) and landlines with an area code (0471-3255699, (010)12345678).
//                 The digits must stand alone: a phone number inside a longer run of digits or
//                 letters (an order number, a USCC) is not one. Keeps the first 3 and last 4
//                 digits of a mobile (138****8000), the area code and last 4 of a landline.
//   bank_account  16–19 digits (groups of 4 separated by spaces allowed) starting 3–6 whose
//                 Luhn check holds, or 10–30 digits after a marker (账号, 卡号, 开户行账号 ...)
//                 without a Luhn check (organisations' accounts have none). First 4, last 4.
//   email         local@domain.tld: the local part after its first character is masked.
//   address       a natural person's home address after 住址, 家住, 户籍地, 居住地, 现住, or
//                 住所 when the clause before it names no organisation (an enterprise's 住所
//                 is published). Keeps the administrative part up to the first 区/县/旗
//                 (else 市/盟) within 15 characters; masks the rest of the clause.
//   name          a natural person's name after 证人, 举报人, 投诉人, 代理人, 联系人, 受害人,
//                 消费者 ... (never after 当事人/法定代表人/负责人/经营者: the party and its
//                 representative are published), unless it is one of `party_names`. Keeps the
//                 surname (张** ; compound surnames 欧阳*).
//   health        health information after 患有, 诊断为, 确诊, 病史, 病历 ...: the rest of the
//                 clause is masked, the marker kept.
// Full-width digits, letters and @ . - + ( ) are folded (NFKC, one code point at a time) before
// detection. Offsets are in code points of the input, `end` exclusive.
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lj::disclose {

enum class PiiKind { kIdNumber, kPhone, kBankAccount, kEmail, kAddress, kName, kHealth };

// "id_number", "phone", "bank_account", "email", "address", "name", "health".
std::string_view kind_name(PiiKind kind);
// The kind with that name; false when there is none.
bool parse_kind(std::string_view name, PiiKind& kind);

struct PiiSpan {
  PiiKind kind;
  size_t start = 0;      // code points of the input
  size_t end = 0;        // exclusive
  std::string original;  // the input's characters in [start, end)
  std::string masked;    // what replaces them
};

struct MaskResult {
  std::string masked;          // the input with every span replaced by its masked form
  std::vector<PiiSpan> found;  // by start, not overlapping
};

// Detects and masks personal data in `text` (UTF-8; invalid bytes read as U+FFFD).
MaskResult mask_text(std::string_view text, const std::vector<std::string>& party_names = {});

// The masked form of `original` for `kind` (the rules above): used when a reviewer marks a
// span by hand. Every character except separators becomes '*' for kinds whose rule keeps
// nothing of a free span.
std::string mask_span(PiiKind kind, std::string_view original);

// Applies spans (code points of `text`, not overlapping, any order) to `text`.
std::string apply_spans(std::string_view text, const std::vector<PiiSpan>& spans);

}  // namespace lj::disclose
