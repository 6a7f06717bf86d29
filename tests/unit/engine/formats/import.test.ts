/**
 * The field's own files end to end (#14): each excerpt in tests/fixtures/formats is dropped under a
 * neutral name, recognised, checked and added with the proposal untouched, then mapped; the
 * pairs expected are read from the same file here by a plain split of its lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapRequest } from '../../../../workers/api';
import { CrosswalkEngine } from '../../../../workers/engine/engine';
import { REVIEWED, UNREVIEWED } from '../../../../workers/common/codes';
import { CATALOG_URL, fsReadBytes, keyInfoOf, ROOT, rowsOf } from '../helpers';

const text = (name: string) =>
  readFileSync(join(ROOT, 'tests', 'fixtures', 'formats', name), 'utf8');
/** The file's data lines as cells: no `#` lines, no header line unless `headerless`. */
const rows = (name: string, headerless = false) => {
  const lines = text(name)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'));
  return (headerless ? lines : lines.slice(1)).map((l) => l.split('\t'));
};
/** key → values, in file order, each once. */
const index = (pairs: [string, string][]) => {
  const out = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = out.get(k) ?? [];
    if (!list.includes(v)) list.push(v);
    out.set(k, list);
  }
  return out;
};

/** Drops `file` under a neutral name, adds it as proposed, and runs `request`. */
async function importAndMap(file: string, request: MapRequest) {
  const engine = new CrosswalkEngine({ readBytes: fsReadBytes });
  await engine.init(CATALOG_URL);
  const dropped = new File(
    [readFileSync(join(ROOT, 'tests', 'fixtures', 'formats', file))],
    'download',
  );
  const preview = await engine.previewTable(dropped, 'download');
  expect(preview.format, file).toBeDefined();
  await engine.checkTable(dropped, {
    ...preview.format!.spec,
    name: 'dropped',
    format: preview.format!.id,
    // As the app's draft does (lib/format-draft.ts).
    ...(preview.format!.organism ? { organism: preview.format!.organism } : {}),
  });
  await engine.addTable('dropped');
  return { result: await engine.map(request), label: preview.format!.label, engine };
}

/** Each input's targets, in input order. */
const targetsOf = (result: Awaited<ReturnType<CrosswalkEngine['map']>>) =>
  rowsOf(result).map((row) => row.pairs.map((p) => p.target));

