/**
 * Reading and writing the management page's spreadsheets with exceljs.
 *
 * exceljs is required on first use, not at start: the management function ships it bundled on its own in
 * its node_modules (config/build-functions.mjs), so a cold start of the dashboard does not read its
 * megabyte, and the other functions never carry it.
 *
 * Reading is bounded: an .xlsx is streamed row by row and reading stops at the first row past the
 * limit; a CSV is counted before it is parsed. A file that is not what its name says is refused
 * with one clear error, never parsed "forever".
 */
import { Readable } from 'node:stream';
import { DomainError } from '../../../src/core';

type ExcelJS = typeof import('exceljs');
let loaded: Promise<ExcelJS> | null = null;
export function excel(): Promise<ExcelJS> {
  // require, not import(): the bundles are CommonJS, and a dynamic import() of an external module is
  // left as a real ESM import that some hosts (jest's VM) refuse.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= Promise.resolve().then(() => require('exceljs') as ExcelJS);
  return loaded;
}

export const MAX_IMPORT_ROWS = 20_000;

export interface Table {
  /** The first row, trimmed. */
  header: string[];
  /** The rows below it with their 1-based row number in the file; rows with every cell empty are left out. */
  rows: { row: number; cells: string[] }[];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('').trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    if (o.error) return '';
  }
  return String(v).trim();
}

/** The input a refusal points at: the file as the request named it. */
type FileField = 'base64' | 'file';
const tooMany = (n: number | string, field: FileField) =>
  new DomainError('IMPORT.TOO_MANY_ROWS', `文件有 ${typeof n === 'number' ? n.toLocaleString('en-US') : n} 行数据，一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行，请分成几个文件`, field);
const badFile = (what: string, field: FileField) => new DomainError('IMPORT.BAD_FILE', what, field);

function tableOf(raw: { row: number; cells: string[] }[]): Table {
  const [first, ...rest] = raw;
  if (!first || first.row !== 1) return { header: [], rows: raw.filter((r) => r.row > 1) };
  return { header: first.cells.map((c) => c.trim()), rows: rest.filter((r) => r.cells.some((c) => c !== '')) };
}

async function readXlsx(buf: Buffer, field: FileField): Promise<Table> {
  // An .xlsx is a zip archive: anything else (a renamed .xls, a PDF, text) is refused before parsing.
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw badFile('这个 .xlsx 文件不是 Excel 表格（可能只是改了扩展名），请在 Excel 中“另存为 .xlsx”后再导入', field);
  const { stream } = await excel();
  const out: { row: number; cells: string[] }[] = [];
  let dataRows = 0;
  try {
    const reader = new stream.xlsx.WorkbookReader(Readable.from(buf), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        const cells = (row.values as unknown[]).slice(1).map(cellText);
        if (row.number === 1) out.push({ row: 1, cells });
        else if (cells.some((c) => c !== '')) {
          if (++dataRows > MAX_IMPORT_ROWS) throw tooMany(`超过 ${MAX_IMPORT_ROWS.toLocaleString('en-US')}`, field);
          out.push({ row: row.number, cells });
        }
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw badFile('这个 .xlsx 文件已损坏或不是 Excel 表格，请在 Excel 中重新保存后再导入', field);
  }
  if (out.length === 0) throw badFile('表格是空的：第一个工作表没有任何内容', field);
  return tableOf(out);
}

function decodeText(buf: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Excel on a Chinese Windows saves "CSV" in GBK unless told "CSV UTF-8".
    text = new TextDecoder('gb18030').decode(buf);
  }
  return text.replace(/^\uFEFF/, '');
}

async function readCsv(buf: Buffer, field: FileField): Promise<Table> {
  if (buf.includes(0)) throw badFile('这个 .csv 文件不是文本表格，请在 Excel 中“另存为 CSV UTF-8”后再导入', field);
  const text = decodeText(buf);
  // Cheap bound before parsing: a file with this many line breaks has too many rows whatever its quoting.
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_IMPORT_ROWS * 3) throw tooMany(lines, field);
  const { Workbook } = await excel();
  const wb = new Workbook();
  let sheet;
  try {
    // map: keep every value as the text it was (no number or date guessing: phones stay phones).
    sheet = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v } as never);
  } catch {
    throw badFile('这个 .csv 文件无法读取，请在 Excel 中“另存为 CSV UTF-8”后再导入', field);
  }
  const out: { row: number; cells: string[] }[] = [];
  let dataRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = (row.values as unknown[]).slice(1).map(cellText);
    if (row.number !== 1 && cells.some((c) => c !== '')) dataRows++;
    out.push({ row: row.number, cells });
  });
  if (dataRows > MAX_IMPORT_ROWS) throw tooMany(dataRows, field);
  if (out.length === 0) throw badFile('文件是空的', field);
  return tableOf(out);
}

/** A table sent in the request as base64 (a holiday file). */
export async function readTable(fileName: string, base64: string): Promise<Table> {
  return readTableOf(fileName, Buffer.from(base64, 'base64'), 'base64');
}

/** A table from its bytes (an uploaded import file); refusals point at `field`. */
export async function readTableOf(fileName: string, buf: Buffer, field: FileField): Promise<Table> {
  if (buf.length === 0) throw badFile('文件是空的', field);
  return /\.xlsx$/i.test(fileName) ? readXlsx(buf, field) : readCsv(buf, field);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function workbookBase64(wb: import('exceljs').Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
