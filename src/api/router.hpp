// Routes of the API: method + path template ("/api/v1/leads/{id}") to a handler. The route table
// is also what the OpenAPI test compares with the published document.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "http/types.hpp"
#include "model/model.hpp"

namespace lj::api {

class App;

struct Context {
  App& app;
  http::Request& req;
  Actor actor;                                 // empty user_id 0 for public routes
  std::string csrf_token;                      // of the session, when authenticated by cookie
  std::map<std::string, std::string> params;   // path variables
  const std::string& param(const std::string& name) const { return params.at(name); }
};

using RouteHandler = std::function<Result<http::Response>(Context&)>;

struct Route {
  std::string method;
  std::string pattern;
  bool authenticated = true;
  RouteHandler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, RouteHandler handler, bool authenticated = true);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_matched = false;  // some route has this path but not this method (405)
  };
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace lj::api
