import { describe, expect, it } from 'vitest';
import {
  KNOWN_TYPES,
  columnsByName,
  countsOf,
  formatText,
  proposalFor,
  recognise,
  slugOf,
  tsvRows,
} from './recognised';

// Expected types are the rules for UniProt's ID_type names and columns; counts and
// organisms are read from the fixture rows here, not taken from the recogniser.
const ID_TYPE_RULES: Record<string, string> = {
  GeneID: 'entrez',
  Ensembl: 'ensembl_gene',
  Ensembl_TRS: 'ensembl_transcript',
  Ensembl_PRO: 'ensembl_protein',
  RefSeq: 'refseq',
  RefSeq_NT: 'refseq',
  HGNC: 'hgnc',
  MIM: 'omim',
  'UniProtKB-ID': 'uniprot_entry_name',
  GO: 'go',
  ChEMBL: 'chembl',
  PDB: 'pdb',
  MGI: 'mgi',
  RGD: 'rgd',
};

describe('UniProt idmapping.dat', () => {
  const text = formatText('uniprot_idmapping.dat');
  const rows = tsvRows(text);

  it('is recognised from its rows, with no header, as a long-form file keyed by accession', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('uniprot-idmapping');
    expect(proposal.label).toBe('UniProt idmapping.dat');
    expect(proposal.spec.format).toBe('uniprot-idmapping');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.header).toEqual(['UniProtKB-AC', 'ID_type', 'ID']);
    expect(proposal.spec.columns).toEqual([]);
    expect(proposal.spec.long).toMatchObject({
      key: 'UniProtKB-AC',
      keyType: 'uniprot',
      typeColumn: 'ID_type',
      value: 'ID',
    });
  });

  it('reads the organism from the NCBI_TaxID rows and types Gene_Name as its symbols', () => {
    const taxa = new Set(rows.filter((r) => r[1] === 'NCBI_TaxID').map((r) => r[2]));
    expect(taxa).toEqual(new Set(['7227'])); // the fixture is fly
    const proposal = proposalFor(text);
    expect(proposal.organism).toBe('taxon:7227');
    expect(proposal.spec.long!.types.Gene_Name).toBe('symbol_taxon_7227');
    expect(proposal.notes).toBeUndefined();
  });

  it('lists every ID type of the head but NCBI_TaxID, with its rows, type and whether it is known', () => {
    const counts = countsOf(rows.filter((r) => r[1] !== 'NCBI_TaxID').map((r) => r[1]));
    const typeOf = (name: string) =>
      name === 'Gene_Name' ? 'symbol_taxon_7227' : (ID_TYPE_RULES[name] ?? slugOf(name));
    const expected = [...counts].map(([name, n]) => ({
      name,
      rows: n,
      type: typeOf(name),
      known: KNOWN_TYPES.has(typeOf(name)),
    }));
    const proposal = proposalFor(text);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...proposal.idTypes!].sort(byName)).toEqual(expected.sort(byName));
    expect(proposal.spec.long!.types).toEqual(
      Object.fromEntries(expected.map((t) => [t.name, t.type])),
    );
    expect(proposal.spec.long!.types).not.toHaveProperty('NCBI_TaxID');
    // The fixture's own names, spelled out: a few of the types the rules give.
    expect(proposal.spec.long!.types).toMatchObject({
      'UniProtKB-ID': 'uniprot_entry_name',
      GeneID: 'entrez',
      RefSeq: 'refseq',
      RefSeq_NT: 'refseq',
      UniRef100: 'uniref100',
      'EMBL-CDS': 'embl_cds',
    });
  });

  it('without an NCBI_TaxID row types Gene_Name as symbol, and says so', () => {
    const withoutTaxon = text
      .split('\n')
      .filter((line) => !line.includes('\tNCBI_TaxID\t'))
      .join('\n');
    const proposal = proposalFor(withoutTaxon);
    expect(proposal.organism).toBeUndefined();
    expect(proposal.spec.long!.types.Gene_Name).toBe('symbol');
    expect(proposal.notes!.join(' ')).toContain('NCBI_TaxID');
  });

  it('says when the ID types come from the start of a longer file', () => {
    const proposal = proposalFor(text);
    expect(proposal.notes).toBeUndefined();
    const partial = proposalFor(text, text.length * 10);
    expect(partial.notes!.join(' ')).toContain(`first ${rows.length} rows`);
  });

  it('is not a 3-column table with a header of its own', () => {
    const table = ['accession\tdatabase\tid', ...text.split('\n').slice(0, 5)].join('\n');
    expect(recognise(table)).toBeUndefined();
  });
});

