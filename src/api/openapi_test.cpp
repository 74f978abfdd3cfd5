// The published OpenAPI document (src/api/openapi.json, compiled in) against the router: every
// route is documented, every documented operation is a route (or is answered by the HTTP server
// itself, marked "x-served-by": "server"), and every operation is complete enough for a client
// generator: a unique operationId, a summary, declared path parameters, an error response.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "store/store.hpp"

namespace lj::api {
namespace {

using nlohmann::json;

const std::set<std::string> kHttpMethods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

class OpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = ::testing::TempDir() + "lijian_openapi_test_" + std::to_string(::getpid()) + ".db";
    remove_files();
    auto s = open_store("sqlite://" + path_, 2);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(s).value().release();
    auto migrated = store_->migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.status().to_string();
    app_ = new App(*store_, system_clock());
    doc_ = new json(json::parse(openapi_document(), nullptr, false));
  }
  static void TearDownTestSuite() {
    delete doc_;
    delete app_;
    delete store_;
    doc_ = nullptr;
    app_ = nullptr;
    store_ = nullptr;
    remove_files();
  }
  static void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  void SetUp() override {
    ASSERT_NE(app_, nullptr);
    ASSERT_FALSE(doc_->is_discarded()) << "src/api/openapi.json is not valid JSON";
    ASSERT_TRUE(doc_->contains("paths") && (*doc_)["paths"].is_object()) << "the document has no paths";
  }

  const json& doc() const { return *doc_; }

  // Every operation of the document: (path, lower-case method) -> operation object.
  std::map<std::pair<std::string, std::string>, const json*> operations() const {
    std::map<std::pair<std::string, std::string>, const json*> out;
    for (const auto& [path, item] : doc()["paths"].items())
      for (const auto& [method, op] : item.items())
        if (kHttpMethods.count(method)) out[{path, method}] = &op;
    return out;
  }

  // Follows a local "$ref" ("#/components/...") once; other objects are returned as they are.
  const json& deref(const json& j) const {
    if (j.is_object() && j.contains("$ref") && j["$ref"].is_string()) {
      const std::string r = j["$ref"];
      if (r.rfind("#/", 0) == 0) {
        json::json_pointer ptr(r.substr(1));
        if (doc().contains(ptr)) return doc()[ptr];
      }
    }
    return j;
  }

  static bool server_provided(const json& op) {
    return op.contains("x-served-by") && op["x-served-by"] == "server";
  }

  static inline std::string path_;
  static inline Store* store_ = nullptr;
  static inline App* app_ = nullptr;
  static inline json* doc_ = nullptr;
};

TEST_F(OpenApi, IsAnOpenApi31Document) {
  EXPECT_EQ(doc().value("openapi", ""), "3.1.0");
  ASSERT_TRUE(doc().contains("info"));
  EXPECT_EQ(doc()["info"].value("title", ""), "Lijian (利剑) API");
  EXPECT_EQ(doc()["info"].value("version", ""), "1");
  EXPECT_FALSE(doc()["info"].value("description", "").empty());
  ASSERT_TRUE(doc().contains("servers"));
  const json& schemes = doc()["components"]["securitySchemes"];
  EXPECT_EQ(schemes["cookieAuth"].value("in", ""), "cookie");
  EXPECT_EQ(schemes["cookieAuth"].value("name", ""), kSessionCookie);
  EXPECT_EQ(schemes["csrfHeader"].value("in", ""), "header");
  EXPECT_EQ(schemes["csrfHeader"].value("name", ""), "X-CSRF-Token");
  EXPECT_EQ(schemes["bearerAuth"].value("type", ""), "http");
  EXPECT_EQ(schemes["bearerAuth"].value("scheme", ""), "bearer");
  ASSERT_TRUE(doc().contains("security") && doc()["security"].is_array() && !doc()["security"].empty())
      << "the document needs a global security requirement";
  // The embedding raw string must stay intact.
  EXPECT_EQ(openapi_document().find(")lijian_openapi\""), std::string::npos);
}

TEST_F(OpenApi, EveryRouteIsDocumented) {
  const auto& routes = app_->router().routes();
  ASSERT_FALSE(routes.empty());
  const json& paths = doc()["paths"];
  for (const Route& r : routes) {
    const std::string m = lower(r.method);
    EXPECT_TRUE(paths.contains(r.pattern) && paths[r.pattern].contains(m))
        << "route " << r.method << " " << r.pattern
        << " is registered in the router but not documented in src/api/openapi.json";
  }
}

TEST_F(OpenApi, EveryDocumentedOperationIsARoute) {
  std::set<std::pair<std::string, std::string>> routes;
  for (const Route& r : app_->router().routes()) routes.insert({r.pattern, upper(r.method)});
  for (const auto& [key, op] : operations()) {
    const auto& [path, method] = key;
    if (server_provided(*op)) {
      // Answered by the HTTP server before the router: it must not shadow a route.
      EXPECT_EQ(routes.count({path, upper(method)}), 0u)
          << upper(method) << " " << path << " is marked x-served-by: server but is also a router route";
      continue;
    }
    EXPECT_EQ(routes.count({path, upper(method)}), 1u)
        << "the document describes " << upper(method) << " " << path
        << " but the router has no such route (mark server-provided operations with \"x-served-by\": \"server\")";
  }
}

TEST_F(OpenApi, MetricsIsDocumentedAsServerProvided) {
  const json& paths = doc()["paths"];
  ASSERT_TRUE(paths.contains("/metrics") && paths["/metrics"].contains("get")) << "GET /metrics is not documented";
  const json& op = paths["/metrics"]["get"];
  EXPECT_TRUE(server_provided(op));
  EXPECT_NE(std::find(op["tags"].begin(), op["tags"].end(), "operations"), op["tags"].end());
}

