// Cryptographic primitives from libsodium: password hashing (argon2id), random tokens, sha256.
// All functions are thread-safe once crypto_init() has run (it is idempotent).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace lj {

void crypto_init();

// argon2id in libsodium's encoded string form ($argon2id$v=19$m=...,t=...,p=1$...).
// Cost: crypto_pwhash_OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (about 64 MiB, tens of ms).
std::string hash_password(std::string_view password);
bool verify_password(const std::string& encoded_hash, std::string_view password);

// The password policy: 10 to 128 characters, at least three of {lower, upper, digit, other},
// not containing the username. Returns kInvalidArgument naming field "password".
Status check_password_policy(std::string_view password, std::string_view username);

// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(size_t bytes = 32);
// A random password that satisfies the policy (for first-start admins).
std::string random_password();

std::string sha256_hex(std::string_view data);

}  // namespace lj

namespace lj {
std::string base64url_encode(std::string_view data);
// Nothing on malformed input.
std::optional<std::string> base64url_decode(std::string_view text);
}  // namespace lj
