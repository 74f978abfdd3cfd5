#!/usr/bin/env bash
# Writes a registry of E enterprises and L leads about them, as the CSV files of CONTRACTS.md,
# for measuring entity resolution (docs/entity-resolution.md). Deterministic for E and L.
#   bench/gen-resolve-data.sh E L DIR      # writes DIR/enterprises.csv and DIR/leads.csv
# Leads by i % 5: 0 a name variant "XX化肥厂（赤峰）" with the address; 1 "内蒙古XX化肥有限责任公司
# 松山分公司" with the address; 2 the registry name with its USCC; 3 a misspelt name (one character
# inserted) without address; 4 no enterprise ("某商店"). Every seventh lead repeats the one
# before it ten days later (one matter).
set -euo pipefail
e="${1:?usage: gen-resolve-data.sh E L DIR}"
l="${2:?usage: gen-resolve-data.sh E L DIR}"
dir="${3:?usage: gen-resolve-data.sh E L DIR}"
mkdir -p "$dir"
exec awk -v ne="$e" -v nl="$l" -v dir="$dir" '
function uscc(j,   body, sum, w, k, v, a) {
  a = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  body = sprintf("91%s%09d", code[1 + j % 9], j);
  sum = 0; w = 1;
  for (k = 1; k <= 17; k++) {
    v = index(a, substr(body, k, 1)) - 1;
    sum += v * w; w = (w * 3) % 31;
  }
  return body substr(a, 1 + (31 - sum % 31) % 31, 1);
}
function trade(j) { return ch[1 + j % nch] ch[1 + int(j / nch) % nch] ch[1 + int(j / (nch * nch)) % nch]; }
function industry(j) { return ind[1 + int(j / 7) % 12]; }
BEGIN {
  nch = split("恒 达 金 穗 鼎 盛 兴 旺 昌 隆 永 泰 华 丰 宏 远 祥 和 富 源 瑞 通 新 安 广 利 德 成 晨 光 东 方 天 宇 嘉 禾 益 农 绿 野 佳 美 润 泽 长 青 春 明 福 星 银 河 博 雅 顺 发 豪 俊", ch, " ");
  split("化肥 农资 建材 钢材 电线电缆 玩具 家电 轮胎 石油化工 羊绒制品 塑料制品 农机", ind, " ");
  split("有限公司 有限责任公司 股份有限公司 经营部 商行 门市部 厂 有限公司 经销部", suf, " ");
  split("150404 150402 150403 150102 150105 150202 150203 150421 150428", code, " ");
  split("松山区 红山区 元宝山区 新城区 赛罕区 昆都仑区 青山区 阿鲁科尔沁旗 喀喇沁旗", county, " ");
  split("赤峰市 赤峰市 赤峰市 呼和浩特市 呼和浩特市 包头市 包头市 赤峰市 赤峰市", city, " ");
  split("赤峰 赤峰 赤峰 呼和浩特 呼和浩特 包头 包头 赤峰 赤峰", short, " ");
  split("建设路 红旗街 昭乌达路 新华大街 学院路 钢铁大街 友谊大街 民族街 胜利路", street, " ");
  ef = dir "/enterprises.csv"; lf = dir "/leads.csv";
  print "uscc,name,address,region_code,status" > ef;
  for (j = 0; j < ne; j++) {
    k = 1 + j % 9;
    printf "%s,%s%s%s%s,内蒙古自治区%s%s%s%d号,%s,存续\n", uscc(j), city[k], county[k], trade(j), industry(j) suf[1 + int(j / 3) % 9],
      city[k], county[k], street[1 + int(j / 9) % 9], 1 + j % 300, code[k] > ef;
  }
  print "source,source_id,received_at,text,enterprise_name,enterprise_uscc,enterprise_address,region_code,product_category" > lf;
  split("fertilizer agri_film steel cement wire_cable children_products", cat, " ");
  for (i = 1; i <= nl; i++) {
    r = (i % 7 == 0) ? i - 1 : i;  # a repeat describes the lead before it
    j = (r * 7919) % ne; k = 1 + j % 9; kind = r % 5;
    day = r % 700; dd = day + (i != r ? 10 : 0);
    ts = sprintf("2017-%02d-%02dT10:00:00+08:00", 1 + int(dd / 28) % 12, 1 + dd % 28);
    if (dd >= 336) ts = sprintf("2018-%02d-%02dT10:00:00+08:00", 1 + int((dd - 336) / 28) % 12, 1 + (dd - 336) % 28);
    addr = sprintf("内蒙古自治区%s%s%s%d号", city[k], county[k], street[1 + int(j / 9) % 9], 1 + j % 300);
    name = ""; us = ""; ad = "";
    if (kind == 0) { name = trade(j) industry(j) "厂（" short[k] "）"; ad = addr; }
    else if (kind == 1) { name = "内蒙古" trade(j) industry(j) "有限责任公司" substr(county[k], 1, 6) "分公司"; ad = addr; }
    else if (kind == 2) { name = city[k] county[k] trade(j) industry(j) "有限公司"; us = uscc(j); ad = addr; }
    else if (kind == 3) { name = trade(j) "新" industry(j) "经营部"; }
    else { name = ""; }
    printf "inspection,RES-%d,%s,日常检查发现%s产品质量问题,%s,%s,%s,%s,%s\n", i, ts, (name == "" ? "某商店" : name),
      name, us, ad, code[k], cat[1 + r % 6] > lf;
  }
}'
