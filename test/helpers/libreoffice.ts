import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** `soffice`, or a failure saying how to get it: a test using it must not pass silently where it cannot run. */
export function soffice(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui (CI installs it)');
  }
}

/** The words of a PDF with their boxes (`pdftotext -bbox`, poppler-utils), or a failure saying how to get it. */
export function pdfWordsHtml(pdf: string): string {
  try {
    execFileSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' });
  } catch {
    throw new Error('pdftotext is not installed: apt-get install -y poppler-utils (CI installs it)');
  }
  return execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
}

/**
 * Every sheet of a workbook as LibreOffice computes and shows it: one UTF-8 CSV per sheet, cell contents as
 * shown (filter token 9), all sheets (token 12 = -1), named `<file>-<sheet>.csv` in `outDir`.
 */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** Converts `input` with headless LibreOffice (its own profile under `workDir`) into `outDir`. */
export function convertWithLibreOffice(input: string, filter: string, outDir: string, workDir: string, timeout = 180_000): void {
  execFileSync(soffice(), [`-env:UserInstallation=file://${join(workDir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', outDir, input], { stdio: 'pipe', timeout });
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
