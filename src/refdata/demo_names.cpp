#include "refdata/demo_names.hpp"

#include <numeric>

namespace lj::refdata::demo {
namespace {

// Splits a string of UTF-8 CJK characters (3 bytes each) into its characters.
std::vector<std::string> chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i + 3 <= s.size(); i += 3) out.emplace_back(s.substr(i, 3));
  return out;
}
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t sp = s.find(' ');
    out.emplace_back(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return out;
}

const std::vector<std::string>& surnames() {
  static const auto v = chars(
      "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋"
      "蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙"
      "万段雷钱汤尹黎常武乔贺赖包宝");
  return v;
}
const std::vector<std::string>& given_chars() {
  static const auto v = chars(
      "建国军华明志强伟磊勇杰涛斌超刚平辉鹏飞宇浩峰俊海波亮文红丽芳娟敏静燕玲霞英秀兰凤梅"
      "春雪晶颖慧新利民忠德福贵宏永庆占荣");
  return v;
}
// Mongolian given names, written in full (often without a Han surname).
const std::vector<std::string>& mongolian_names() {
  static const auto v = words(
      "巴特尔 额尔敦 斯琴 宝音 那日苏 苏日娜 阿拉坦 乌云其其格 其木格 朝鲁 布仁 图雅 "
      "乌力吉 萨仁 哈斯 格日勒 敖登 达来 孟和 满都拉");
  return v;
}
const std::vector<std::string>& trade_names() {
  static const auto v = words(
      "恒达 丰禾 金穗 鑫源 蒙兴 宏远 瑞丰 金土地 丰收 华泰 兴旺 永盛 天骄 北方 塞北 蒙原 福瑞 "
      "万通 金鼎 广源 盛世 绿野 鸿运 通达 利民 农丰 金桥 顺发 泰和 亿丰 众鑫 祥和 博远 嘉禾 "
      "新宇 正阳 德隆 隆鑫 富民 长青 银河 晨光 东方 昌盛 安泰 恒通 天润 草原 驰宇 聚丰 "
      "宏达 金源 瑞祥 汇通 鼎盛 远航 兴安 大漠 益农 惠农");
  return v;
}
const std::vector<std::string>& roads() {
  static const auto v = words(
      "建设路 新华路 胜利路 团结路 工业路 站前路 民族街 草原路 和平路 迎宾路 光明路 文化街 "
      "长青路 北环路 南环路 东方路 园区路 振兴路 解放街 友谊路 农贸市场 建材市场 汽配城");
  return v;
}

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int uscc_value(char c) {
  size_t i = kUsccAlphabet.find(c);
  return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

}  // namespace

size_t Rng::weighted(const std::vector<double>& weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double x = static_cast<double>(engine_() >> 11) * 0x1.0p-53 * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

std::string person_name(Rng& rng) {
  if (rng.chance(0.12)) return rng.pick(mongolian_names());
  std::string name = rng.pick(surnames()) + rng.pick(given_chars());
  if (rng.chance(0.7)) name += rng.pick(given_chars());
  return name;
}

std::string mobile_phone(Rng& rng) {
  static const char* kSecond = "358";
  std::string p = "1";
  p += kSecond[rng.below(3)];
  for (int i = 0; i < 9; ++i) p += static_cast<char>('0' + rng.below(10));
  return p;
}

std::string street_address(Rng& rng, const Place& place) {
  const std::string& road = rng.pick(roads());
  std::string out = "内蒙古自治区" + place.city_name + place.county_name + road;
  if (road.find("市场") != std::string::npos || road.find("汽配城") != std::string::npos) {
    return out + std::to_string(rng.between(1, 30)) + "区" + std::to_string(rng.between(1, 99)) + "号";
  }
  return out + std::to_string(rng.between(1, 300)) + "号";
}

std::string trade_name(Rng& rng) { return rng.pick(trade_names()); }

std::string city_short(const std::string& city_name) {
  for (std::string_view suffix : {"市", "盟"}) {
    if (city_name.size() > suffix.size() &&
        city_name.compare(city_name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return city_name.substr(0, city_name.size() - suffix.size());
    }
  }
  return city_name;
}

char org_code_check(std::string_view body8) {
  static const int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    char c = body8[i];
    int v = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
    sum += v * kWeights[i];
  }
  int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

char uscc_check(std::string_view first17) {
  int sum = 0, weight = 1;
  for (size_t i = 0; i < 17; ++i) {
    int v = uscc_value(first17[i]);
    if (v < 0) return '\0';
    sum += v * weight;
    weight = weight * 3 % 31;
  }
  return kUsccAlphabet[(31 - sum % 31) % 31];
}

std::string make_uscc(Rng& rng, const std::string& division_code, bool individual, int year) {
  std::string body;
  if (year >= 2016) {
    body = "MA0";
    while (body.size() < 8) body += kUsccAlphabet[rng.below(kUsccAlphabet.size())];
  } else {
    while (body.size() < 8) body += static_cast<char>('0' + rng.below(10));
  }
  std::string code = std::string(individual ? "92" : "91") + division_code + body + org_code_check(body);
  return code + uscc_check(code);
}

}  // namespace lj::refdata::demo
