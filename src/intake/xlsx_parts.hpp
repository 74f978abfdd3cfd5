// Internal to intake/xlsx_rows.cpp: the zip archive of a workbook and the SAX parsers of its
// parts other than the worksheet (workbook, relationships, styles, shared strings). Parts are
// inflated in chunks by libzip and fed to expat; the uncompressed bytes of all parts read count
// against one budget (the zip-bomb limit).
#pragma once

#include <expat.h>
#include <zip.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "intake/xlsx_rows.hpp"

namespace lj::intake::xlsx {

constexpr size_t kChunk = 64 * 1024;

inline Status bad_file(const std::string& reason) { return Status::Invalid("FILE", reason); }

inline std::string_view local_name(const char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The value of attribute `name` (compared without its namespace prefix), or nullptr.
inline const char* attr(const char** attrs, std::string_view name) {
  for (size_t i = 0; attrs[i] != nullptr; i += 2)
    if (local_name(attrs[i]) == name) return attrs[i + 1];
  return nullptr;
}

// A SAX parser over one part; subclasses handle the events. A handler stops the parse by
// calling fail().
class Sax {
 public:
  explicit Sax(std::string part) : part_(std::move(part)), parser_(XML_ParserCreate(nullptr)) {
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Sax::start_cb, &Sax::end_cb);
    XML_SetCharacterDataHandler(parser_, &Sax::text_cb);
  }
  virtual ~Sax() { XML_ParserFree(parser_); }
  Sax(const Sax&) = delete;
  Sax& operator=(const Sax&) = delete;

  Status feed(const char* data, size_t n, bool last) {
    if (!error_.ok()) return error_;
    if (XML_Parse(parser_, data, static_cast<int>(n), last ? 1 : 0) == XML_STATUS_ERROR) {
      if (error_.ok())
        error_ = bad_file(part_ + " is not well-formed XML (line " +
                          std::to_string(XML_GetCurrentLineNumber(parser_)) +
                          "): " + XML_ErrorString(XML_GetErrorCode(parser_)));
    }
    return error_;
  }

 protected:
  virtual void on_start(std::string_view name, const char** attrs) = 0;
  virtual void on_end(std::string_view name) = 0;
  virtual void on_text(std::string_view) {}
  void fail(Status st) {
    if (error_.ok()) error_ = std::move(st);
    XML_StopParser(parser_, XML_FALSE);
  }
  const std::string& part() const { return part_; }

 private:
  static void start_cb(void* self, const char* name, const char** attrs) {
    static_cast<Sax*>(self)->on_start(local_name(name), attrs);
  }
  static void end_cb(void* self, const char* name) {
    static_cast<Sax*>(self)->on_end(local_name(name));
  }
  static void text_cb(void* self, const char* s, int len) {
    static_cast<Sax*>(self)->on_text(std::string_view(s, static_cast<size_t>(len)));
  }

  std::string part_;
  XML_Parser parser_;
  Status error_;
};

// The archive and the budget of uncompressed bytes shared by every part read from it.
class Archive {
 public:
  ~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  Status open(const std::string& path, int64_t budget) {
    budget_ = budget;
    int err = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (zip_ != nullptr) return Status::Ok();
    if (err == ZIP_ER_NOENT || err == ZIP_ER_OPEN || err == ZIP_ER_READ)
      return Status{Code::kUnavailable, "cannot read " + path};
    return bad_file(path + " is not an XLSX file: not a zip archive");
  }
  bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  // An open part, read in chunks; its uncompressed size counts against the budget.
  class Part {
   public:
    Part(Archive& archive, zip_file_t* file, std::string name, int64_t size)
        : archive_(archive), file_(file), name_(std::move(name)), size_(size) {}
    ~Part() { zip_fclose(file_); }
    Part(const Part&) = delete;
    Part& operator=(const Part&) = delete;
    // Reads up to `cap` bytes; 0 at the end.
    Result<size_t> read(char* buf, size_t cap) {
      zip_int64_t n = zip_fread(file_, buf, cap);
      if (n < 0) return bad_file("cannot inflate " + name_ + ": the archive is damaged");
      archive_.budget_ -= n;
      read_.fetch_add(n, std::memory_order_relaxed);
      if (archive_.budget_ < 0) return archive_.over_budget();
      return static_cast<size_t>(n);
    }
    double fraction() const {
      return size_ > 0 ? static_cast<double>(read_.load(std::memory_order_relaxed)) / size_ : 0;
    }

   private:
    Archive& archive_;
    zip_file_t* file_;
    std::string name_;
    int64_t size_;
    std::atomic<int64_t> read_{0};
  };

