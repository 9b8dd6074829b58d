/// <reference types="office-js" />
/**
 * The only module that talks to Office.js (plus the one browser fact the theme needs).
 * Components never call Office.js: they get plain data (HostSnapshot) from here.
 */
import type { ExcelHost } from '../../office-workbook/excel-host';
import type { OfficeThemeColors } from './theme';
import type { HostSnapshot } from './view';

let connection: Promise<HostSnapshot> | undefined;

/**
 * Waits for Office (calling `Office.onReady` once, however often this is called) and returns a
 * snapshot of the host. Never rejects: when office.js is missing or fails, the snapshot says so.
 */
export function connectToOffice(): Promise<HostSnapshot> {
  connection ??= readHost();
  return connection;
}

async function readHost(): Promise<HostSnapshot> {
  const forcedColors = prefersForcedColors();
  const unavailable: HostSnapshot = {
    officeAvailable: false,
    host: null,
    displayLanguage: null,
    officeTheme: null,
    forcedColors,
    partitionKey: null,
    documentUrl: '',
    platform: null,
  };
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return unavailable;

  let host: string | null;
  try {
    const info = await Office.onReady();
    host = info.host ? String(info.host) : null;
  } catch {
    return unavailable;
  }
  return {
    officeAvailable: true,
    host,
    displayLanguage: host ? readDisplayLanguage() : null,
    officeTheme: host ? readOfficeTheme() : null,
    forcedColors,
    partitionKey: host ? readOptional(() => Office.context.partitionKey) : null,
    documentUrl: host ? (readOptional(() => Office.context.document.url) ?? '') : '',
    platform: host ? readOptional(() => `${Office.context.diagnostics.platform} ${Office.context.diagnostics.version}`) : null,
  };
}

/** A property some hosts or platforms lack (partitionKey exists only where storage is partitioned). */
function readOptional(read: () => string | undefined | null): string | null {
  try {
    return read() || null;
  } catch {
    return null;
  }
}

function readDisplayLanguage(): string | null {
  try {
    return Office.context.displayLanguage || null;
  } catch {
    return null;
  }
}

function readOfficeTheme(): OfficeThemeColors | null {
  try {
    const theme = Office.context.officeTheme as Partial<Office.OfficeTheme> | undefined;
    if (!theme) return null;
    return {
      bodyBackgroundColor: theme.bodyBackgroundColor ?? null,
      isDarkTheme: typeof theme.isDarkTheme === 'boolean' ? theme.isDarkTheme : null,
    };
  } catch {
    return null; // not every host/platform implements officeTheme
  }
}

function prefersForcedColors(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
}

/**
 * The open workbook for the workbook adapter (src/office-workbook): Excel.run and the requirement-set
 * check. Call it only once `connectToOffice()` reported Excel.
 */
export function officeExcelHost(): ExcelHost {
  return {
    // Excel.run(options, batch) where the adapter passes RunOptions (delayForCellEdit, ExcelApi 1.11)
    run: (batch, options) => (options ? Excel.run(options, (context) => batch(context)) : Excel.run((context) => batch(context))),
    resume: (context, batch) => Excel.run(context, (resumed) => batch(resumed)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
