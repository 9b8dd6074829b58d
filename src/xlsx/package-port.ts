import type { XlsxLimits } from './xlsx-limits';
import { compressionRatio, damaged, entryTooLarge, inflatedTooMuch, refuse, sizeMismatch, totalTooLarge } from './xlsx-refusals';

/**
 * What the .xlsx reader needs of a zip, whichever library opens it: the entries of the central directory
 * (checked against the limits before anything is inflated) and the inflating of one entry, counted, as text.
 * Two implementations: yauzl on Node (xlsx-package.ts: the server and `indicators check`) and fflate in the
 * browser (browser-package.ts: the web portal's quick check). Both refuse the same files with the same words.
 */

/** Where an entry's text goes: `write` answers whether it wants more; `end` follows the last chunk. */
export interface TextSink {
  write(text: string): boolean;
  end(): void;
}

/** A file entry as the central directory declares it. */
export interface PackageEntry {
  readonly fileName: string;
  readonly uncompressedSize: number;
  readonly compressedSize: number;
}

/** An opened zip whose central directory passed the limits. */
export interface PackagePort {
  /** The file entries (no folders) by lower-cased name: OOXML part names are case-insensitive. */
  readonly entries: ReadonlyMap<string, PackageEntry>;
  readonly limits: XlsxLimits;
  /**
   * Inflates one entry as UTF-8 text into `sink` until it wants no more, counting the bytes against the
   * entry's declared size and the package's total (`maxTotalBytes`): past either, the file is refused.
   */
  inflateText(entry: PackageEntry, sink: TextSink): Promise<void>;
  /** The read is over, whatever became of it. */
  close(): void;
}

/** Opens bytes as a zip and checks its central directory (throws `XlsxRefusalError` when refused). */
export type PackageOpener = (data: Uint8Array, limits: XlsxLimits) => Promise<PackagePort>;

/** One entry's declared sizes against the limits, from the central directory alone. */
export function checkEntry(entry: PackageEntry, limits: XlsxLimits): void {
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) refuse(entryTooLarge(entry.fileName, size, limits));
  if (size > limits.ratioAboveBytes) {
    const ratio = size / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxRatio) refuse(compressionRatio(entry.fileName, ratio, limits));
  }
}

/**
 * The central directory's entries as they are read, each held to the limits (its declared sizes, and the
 * running total of all of them) and the file entries (no folders) kept by lower-cased name.
 */
export class CheckedEntries<E extends PackageEntry> {
  readonly byName = new Map<string, E>();
  #total = 0;

  constructor(private readonly limits: XlsxLimits) {}

  add(entry: E): void {
    checkEntry(entry, this.limits);
    this.#total += entry.uncompressedSize;
    if (this.#total > this.limits.maxTotalBytes) refuse(totalTooLarge(this.#total, this.limits));
    if (!entry.fileName.endsWith('/')) {
      const key = entry.fileName.toLowerCase();
      // two parts of the same name: which one a reader takes differs between programs
      if (this.byName.has(key)) refuse(damaged(`two entries are named ${entry.fileName}`));
      this.byName.set(key, entry);
    }
  }
}

/** The bytes a package has inflated so far, over all entries: capped by `maxTotalBytes` whatever the entries declared. */
export interface InflatedTotal {
  inflated: number;
  readonly limits: XlsxLimits;
}

/**
 * Counts one entry's inflated bytes as they come, against the entry's declared size (and `maxEntryBytes`) and
 * the package's total: past either, the file is refused before the chunk is used.
 */
export class InflationCount {
  bytes = 0;

  constructor(
    private readonly entry: PackageEntry,
    private readonly pkg: InflatedTotal,
  ) {}

  add(length: number): void {
    const { entry, pkg } = this;
    this.bytes += length;
    pkg.inflated += length;
    if (this.bytes > Math.min(entry.uncompressedSize, pkg.limits.maxEntryBytes)) refuse(sizeMismatch(entry.fileName, entry.uncompressedSize));
    if (pkg.inflated > pkg.limits.maxTotalBytes) refuse(inflatedTooMuch(pkg.limits));
  }
}

/** The reason an error gives, for the "damaged" message. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The OLE compound file signature: a legacy .xls, or an encrypted workbook. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0] as const;

export function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((byte, index) => data[index] === byte);
}

// posix.dirname, posix.basename and posix.normalize as Node writes them (lib/path.js), for part names: the
// browser has no node:path, and the Node and browser readers must resolve a relationship's target alike.
const SLASH = 47;
const DOT = 46;

/** `posix.dirname`. */
export function partDirname(path: string): string {
  if (path.length === 0) return '.';
  const hasRoot = path.charCodeAt(0) === SLASH;
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 1; --i) {
    if (path.charCodeAt(i) === SLASH) {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else matchedSlash = false;
  }
  if (end === -1) return hasRoot ? '/' : '.';
  if (hasRoot && end === 1) return '//';
  return path.slice(0, end);
}

/** `posix.basename` (without an extension to strip). */
export function partBasename(path: string): string {
  let start = 0;
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 0; --i) {
    if (path.charCodeAt(i) === SLASH) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  return end === -1 ? '' : path.slice(start, end);
}

/** `posix.normalize`. */
export function normalizePart(path: string): string {
  if (path.length === 0) return '.';
  const isAbsolute = path.charCodeAt(0) === SLASH;
  const trailingSeparator = path.charCodeAt(path.length - 1) === SLASH;
  let normalized = normalizeString(path, !isAbsolute);
  if (normalized.length === 0) {
    if (isAbsolute) return '/';
    return trailingSeparator ? './' : '.';
  }
  if (trailingSeparator) normalized += '/';
  return isAbsolute ? `/${normalized}` : normalized;
}

function normalizeString(path: string, allowAboveRoot: boolean): string {
  let res = '';
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let code = 0;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) code = path.charCodeAt(i);
    else if (code === SLASH) break;
    else code = SLASH;
    if (code === SLASH) {
      if (lastSlash === i - 1 || dots === 1) {
        // nothing: an empty segment or "."
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== DOT || res.charCodeAt(res.length - 2) !== DOT) {
          if (res.length > 2) {
            const lastSlashIndex = res.lastIndexOf('/');
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf('/');
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? '/..' : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) res += `/${path.slice(lastSlash + 1, i)}`;
        else res = path.slice(lastSlash + 1, i);
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === DOT && dots !== -1) ++dots;
    else dots = -1;
  }
  return res;
}

/** `posix.join(a, b)` of two non-empty part names. */
export function joinParts(directory: string, relative: string): string {
  return normalizePart(`${directory}/${relative}`);
}