  Result<std::unique_ptr<Part>> open_part(const std::string& name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0)
      return bad_file("the workbook lacks its part " + name);
    int64_t size = (st.valid & ZIP_STAT_SIZE) ? static_cast<int64_t>(st.size) : 0;
    if (size > budget_) return over_budget();
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (f == nullptr) return bad_file("cannot open " + name + ": " + zip_strerror(zip_));
    return std::make_unique<Part>(*this, f, name, size);
  }

  // Parses a whole part with `sax`.
  Status parse(const std::string& name, Sax& sax) {
    LJ_ASSIGN_OR_RETURN(std::unique_ptr<Part> part, open_part(name));
    std::string buf(kChunk, '\0');
    for (;;) {
      LJ_ASSIGN_OR_RETURN(size_t n, part->read(buf.data(), buf.size()));
      LJ_RETURN_IF_ERROR(sax.feed(buf.data(), n, n == 0));
      if (n == 0) return Status::Ok();
    }
  }

  Status over_budget() const {
    return bad_file("the workbook inflates past the limit of " + std::to_string(limit_mib()) +
                    " MiB uncompressed (a zip bomb, or a file too large to import)");
  }
  void set_limit(int64_t limit) { limit_ = limit; }

 private:
  int64_t limit_mib() const { return limit_ >> 20; }
  zip_t* zip_ = nullptr;
  int64_t budget_ = 0;
  int64_t limit_ = 0;
};

// xl/workbook.xml: the first sheet's relationship id and the date system.
class WorkbookSax final : public Sax {
 public:
  using Sax::Sax;
  std::string first_sheet_rel;
  bool date1904 = false;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "sheet" && first_sheet_rel.empty()) {
      if (const char* id = attr(attrs, "id")) first_sheet_rel = id;
    } else if (name == "workbookPr") {
      const char* d = attr(attrs, "date1904");
      date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void on_end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: relationship id -> target, and the targets by type.
class RelsSax final : public Sax {
 public:
  using Sax::Sax;
  std::map<std::string, std::string> targets;
  std::string shared_strings, styles;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attr(attrs, "Id");
    const char* target = attr(attrs, "Target");
    const char* type = attr(attrs, "Type");
    if (id == nullptr || target == nullptr) return;
    std::string t = resolve(target);
    targets[id] = t;
    std::string_view ty = type == nullptr ? "" : type;
    if (ty.ends_with("/sharedStrings")) shared_strings = t;
    if (ty.ends_with("/styles")) styles = t;
  }
  void on_end(std::string_view) override {}

 private:
  // Targets are relative to xl/ unless absolute.
  static std::string resolve(std::string_view target) {
    if (target.starts_with("/")) return std::string(target.substr(1));
    return "xl/" + std::string(target);
  }
};

// Built-in number formats that show dates or times: 14-22, 45-47, and the East Asian date
// formats 27-36 and 50-58 (what a Chinese Excel writes for 2018年4月1日).
inline bool builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// xl/styles.xml: for each cell style (cellXfs/xf, by index) whether it shows a date.
class StylesSax final : public Sax {
 public:
  using Sax::Sax;
  std::vector<bool> date_style;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = attr(attrs, "numFmtId");
      const char* code = attr(attrs, "formatCode");
      if (id != nullptr && code != nullptr) custom_[std::atoi(id)] = is_date_format(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attr(attrs, "numFmtId");
      int n = id == nullptr ? 0 : std::atoi(id);
      auto it = custom_.find(n);
      date_style.push_back(it != custom_.end() ? it->second : builtin_date_format(n));
    }
  }
  void on_end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  std::map<int, bool> custom_;
  bool in_cell_xfs_ = false;
};

// xl/sharedStrings.xml: the text of each <si> (its <t> runs, without phonetic <rPh> runs).
class SharedStringsSax final : public Sax {
 public:
  SharedStringsSax(std::string part, const XlsxLimits& limits)
      : Sax(std::move(part)), limits_(limits) {}
  std::vector<std::string> strings;

 protected:
  void on_start(std::string_view name, const char**) override {
    if (name == "si") {
      current_.clear();
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void on_end(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "si") {
      bytes_ += static_cast<int64_t>(current_.size());
      if (static_cast<int64_t>(strings.size()) >= limits_.max_shared_strings)
        return fail(bad_file("the workbook has more than " +
                             std::to_string(limits_.max_shared_strings) + " shared strings"));
      if (bytes_ > limits_.max_shared_string_bytes)
        return fail(bad_file("the workbook's shared strings pass the limit of " +
                             std::to_string(limits_.max_shared_string_bytes >> 20) + " MiB"));
      strings.push_back(std::move(current_));
      current_.clear();
    }
  }
  void on_text(std::string_view s) override {
    if (in_t_) current_.append(s);
  }

 private:
  const XlsxLimits& limits_;
  std::string current_;
  int in_phonetic_ = 0;
  bool in_t_ = false;
  int64_t bytes_ = 0;
};

}  // namespace lj::intake::xlsx
