/**
 * Edge lists between two columns of a packed table, as CSR arrays: built from its records, or
 * composed through its hub column (the field's files, table-layout.ts).
 */
/** What building an edge list reads of a column (packed-table.ts's EdgeColumn). */
interface EdgeColumn {
  dict: { readonly size: number };
  ids: Int32Array;
  composite?: Uint8Array;
}

/** Edges from one column's ids to another's: targets of id k are `target[start[k] .. start[k+1])`. */
export interface Csr {
  start: Int32Array;
  target: Int32Array;
  /** RECORD_* flags every record giving this edge has (a plain record among them clears them). */
  composite: Uint8Array;
}

/** Edges from `from`'s ids to `to`'s over the records, duplicate pairs collapsed in file order. */
export function buildCsr(from: EdgeColumn, to: EdgeColumn, records: number): Csr {
  const nKeys = from.dict.size;
  const start = new Int32Array(nKeys + 1);
  for (let r = 0; r < records; r++) {
    if (from.ids[r] >= 0 && to.ids[r] >= 0) start[from.ids[r] + 1]++;
  }
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const fill = start.slice(0, nKeys);
  const target = new Int32Array(start[nKeys]);
  const composite = new Uint8Array(start[nKeys]);
  for (let r = 0; r < records; r++) {
    const a = from.ids[r];
    const b = to.ids[r];
    if (a < 0 || b < 0) continue;
    const at = fill[a]++;
    target[at] = b;
    composite[at] = (from.composite?.[r] ?? 0) | (to.composite?.[r] ?? 0);
  }
  // Collapse duplicate pairs in place, keeping file order; a pair is composite only if every
  // record giving it was.
  const seenAt = new Int32Array(to.dict.size).fill(-1);
  let write = 0;
  for (let k = 0; k < nKeys; k++) {
    const begin = start[k];
    const end = start[k + 1];
    start[k] = write;
    for (let i = begin; i < end; i++) {
      const b = target[i];
      if (seenAt[b] >= start[k]) {
        composite[seenAt[b]] &= composite[i];
        continue;
      }
      seenAt[b] = write;
      target[write] = b;
      composite[write++] = composite[i];
    }
  }
  start[nKeys] = write;
  return { start, target: target.slice(0, write), composite: composite.slice(0, write) };
}

/**
 * `a` then `b` (from → hub → to) as one edge list, duplicates removed in first-seen order: the
 * values of the rows each key shares a hub id with. A pair is composite when either step is.
 */
export function composeCsr(a: Csr, b: Csr, to: EdgeColumn): Csr {
  const nKeys = a.start.length - 1;
  const start = new Int32Array(nKeys + 1);
  const target: number[] = [];
  const composite: number[] = [];
  const seenAt = new Int32Array(to.dict.size).fill(-1);
  for (let k = 0; k < nKeys; k++) {
    start[k] = target.length;
    for (let i = a.start[k]; i < a.start[k + 1]; i++) {
      const h = a.target[i];
      for (let j = b.start[h]; j < b.start[h + 1]; j++) {
        const v = b.target[j];
        const flag = a.composite[i] | b.composite[j];
        if (seenAt[v] >= start[k]) {
          composite[seenAt[v]] &= flag;
          continue;
        }
        seenAt[v] = target.length;
        target.push(v);
        composite.push(flag);
      }
    }
  }
  start[nKeys] = target.length;
  return { start, target: Int32Array.from(target), composite: Uint8Array.from(composite) };
}