TEST_F(OpenApi, OperationsHaveIdsSummariesAndErrorResponses) {
  std::map<std::string, std::string> ids;
  for (const auto& [key, op] : operations()) {
    const std::string name = upper(key.second) + " " + key.first;
    const std::string id = op->value("operationId", "");
    EXPECT_FALSE(id.empty()) << name << " has no operationId";
    if (!id.empty()) {
      auto [it, fresh] = ids.emplace(id, name);
      EXPECT_TRUE(fresh) << "operationId " << id << " is used by " << it->second << " and " << name;
    }
    EXPECT_FALSE(op->value("summary", "").empty()) << name << " has no summary";
    ASSERT_TRUE(op->contains("responses") && (*op)["responses"].is_object()) << name << " has no responses";
    bool success = false, error = false;
    for (const auto& [status, response] : (*op)["responses"].items()) {
      if (!status.empty() && status[0] == '2') success = true;
      if (status.size() != 3 || status[0] != '4') continue;
      const json& r = deref(response);
      if (!r.contains("content")) continue;
      for (const auto& [type, media] : r["content"].items())
        if (media.contains("schema") && media["schema"].value("$ref", "") == "#/components/schemas/Error")
          error = true;
    }
    EXPECT_TRUE(success) << name << " documents no 2xx response";
    EXPECT_TRUE(error) << name << " documents no 4xx response with the Error schema";
  }
}

TEST_F(OpenApi, PathParametersAreDeclared) {
  const std::regex var(R"(\{([^}/]+)\})");
  for (const auto& [key, op] : operations()) {
    const auto& [path, method] = key;
    const std::string name = upper(method) + " " + path;
    std::set<std::string> in_template;
    for (auto it = std::sregex_iterator(path.begin(), path.end(), var); it != std::sregex_iterator(); ++it)
      in_template.insert((*it)[1].str());
    std::set<std::string> declared;
    auto collect = [&](const json& list) {
      if (!list.is_array()) return;
      for (const json& p : list) {
        const json& param = deref(p);
        if (param.value("in", "") != "path") continue;
        const std::string pname = param.value("name", "");
        declared.insert(pname);
        EXPECT_TRUE(param.value("required", false)) << name << ": path parameter " << pname << " must be required";
        EXPECT_TRUE(in_template.count(pname)) << name << " declares path parameter " << pname
                                              << " that its template lacks";
      }
    };
    const json& item = doc()["paths"][path];
    if (item.contains("parameters")) collect(item["parameters"]);
    if (op->contains("parameters")) collect((*op)["parameters"]);
    for (const std::string& v : in_template)
      EXPECT_TRUE(declared.count(v)) << name << " does not declare its path parameter {" << v << "}";
  }
}

TEST_F(OpenApi, PublicRoutesAndOnlyThoseHaveEmptySecurity) {
  std::map<std::pair<std::string, std::string>, bool> authenticated;
  for (const Route& r : app_->router().routes()) authenticated[{r.pattern, lower(r.method)}] = r.authenticated;
  for (const auto& [key, op] : operations()) {
    const std::string name = upper(key.second) + " " + key.first;
    const bool is_public = op->contains("security") && (*op)["security"].is_array() && (*op)["security"].empty();
    auto it = authenticated.find(key);
    if (it == authenticated.end()) {  // not a route: EveryDocumentedOperationIsARoute reports it
      if (server_provided(*op)) {
        EXPECT_TRUE(is_public) << name << " (served by the server, without authentication) needs security: []";
      }
      continue;
    }
    EXPECT_EQ(is_public, !it->second) << name << (it->second ? " requires authentication but is documented as public"
                                                             : " is public but the document requires authentication");
  }
}

TEST_F(OpenApi, LocalReferencesResolve) {
  std::vector<std::string> broken;
  std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object()) {
      for (const auto& [k, v] : j.items()) {
        if (k == "$ref" && v.is_string()) {
          const std::string r = v;
          if (r.rfind("#/", 0) != 0 || !doc().contains(json::json_pointer(r.substr(1)))) broken.push_back(r);
        } else {
          walk(v);
        }
      }
    } else if (j.is_array()) {
      for (const json& v : j) walk(v);
    }
  };
  walk(doc());
  EXPECT_TRUE(broken.empty()) << "unresolved $ref: " << (broken.empty() ? "" : broken.front()) << " (and "
                              << (broken.empty() ? 0 : broken.size() - 1) << " more)";
}

TEST_F(OpenApi, ErrorSchemaListsEveryErrorCode) {
  const json& code = doc()["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"];
  ASSERT_TRUE(code.contains("enum")) << "Error.error.code needs an enum";
  std::set<std::string> documented(code["enum"].begin(), code["enum"].end());
  for (Code c : {Code::kInvalidArgument, Code::kUnauthenticated, Code::kForbidden, Code::kNotFound, Code::kConflict,
                 Code::kPayloadTooLarge, Code::kRateLimited, Code::kUnavailable, Code::kInternal}) {
    EXPECT_TRUE(documented.count(code_name(c))) << "error code " << code_name(c) << " (HTTP " << http_status(c)
                                                << ") is missing from the Error schema";
  }
  EXPECT_TRUE(documented.count("method_not_allowed"));
}

TEST_F(OpenApi, ServedAtApiV1OpenapiJson) {
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/openapi.json";
  req.target = req.path;
  req.remote_addr = "127.0.0.1";
  req.request_id = "openapi-test";
  http::Response resp = app_->handle(req);
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.body, openapi_document());
  EXPECT_NE(resp.content_type.find("application/json"), std::string::npos);
}

}  // namespace
}  // namespace lj::api
