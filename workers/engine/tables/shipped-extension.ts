/**
 * The file extension of a bundled table shipped packed (shipped-table.ts). Its own module, with
 * no imports, so that the Vite config (scripts/vite-packed-tables.ts) can read it without loading
 * the engine.
 */
export const SHIPPED_EXTENSION = '.packed';