describe('recognised files, added as proposed, map as their rows say', () => {
  it('UniProt idmapping.dat: accessions to their GeneID rows (long form)', async () => {
    const genes = index(
      rows('uniprot_idmapping.dat', true)
        .filter((r) => r[1] === 'GeneID')
        .map((r) => [r[0], r[2]]),
    );
    const accessions = [...genes.keys()];
    const { result, label } = await importAndMap('uniprot_idmapping.dat', {
      text: accessions.join('\n'),
      source: 'uniprot',
      target: 'entrez',
    });
    expect(label).toBe('UniProt idmapping.dat');
    expect(targetsOf(result)).toEqual(accessions.map((a) => genes.get(a)));
  });

  it('a fly idmapping.dat is never joined with the human tables', async () => {
    const { engine } = await importAndMap('uniprot_idmapping.dat', {
      text: 'P32234',
      source: 'uniprot',
      target: 'entrez',
    });
    const fly = engine.catalog().tables.find((t) => t.name === 'dropped')!;
    expect(fly.organism).toBe('taxon:7227');
    // uniprot → entrez → symbol: the fly file's step is never followed by the human genes table.
    const paths = engine.paths('uniprot', 'symbol');
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths)
      expect(
        path.steps.some((s) => s.table === 'dropped'),
        path.label,
      ).toBe(false);
  });

  it('NCBI gene_info: GeneIDs to the organism’s own symbols (a # header line)', async () => {
    const data = rows('ncbi_gene_info.tsv');
    const taxon = data[0][0];
    const picked = data.slice(0, 20);
    const { result, label } = await importAndMap('ncbi_gene_info.tsv', {
      text: picked.map((r) => r[1]).join('\n'),
      source: 'entrez',
      target: `symbol_taxon_${taxon}`,
    });
    expect(label).toBe('NCBI gene_info');
    expect(targetsOf(result)).toEqual(picked.map((r) => [r[2]]));
  });

  it('NCBI gene_info (human): dbXrefs routed, HGNC:HGNC:… read as HGNC:…', async () => {
    const data = rows('ncbi_gene_info_human.tsv');
    const hgnc = data.map((r) =>
      r[5]
        .split('|')
        .find((x) => x.startsWith('HGNC:'))!
        .slice(5),
    );
    const { result } = await importAndMap('ncbi_gene_info_human.tsv', {
      text: data.map((r) => r[1]).join('\n'),
      source: 'entrez',
      target: 'hgnc',
    });
    expect(targetsOf(result)).toEqual(hgnc.map((h) => [h]));
  });

  it('NCBI gene2ensembl (legacy #Format: header): GeneIDs to Ensembl genes', async () => {
    const genes = index(rows('ncbi_gene2ensembl.tsv').map((r) => [r[1], r[2]]));
    // The legacy header names the first data line too: it is data here.
    const all = index(rows('ncbi_gene2ensembl.tsv', true).map((r) => [r[1], r[2]]));
    expect(all.size).toBeGreaterThanOrEqual(genes.size);
    const ids = [...all.keys()];
    const { result, label } = await importAndMap('ncbi_gene2ensembl.tsv', {
      text: ids.join('\n'),
      source: 'entrez',
      target: 'ensembl_gene',
    });
    expect(label).toBe('NCBI gene2ensembl');
    expect(targetsOf(result)).toEqual(ids.map((id) => all.get(id)));
  });

  it('NCBI gene_history: discontinued GeneIDs withdrawn, with NCBI’s date', async () => {
    const data = rows('ncbi_gene_history.tsv').slice(0, 5);
    const { result } = await importAndMap('ncbi_gene_history.tsv', {
      text: data.map((r) => r[2]).join('\n'),
      source: 'entrez',
      target: 'symbol',
    });
    data.forEach((r, i) => {
      const iso = `${r[4].slice(0, 4)}-${r[4].slice(4, 6)}-${r[4].slice(6)}`;
      expect(keyInfoOf(result, i).reason).toBe(`withdrawn (on ${iso})`);
    });
  });

  it('HGNC complete set: symbols to HGNC ids, an alias through its tier', async () => {
    const [header, ...data] = text('hgnc_complete_set.txt')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    const col = (name: string) => header.indexOf(name);
    const unquote = (v: string) => v.replace(/^"|"$/g, '');
    const withAlias = data.find((r) => unquote(r[col('alias_symbol')]) !== '')!;
    const alias = unquote(withAlias[col('alias_symbol')]).split('|')[0];
    const { result, label } = await importAndMap('hgnc_complete_set.txt', {
      text: [data[0][col('symbol')], alias].join('\n'),
      source: 'symbol',
      target: 'hgnc',
    });
    expect(label).toBe('HGNC complete set');
    expect(targetsOf(result)).toEqual([[data[0][col('hgnc_id')]], [withAlias[col('hgnc_id')]]]);
    expect(rowsOf(result)[1].pairs[0].match).toContain('alias');
  });

  it('Ensembl BioMart export: transcripts to their genes', async () => {
    const data = rows('biomart.txt');
    const { result, label } = await importAndMap('biomart.txt', {
      text: data
        .slice(0, 10)
        .map((r) => r[1])
        .join('\n'),
      source: 'ensembl_transcript',
      target: 'ensembl_gene',
    });
    expect(label).toBe('Ensembl BioMart export');
    expect(targetsOf(result)).toEqual(data.slice(0, 10).map((r) => [r[0]]));
  });

  it('SSSOM: ChEBI ids to MeSH by exact matches only', async () => {
    const data = rows('sssom.tsv').filter(
      (r) => r[0].startsWith('chebi:') && r[3].startsWith('mesh:'),
    );
    const exact = data.filter((r) => r[2] === 'skos:exactMatch').slice(0, 10);
    const { result, label } = await importAndMap('sssom.tsv', {
      text: exact.map((r) => `CHEBI:${r[0].slice(6)}`).join('\n'),
      source: 'chebi',
      target: 'mesh',
    });
    expect(label).toBe('SSSOM');
    expect(targetsOf(result)).toEqual(exact.map((r) => [r[3].slice(5)]));
  });

  it('SSSOM: a prefix of the file’s own types is accepted with or without it, any case', async () => {
    const exact = rows('sssom.tsv').find(
      (r) => r[0].startsWith('chebi:') && r[3].startsWith('mesh:') && r[2] === 'skos:exactMatch',
    )!;
    const mesh = exact[3].slice('mesh:'.length);
    const chebi = `CHEBI:${exact[0].slice('chebi:'.length)}`;
    const { result } = await importAndMap('sssom.tsv', {
      text: [`mesh:${mesh}`, `MESH:${mesh}`, mesh].join('\n'),
      source: 'mesh',
      target: 'chebi',
    });
    expect(targetsOf(result)).toEqual([[chebi], [chebi], [chebi]]);
  });

  it('UniProt TSV download: accessions to entry names', async () => {
    const data = rows('uniprot_tsv.tsv').slice(0, 10);
    const { result, label } = await importAndMap('uniprot_tsv.tsv', {
      text: data.map((r) => r[0]).join('\n'),
      source: 'uniprot',
      target: 'uniprot_entry_name',
    });
    expect(label).toBe('UniProt TSV download');
    expect(targetsOf(result)).toEqual(data.map((r) => [r[1]]));
  });

  it('UniProt REST download: ;-lists read without their [isoform] notes', async () => {
    const [header, ...data] = text('uniprot_rest.tsv')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    const refseq = header.indexOf('RefSeq');
    // `NP_000537.3 [P04637-1];NP_001119584.1 [P04637-1];` → NP_000537.3, NP_001119584.1
    const expected = data.map((r) =>
      r[refseq]
        .split(';')
        .filter(Boolean)
        .map((item) => item.split(' [')[0]),
    );
    const { result } = await importAndMap('uniprot_rest.tsv', {
      text: data.map((r) => r[0]).join('\n'),
      source: 'uniprot',
      target: 'refseq',
    });
    expect(targetsOf(result)).toEqual(expected);
  });

  it('UniProt REST download: its Reviewed column says which targets are reviewed (#16)', async () => {
    const [header, ...data] = text('uniprot_rest.tsv')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    const said = new Map(data.map((r) => [r[0], r[header.indexOf('Reviewed')]]));
    const geneIds = data.map((r) => r[header.indexOf('GeneID')].replace(/;$/, ''));
    const { result } = await importAndMap('uniprot_rest.tsv', {
      text: geneIds.join('\n'),
      source: 'entrez',
      target: 'uniprot',
    });
    const { strings, index: targetOf } = result.pairs.target;
    let checked = 0;
    for (let p = 0; p < result.pairs.count; p++) {
      const t = targetOf[p];
      const accession = new TextDecoder().decode(
        strings.bytes.subarray(strings.offsets[t], strings.offsets[t + 1]),
      );
      if (!said.has(accession)) continue;
      // The file's `unreviewed` is only in the file: the bundled list names reviewed entries.
      expect(result.reviewed![t], accession).toBe(
        said.get(accession) === 'reviewed' ? REVIEWED : UNREVIEWED,
      );
      checked++;
    }
    expect(checked).toBe(data.length);
  });

  it('ChEBI database_accession: bare compound ids read as CHEBI:…, to CAS numbers', async () => {
    const cas = index(
      rows('chebi_database_accession.tsv')
        .filter((r) => r[3] === 'CAS Registry Number')
        .map((r) => [`CHEBI:${r[1]}`, r[4]]),
    );
    const { result, label } = await importAndMap('chebi_database_accession.tsv', {
      text: [...cas.keys()].join('\n'),
      source: 'chebi',
      target: 'cas',
    });
    expect(label).toBe('ChEBI database_accession');
    expect(targetsOf(result)).toEqual([...cas.values()]);
  });
});

