/** `crosswalk --help`. */
export const HELP = `crosswalk — map biological identifiers offline, with the app's engine and data

  crosswalk map --to TYPE [--from TYPE] [FILE…]   map ids (files, .gz, or standard input)
      --to TYPE[,TYPE…]      target type(s); several give one pair set per type
      --from TYPE            source type (default auto: each id's type read from its shape)
      --out FILE, -o FILE    write there instead of standard output
      --format tsv|csv|json  (default tsv: byte for byte the app's TSV export)
      --layout long|wide     one row per pair, or one per input (default long)
      --policy keep|first|drop|prefer-reviewed   one-to-many policy (default keep)
      --split auto|lines|words                  how the text splits into ids (default auto)
      --max-hops N  --round-trip  --path N      (N as crosswalk paths ranks them)
      --column TABLE:COLUMN  extra output column (repeatable)
      --table FILE [--types col=type,…] [--name NAME]   a table of yours for this run
      --enable TABLE  --disable TABLE           switch tables on or off for this run
      --manifest FILE [--include-ids]   write the run's manifest (the app's format)
      --from-manifest FILE   make a manifest's run again (its ids, or FILE… given)
      --index-offset N       number rows from N+1 (a shard of a longer list)
  crosswalk types                     the id types
  crosswalk tables                    the tables, with source, release, licence and sha256
  crosswalk paths --from X --to Y     the ranked paths between two types
  crosswalk import FILE [--types col=type,…] [--name NAME]   keep a table, parsed, in the cache
  crosswalk cache --list | --clear | --remove NAME
  crosswalk merge [--out FILE] SHARD…  shards' TSV/CSV outputs back into one, in input order

  Everywhere: --data DIR (other data than the bundled), --cache DIR (default
  $CROSSWALK_CACHE or ~/.cache/crosswalk), --no-cache, --quiet; listings take --format tsv|json.
  Exit codes: 0 done (unmapped ids included), 1 unexpected failure, 2 bad flag or verb,
  3 unknown type or table, or no path, 4 a file or the input cannot be read or used,
  141 the output closed by its reader (… | head).
`;
