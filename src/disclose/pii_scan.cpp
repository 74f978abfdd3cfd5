#include "disclose/pii_scan.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "text/identifiers.hpp"
#include "text/normalize.hpp"

namespace lj::disclose {
namespace {

constexpr size_t kClauseMax = 60;  // code points of an address or health clause

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
bool is_name_dot(char32_t c) {
  return c == 0x00B7 || c == 0x30FB || c == 0x2022;
}
bool is_letter(char32_t c) {
  return is_ascii_alnum(c) && !is_ascii_digit(c);
}

bool in(std::u32string_view set, char32_t c) {
  return set.find(c) != std::u32string_view::npos;
}

// The first characters of names: the common Han surnames and the usual first syllables of
// Mongolian names (which have no surname). A name after a marker must start with one, so that
// 消费者投诉 or 举报人称 is not read as a name.
constexpr std::u32string_view kSurnameStarts =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    U"吕丁"
    U"任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    U"武"
    U"戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    U"阮"
    U"柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    U"古"
    U"吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    U"巫"
    U"寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满"
    U"闻"
    U"位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙"
    U"浦"
    U"戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干"
    U"但"
    U"尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由其额图达布格宝乌苏萨朝特斯琴高娜孟吉仁";

// Ends an address, a health clause or a name.
constexpr std::u32string_view kClauseEnd = U"，,。；;\n、！!？?()（）【】[]\"“”";

std::string ascii_of(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) out.push_back(c < 0x80 ? static_cast<char>(c) : '?');
  return out;
}

class Scanner {
 public:
  Scanner(const std::u32string& f, const std::vector<std::string>& party_names)
      : f_(f), claimed_(f.size(), false) {
    for (const auto& p : party_names) {
      if (!p.empty()) parties_.push_back(fold(text::to_u32(p)));
    }
  }

  std::vector<RawSpan> run() {
    scan_emails();
    scan_numbers();
    scan_addresses();
    scan_names();
    scan_health();
    std::sort(spans_.begin(), spans_.end(),
              [](const RawSpan& a, const RawSpan& b) { return a.start < b.start; });
    return spans_;
  }

 private:
  bool free(size_t start, size_t end) const {
    for (size_t i = start; i < end; ++i) {
      if (claimed_[i]) return false;
    }
    return true;
  }
  void add(PiiKind kind, size_t start, size_t end, size_t keep_front = 0) {
    if (start >= end || !free(start, end)) return;
    for (size_t i = start; i < end; ++i) claimed_[i] = true;
    spans_.push_back({kind, start, end, keep_front});
  }
  bool at(size_t i, std::u32string_view word) const {
    return i + word.size() <= f_.size() && std::u32string_view(f_).substr(i, word.size()) == word;
  }
  // The longest of `markers` that starts at i; 0 when none.
  size_t marker_at(size_t i, std::initializer_list<std::u32string_view> markers) const {
    size_t best = 0;
    for (auto m : markers) {
      if (m.size() > best && at(i, m)) best = m.size();
    }
    return best;
  }
  // Whether one of `markers` ends within `window` code points before `pos`.
  bool marker_before(size_t pos, size_t window,
                     std::initializer_list<std::u32string_view> markers) const {
    size_t from = pos > window ? pos - window : 0;
    std::u32string_view before = std::u32string_view(f_).substr(from, pos - from);
    for (auto m : markers) {
      if (before.find(m) != std::u32string_view::npos) return true;
    }
    return false;
  }

