-- Tops a Lijian SQLite database up to @target sampling results (bind it first in the sqlite3
-- shell: `.parameter set @target 100000`) with one INSERT … SELECT over a recursive CTE, in one
-- transaction. Requires the reference and demo data (`lijian demo`): county units, product
-- categories and enterprises cycle over the new rows. Report numbers are BENCH-JD-<n>; dates
-- spread over 2017-04-01 … 2019-03-31; one sample in nine fails.
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1048576;

CREATE TEMP TABLE s_units (k INTEGER PRIMARY KEY, code TEXT, path TEXT);
INSERT INTO s_units
  SELECT row_number() OVER (ORDER BY code) - 1, code, path FROM units WHERE level = 'county';
CREATE TEMP TABLE s_products (k INTEGER PRIMARY KEY, code TEXT, name TEXT, action TEXT);
INSERT INTO s_products
  SELECT row_number() OVER (ORDER BY code) - 1, code, name_zh, coalesce(parent, '')
  FROM codes WHERE kind = 'product_category';
CREATE TEMP TABLE s_enterprises (k INTEGER PRIMARY KEY, id INTEGER, name TEXT);
INSERT INTO s_enterprises
  SELECT row_number() OVER (ORDER BY id) - 1, id, name FROM enterprises;
CREATE TEMP TABLE s_counts AS SELECT
  (SELECT count(*) FROM s_units) AS units, (SELECT count(*) FROM s_products) AS products,
  (SELECT max(count(*), 1) FROM s_enterprises) AS enterprises,
  (SELECT count(*) FROM sampling_results) AS existing,
  unixepoch('2017-04-01 00:00:00') AS t0, 730 * 86400 AS span;

BEGIN;
WITH RECURSIVE g(n) AS (
  SELECT 1 WHERE @target > (SELECT existing FROM s_counts)
  UNION ALL
  SELECT n + 1 FROM g WHERE n < @target - (SELECT existing FROM s_counts))
INSERT INTO sampling_results (source_id, sampled_on, sampled_month, enterprise_id,
    enterprise_name, unit_code, unit_path, product_name, product_category, special_actions,
    result, failed, failed_items, sampling_level, created_at)
SELECT printf('BENCH-JD-%08d', g.n),
       strftime('%Y-%m-%d', c.t0 + (g.n * 2654435761) % c.span, 'unixepoch'),
       strftime('%Y-%m', c.t0 + (g.n * 2654435761) % c.span, 'unixepoch'),
       e.id, coalesce(e.name, '某经营部'), u.code, u.path, p.name, p.code,
       ',' || CASE WHEN p.action = '' THEN '' ELSE p.action || ',' END,
       CASE WHEN g.n % 9 = 0 THEN 'fail' ELSE 'pass' END,
       CASE WHEN g.n % 9 = 0 THEN 1 ELSE 0 END,
       CASE WHEN g.n % 9 = 0 THEN '标识' END,
       'provincial', '2019-04-01T08:00:00+08:00'
FROM g, s_counts c
JOIN s_units u ON u.k = (g.n * 7) % c.units
JOIN s_products p ON p.k = (g.n / 3) % c.products
LEFT JOIN s_enterprises e ON e.k = g.n % (c.enterprises * 2);
COMMIT;