describe('attributes of a recognised file with a hub', () => {
  it('reach a pair whatever column its target is, through the row’s key', async () => {
    const data = rows('ncbi_gene_info_human.tsv');
    // gene_info columns: tax_id GeneID Symbol LocusTag Synonyms dbXrefs chromosome map_location description …
    const { engine } = await importAndMap('ncbi_gene_info_human.tsv', {
      text: '1',
      source: 'entrez',
      target: 'hgnc',
    });
    const description = new Map(
      data.map((r) => [
        r[5]
          .split('|')
          .find((x) => x.startsWith('HGNC:'))!
          .slice(5),
        r[8],
      ]),
    );
    const result = await engine.map({
      text: data.map((r) => r[1]).join('\n'),
      source: 'entrez',
      target: 'hgnc',
      attributes: [{ table: 'dropped', column: 'description' }],
    });
    const decoder = new TextDecoder();
    const values = result.attributes.values[0];
    const pairs = rowsOf(result).flatMap((r) => r.pairs.map((p) => p.target));
    expect(pairs).toHaveLength(data.length);
    pairs.forEach((hgnc, p) => {
      const t = result.pairs.target.index[p];
      const text = decoder.decode(values.bytes.subarray(values.offsets[t], values.offsets[t + 1]));
      expect(text, hgnc).toBe(description.get(hgnc));
    });
  });
});
