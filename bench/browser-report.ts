/**
 * What bench/browser.ts measures per scenario, and how it prints it: the tables' loads, then each
 * scenario's runs beside the #15 targets.
 */
import type { CatalogFile } from '../workers/engine/tables/catalog';
import { ms, printTable, type Mapping } from './browser-app';

export interface Scenario extends Mapping {
  label: string;
  table: string;
  rows: number;
  /** Shipped packed (never parsed nor stored) rather than a CSV parsed and stored in IndexedDB. */
  shipped: boolean;
  /** Served instead of data/catalog.json, when the scenario needs a catalog of its own. */
  catalog?: CatalogFile;
}

export interface Figures {
  cold: number;
  /** The cold load's own steps (read, decompress, parse, index); the rest is the store lookup. */
  coldSteps: number;
  write: number;
  warm: number;
  memory: number;
  firstTotal: number;
  secondTotal: number;
  reloadTotal: number;
  warmedTotal: number;
  firstScreen: number;
  secondScreen: number;
  reloadScreen: number;
  warmedScreen: number;
  /** A fresh profile's first run at a person's pace (the chosen pair warmed before the click). */
  userTotal: number;
  userScreen: number;
}

export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function printTables(results: [Scenario, Figures][]): void {
  const head = [
    'table',
    'rows',
    'form',
    'first load',
    '(its steps)',
    'IDB write',
    'after a reload',
    'memory hit',
  ];
  const lines = results.map(([s, f]) => [
    s.label,
    s.rows.toLocaleString('en-US'),
    s.shipped ? 'shipped packed' : 'CSV, parsed',
    ms(f.cold),
    ms(f.coldSteps),
    s.shipped ? '(none)' : ms(f.write),
    `${ms(f.warm)} ${s.shipped ? '(file)' : '(IDB)'}`,
    ms(f.memory),
  ]);
  printTable(head, lines);
}

/** One scenario's four runs beside their targets (#15), in worker time and on screen. */
export function printRuns(
  title: string,
  f: Figures,
  targets: { first: string; firstOk: boolean },
): void {
  console.log(`\n${title}`);
  console.log(
    'run                                         worker total   click → on screen   target',
  );
  const line = (label: string, worker: number, screen: number, target: string) =>
    console.log(
      `${label.padEnd(44)}${ms(worker).padStart(12)}   ${ms(screen).padStart(17)}   ${target}`,
    );
  line(
    'first run, fresh profile, cold',
    f.firstTotal,
    f.firstScreen,
    `${targets.first}: ${verdict(targets.firstOk)}`,
  );
  line(
    "first run, fresh profile, a person's pace",
    f.userTotal,
    f.userScreen,
    'the chosen pair warmed before the click',
  );
  line(
    'second run (tables in memory)',
    f.secondTotal,
    f.secondScreen,
    `≤ 5 ms: ${verdict(f.secondTotal <= 5)}`,
  );
  line(
    'after a reload, cold',
    f.reloadTotal,
    f.reloadScreen,
    `≤ 10 ms: ${verdict(f.reloadTotal <= 10)}`,
  );
  line(
    'after a reload + idle warm-up',
    f.warmedTotal,
    f.warmedScreen,
    `within 1 ms of the second run: ${verdict(f.warmedTotal <= f.secondTotal + 1)}`,
  );
}
