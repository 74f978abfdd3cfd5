// The report form's anti-abuse token (docs/public-api.md): GET /api/public/v1/reports/form
// issues "v1.<issued_at>.<nonce>.<mac>", an HMAC (libsodium crypto_auth, HMAC-SHA-512-256)
// over the issue time and a random nonce under the server key stored in the database. A report
// must carry a token that is at least min_age seconds and at most max_age seconds old; a bot
// that posts at once is refused, and no third-party captcha is involved. A token is single-use
// (the repository records its nonce).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.hpp"

namespace lj::disclose {

// `key`: 32 raw bytes. `issued_at`: Unix seconds.
std::string issue_form_token(const std::string& key, int64_t issued_at);

struct FormToken {
  int64_t issued_at = 0;
  std::string nonce;  // base64url, unique per token
};

// Checks the MAC and the age at `now` (Unix seconds). Errors are kInvalidArgument on field
// "form_token": malformed or forged, "too soon", expired.
Result<FormToken> verify_form_token(const std::string& key, const std::string& token, int64_t now,
                                    int min_age_seconds, int max_age_seconds);

}  // namespace lj::disclose
