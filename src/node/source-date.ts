// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/): when a build
// sets it, the ready decks carry that date instead of the time they were rendered, so the same
// sources give byte-for-byte the same decks, and a deploy that uploads changed files only does
// not upload every deck again. Unset, a deck says when it was made, as before.

/** The date in SOURCE_DATE_EPOCH (whole seconds since 1970) as W3CDTF, or undefined when unset. */
export function sourceDate(epoch: string | undefined): string | undefined {
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch))
    throw new Error(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970 (like 1764374400), not "${epoch}"`,
    );
  return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const CORE_DATES = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;

/** An OPC package's docProps/core.xml with its created and modified dates set to `date`. */
export const stampCoreDates = (xml: string, date: string): string =>
  xml.replace(CORE_DATES, `$1${date}$3`);
