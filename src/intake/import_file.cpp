#include "intake/import_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace lj::intake {

CountingFileBuf::~CountingFileBuf() {
  if (file_ != nullptr) std::fclose(file_);
}

bool CountingFileBuf::open(const std::string& path) {
  file_ = std::fopen(path.c_str(), "rb");
  return file_ != nullptr;
}

CountingFileBuf::int_type CountingFileBuf::underflow() {
  size_t n = std::fread(buf_, 1, sizeof buf_, file_);
  if (n == 0) {
    // The istream turns the exception into badbit: the reader reports a failed read.
    if (std::ferror(file_) != 0) throw std::runtime_error("read failed");
    return traits_type::eof();
  }
  bytes_.fetch_add(static_cast<int64_t>(n), std::memory_order_relaxed);
  setg(buf_, buf_, buf_ + n);
  return traits_type::to_int_type(buf_[0]);
}

Result<std::unique_ptr<ImportFile>> ImportFile::open(const std::string& path, Format format,
                                                     const FieldSet& fields,
                                                     const XlsxLimits& limits) {
  std::unique_ptr<ImportFile> f(new ImportFile());
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status{Code::kUnavailable, "cannot read " + path + ": " + ec.message()};
  f->size_ = static_cast<int64_t>(size);
  if (format == Format::kXlsx) {
    LJ_ASSIGN_OR_RETURN(f->rows_, open_xlsx_rows(path, fields, limits));
    return f;
  }
  f->buf_ = std::make_unique<CountingFileBuf>();
  if (!f->buf_->open(path))
    return Status{Code::kUnavailable, "cannot read " + path + ": " + std::strerror(errno)};
  f->in_ = std::make_unique<std::istream>(f->buf_.get());
  LJ_ASSIGN_OR_RETURN(f->rows_, open_rows(*f->in_, format, fields));
  return f;
}

double ImportFile::fraction_read() const {
  if (!buf_) return std::max(0.0, rows_->fraction_read());
  if (size_ <= 0) return 1;
  return std::min(1.0, static_cast<double>(buf_->bytes()) / static_cast<double>(size_));
}

}  // namespace lj::intake
