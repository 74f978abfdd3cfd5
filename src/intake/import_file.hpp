// An import file on disk opened as rows, whatever its format, with how much of it was read:
// what `lijian import FILE` and the server's import jobs read.
#pragma once

#include <atomic>
#include <cstdio>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>

#include "intake/rows.hpp"
#include "intake/xlsx_rows.hpp"

namespace lj::intake {

// A read-only stream buffer over a file that counts the bytes taken from it, so that another
// thread (a progress line, a job's progress) can tell how far the reader is. A read error
// makes the istream bad (RowReader::status then reports it).
class CountingFileBuf final : public std::streambuf {
 public:
  CountingFileBuf() = default;
  ~CountingFileBuf() override;
  CountingFileBuf(const CountingFileBuf&) = delete;
  CountingFileBuf& operator=(const CountingFileBuf&) = delete;
  bool open(const std::string& path);
  int64_t bytes() const { return bytes_.load(std::memory_order_relaxed); }

 protected:
  int_type underflow() override;

 private:
  std::FILE* file_ = nullptr;
  char buf_[1 << 20];
  std::atomic<int64_t> bytes_{0};
};

class ImportFile {
 public:
  // Opens `path` as `format` and checks its header (CSV, XLSX): the errors of open_rows and
  // open_xlsx_rows, or kUnavailable when the file cannot be read.
  static Result<std::unique_ptr<ImportFile>> open(const std::string& path, Format format,
                                                  const FieldSet& fields,
                                                  const XlsxLimits& limits = {});
  RowReader& rows() { return *rows_; }
  int64_t size_bytes() const { return size_; }
  // The part of the file read, 0..1. Thread-safe.
  double fraction_read() const;

 private:
  ImportFile() = default;
  std::unique_ptr<CountingFileBuf> buf_;
  std::unique_ptr<std::istream> in_;
  std::unique_ptr<RowReader> rows_;
  int64_t size_ = 0;
};

}  // namespace lj::intake
