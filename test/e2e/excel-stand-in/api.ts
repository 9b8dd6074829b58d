/**
 * The contract between the e2e test (Node, Playwright) and the in-page Excel stand-in (browser bundle).
 * Types only: both sides import it, neither ships it.
 */
import type { FakeWorkbook } from '../../helpers/fake-excel/fake-workbook';

/** What the stand-in pretends to be; set before the pane loads (`window.__excelStandInOptions`). */
export interface StandInOptions {
  /** `Office.onReady()`'s host: 'Excel' (default), or e.g. 'Word' to see the pane refuse another host. */
  readonly host?: string | null;
  /** `Office.onReady()`'s platform (default 'OfficeOnline'). */
  readonly platform?: string;
  /** `Office.context.displayLanguage` (default 'zh-CN'). */
  readonly displayLanguage?: string;
  /** `Office.context.partitionKey` (default 'e2e-partition'; null: the property is absent, as on the desktop). */
  readonly partitionKey?: string | null;
  /** `Office.context.document.url` (default an https URL of a saved workbook). */
  readonly documentUrl?: string;
  /** The highest ExcelApi requirement set (default 1.18: everything the adapter can use). */
  readonly apiVersion?: string;
  /** `Office.context.officeTheme`; null: the host does not report one. */
  readonly officeTheme?: { readonly bodyBackgroundColor: string; readonly isDarkTheme: boolean } | null;
  /** The workbook's sheets when it is made, before the pane first opens (default ['Sheet1']). */
  readonly sheets?: readonly string[];
}

/** One cell as the test sees it. */
export interface CellView {
  readonly address: string;
  /** The stored value ('' when empty): a number after typing "95.2", text after pasting. */
  readonly value: string | number | boolean;
  /** What Excel would show. */
  readonly text: string;
  readonly formula: string | null;
  readonly numberFormat: string;
  /** #RRGGBB or null. */
  readonly fill: string | null;
  readonly fontColor: string | null;
  /** The cell's note (ExcelApi 1.18) or comment (1.10), or null. */
  readonly note: string | null;
  readonly comment: string | null;
}

/** An event the stand-in handed to the add-in's handlers (the fake host's record of it). */
export interface HandedEvent {
  readonly event: 'changed' | 'added' | 'selectionChanged';
  readonly sheet: string;
  readonly address: string;
  /** 'person' (source Local), 'coauthor' (Remote), 'addin' (the add-in's own write). */
  readonly origin: string;
  /** How many handlers got it. */
  readonly handlers: number;
}

/** `window.__excel`, in the pane's frame and (for convenience) in the harness page. */
export interface ExcelStandInApi {
  /** The sheets in order. */
  sheets(): string[];
  activeSheet(): string;
  /** A person clicks a sheet tab. */
  activate(sheet: string): void;
  /**
   * A person types into one cell and presses Enter: Excel converts "95.2" to a number, keeps "９５．２" as text;
   * then the add-in's onChanged handlers get the change (source Local). Resolves once they ran. Throws, as
   * Excel refuses, for a locked cell of a protected sheet.
   */
  type(address: string, input: string, sheet?: string): Promise<void>;
  /** A person pastes text copied from another program (it stays text, however numeric it looks); one change event. */
  paste(address: string, rows: readonly (readonly string[])[], sheet?: string): Promise<void>;
  cell(address: string, sheet?: string): CellView;
  /** Addresses of cells whose shown text is exactly `text`, top to bottom. */
  find(text: string, sheet?: string): string[];
  /** The address of the cell in the same row as `rowOf` and the same column as the header `columnHeader`. */
  cellAt(rowOf: string, columnHeader: string, sheet?: string): string;
  /**
   * Where `text` occurs anywhere in the workbook (cell values, formulas, notes, comments, sheet custom
   * properties, sheet names), as "sheet!A1" / "sheet#property" / "sheet" — e.g. to show a token never got in.
   */
  contains(text: string): string[];
  /** Every note (or comment) of a sheet, by address. */
  notes(sheet?: string): Record<string, string>;
  /** The selected range, as the add-in's `select()` left it. */
  selection(): { sheet: string; address: string } | null;
  /** Syncs and runs the add-in made so far (Excel.run batches and context.sync calls), since the pane was (re)opened. */
  counters(): { runs: number; syncs: number };
  /** Every event handed to the add-in's handlers since the pane was (re)opened (a person's edits and the add-in's own writes). */
  events(): HandedEvent[];
  /** How many onChanged handlers the add-in has registered now. */
  handlerCount(): number;
  /** What the add-in's event handlers threw (Excel swallows it; the test should not). */
  handlerErrors(): string[];
  /** Resolves once every event raised so far has been handled. */
  settle(): Promise<void>;
  /** Scrolls the visible grid so that the cell is in view (for screenshots). */
  reveal(address: string, sheet?: string): void;
}

/** The globals the stand-in reads and defines, as the test reaches them through `page.evaluate`. */
export interface StandInWindow {
  __excelStandInOptions?: StandInOptions;
  __excel?: ExcelStandInApi;
  /**
   * The workbook, kept by the harness page (excel-stand-in/workbook.ts) so that it outlives the pane frame:
   * reloading or reopening the pane finds the same workbook, as in Excel.
   */
  __excelWorkbook?: FakeWorkbook;
}
