import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CrosswalkEngine } from '../workers/engine/engine';
const root = fileURLToPath(new URL('..', import.meta.url));
const engine = new CrosswalkEngine({
  readBytes: async (url) => new Uint8Array(readFileSync(fileURLToPath(url))),
});
await engine.init(pathToFileURL(`${root}public/data/catalog.json`).href);
const accessions = gunzipSync(readFileSync(`${root}data/uniprot.csv.gz`))
  .toString('utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0])
  .filter(Boolean);
function wellFormed(i: number): string {
  let n = i;
  const pick = (c: string) => {
    const x = c[n % c.length];
    n = Math.floor(n / c.length);
    return x;
  };
  const [b, l, d] = [
    '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '0123456789',
  ];
  return `A0A${pick(b)}${pick(b)}${pick(d)}${pick(l)}${pick(b)}${pick(b)}${pick(d)}`;
}
const ids: string[] = [];
for (let i = 0; ids.length < 1_000_000; i++)
  ids.push(i % 2 === 0 ? accessions[(i / 2) % accessions.length] : wellFormed(i));
const text = ids.join('\n');
await engine.map({ text: 'P04637', source: 'uniprot', target: 'ensembl_gene' });
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  const r = await engine.map({ text, source: 'uniprot', target: 'ensembl_gene' });
  const total = performance.now() - t;
  const flat = (ps: any[], d = 0): string[] =>
    ps.flatMap((p) => [
      `${'  '.repeat(d)}${p.kind} ${p.name} ${p.ms.toFixed(1)}`,
      ...flat(p.children ?? [], d + 1),
    ]);
  console.log(`total ${total.toFixed(0)} engine ${r.timing.totalMs.toFixed(0)}`);
  console.log(JSON.stringify((globalThis as any).LAPS.map(([n, t]: any) => [n, Math.round(t)])));
  if (k === 2) console.log(flat(r.timing.phases).join('\n'));
}
