#include "core/crypto.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>
#include <vector>

namespace lj {

void crypto_init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string hash_password(std::string_view password) {
  crypto_init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(const std::string& encoded_hash, std::string_view password) {
  crypto_init();
  if (encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

Status check_password_policy(std::string_view pw, std::string_view username) {
  if (pw.size() < 10) return Status::Invalid("password", "password must have at least 10 characters");
  if (pw.size() > 128) return Status::Invalid("password", "password must have at most 128 characters");
  int lower = 0, upper = 0, digit = 0, other = 0;
  for (unsigned char c : pw) {
    if (std::islower(c)) lower = 1;
    else if (std::isupper(c)) upper = 1;
    else if (std::isdigit(c)) digit = 1;
    else other = 1;
  }
  if (lower + upper + digit + other < 3)
    return Status::Invalid("password",
                           "password must mix at least three of: lower case, upper case, digits, other characters");
  if (!username.empty() && pw.find(username) != std::string_view::npos)
    return Status::Invalid("password", "password must not contain the username");
  return Status::Ok();
}

std::string random_token(size_t bytes) {
  crypto_init();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string random_password() {
  // 18 base64url characters plus a fixed class mix guarantees the policy.
  return random_token(14) + "-a7Q";
}

std::string sha256_hex(std::string_view data) {
  crypto_init();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace lj

namespace lj {

std::string base64url_encode(std::string_view data) {
  crypto_init();
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  crypto_init();
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace lj
