// Logging in and out, sessions, API tokens and the throttling of failed logins.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "store/store.hpp"

namespace lj {

struct AuthConfig {
  int64_t session_ttl_seconds = 8 * 3600;    // absolute lifetime of a session
  int64_t session_idle_seconds = 30 * 60;    // ends after this long without a request
  int64_t throttle_window_seconds = 15 * 60;
  int max_failures_per_user = 5;             // within the window
  int max_failures_per_address = 30;
};

struct LoginResult {
  std::string session_token;  // the cookie value (only its hash is stored)
  Session session;
  User user;
  Unit unit;
};

class Accounts {
 public:
  Accounts(Store& store, const Clock& clock, AuthConfig cfg = {})
      : store_(store), clock_(clock), cfg_(cfg) {}

  // kUnauthenticated for a wrong username or password (one message for both), kRateLimited when
  // too many attempts failed for the username or the client address.
  Result<LoginResult> login(const std::string& username, const std::string& password,
                            const std::string& remote_addr, const std::string& request_id);
  Status logout(const std::string& session_token);
  struct SessionAuth {
    Actor actor;
    std::string csrf_token;
    bool must_change_password = false;
  };
  // The actor behind a session cookie, with the session's CSRF token.
  Result<SessionAuth> authenticate_session(const std::string& session_token);
  Result<Actor> authenticate_token(const std::string& bearer);
  // A new API token for user `user_id`; the token text is returned once and never stored.
  Result<std::pair<ApiToken, std::string>> issue_token(const Actor& actor, int64_t user_id,
                                                        const std::string& name,
                                                        const std::string& expires_at);
  Status change_password(const Actor& actor, const std::string& old_password,
                         const std::string& new_password);

  Result<Actor> actor_for(const User& user, const std::string& via);
  const AuthConfig& config() const { return cfg_; }

 private:
  Store& store_;
  const Clock& clock_;
  AuthConfig cfg_;
};

// Creates the first administrator on an empty database with a random password (printed once by
// the caller). Returns nothing when users exist already.
Result<std::optional<std::pair<User, std::string>>> ensure_first_admin(Store& store,
                                                                       const std::string& unit_code);

}  // namespace lj
