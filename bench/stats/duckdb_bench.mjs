// The DuckDB reference of the statistics benchmark (bench/README.md "Statistics"): loads the
// leads' statistical columns exported from the same SQLite database (CSV) into an in-memory
// DuckDB table, runs the base-table queries of stats_bench.cpp in DuckDB's dialect, and checks
// each answer against the one stats_bench wrote.
//   node duckdb_bench.mjs LEADS.csv STATS_BENCH.json [runs]
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [csv, answersFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const expected = JSON.parse(readFileSync(answersFile, 'utf8'));

const year = " AND received_at >= '2018-01' AND received_at < '2018-12-99'";
const region = " FROM leads WHERE unit_path LIKE '/150000/%'";
const queries = {
  'region total, year': [`SELECT 'total', COUNT(*)${region}${year}`],
  'region by month, 24 months': [`SELECT substr(received_at, 1, 7), COUNT(*)${region} AND received_at >= '2017-04' AND received_at < '2019-03-99' GROUP BY 1`],
  'region by league, year': [`SELECT CASE WHEN length(unit_path) > 8 THEN substr(unit_path, 9, 6) ELSE '150000' END, COUNT(*)${region}${year} GROUP BY 1`],
  'league 150400 by county, year': [`SELECT CASE WHEN length(unit_path) > 15 THEN substr(unit_path, 16, 6) ELSE '150400' END, COUNT(*) FROM leads WHERE unit_path LIKE '/150000/150400/%'${year} GROUP BY 1`],
  'region by source, year': [`SELECT source, COUNT(*)${region}${year} GROUP BY 1`],
  'region by product category, year': [`SELECT product_category, COUNT(*)${region}${year} GROUP BY 1`],
  'region by special action, year': [`SELECT special_actions, COUNT(*)${region}${year} GROUP BY 1`, true],
  'region by violation, year': [`SELECT violations, COUNT(*)${region}${year} GROUP BY 1`, true],
  'county 150404 by month, year': [`SELECT substr(received_at, 1, 7), COUNT(*) FROM leads WHERE unit_path LIKE '/150000/150400/150404/%'${year} GROUP BY 1`],
  '12365 x agri_inputs by month, year': [`SELECT substr(received_at, 1, 7), COUNT(*)${region}${year} AND source = 'hotline_12365' AND special_actions LIKE '%,agri_inputs,%' GROUP BY 1`],
};

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run('SET threads = 2');
let t0 = performance.now();
await conn.run(`CREATE TABLE leads AS SELECT * FROM read_csv('${csv}', header = false, columns = {
  'received_at': 'VARCHAR', 'unit_path': 'VARCHAR', 'source': 'VARCHAR',
  'product_category': 'VARCHAR', 'special_actions': 'VARCHAR', 'violations': 'VARCHAR'})`);
const loadMs = performance.now() - t0;
const n = (await conn.runAndReadAll('SELECT COUNT(*) FROM leads')).getRows()[0][0];
console.log(`duckdb: loaded ${n} leads in ${(loadMs / 1000).toFixed(1)} s`);
console.log(`${'figure'.padEnd(38)} ${'duckdb ms'.padStart(10)} ${'roll-up ms'.padStart(11)} ${'ratio'.padStart(7)}`);
let mismatches = 0;
for (const e of expected) {
  const [sql, split] = queries[e.figure];
  let answer = {};
  const times = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    const rows = (await conn.runAndReadAll(sql)).getRows();
    times.push(performance.now() - t0);
    answer = {};
    for (const [k, v] of rows) {
      const count = Number(v);
      if (!count) continue;
      const keys = split ? String(k).split(',').filter(Boolean) : [String(k ?? '')];
      for (const key of keys) answer[key] = (answer[key] ?? 0) + count;
    }
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  const same = JSON.stringify(Object.entries(answer).sort()) === JSON.stringify(Object.entries(e.answer).sort());
  if (!same) mismatches++;
  console.log(`${e.figure.padEnd(38)} ${ms.toFixed(1).padStart(10)} ${e.rollup_ms.toFixed(2).padStart(11)} ${(ms / e.rollup_ms).toFixed(0).padStart(6)}x${same ? '' : '  MISMATCH'}`);
}
process.exit(mismatches ? 1 : 0);
