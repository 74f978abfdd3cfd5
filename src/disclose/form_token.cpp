#include "disclose/form_token.hpp"

#include <sodium.h>

#include "core/crypto.hpp"

namespace lj::disclose {
namespace {

std::string mac_of(const std::string& key, const std::string& message) {
  unsigned char mac[crypto_auth_BYTES];
  unsigned char k[crypto_auth_KEYBYTES] = {};
  for (size_t i = 0; i < sizeof k && i < key.size(); ++i) k[i] = static_cast<unsigned char>(key[i]);
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(), k);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

}  // namespace

std::string issue_form_token(const std::string& key, int64_t issued_at) {
  const std::string body = "v1." + std::to_string(issued_at) + "." + random_token(12);
  return body + "." + mac_of(key, body);
}

Result<FormToken> verify_form_token(const std::string& key, const std::string& token, int64_t now,
                                    int min_age_seconds, int max_age_seconds) {
  const Status bad =
      Status::Invalid("form_token", "form_token: not a token of this server; load the form again");
  if (token.size() > 200 || token.rfind("v1.", 0) != 0) return bad;
  const size_t last = token.rfind('.');
  const size_t second = token.find('.', 3);
  if (last == std::string::npos || second == std::string::npos || second >= last) return bad;
  const std::string body = token.substr(0, last);
  const std::string mac = mac_of(key, body);
  const std::string given = token.substr(last + 1);
  if (mac.size() != given.size() || sodium_memcmp(mac.data(), given.data(), mac.size()) != 0)
    return bad;
  FormToken t;
  try {
    t.issued_at = std::stoll(token.substr(3, second - 3));
  } catch (const std::exception&) {
    return bad;
  }
  t.nonce = token.substr(second + 1, last - second - 1);
  if (now - t.issued_at < min_age_seconds)
    return Status::Invalid("form_token",
                           "form_token: the form was sent too soon after it was loaded; wait " +
                               std::to_string(min_age_seconds) + " seconds and send it again");
  if (now - t.issued_at > max_age_seconds)
    return Status::Invalid("form_token", "form_token: the form has expired; load it again");
  return t;
}

}  // namespace lj::disclose