describe('UniProt idmapping_selected.tab', () => {
  const text = formatText('uniprot_idmapping_selected.tab');
  // UniProt's README names the 22 columns so.
  const names = [
    'UniProtKB-AC',
    'UniProtKB-ID',
    'GeneID (EntrezGene)',
    'RefSeq',
    'GI',
    'PDB',
    'GO',
    'UniRef100',
    'UniRef90',
    'UniRef50',
    'UniParc',
    'PIR',
    'NCBI-taxon',
    'MIM',
    'UniGene',
    'PubMed',
    'EMBL',
    'EMBL-CDS',
    'Ensembl',
    'Ensembl_TRS',
    'Ensembl_PRO',
    'Additional PubMed',
  ];

  it('is recognised from its 22 headerless columns, keyed by accession', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('uniprot-selected');
    expect(proposal.label).toBe('UniProt idmapping_selected.tab');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.header).toEqual(names);
    expect(proposal.spec.hub).toBe('UniProtKB-AC');
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(names);
  });

  it('types the mapping columns, `;` lists where a cell may hold several, the rest attributes', () => {
    const columns = columnsByName(proposalFor(text));
    const typed: Record<string, object> = {
      'UniProtKB-AC': { type: 'uniprot' },
      'UniProtKB-ID': { type: 'uniprot_entry_name' },
      'GeneID (EntrezGene)': { type: 'entrez', separator: ';' },
      RefSeq: { type: 'refseq', separator: ';' },
      PDB: { type: 'pdb', separator: ';' },
      GO: { type: 'go', separator: ';' },
      MIM: { type: 'omim', separator: ';' },
      Ensembl: { type: 'ensembl_gene', separator: ';' },
      Ensembl_TRS: { type: 'ensembl_transcript', separator: ';' },
      Ensembl_PRO: { type: 'ensembl_protein', separator: ';' },
    };
    for (const name of names) expect(columns.get(name), name).toEqual(typed[name] ?? {});
  });

  it('reads the organism from the NCBI-taxon column', () => {
    const taxa = new Set(tsvRows(text).map((row) => row[12]));
    expect(taxa).toEqual(new Set(['9606']));
    expect(proposalFor(text).organism).toBe('human');
  });
});

describe('UniProt TSV download', () => {
  it('legacy header: Entry, Entry name, Status, Gene names (the first name the primary)', () => {
    const text = formatText('uniprot_tsv.tsv');
    const [header, ...rows] = tsvRows(text);
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('uniprot-tsv');
    expect(proposal.label).toBe('UniProt TSV download');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.hub).toBe('Entry');
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    const columns = columnsByName(proposal);
    expect(columns.get('Entry')).toEqual({ type: 'uniprot' });
    expect(columns.get('Entry name')).toEqual({ type: 'uniprot_entry_name' });
    expect(columns.get('Gene names')).toEqual({ type: 'symbol', separator: ' ' });
    for (const name of ['Status', 'Protein names', 'Organism', 'Length']) {
      expect(columns.get(name), name).toEqual({});
    }
    expect(proposal.notes!.join(' ')).toContain('primary');
    const organisms = new Set(rows.map((row) => row[header.indexOf('Organism')]));
    expect(organisms).toEqual(new Set(['Homo sapiens (Human)']));
    expect(proposal.organism).toBe('human');
  });

  it('current REST header: Reviewed, Gene Names (primary) and ;-terminated cross-references', () => {
    const text = formatText('uniprot_rest.tsv');
    const [header] = tsvRows(text);
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('uniprot-tsv');
    expect(proposal.spec.hub).toBe('Entry');
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    const columns = columnsByName(proposal);
    expect(columns.get('Entry')).toEqual({ type: 'uniprot' });
    expect(columns.get('Entry Name')).toEqual({ type: 'uniprot_entry_name' });
    expect(columns.get('Gene Names (primary)')).toMatchObject({ type: 'symbol' });
    expect(columns.get('Gene Names')).toEqual({ type: 'symbol', tier: 'alias', separator: ' ' });
    expect(columns.get('GeneID')).toEqual({ type: 'entrez', separator: ';' });
    expect(columns.get('RefSeq')).toEqual({ type: 'refseq', separator: ';' });
    expect(columns.get('HGNC')).toEqual({ type: 'hgnc', separator: ';' });
    // The fixture's Ensembl cells hold transcripts (ENST…).
    expect(columns.get('Ensembl')).toEqual({ type: 'ensembl_transcript', separator: ';' });
    for (const name of ['Reviewed', 'Protein names', 'Organism', 'Organism (ID)', 'Length']) {
      expect(columns.get(name), name).toEqual({});
    }
    expect(proposal.organism).toBe('human');
    expect(proposal.notes!.join(' ')).toContain('[P04637-1]');
  });

  it('takes the organism from Organism (ID), or from the species UniProt names', () => {
    const head = 'Entry\tEntry Name\tGene Names (primary)\tGene Names\tOrganism';
    const mouse = proposalFor(
      `${head}\nP02340\tP53_MOUSE\tTrp53\tTrp53 Tp53\tMus musculus (Mouse)\n`,
    );
    expect(mouse.organism).toBe('mouse');
    expect(columnsByName(mouse).get('Gene Names (primary)')).toMatchObject({
      type: 'mouse_symbol',
    });
    const rat = proposalFor(`${head}\nP10361\tP53_RAT\tTp53\tTp53\tRattus norvegicus (Rat)\n`);
    expect(rat.organism).toBe('rat');
    const fly = proposalFor(
      'Entry\tEntry Name\tGene Names\tOrganism (ID)\nP32234\t128UP_DROME\t128up GTP-bp\t7227\n',
    );
    expect(fly.organism).toBe('taxon:7227');
    expect(columnsByName(fly).get('Gene Names')).toMatchObject({ type: 'symbol_taxon_7227' });
    const worm = proposalFor(
      `${head}\nG5ECB2\tGABR2_CAEEL\tgbb-2\tgbb-2 ZK180.1\tCaenorhabditis elegans\n`,
    );
    expect(worm.organism).toBeUndefined();
  });

  it('is not a table whose Entry column holds no UniProt accessions', () => {
    expect(recognise('Entry\tEntry name\tvalue\n1\tfirst\t10\n2\tsecond\t20\n')).toBeUndefined();
  });
});
