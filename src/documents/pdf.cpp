#include "documents/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace lj::documents {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
// GB/T 9704: top margin 37 mm, left 28 mm, text block 156 mm × 225 mm.
constexpr double kLeft = 28 * kMm, kTop = 37 * kMm, kTextW = 156 * kMm, kTextH = 225 * kMm;
constexpr double kBottom = kTop + kTextH;

constexpr const char* kTitleFont = "Noto Serif CJK SC Bold 21";
constexpr const char* kIssuerFont = "Noto Serif CJK SC Bold 18";
constexpr const char* kBodyFont = "Noto Serif CJK SC 14";
constexpr const char* kCellFont = "Noto Serif CJK SC 12";
constexpr const char* kPageNoFont = "Noto Serif CJK SC 12";
constexpr double kLineSpacing = 1.5;

int pu(double points) {
  return static_cast<int>(points * PANGO_SCALE);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Line {
  PangoLayoutLine* line;
  double x, top, bottom, baseline;  // in points, relative to the layout
};

std::vector<Line> lines_of(PangoLayout* layout) {
  std::vector<Line> out;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical, own;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    pango_layout_line_get_extents(line, nullptr, &own);
    out.push_back({line, double(logical.x - own.x) / PANGO_SCALE, double(logical.y) / PANGO_SCALE,
                   double(logical.y + logical.height) / PANGO_SCALE,
                   double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  // With line spacing, a line's slot reaches down to the next line's top.
  for (size_t i = 0; i + 1 < out.size(); ++i)
    out[i].bottom = std::max(out[i].bottom, out[i + 1].top);
  return out;
}

class Writer {
 public:
  Writer() {
    surface_ = cairo_pdf_surface_create_for_stream(append, &bytes_, kPageW, kPageH);
    cr_ = cairo_create(surface_);
    y_ = kTop;
  }
  ~Writer() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void metadata(const std::string& title, const std::string& subject) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    if (!subject.empty())
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Lijian");
  }

  PangoLayout* layout(const std::string& text, const char* font, double width,
                      PangoAlignment align = PANGO_ALIGN_LEFT, bool justify = false,
                      double indent = 0) {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    PangoFontDescription* fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, pu(width));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_justify(l, justify);
    pango_layout_set_indent(l, pu(indent));
    pango_layout_set_line_spacing(l, kLineSpacing);
    pango_layout_set_text(l, text.c_str(), -1);
    return l;
  }

  // Flows a layout at x down the page, breaking pages between lines.
  void flow(PangoLayout* l, double x) {
    auto lines = lines_of(l);
    double shift = lines.empty() ? 0 : lines.front().top, base = y_;
    for (const Line& ln : lines) {
      if (base + (ln.bottom - shift) > kBottom && base > kTop + 0.5) {
        new_page();
        base = kTop;
        shift = ln.top;
      }
      cairo_move_to(cr_, x + ln.x, base + (ln.baseline - shift));
      pango_cairo_show_layout_line(cr_, ln.line);
      y_ = base + (ln.bottom - shift);
    }
    g_object_unref(l);
  }

  void text(const std::string& s, const char* font, PangoAlignment align, bool justify = false,
            double indent = 0) {
    flow(layout(s, font, kTextW, align, justify, indent), kLeft);
  }

  void space(double points) { y_ += points; }
  void keep(double points) {
    if (y_ + points > kBottom && y_ > kTop + 0.5) new_page();
  }

  // A two-column form row; the value cell breaks across pages between its lines.
  void form_row(const FormRow& row, bool first) {
    constexpr double kLabelW = 32 * kMm, kPad = 2.5 * kMm;
    const double value_w = kTextW - kLabelW;
    PangoLayout* label = layout(row.label, kCellFont, kLabelW - 2 * kPad, PANGO_ALIGN_CENTER);
    PangoLayout* value = layout(row.value.empty() ? " " : row.value, kCellFont, value_w - 2 * kPad,
                                PANGO_ALIGN_LEFT, true);
    auto label_lines = lines_of(label);
    auto value_lines = lines_of(value);
    const double label_h = label_lines.back().bottom - label_lines.front().top;
    const double first_h = value_lines.front().bottom - value_lines.front().top;
    if (y_ + std::max(label_h, first_h) + 2 * kPad > kBottom && y_ > kTop + 0.5) new_page();
    if (first) hline(y_);
    double seg_top = y_, base = y_ + kPad, shift = value_lines.front().top;
    bool label_drawn = false;
    auto close_segment = [&](double bottom) {
      if (!label_drawn) {
        double ly = seg_top + kPad;
        for (const Line& ln : label_lines) {
          cairo_move_to(cr_, kLeft + kPad + ln.x, ly + (ln.baseline - label_lines.front().top));
          pango_cairo_show_layout_line(cr_, ln.line);
        }
        label_drawn = true;
      }
      cairo_set_line_width(cr_, 0.8);
      cairo_move_to(cr_, kLeft, seg_top);
      cairo_line_to(cr_, kLeft, bottom);
      cairo_move_to(cr_, kLeft + kLabelW, seg_top);
      cairo_line_to(cr_, kLeft + kLabelW, bottom);
      cairo_move_to(cr_, kLeft + kTextW, seg_top);
      cairo_line_to(cr_, kLeft + kTextW, bottom);
      cairo_stroke(cr_);
      hline(bottom);
    };
    double end = base;
    for (const Line& ln : value_lines) {
      if (base + (ln.bottom - shift) + kPad > kBottom && base > seg_top + kPad + 0.5) {
        close_segment(end + kPad);
        new_page();
        hline(kTop);
        seg_top = kTop;
        base = kTop + kPad;
        shift = ln.top;
      }
      cairo_move_to(cr_, kLeft + kLabelW + kPad + ln.x, base + (ln.baseline - shift));
      pango_cairo_show_layout_line(cr_, ln.line);
      end = base + (ln.bottom - shift);
    }
    end = std::max(end, seg_top + kPad + (label_drawn ? 0 : label_h));
    close_segment(end + kPad);
    y_ = end + kPad;
    g_object_unref(label);
    g_object_unref(value);
  }

  Result<std::string> finish() {
    page_number();
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    cairo_status_t st = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (st != CAIRO_STATUS_SUCCESS)
      return Status::Internal(std::string("PDF rendering failed: ") + cairo_status_to_string(st));
    return std::move(bytes_);
  }

 private:
  void hline(double y) {
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, kLeft, y);
    cairo_line_to(cr_, kLeft + kTextW, y);
    cairo_stroke(cr_);
  }
  void page_number() {
    PangoLayout* l =
        layout("— " + std::to_string(page_) + " —", kPageNoFont, kTextW, PANGO_ALIGN_CENTER);
    cairo_move_to(cr_, kLeft, kBottom + 10 * kMm);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
  }
  void new_page() {
    page_number();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }

  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  double y_;
  int page_ = 1;
};

}  // namespace

