import { describe, expect, it } from 'vitest';
import { columnsByName, formatText, proposalFor, recognise, tsvRows } from './recognised';

/** The prefixes a column's CURIEs use, read here from the rows. */
function prefixesIn(rows: string[][], column: number): Set<string> {
  return new Set(rows.map((row) => row[column].split(':')[0]));
}

const YAML = ['#curie_map:', '#  CHEBI: http://purl.obolibrary.org/obo/CHEBI_'];
const HEADER =
  'subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification';

describe('SSSOM', () => {
  const text = formatText('sssom.tsv');
  const [header, ...rows] = tsvRows(text);

  it('is recognised from its header after the YAML block; exact matches form the table', () => {
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('sssom');
    expect(proposal.label).toBe('SSSOM');
    expect(proposal.spec.delimiter).toBe('\t');
    expect(proposal.spec.matchBy).toEqual({ column: 'predicate_id', primary: ['skos:exactMatch'] });
    expect(proposal.spec.columns.map((c) => c.name)).toEqual(header);
    expect(proposal.notes).toBeUndefined();
  });

  it('routes subject and object CURIEs by the prefixes the head uses; the rest attributes', () => {
    // What the biomappings excerpt holds: chebi→mesh, mesh→hgnc, mesh→uniprot.
    const subjects = prefixesIn(rows, header.indexOf('subject_id'));
    const objects = prefixesIn(rows, header.indexOf('object_id'));
    expect(subjects).toEqual(new Set(['chebi', 'mesh']));
    expect(objects).toEqual(new Set(['mesh', 'hgnc', 'uniprot']));
    const typeOf: Record<string, string> = {
      chebi: 'chebi',
      mesh: 'mesh',
      hgnc: 'hgnc',
      uniprot: 'uniprot',
    };
    const columns = columnsByName(proposalFor(text));
    const routes = (prefixes: Set<string>) =>
      Object.fromEntries([...prefixes].map((prefix) => [prefix, typeOf[prefix]]));
    expect(columns.get('subject_id')).toEqual({ prefixes: routes(subjects) });
    expect(columns.get('object_id')).toEqual({ prefixes: routes(objects) });
    for (const name of header.filter((n) => n !== 'subject_id' && n !== 'object_id')) {
      expect(columns.get(name), name).toEqual({});
    }
  });

  it('resolves prefixes through the Bioregistry’s synonyms, the curie_map, or a slug', () => {
    const text = [
      ...YAML,
      '#  gene: https://identifiers.org/ncbigene:',
      '#mapping_set_id: https://example.org/set.sssom.tsv',
      HEADER,
      'CHEBI:15377\twater\tskos:exactMatch\tpubchem.compound:962\twater\tsemapv:ManualMappingCuration',
      'HGNC:11998\tTP53\tskos:exactMatch\tncbigene:7157\tTP53\tsemapv:ManualMappingCuration',
      'hgnc:1100\tBRCA1\tskos:closeMatch\tgene:672\tBRCA1\tsemapv:ManualMappingCuration',
      'uniprot:P04637\tP53\tskos:exactMatch\tFOO.bar:X1\tx\tsemapv:ManualMappingCuration',
    ].join('\n');
    const columns = columnsByName(proposalFor(text));
    expect(columns.get('subject_id')!.prefixes).toEqual({
      CHEBI: 'chebi',
      HGNC: 'hgnc',
      hgnc: 'hgnc',
      uniprot: 'uniprot',
    });
    expect(columns.get('object_id')!.prefixes).toEqual({
      'pubchem.compound': 'pubchem_cid',
      ncbigene: 'entrez',
      gene: 'entrez',
      'FOO.bar': 'foo_bar',
    });
  });

  it('reads a file without a curie_map, and says so', () => {
    const text = [HEADER, 'ncbigene:7157\tTP53\tskos:exactMatch\tmesh:D016159\tp53\tx'].join('\n');
    const proposal = proposalFor(text);
    expect(proposal.id).toBe('sssom');
    expect(proposal.notes!.join(' ')).toContain('curie_map');
  });

  it('needs subject_id, predicate_id and object_id', () => {
    expect(recognise('subject_id\tobject_id\nchebi:1\tmesh:D1\n')).toBeUndefined();
  });
});
