// CSV as exports write it: RFC 4180 quoting by csv-stringify, a byte-order mark so that
// spreadsheet programs read UTF-8, and formulas defused (a text starting with `=` stays text).
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';

export function csvRows(rows: CsvCell[][]): string {
  return stringify(rows, { escape_formulas: true, record_delimiter: 'windows' });
}

/** A file name safe in a Content-Disposition header: `parley-blue-lion-84c2.csv`. */
export function exportFileName(stem: string, extension: 'csv' | 'json'): string {
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `parley-${slug || 'export'}.${extension}`;
}
