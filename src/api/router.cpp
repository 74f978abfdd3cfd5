#include "api/router.hpp"

namespace lj::api {
namespace {
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

void Router::add(std::string method, std::string pattern, RouteHandler handler, bool authenticated) {
  routes_.push_back(Route{std::move(method), std::move(pattern), authenticated, std::move(handler)});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  auto segs = split_path(path);
  for (const Route& r : routes_) {
    auto pat = split_path(r.pattern);
    if (pat.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < pat.size() && ok; ++i) {
      if (pat[i].size() > 2 && pat[i].front() == '{' && pat[i].back() == '}') {
        if (segs[i].empty()) ok = false;
        else params[pat[i].substr(1, pat[i].size() - 2)] = segs[i];
      } else {
        ok = pat[i] == segs[i];
      }
    }
    if (!ok) continue;
    m.path_matched = true;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
  }
  return m;
}

}  // namespace lj::api
