#include "refdata/demo_catalog.hpp"

#include <cassert>
#include <map>

namespace lj::refdata::demo {
namespace {

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t bar = s.find('|');
    out.emplace_back(s.substr(0, bar));
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

// "suffix:code" or "suffix:code:shop"
std::vector<Business> businesses(std::string_view s) {
  std::vector<Business> out;
  for (const std::string& item : split(s)) {
    size_t c1 = item.find(':');
    size_t c2 = item.find(':', c1 + 1);
    out.push_back({item.substr(0, c1), item.substr(c1 + 1, c2 - c1 - 1),
                   c2 != std::string::npos});
  }
  return out;
}

struct Row {
  const char *code, *action;
  int weight;
  const char *products, *violations, *details, *businesses, *shop, *standard, *failed;
};

// Industry codes are GB/T 4754-2017 classes; standards are those in force in 2017-2018 (fuel:
// the gasoline standard here, diesel in demo_data.cpp).
constexpr Row kRows[] = {
    {"children_products", "consumer_goods", 80, "儿童玩具|婴儿推车|儿童安全座椅|儿童自行车|学生文具",
     "substandard|no_ccc|false_labeling|forged_origin|fake_as_conforming",
     "产品包装无中文标识和生产厂名厂址|标签未标注适用年龄和警示语|产品存在锐利边缘和易脱落小零件",
     "母婴用品店:5239:s|儿童用品商行:5239:s|玩具有限公司:2459", "母婴用品店", "GB 6675.1-2014",
     "小零件|可迁移元素|锐利边缘"},
    {"household_appliances", "consumer_goods", 60, "电热水壶|电暖器|电磁炉|电吹风|移动插座",
     "no_ccc|substandard|forged_origin|counterfeit_trademark",
     "产品未标注CCC认证标志|使用中插头发热冒烟|说明书和铭牌标注的厂址无法核实",
     "家电商场:5272:s|电器经销部:5272:s|电器有限公司:3854", "电器经销部", "GB 4706.1-2005",
     "对触及带电部件的防护|发热|输入功率和电流"},
    {"textiles_apparel", "consumer_goods", 50, "羽绒服|童装|床上用品|校服|运动服",
     "false_labeling|substandard|inferior_as_superior",
     "吊牌标注含绒量90%，实际明显偏低|产品无中文吊牌|洗涤后严重褪色",
     "服装店:5232:s|服饰有限公司:1810|纺织品商行:5231:s", "服装店", "GB 18401-2010",
     "纤维含量|甲醛含量|pH值"},
    {"furniture_home", "consumer_goods", 40, "板式衣柜|实木床|实木复合地板|壁纸|卫浴五金",
     "substandard|false_labeling|inferior_as_superior",
     "购买后室内异味明显，甲醛检测超标|标注“实木”，实际为刨花板贴面",
     "家具城:5283:s|家居有限公司:2110|装饰材料经销部:5283:s", "家具城", "GB 18584-2001",
     "甲醛释放量|耐冷液性"},
    {"food_related", "consumer_goods", 30, "一次性塑料餐盒|食品包装袋|不锈钢餐具|一次性纸杯",
     "no_production_license|substandard|false_labeling",
     "产品无生产许可证编号|标注“食品级”，实际使用回收料生产",
     "塑料包装有限公司:2926|包装制品厂:2231|餐具批发商行:5239:s", "餐具批发商行", "GB 4806.7-2016",
     "总迁移量|高锰酸钾消耗量"},
    {"cashmere", "consumer_goods", 40, "山羊绒衫|羊绒围巾|羊绒大衣|羊绒纱线",
     "false_labeling|adulteration|inferior_as_superior|counterfeit_trademark|substandard",
     "吊牌标注100%山羊绒，检测羊绒含量不足50%|掺入羊毛、腈纶冒充纯羊绒|冒用知名羊绒品牌吊牌",
     "羊绒制品有限公司:1722|绒衫专卖店:5232:s|羊绒制品经销部:5232:s", "羊绒制品经销部",
     "FZ/T 73009-2009", "纤维含量|起球|耐摩擦色牢度"},
    {"daily_consumer", "consumer_goods", 50, "电动自行车|一次性打火机|安全头盔|保温杯|洗发水",
     "substandard|forged_origin|counterfeit_trademark|false_labeling",
     "产品无厂名厂址|外包装标识不全|售价明显低于正品",
     "超市:5212:s|日用百货商店:5211:s|商贸有限公司:5139", "日用百货商店", "", ""},
    {"fertilizer", "agri_inputs", 140, "复合肥|复混肥料|掺混肥料|硫酸钾型复合肥|有机-无机复混肥料",
     "insufficient_content|false_labeling|no_production_license|substandard|short_weight",
     "包装标注N-P2O5-K2O 15-15-15，总养分≥45%|包装标注总养分≥40%，售价明显低于市场价|"
     "农户使用后出苗率低、作物长势差|每袋标注净含量40kg，实际称重不足",
     "农资经销部:5166:s|农资有限公司:5166|化肥有限公司:2624|生物肥业有限公司:2625",
     "农资经销部", "GB/T 15063-2009", "总养分|水溶性磷占有效磷百分率|氯离子|单一养分含量"},
    {"drip_irrigation_tape", "agri_inputs", 40, "单翼迷宫式滴灌带|内镶贴片式滴灌带|滴灌管",
     "substandard|no_production_license|false_labeling",
     "滴灌带壁厚明显偏薄，铺设后大量破裂渗漏|使用不足一季即老化开裂",
     "节水灌溉设备有限公司:2922|塑料制品厂:2922|农资经销部:5168:s", "农资经销部",
     "GB/T 19812.1-2017", "壁厚|流量均匀度|拉伸性能"},
    {"agri_film", "agri_inputs", 40, "聚乙烯吹塑农用地面覆盖薄膜|棚膜|地膜",
     "substandard|false_labeling|no_production_license",
     "地膜厚度低于0.01mm，无法回收，造成残膜污染|包装未标注厚度和生产日期",
     "塑料制品有限公司:2921|农膜厂:2921|农资经销部:5168:s", "农资经销部", "GB 13735-2017",
     "厚度|拉伸负荷|断裂标称应变"},
    {"agri_machinery", "agri_inputs", 30, "播种机|旋耕机|拖拉机配件|收割机刀片",
     "substandard|forged_origin|fake_as_conforming",
     "产品无合格证明，使用中多次发生故障|配件标注厂名厂址无法核实",
     "农机销售有限公司:5171|农机配件经销部:5171:s|农业机械制造有限公司:3572", "农机配件经销部", "", ""},
    {"steel", "building_materials", 40, "热轧带肋钢筋|螺纹钢|盘螺|角钢",
     "substandard|banned_product|no_production_license|forged_origin|inferior_as_superior",
     "钢筋重量偏差超标，直径明显偏细|钢材表面无厂名标识，疑似“地条钢”|无产品质量证明书",
     "钢材经销部:5164:s|钢铁有限公司:3130|金属材料有限公司:5164", "钢材经销部", "GB/T 1499.2-2007",
     "屈服强度|重量偏差|断后伸长率"},
    {"wire_cable", "building_materials", 40, "BV铜芯电线|电力电缆|护套线|铝芯电线",
     "substandard|no_ccc|no_production_license|counterfeit_trademark|inferior_as_superior",
     "标注2.5平方，实测导体截面积明显不足|铜芯掺铝，导体电阻超标",
     "电线电缆有限公司:3831|五金电料经销部:5281:s|线缆商行:5281:s", "五金电料经销部",
     "GB/T 5023.3-2008", "导体电阻|绝缘厚度|绝缘最薄处厚度"},
    {"cement", "building_materials", 30, "P·O 42.5普通硅酸盐水泥|P·C 32.5复合硅酸盐水泥|袋装水泥",
     "substandard|inferior_as_superior|no_production_license|short_weight",
     "标注P·O 42.5，疑似低标号水泥冒充|袋装水泥每袋不足50kg",
     "水泥有限责任公司:3011|建材经销部:5165:s|水泥粉磨站:3011", "建材经销部", "GB 175-2007",
     "3天抗压强度|28天抗压强度|安定性"},
    {"glass", "building_materials", 10, "钢化玻璃|中空玻璃|平板玻璃", "substandard|no_ccc|false_labeling",
     "钢化玻璃无CCC标志|安装后短期内发生自爆",
     "玻璃制品有限公司:3051|门窗玻璃店:5165:s", "门窗玻璃店", "GB 15763.2-2005", "碎片状态|霰弹袋冲击性能"},
    {"wall_materials", "building_materials", 15, "加气混凝土砌块|混凝土空心砌块|蒸压粉煤灰砖",
     "substandard|inferior_as_superior|no_production_license", "砌块强度不足，施工中易碎",
     "新型墙体材料厂:3031|建材有限公司:3031", "建材经销部", "GB 11968-2006", "抗压强度|干密度"},
    {"insulation", "building_materials", 15, "聚苯乙烯泡沫板|挤塑板|岩棉板",
     "substandard|false_labeling|inferior_as_superior",
     "标注B1级阻燃，实际燃烧性能不达标|保温板密度明显偏低",
     "保温材料有限公司:3034|保温建材经销部:5165:s", "保温建材经销部", "GB/T 10801.1-2002",
     "燃烧性能|表观密度|导热系数"},
    {"waterproofing", "building_materials", 15, "SBS改性沥青防水卷材|聚氨酯防水涂料",
     "substandard|inferior_as_superior|false_labeling", "卷材标注厚度4mm，实测不足3mm",
     "防水材料有限公司:3033|防水建材经销部:5165:s", "防水建材经销部", "GB 18242-2008",
     "可溶物含量|拉力|低温柔性"},
    {"coatings", "building_materials", 15, "内墙乳胶漆|外墙涂料|木器漆",
     "substandard|counterfeit_trademark|false_labeling", "涂料刺激性气味强烈，疑似VOC超标",
     "涂料有限公司:2641|油漆经销部:5165:s", "油漆经销部", "GB 18582-2008",
     "挥发性有机化合物含量|游离甲醛"},
    {"wood_panels", "building_materials", 10, "细木工板|胶合板|刨花板|中密度纤维板",
     "substandard|false_labeling|inferior_as_superior", "标注E1级，板材气味刺鼻",
     "木业有限公司:2021|板材经销部:5165:s", "板材经销部", "GB 18580-2017", "甲醛释放量|静曲强度"},
    {"fired_bricks", "building_materials", 10, "烧结普通砖|烧结多孔砖|页岩砖",
     "substandard|banned_product|no_production_license", "使用黏土实心砖窑生产，属淘汰落后产能",
     "砖厂:3031|建材有限公司:3031", "砖厂", "GB/T 5101-2017", "抗压强度|泛霜|石灰爆裂"},
    {"cement_pipes", "building_materials", 5, "混凝土输水管|预应力钢筒混凝土管",
     "substandard|inferior_as_superior|no_production_license", "管道铺设后出现渗漏开裂",
     "水泥制品厂:3021|管业有限公司:3021", "水泥制品厂", "GB/T 11836-2009", "内压抗裂|外压荷载"},
    {"brake_linings", "auto_parts_fuel", 20, "刹车片|制动蹄片|盘式制动衬块",
     "no_production_license|substandard|forged_origin|counterfeit_trademark",
     "刹车片疑似含石棉|产品无生产许可证标志",
     "汽车配件经销部:5263:s|汽配商行:5263:s|制动器材有限公司:3670", "汽车配件经销部", "GB 5763-2008",
     "摩擦系数|磨损率"},
    {"filters", "auto_parts_fuel", 20, "机油滤清器|空气滤清器|燃油滤清器",
     "counterfeit_trademark|forged_origin|substandard", "滤芯纸质量差，冒用知名品牌包装",
     "汽车配件经销部:5263:s|汽车用品店:5263:s", "汽车配件经销部", "", ""},
    {"turbochargers", "auto_parts_fuel", 10, "涡轮增压器|增压器总成",
     "fake_as_conforming|forged_origin|inferior_as_superior", "翻新增压器冒充新品销售",
     "汽车修理厂:8111:s|汽车配件经销部:5263:s", "汽车配件经销部", "", ""},
    {"batteries", "auto_parts_fuel", 30, "汽车蓄电池|铅酸蓄电池|电动车蓄电池",
     "false_labeling|fake_as_conforming|substandard|counterfeit_trademark",
     "标注60Ah，实测容量明显不足|旧蓄电池翻新后重新贴标销售",
     "蓄电池经销部:5263:s|汽车电器商行:5263:s", "蓄电池经销部", "GB/T 5008.1-2013", "储备容量|低温起动能力"},
    {"auto_lamps", "auto_parts_fuel", 20, "汽车前照灯|LED大灯|汽车尾灯", "no_ccc|substandard|counterfeit_trademark",
     "改装氙气大灯无CCC认证|灯具光型明显不符合要求",
     "汽车用品店:5263:s|汽车灯具经销部:5263:s", "汽车用品店", "GB 4599-2007", "配光性能"},
    {"bearings", "auto_parts_fuel", 15, "汽车轮毂轴承|圆锥滚子轴承",
     "counterfeit_trademark|forged_origin|substandard", "冒用知名品牌包装销售|轴承无厂名厂址",
     "轴承经销部:5263:s|轴承商行:5174:s", "轴承经销部", "", ""},
    {"tires", "auto_parts_fuel", 30, "轿车轮胎|载重汽车轮胎|工程机械轮胎",
     "no_ccc|fake_as_conforming|false_labeling|substandard",
     "轮胎生产日期被打磨篡改|翻新轮胎冒充新胎销售",
     "轮胎经销部:5263:s|轮胎店:5263:s|轮胎翻新厂:2913", "轮胎店", "GB 9743-2015", "强度性能|脱圈阻力"},
    {"auto_interior", "auto_parts_fuel", 10, "汽车座垫|汽车脚垫|座椅套", "substandard|false_labeling",
     "内饰件气味刺鼻，疑似有害物质超标", "汽车用品店:5263:s|汽车装饰有限公司:8111", "汽车用品店", "", ""},
    {"fuel", "auto_parts_fuel", 50, "92号汽油|95号汽油|0号柴油|-10号柴油|-35号柴油",
     "substandard|adulteration|short_weight|false_labeling|no_production_license",
     "车辆加油后动力下降、冒黑烟|油品进货票据不全，来源不明",
     "加油站:5265:s|石油化工有限公司:5162|油品经销部:5162:s", "加油站", "GB 17930-2016",
     "硫含量|研究法辛烷值|苯含量"},
    {"other", "", 15, "劳保用品|消防器材|燃气调压阀", "substandard|no_production_license",
     "产品无合格证明", "", "商店", "", ""},
};

}  // namespace

const std::vector<CategoryInfo>& catalog() {
  static const std::vector<CategoryInfo> kCatalog = [] {
    std::vector<CategoryInfo> out;
    for (const Row& r : kRows) {
      out.push_back({r.code, r.action, r.weight, split(r.products), split(r.violations),
                     split(r.details), businesses(r.businesses), r.shop, r.standard,
                     split(r.failed)});
    }
    return out;
  }();
  return kCatalog;
}

const CategoryInfo& category_info(std::string_view code) {
  for (const CategoryInfo& c : catalog()) {
    if (c.code == code) return c;
  }
  assert(false && "unknown product category");
  return catalog().back();
}

std::string violation_short(std::string_view code) {
  static const std::map<std::string, std::string, std::less<>> kShort = {
      {"substandard", "质量不合格"},          {"inferior_as_superior", "以次充好"},
      {"fake_as_conforming", "以不合格品冒充合格品"}, {"forged_origin", "冒用厂名厂址"},
      {"no_production_license", "无证生产"},   {"no_ccc", "未经CCC认证"},
      {"false_labeling", "虚假标识"},          {"insufficient_content", "有效含量不足"},
      {"short_weight", "短斤缺两"},            {"adulteration", "掺杂掺假"},
      {"banned_product", "销售淘汰落后产品"},  {"counterfeit_trademark", "假冒注册商标"},
  };
  auto it = kShort.find(code);
  return it == kShort.end() ? std::string(code) : it->second;
}

}  // namespace lj::refdata::demo
