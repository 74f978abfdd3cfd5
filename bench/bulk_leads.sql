-- Tops a Lijian SQLite database up to @target leads (bind it first, e.g. in the sqlite3 shell:
-- `.parameter set @target 1000000`) with one INSERT … SELECT over a recursive CTE (portable:
-- generate_series is an optional extension), in one transaction. Requires the reference and
-- demo data (`lijian demo`): counties, sources, product categories, violations and enterprises
-- are taken from it and cycle over the new rows.
--
-- Every NOT NULL column of `leads` gets a plausible value: source_id is unique per row
-- (BENCH-<n>), received_at spreads over 2017-04-01 … 2019-03-31 as Shanghai ISO text, the text
-- is ~80 Chinese characters, status follows a realistic mix, special_actions is the product
-- category's special action (plus regional_remediation for one in 13, ecommerce for online
-- leads). Rows have no shares.
-- (No PRAGMA temp_store here: changing it drops the temp schema, @target included.)
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1048576;  -- 1 GiB: the indexes of a million rows stay in memory

CREATE TEMP TABLE b_units (k INTEGER PRIMARY KEY, code TEXT, path TEXT, place TEXT);
INSERT INTO b_units
  SELECT row_number() OVER (ORDER BY code) - 1, code, path, replace(name, '市场监督管理局', '')
  FROM units WHERE level = 'county';
CREATE TEMP TABLE b_sources (k INTEGER PRIMARY KEY, code TEXT);
INSERT INTO b_sources
  SELECT row_number() OVER (ORDER BY code) - 1, code FROM codes WHERE kind = 'lead_source';
CREATE TEMP TABLE b_products (k INTEGER PRIMARY KEY, code TEXT, name TEXT, action TEXT);
INSERT INTO b_products
  SELECT row_number() OVER (ORDER BY code) - 1, code, name_zh, coalesce(parent, '')
  FROM codes WHERE kind = 'product_category';
CREATE TEMP TABLE b_violations (k INTEGER PRIMARY KEY, code TEXT, name TEXT);
INSERT INTO b_violations
  SELECT row_number() OVER (ORDER BY code) - 1, code, name_zh FROM codes WHERE kind = 'violation';
CREATE TEMP TABLE b_enterprises (k INTEGER PRIMARY KEY, id INTEGER, name TEXT, uscc TEXT, address TEXT);
INSERT INTO b_enterprises
  SELECT row_number() OVER (ORDER BY id) - 1, id, name, uscc, address FROM enterprises;

CREATE TEMP TABLE b_counts AS SELECT
  (SELECT count(*) FROM b_units) AS units, (SELECT count(*) FROM b_sources) AS sources,
  (SELECT count(*) FROM b_products) AS products, (SELECT count(*) FROM b_violations) AS violations,
  (SELECT max(count(*), 1) FROM b_enterprises) AS enterprises,
  (SELECT count(*) FROM leads) AS existing,
  unixepoch('2017-04-01 00:00:00') AS t0, 730 * 86400 AS span;

BEGIN;
WITH RECURSIVE g(n) AS (
  SELECT 1 WHERE @target > (SELECT existing FROM b_counts)
  UNION ALL
  SELECT n + 1 FROM g WHERE n < @target - (SELECT existing FROM b_counts))
INSERT INTO leads (source, source_id, received_at, title, text, channel, status, unit_code,
                   unit_path, enterprise_id, enterprise_name, enterprise_uscc, enterprise_address,
                   region_code, product_name, product_category, special_actions, violations,
                   amount_involved_fen, reporter_name, reporter_phone, extra, created_at,
                   updated_at, version)
SELECT s.code,
       printf('BENCH-%08d', g.n),
       strftime('%Y-%m-%dT%H:%M:%S', c.t0 + (g.n * 2654435761) % c.span, 'unixepoch') || '+08:00',
       u.place || p.name || v.name,
       '群众反映' || u.place || '某经营部销售的' || p.name || '涉嫌' || v.name ||
         '，产品无合格证明，标识不全，来源不明。经初步了解，涉案产品已销往周边多个乡镇，' ||
         '请依法核查处理。线索编号' || g.n || '。',
       CASE WHEN g.n % 5 = 0 THEN 'online' ELSE 'offline' END,
       CASE WHEN g.n % 20 < 9 THEN 'verified' WHEN g.n % 20 < 15 THEN 'rejected'
            WHEN g.n % 20 < 17 THEN 'verifying' WHEN g.n % 20 < 19 THEN 'new' ELSE 'case_opened' END,
       u.code, u.path,
       e.id, e.name, e.uscc, e.address,
       u.code, p.name, p.code,
       ',' || CASE WHEN p.action = '' THEN '' ELSE p.action || ',' END ||
         CASE WHEN g.n % 13 = 0 THEN 'regional_remediation,' ELSE '' END ||
         CASE WHEN g.n % 5 = 0 THEN 'ecommerce,' ELSE '' END,
       ',' || v.code || ',',
       CASE WHEN g.n % 4 = 0 THEN NULL ELSE 10000 + (g.n * 7919) % 5000000 END,
       CASE WHEN s.code = 'hotline_12365' THEN '匿名' END,
       NULL,
       '{}',
       '2019-04-01T08:00:00+08:00', '2019-04-01T08:00:00+08:00', 1
FROM g, b_counts c
JOIN b_units u ON u.k = g.n % c.units
JOIN b_sources s ON s.k = g.n % c.sources
JOIN b_products p ON p.k = (g.n / 7) % c.products
JOIN b_violations v ON v.k = (g.n / 3) % c.violations
LEFT JOIN b_enterprises e ON e.k = g.n % (c.enterprises * 3);  -- two in three leads name none
COMMIT;

DROP TABLE b_units;
DROP TABLE b_sources;
DROP TABLE b_products;
DROP TABLE b_violations;
DROP TABLE b_enterprises;
DROP TABLE b_counts;
