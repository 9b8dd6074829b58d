/**
 * How much of an uploaded .xlsx the reader is willing to look at, and how it says no. Every number is
 * checked before the data it guards is read: the zip's central directory is checked before anything is
 * inflated, and a sheet's cells are placed into a grid of at most `maxRows` × `maxColumns` whatever the
 * sheet declares about itself.
 *
 * Measured on the largest real template, the women all-indicator one (`indicators template --plan women`,
 * 156 rows × 15 columns, 33 KB on disk): 16 zip entries (10 files, 6 folders); the worksheet XML is 316 KB
 * (14:1 compressed), the shared strings 16 KB, styles 6 KB; the children all-indicator one 342 KB (14:1).
 * A sheet costs ~2 KB of XML per row (values, styles, the status formula, data validation), so a sheet of
 * `maxRows` rows re-saved by Excel or WPS stays well under `maxEntryBytes`.
 */
export interface XlsxLimits {
  /** Entries (files and folders) in the zip. */
  readonly maxEntries: number;
  /** Declared uncompressed bytes of any one entry, read or not (a 1.5 GB picture is refused unopened). */
  readonly maxEntryBytes: number;
  /** Declared uncompressed bytes of all entries together; also caps the bytes actually inflated. */
  readonly maxTotalBytes: number;
  /** Uncompressed ÷ compressed size, for entries larger than `ratioAboveBytes`. */
  readonly maxRatio: number;
  /** Entries at most this large are not held to `maxRatio` (a small run of empty cells compresses 100:1). */
  readonly ratioAboveBytes: number;
  /** Rows a cell with a value may sit in (1 … maxRows). */
  readonly maxRows: number;
  /** Columns a cell with a value may sit in (A … the maxColumns-th). */
  readonly maxColumns: number;
  /** Worksheets (`<sheet>` elements) of the workbook: each is a part to open, however small. */
  readonly maxSheets: number;
  /** Entries of the shared-string table. */
  readonly maxSharedStrings: number;
  /** Merged ranges of one sheet. */
  readonly maxMergeRanges: number;
  /** Cell formats (`cellXfs`) and number formats (`numFmts`) in styles.xml. */
  readonly maxCellFormats: number;
}

const MIB = 1024 * 1024;

/**
 * The limits the server and `indicators check` use. Each leaves a wide margin over real templates and
 * still bounds the worst case: a grid holds at most 300,000 cells, and at most 64 MiB of XML is ever
 * parsed. The slowest XML that passes every limit, a 15.6 MB sheet of 780,000 styled empty cells (1.5 MB
 * zipped, 10:1), reads in 0.9–1.5 s on a 2-core machine, so a whole read stays under ~6 s; a real template
 * takes 10–30 ms (a sheet stops being read after its merged ranges, one without a marker row after 60 rows).
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  // a template has 16 entries; Excel adds a few (theme, printer settings, calcChain), a picture two or three
  maxEntries: 500,
  // 50 × the 316 KB sheet; Excel's own files for a 3,000-row template are ~6 MB
  maxEntryBytes: 16 * MIB,
  // four such sheets; the upload itself is at most 10 MiB compressed
  maxTotalBytes: 64 * MIB,
  // real parts compress 2:1 to 15:1 (sheets 14:1); deflate's ceiling is ~1,030:1, which zip bombs use
  maxRatio: 200,
  ratioAboveBytes: 1 * MIB,
  // the all-indicator templates have 156 and 184 rows; 3,000 leaves room for inserted rows and notes
  maxRows: 3000,
  // a template has 15 columns (14 and the metadata cell); 100 leaves room for inserted columns
  maxColumns: 100,
  // a template workbook has 1–3 sheets (one per plan, and a copy)
  maxSheets: 100,
  // the women all-indicator template has 394 distinct strings
  maxSharedStrings: 200_000,
  // the women all-indicator template has 15 merged ranges (title, subtitle, instructions, footer)
  maxMergeRanges: 10_000,
  // a template has 15; Excel itself refuses more than 65,490 distinct cell formats
  maxCellFormats: 65_490,
};

/**
 * Why a workbook was not read: a code, the HTTP status the server answers with (413 too large, 422
 * unreadable or outside the limits, 403 another organisation's template), and a message in Chinese and
 * English that names the limit (with its numbers) and says what to do.
 */
export interface XlsxRefusal {
  readonly code: string;
  readonly status: 403 | 413 | 422;
  readonly zh: string;
  readonly en: string;
  readonly sheet?: string;
  /** A1 address of the cell the refusal is about. */
  readonly cell?: string;
  /** The organisation a template was cut for (`xlsx.otherOrganisation`). */
  readonly organisationId?: string;
}