  void scan_emails() {
    auto local_char = [](char32_t c) { return is_ascii_alnum(c) || in(U"._%+-", c); };
    auto domain_char = [](char32_t c) { return is_ascii_alnum(c) || c == U'.' || c == U'-'; };
    for (size_t i = 0; i < f_.size(); ++i) {
      if (f_[i] != U'@') continue;
      size_t s = i;
      while (s > 0 && local_char(f_[s - 1])) --s;
      size_t e = i + 1;
      while (e < f_.size() && domain_char(f_[e])) ++e;
      while (e > i + 1 && (f_[e - 1] == U'.' || f_[e - 1] == U'-')) --e;
      if (s == i) continue;
      std::u32string_view domain = std::u32string_view(f_).substr(i + 1, e - i - 1);
      size_t dot = domain.rfind(U'.');
      if (dot == std::u32string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
      bool tld_letters = std::all_of(domain.begin() + static_cast<long>(dot) + 1, domain.end(),
                                     [](char32_t c) { return is_letter(c); });
      if (!tld_letters) continue;
      add(PiiKind::kEmail, s, e);
      i = e;
    }
  }

  // A number token: digit groups joined by single separators (space, hyphen, parentheses) and
  // perhaps a leading '+' or '('; it must not touch a letter or digit on either side.
  struct Group {
    size_t start, end;  // code points
  };

  void scan_numbers() {
    size_t i = 0;
    while (i < f_.size()) {
      bool starts = is_ascii_digit(f_[i]) || ((f_[i] == U'+' || f_[i] == U'(') &&
                                              i + 1 < f_.size() && is_ascii_digit(f_[i + 1]));
      if (!starts || (i > 0 && is_ascii_alnum(f_[i - 1]))) {
        ++i;
        continue;
      }
      std::vector<Group> groups;
      size_t j = i;
      if (!is_ascii_digit(f_[j])) ++j;
      while (true) {
        size_t g = j;
        while (j < f_.size() && is_ascii_digit(f_[j])) ++j;
        // An ID number's last character may be X.
        if (j < f_.size() && (f_[j] == U'X' || f_[j] == U'x') && j - g >= 17 &&
            (j + 1 >= f_.size() || !is_ascii_alnum(f_[j + 1])))
          ++j;
        groups.push_back({g, j});
        size_t k = j;
        if (k < f_.size() && in(U" -()", f_[k])) ++k;
        if (k < f_.size() && f_[k] == U'(' && f_[k - 1] != U'(') ++k;
        if (k > j && k < f_.size() && is_ascii_digit(f_[k])) {
          j = k;
          continue;
        }
        break;
      }
      size_t end = groups.back().end;
      if (end < f_.size() && is_ascii_alnum(f_[end])) {
        // Touches a letter or digit: part of a code (USCC, order number); skip the whole run.
        i = end;
        while (i < f_.size() && is_ascii_alnum(f_[i])) ++i;
        continue;
      }
      classify_groups(i, groups);
      i = end;
    }
  }

  // Greedy from the left: the longest run of groups [g, h] that is a known kind.
  void classify_groups(size_t token_start, const std::vector<Group>& groups) {
    size_t g = 0;
    while (g < groups.size()) {
      size_t matched_to = g;
      for (size_t h = groups.size(); h-- > g;) {
        size_t start = g == 0 ? token_start : groups[g].start;
        if (classify_run(start, groups, g, h)) {
          matched_to = h + 1;
          break;
        }
      }
      g = matched_to == g ? g + 1 : matched_to;
    }
  }

  bool classify_run(size_t start, const std::vector<Group>& groups, size_t g, size_t h) {
    std::u32string digits;
    for (size_t k = g; k <= h; ++k)
      digits += f_.substr(groups[k].start, groups[k].end - groups[k].start);
    size_t end = groups[h].end;
    bool plus = f_[start] == U'+';
    bool paren = f_[start] == U'(';
    size_t n = digits.size();
    bool last_x = n > 0 && (digits.back() == U'X' || digits.back() == U'x');
    if (n == 18 || n == 15) {
      text::IdCheck id = text::check_resident_id(ascii_of(digits));
      if (id.valid && (n == 18) != id.legacy) {
        add(PiiKind::kIdNumber, plus || paren ? start + 1 : start, end);
        return true;
      }
    }
    if (last_x) return false;
    if (!plus && !paren && n >= 10 && n <= 30 &&
        marker_before(start, 12, {U"账号", U"账户", U"卡号", U"帐号", U"帐户", U"银行卡"})) {
      add(PiiKind::kBankAccount, start, end);
      return true;
    }
    if (size_t keep = phone_keep(digits, plus || paren, paren)) {
      add(PiiKind::kPhone, start, end, keep);
      return true;
    }
    if (!plus && !paren && n >= 16 && n <= 19 && digits[0] >= U'3' && digits[0] <= U'6' &&
        luhn_ok(digits)) {
      bool grouped = true;
      for (size_t k = g; k < h; ++k) grouped = grouped && groups[k].end - groups[k].start == 4;
      if (grouped) {
        add(PiiKind::kBankAccount, start, end);
        return true;
      }
    }
    return false;
  }

  // Digits kept at the front when `d` is a personal phone number; 0 when it is not one.
  static size_t phone_keep(const std::u32string& d, bool prefixed, bool paren) {
    auto all_digits = [](std::u32string_view v) {
      return std::all_of(v.begin(), v.end(), [](char32_t c) { return is_ascii_digit(c); });
    };
    if (!all_digits(d)) return 0;
    size_t cc = 0;  // country code digits
    std::u32string_view v(d);
    if (v.size() == 13 && v.substr(0, 2) == U"86" && v[2] == U'1') cc = 2;
    if (v.size() == 15 && v.substr(0, 4) == U"0086" && v[4] == U'1') cc = 4;
    if (prefixed && !paren && cc == 0) {
      if (v.substr(0, 2) != U"86") return 0;
      cc = 2;
    }
    std::u32string_view nat = v.substr(cc);
    if (nat.size() == 11 && nat[0] == U'1' && nat[1] >= U'3' && nat[1] <= U'9') return cc + 3;
    // Landline: area code (0 dropped after +86), then 7–8 digits not starting with 0 or 1.
    bool zero = !nat.empty() && nat[0] == U'0';
    if (cc > 0 && zero) return 0;
    std::u32string_view rest = zero ? nat.substr(1) : nat;
    if (!zero && cc == 0) return 0;
    size_t area = 0;
    if (!rest.empty() && (rest[0] == U'1' || rest[0] == U'2')) {
      if (rest[0] == U'1' && rest.substr(0, 2) != U"10") return 0;
      area = 2;
    } else if (!rest.empty() && rest[0] >= U'3' && rest[0] <= U'9') {
      area = 3;
    } else {
      return 0;
    }
    if (rest.size() < area) return 0;
    std::u32string_view local = rest.substr(area);
    if (local.size() < 7 || local.size() > 8 || local[0] == U'0' || local[0] == U'1') return 0;
    return cc + (zero ? 1 : 0) + area;
  }

  // The end of the clause that starts at `from` (at most kClauseMax code points), stopping
  // before a claimed code point.
  size_t clause_end(size_t from) const {
    size_t e = from;
    while (e < f_.size() && e - from < kClauseMax && !in(kClauseEnd, f_[e]) && !claimed_[e] &&
           f_[e] != U' ')
      ++e;
    return e;
  }
  size_t skip_lead(size_t i, std::u32string_view chars) const {
    while (i < f_.size() && in(chars, f_[i])) ++i;
    return i;
  }

  void scan_addresses() {
    for (size_t i = 0; i < f_.size(); ++i) {
      size_t m = marker_at(
          i, {U"家庭住址", U"家庭地址", U"现住址", U"住址", U"家住", U"户籍地址", U"户籍地",
              U"户籍所在地", U"居住地址", U"居住地", U"现住", U"现居住于", U"住所地", U"住所"});
      if (m == 0) continue;
      bool residence = at(i, U"住所");
      if (residence && organisation_context(i)) {
        i += m - 1;
        continue;
      }
      size_t s = skip_lead(i + m, U"：: 为是在于");
      size_t e = clause_end(s);
      if (e - s >= 2) add(PiiKind::kAddress, s, e);
      i = std::max(i + m, e) - 1;
    }
  }

  // Whether the clause before position `pos` names an organisation (whose 住所 is published).
  bool organisation_context(size_t pos) const {
    size_t from = pos;
    while (from > 0 && pos - from < 40 && !in(U"。；;\n", f_[from - 1])) --from;
    std::u32string_view before = std::u32string_view(f_).substr(from, pos - from);
    for (std::u32string_view w :
         {U"公司", U"厂", U"店", U"中心", U"合作社", U"商行", U"经营部", U"门市", U"超市", U"药房",
          U"医院", U"集团", U"企业", U"单位", U"统一社会信用代码", U"营业执照", U"个体工商户"}) {
      if (before.find(w) != std::u32string_view::npos) return true;
    }
    return false;
  }

  void scan_names() {
    for (size_t i = 0; i < f_.size(); ++i) {
      size_t m = marker_at(
          i, {U"证人",   U"见证人", U"证明人", U"举报人", U"投诉人",     U"检举人", U"申诉人",
              U"受害人", U"被害人", U"消费者", U"购买人", U"委托代理人", U"代理人", U"联系人",
              U"陪同人", U"员工",   U"店员",   U"营业员", U"销售员",     U"收货人", U"送检人"});
      if (m == 0) continue;
      size_t s = skip_lead(i + m, U"：: ");
      while (true) {
        size_t e = name_end(s);
        if (e == s) break;
        std::u32string name = f_.substr(s, e - s);
        bool party = std::find(parties_.begin(), parties_.end(), name) != parties_.end();
        if (!party) add(PiiKind::kName, s, e);
        // A list of names: 证人张三、李四
        if (e < f_.size() && f_[e] == U'、' && name_end(e + 1) > e + 1) {
          s = e + 1;
          continue;
        }
        s = e;
        break;
      }
      i = std::max(i + m, s) - 1;
    }
  }

  // The end of a person's name starting at s (s when there is none): 2–4 Han characters (up to
  // 10 with the middle dot of transcribed names), stopping before words that follow a name.
  size_t name_end(size_t s) const {
    constexpr std::u32string_view kStop =
        U"称说于在的是等向对到反表陈证与和及提出系所已曾为将也均未从就被把因由自经并同去来打报现共"
        U"时患身手电联住家年男籍";
    if (s >= f_.size() || !in(kSurnameStarts, f_[s])) return s;
    size_t e = s;
    bool dotted = false;
    while (e < f_.size()) {
      char32_t c = f_[e];
      size_t len = e - s;
      if (is_name_dot(c) && len > 0 && e + 1 < f_.size() && is_han(f_[e + 1])) {
        dotted = true;
        ++e;
        continue;
      }
      if (!is_han(c)) break;
      if (len >= 2 && in(kStop, c)) break;
      if (len >= (dotted ? 10u : 4u)) break;
      // A fourth character only after a compound surname or in a transcribed name.
      if (len == 3 && !dotted && surname_length(f_.substr(s, 3)) != 2) break;
      ++e;
    }
    return e - s >= 2 ? e : s;
  }

  void scan_health() {
    for (size_t i = 0; i < f_.size(); ++i) {
      size_t m = marker_at(i, {U"患有", U"诊断为", U"确诊为", U"确诊", U"病史", U"既往史", U"病历",
                               U"病情", U"病症为", U"残疾等级", U"残疾"});
      if (m == 0) continue;
      if (i > 0 && f_[i - 1] == U'隐') continue;  // 隐患有 is a hazard, not a disease
      size_t s = skip_lead(i + m, U"：: 为是");
      size_t e = clause_end(s);
      if (e > s) add(PiiKind::kHealth, s, e);
      i = std::max(i + m, e) - 1;
    }
  }

  const std::u32string& f_;
  std::vector<bool> claimed_;
  std::vector<std::u32string> parties_;
  std::vector<RawSpan> spans_;
};

}  // namespace

std::u32string fold(const std::u32string& s) {
  std::u32string out = s;
  for (char32_t& c : out) {
    if (c < 0x80 || is_han(c)) continue;
    std::string one;
    text::append_utf8(one, c);
    std::string folded = text::nfkc(one);
    if (folded.size() == 1 && static_cast<unsigned char>(folded[0]) < 0x80) {
      c = static_cast<char32_t>(folded[0]);
    }
  }
  return out;
}

bool luhn_ok(const std::u32string& digits) {
  int sum = 0;
  bool dbl = false;
  for (size_t i = digits.size(); i-- > 0;) {
    if (!is_ascii_digit(digits[i])) return false;
    int d = static_cast<int>(digits[i] - U'0');
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return !digits.empty() && sum % 10 == 0;
}

size_t address_keep(const std::u32string& a) {
  constexpr size_t kWindow = 20;
  auto first_of = [&](std::u32string_view chars) -> size_t {
    for (size_t i = 0; i < a.size() && i < kWindow; ++i) {
      if (!in(chars, a[i])) continue;
      if (a[i] == U'区' && i > 0 && a[i - 1] == U'治') continue;  // 自治区 is a province
      return i + 1;
    }
    return 0;
  };
  for (std::u32string_view level : {U"区县旗", U"市盟"}) {
    size_t keep = first_of(level);
    if (keep > 0 && keep + 2 <= a.size()) return keep;
  }
  return 0;
}

size_t surname_length(const std::u32string& name) {
  static const std::u32string_view kCompound[] = {
      U"欧阳", U"司马", U"诸葛", U"上官", U"东方", U"皇甫", U"尉迟", U"公孙",
      U"慕容", U"令狐", U"长孙", U"宇文", U"司徒", U"夏侯", U"端木", U"轩辕"};
  for (auto c : kCompound) {
    if (name.size() > 2 && std::u32string_view(name).substr(0, 2) == c) return 2;
  }
  return name.empty() ? 0 : 1;
}

std::vector<RawSpan> scan_pii(const std::u32string& folded,
                              const std::vector<std::string>& party_names) {
  return Scanner(folded, party_names).run();
}

}  // namespace lj::disclose