std::string chinese_date(const std::string& iso) {
  static const char* kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso[i] < '0' || iso[i] > '9') return "";
  auto number = [&](int n) {
    std::string s;
    if (n >= 20) s += kDigits[n / 10];
    if (n >= 10) s += "十";
    if (n % 10 || n < 10) s += kDigits[n % 10];
    return s;
  };
  const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  std::string out;
  for (int i = 0; i < 4; ++i) out += kDigits[iso[i] - '0'];
  return out + "年" + number(month) + "月" + number(day) + "日";
}

Result<std::string> render_pdf(const OfficialDocument& doc) {
  if (doc.title.empty()) return Status::Invalid("title", "a document needs a title");
  Writer w;
  w.metadata(doc.title, doc.subject);
  if (!doc.issuer.empty()) w.text(doc.issuer, kIssuerFont, PANGO_ALIGN_CENTER);
  w.text(doc.title, kTitleFont, PANGO_ALIGN_CENTER);
  if (!doc.number.empty()) {
    w.space(3 * kMm);
    w.text(doc.number, kBodyFont, PANGO_ALIGN_CENTER);
  }
  w.space(6 * kMm);
  if (!doc.addressee.empty()) w.text(doc.addressee, kBodyFont, PANGO_ALIGN_LEFT);
  for (size_t i = 0; i < doc.form.size(); ++i) w.form_row(doc.form[i], i == 0);
  if (!doc.form.empty()) w.space(4 * kMm);
  for (const auto& p : doc.paragraphs) w.text(p, kBodyFont, PANGO_ALIGN_LEFT, true, 28);
  if (!doc.signer.empty() || !doc.date.empty()) {
    w.space(12 * kMm);
    w.keep(30 * kMm);
    // The signature block sits to the right, four characters in from the right margin.
    if (!doc.signer.empty()) w.text(doc.signer + "　　　　", kBodyFont, PANGO_ALIGN_RIGHT);
    if (!doc.date.empty()) w.text(doc.date + "　　　　", kBodyFont, PANGO_ALIGN_RIGHT);
  }
  return w.finish();
}

}  // namespace lj::documents
