#!/usr/bin/env bash
# Writes N generated lead rows as CSV (the columns of CONTRACTS.md "Lead import fields", header
# row first) to stdout; deterministic for N and PREFIX. Every row is valid; source_id is unique.
#   bench/gen-leads-csv.sh N [PREFIX] > leads.csv
set -euo pipefail
n="${1:?usage: gen-leads-csv.sh N [PREFIX]}"
prefix="${2:-GEN}"
exec awk -v n="$n" -v prefix="$prefix" 'BEGIN {
  split("hotline_12365 sampling risk_monitoring media ecommerce_monitoring association rights_holder inspection undercover referral public_web other", src, " ");
  split("fertilizer agri_film drip_irrigation_tape cement steel wire_cable children_products household_appliances tires fuel cashmere other", cat, " ");
  split("150404 150402 150403 150102 150105 150202 150203 150400 150000 150999  152502", reg, " ");
  split("复合肥 农膜 滴灌带 水泥 钢筋 电线电缆 儿童玩具 电热水壶 轮胎 车用柴油 羊绒衫 洗衣粉", prod, " ");
  split("有效成分含量不足 以次充好 冒用他人厂名厂址 无生产许可证 标签标识不符合规定 短斤缺两", what, " ");
  split("红山区 松山区 元宝山区 新城区 赛罕区 昆都仑区 青山区 宁城县 锡林浩特市", place, " ");
  print "source,source_id,received_at,text,title,channel,enterprise_name,region_code,product_name,product_category,amount_involved,reporter_name,reporter_phone";
  for (i = 1; i <= n; i++) {
    s = src[1 + i % 12]; c = cat[1 + i % 12]; r = reg[1 + i % 11]; p = prod[1 + i % 12];
    w = what[1 + i % 6]; pl = place[1 + i % 9];
    month = 1 + int(i / 7) % 24; y = 2017 + int((month + 3) / 12); m = 1 + (month + 3) % 12;
    d = 1 + i % 28;
    ts = sprintf("%04d-%02d-%02dT%02d:%02d:00+08:00", y, m, d, 8 + i % 10, i % 60);
    ch = (s == "ecommerce_monitoring") ? "online" : "offline";
    text = "群众反映" pl "某农资经营部销售的" p w "，涉及金额约" (i % 900 + 100) "元，请求依法查处。";
    printf "%s,%s-%d,%s,%s,%s,%s,%s某商贸有限公司,%s,%s,%s,%d.%02d,%s,%s\n", s, prefix, i, ts, text,
      p "质量问题", ch, pl, r, p, c, i % 5000, i % 100, (i % 3 == 0 ? "张三" : ""),
      (i % 3 == 0 ? sprintf("138%08d", i % 100000000) : "");
  }
}'
