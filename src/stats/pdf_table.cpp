#include "stats/pdf_table.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace lj::stats {
namespace {

constexpr double kPageW = 841.89, kPageH = 595.28;  // A4 landscape, points
constexpr double kMargin = 40;
constexpr const char* kTitleFont = "Noto Serif CJK SC Bold 16";
constexpr const char* kFont = "Noto Serif CJK SC 9";
constexpr const char* kHeadFont = "Noto Serif CJK SC Bold 9";
constexpr double kPad = 3;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Page {
 public:
  Page() : surface_(cairo_pdf_surface_create_for_stream(append, &bytes_, kPageW, kPageH)),
           cr_(cairo_create(surface_)) {}
  ~Page() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  // The height of `text` set in `width` points.
  double measure(const std::string& text, const char* font, double width) {
    PangoLayout* l = layout(text, font, width, PANGO_ALIGN_CENTER);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return double(h) / PANGO_SCALE;
  }
  // Draws `text` centred vertically in the box, and the box's border when `ruled`.
  void cell(double x, double y, double w, double h, const std::string& text, const char* font,
            PangoAlignment align, bool ruled = true) {
    if (ruled) {
      cairo_set_line_width(cr_, 0.6);
      cairo_rectangle(cr_, x, y, w, h);
      cairo_stroke(cr_);
    }
    PangoLayout* l = layout(text, font, w - 2 * kPad, align);
    int lw = 0, lh = 0;
    pango_layout_get_size(l, &lw, &lh);
    cairo_move_to(cr_, x + kPad, y + (h - double(lh) / PANGO_SCALE) / 2);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
  }
  void new_page() { cairo_show_page(cr_); }
  Result<std::string> finish(const std::string& title) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Lijian");
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
      return Status::Internal(std::string("rendering the PDF: ") +
                              cairo_status_to_string(cairo_surface_status(surface_)));
    return bytes_;
  }

 private:
  PangoLayout* layout(const std::string& text, const char* font, double width,
                      PangoAlignment align) {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    PangoFontDescription* fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, text.c_str(), -1);
    return l;
  }

  std::string bytes_;
  cairo_surface_t* surface_;
  cairo_t* cr_;
};

// A ruled table from `y`: one header row of `heads`, then `rows`; breaks pages as needed.
double simple_table(Page& page, double y, const std::vector<double>& widths,
                    const std::vector<std::string>& heads,
                    const std::vector<std::vector<std::string>>& rows) {
  auto row_height = [&](const std::vector<std::string>& cells, const char* font) {
    double h = 0;
    for (size_t i = 0; i < cells.size(); ++i)
      h = std::max(h, page.measure(cells[i], font, widths[i] - 2 * kPad));
    return h + 2 * kPad;
  };
  auto draw = [&](const std::vector<std::string>& cells, const char* font, double h) {
    double x = kMargin;
    for (size_t i = 0; i < cells.size(); ++i) {
      page.cell(x, y, widths[i], h, cells[i], font, i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
      x += widths[i];
    }
    y += h;
  };
  draw(heads, kHeadFont, row_height(heads, kHeadFont));
  for (const auto& r : rows) {
    const double h = row_height(r, kFont);
    if (y + h > kPageH - kMargin) {
      page.new_page();
      y = kMargin;
      draw(heads, kHeadFont, row_height(heads, kHeadFont));
    }
    draw(r, kFont, h);
  }
  return y;
}

}  // namespace

Result<std::string> summary_pdf(const SummaryTable& t) {
  Page page;
  const double width = kPageW - 2 * kMargin;
  double y = kMargin;
  const double title_h = page.measure(t.title, kTitleFont, width);
  page.cell(kMargin, y, width, title_h, t.title, kTitleFont, PANGO_ALIGN_CENTER, false);
  y += title_h + 6;
  const std::string sub = "填报单位：" + t.unit_name + "　　统计期间：" + t.period_label;
  page.cell(kMargin, y, width, 16, sub, kFont, PANGO_ALIGN_LEFT, false);
  y += 20;

  size_t ncols = 0;
  for (const auto& g : t.groups) ncols += g.columns.size();
  const double first_w = 150, col_w = (width - first_w) / static_cast<double>(std::max<size_t>(ncols, 1));
  // Header: the row header spans both rows; each group spans its columns.
  double h1 = 0, h2 = 0;
  for (const auto& g : t.groups) {
    h1 = std::max(h1, page.measure(g.label, kHeadFont, col_w * static_cast<double>(g.columns.size()) - 2 * kPad));
    for (const auto& c : g.columns) h2 = std::max(h2, page.measure(c.label, kHeadFont, col_w - 2 * kPad));
  }
  h1 += 2 * kPad;
  h2 += 2 * kPad;
  page.cell(kMargin, y, first_w, h1 + h2, t.row_header, kHeadFont, PANGO_ALIGN_CENTER);
  double x = kMargin + first_w;
  for (const auto& g : t.groups) {
    const double gw = col_w * static_cast<double>(g.columns.size());
    page.cell(x, y, gw, h1, g.label, kHeadFont, PANGO_ALIGN_CENTER);
    for (size_t i = 0; i < g.columns.size(); ++i)
      page.cell(x + col_w * static_cast<double>(i), y + h1, col_w, h2, g.columns[i].label,
                kHeadFont, PANGO_ALIGN_CENTER);
    x += gw;
  }
  y += h1 + h2;
  for (size_t r = 0; r < t.row_labels.size(); ++r) {
    const double h = page.measure(t.row_labels[r], kFont, first_w - 2 * kPad) + 2 * kPad + 2;
    page.cell(kMargin, y, first_w, h, t.row_labels[r], kFont, PANGO_ALIGN_LEFT);
    size_t c = 0;
    x = kMargin + first_w;
    for (const auto& g : t.groups)
      for (const auto& col : g.columns) {
        const int64_t v = t.cells[r][c++];
        page.cell(x, y, col_w, h, col.money ? wan_yuan(v) : std::to_string(v), kFont,
                  PANGO_ALIGN_RIGHT);
        x += col_w;
      }
    y += h;
  }
  if (!t.typical_cases.empty()) {
    y += 16;
    if (y + 60 > kPageH - kMargin) {
      page.new_page();
      y = kMargin;
    }
    page.cell(kMargin, y, width, 16, "典型案例", kHeadFont, PANGO_ALIGN_LEFT, false);
    y += 20;
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : t.typical_cases)
      rows.push_back({c.case_no, c.title, c.unit_name, c.filed_month, c.closed_month,
                      c.major ? "是" : "否", wan_yuan(c.fines_fen), wan_yuan(c.goods_value_fen),
                      wan_yuan(c.illegal_income_fen)});
    simple_table(page, y, {110, 200, 130, 50, 50, 40, 61, 60, 60},
                 {"案件编号", "案件名称", "办案单位", "立案月份", "结案月份", "大案要案",
                  "罚款（万元）", "货值（万元）", "违法所得（万元）"},
                 rows);
  }
  return page.finish(t.title + " " + t.period_label);
}

}  // namespace lj::stats
