-- Tops a Lijian PostgreSQL database up to :target leads and :samples sampling results (psql
-- -v target=1000000 -v samples=100000 -f bench/bulk_screen_pg.sql), the PostgreSQL counterpart
-- of bench/bulk_leads.sql + bench/bulk_sampling.sql for bench/screen_bench.sh --pg. Requires the
-- reference and demo data (`lijian demo`). Leads get a shorter text than the SQLite script's;
-- the screening queries do not read it.
\set ON_ERROR_STOP on
CREATE TEMP TABLE b_units AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS k, code, path FROM units WHERE level = 'county';
CREATE TEMP TABLE b_sources AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS k, code FROM codes WHERE kind = 'lead_source';
CREATE TEMP TABLE b_products AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS k, code, name_zh AS name,
         coalesce(parent, '') AS action
  FROM codes WHERE kind = 'product_category';
CREATE TEMP TABLE b_enterprises AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name FROM enterprises;
CREATE TEMP TABLE b_counts AS SELECT
  (SELECT count(*) FROM b_units) AS units, (SELECT count(*) FROM b_sources) AS sources,
  (SELECT count(*) FROM b_products) AS products,
  (SELECT greatest(count(*), 1) FROM b_enterprises) AS enterprises,
  (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM sampling_results) AS samples;

INSERT INTO leads (source, source_id, received_at, title, text, channel, status, unit_code,
                   unit_path, enterprise_id, enterprise_name, region_code, product_name,
                   product_category, special_actions, violations, extra, created_at, updated_at,
                   version)
SELECT s.code, 'BENCH-' || lpad(g::text, 8, '0'),
       to_char(timestamp '2017-04-01' + ((g * 2654435761) % (730 * 86400)) * interval '1 second',
               'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00',
       p.name, '群众反映某经营部销售的' || p.name || '涉嫌不合格，请依法核查处理。线索编号' || g,
       CASE WHEN g % 5 = 0 THEN 'online' ELSE 'offline' END, 'new', u.code, u.path, e.id, e.name,
       u.code, p.name, p.code,
       ',' || CASE WHEN p.action = '' THEN '' ELSE p.action || ',' END ||
         CASE WHEN g % 5 = 0 THEN 'ecommerce,' ELSE '' END,
       ',substandard,', '{}', '2019-04-01T08:00:00+08:00', '2019-04-01T08:00:00+08:00', 1
FROM b_counts c
CROSS JOIN LATERAL generate_series(1, greatest(:target - c.leads, 0)) g
JOIN b_units u ON u.k = g % c.units
JOIN b_sources s ON s.k = g % c.sources
JOIN b_products p ON p.k = (g / 7) % c.products
LEFT JOIN b_enterprises e ON e.k = g % (c.enterprises * 3);

INSERT INTO sampling_results (source_id, sampled_on, sampled_month, enterprise_id,
    enterprise_name, unit_code, unit_path, product_name, product_category, special_actions,
    result, failed, failed_items, sampling_level, created_at)
SELECT 'BENCH-JD-' || lpad(g::text, 8, '0'),
       to_char(date '2017-04-01' + ((g * 2654435761) % 730)::int, 'YYYY-MM-DD'),
       to_char(date '2017-04-01' + ((g * 2654435761) % 730)::int, 'YYYY-MM'),
       e.id, coalesce(e.name, '某经营部'), u.code, u.path, p.name, p.code,
       ',' || CASE WHEN p.action = '' THEN '' ELSE p.action || ',' END,
       CASE WHEN g % 9 = 0 THEN 'fail' ELSE 'pass' END, CASE WHEN g % 9 = 0 THEN 1 ELSE 0 END,
       CASE WHEN g % 9 = 0 THEN '标识' END, 'provincial', '2019-04-01T08:00:00+08:00'
FROM b_counts c
CROSS JOIN LATERAL generate_series(1, greatest(:samples - c.samples, 0)) g
JOIN b_units u ON u.k = (g * 7) % c.units
JOIN b_products p ON p.k = (g / 3) % c.products
LEFT JOIN b_enterprises e ON e.k = g % (c.enterprises * 2);
ANALYZE leads;
ANALYZE sampling_results;
ANALYZE enterprises;
