import { Inflate } from 'fflate';
import type { XlsxLimits } from './xlsx-limits';
import { CheckedEntries, InflationCount, OLE_SIGNATURE, reasonOf, startsWith, type PackageEntry, type PackageOpener, type PackagePort, type TextSink } from './package-port';
import { damaged, legacyOrEncrypted, notXlsx, refuse, sizeMismatch, tooManyEntries, XlsxRefusalError } from './xlsx-refusals';

/**
 * The zip side of an .xlsx in the browser (the web portal's quick check), on fflate's streaming inflater —
 * the same rules as the Node reader on yauzl (xlsx-package.ts), so a hostile file is refused here with the
 * same words as by the server: the central directory is read and held to the limits (entries, each entry's
 * declared size, the total, the compression ratio of large entries) before a single entry is inflated; an
 * entry is inflated only on request, a few KiB of input at a time, and its output is counted — a part that
 * inflates past what it declared (or past the package's total) is cut off, not read to the end.
 */

interface BrowserEntry extends PackageEntry {
  readonly method: number;
  readonly flags: number;
  readonly localHeaderOffset: number;
}

/** Input fed to the inflater at a time: at deflate's ~1,030:1 ceiling one push yields at most ~4 MiB. */
const INPUT_CHUNK = 4 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

class ZipFormatError extends Error {}

function fail(reason: string): never {
  throw new ZipFormatError(reason);
}

class Bytes {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private check(offset: number, length: number): void {
    if (offset < 0 || offset + length > this.data.length) fail('unexpected end of the zip file');
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    this.check(offset, 8);
    const value = this.view.getUint32(offset, true) + this.view.getUint32(offset + 4, true) * 0x1_0000_0000;
    if (!Number.isSafeInteger(value)) fail('zip64 value too large');
    return value;
  }
  slice(offset: number, length: number): Uint8Array {
    this.check(offset, length);
    return this.data.subarray(offset, offset + length);
  }
}

interface Directory {
  readonly entryCount: number;
  readonly offset: number;
  readonly size: number;
}

/** The end of central directory record (and its zip64 form when the counts overflow). */
function findDirectory(bytes: Bytes): Directory {
  const data = bytes.data;
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  let at = -1;
  for (let offset = data.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.u32(offset) === EOCD) {
      at = offset;
      break;
    }
  }
  if (at < 0) fail('end of central directory record signature not found');
  if (bytes.u16(at + 4) !== 0 || bytes.u16(at + 6) !== 0) fail('multi-disk zip files are not supported');
  let entryCount = bytes.u16(at + 10);
  let size = bytes.u32(at + 12);
  let offset = bytes.u32(at + 16);
  if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = at - 20;
    if (locator < 0 || bytes.u32(locator) !== ZIP64_LOCATOR) {
      if (entryCount === 0xffff && offset !== 0xffffffff) return { entryCount, size, offset };
      fail('zip64 end of central directory locator not found');
    }
    const zip64 = bytes.u64(locator + 8);
    if (bytes.u32(zip64) !== ZIP64_EOCD) fail('invalid zip64 end of central directory record signature');
    entryCount = bytes.u64(zip64 + 32);
    size = bytes.u64(zip64 + 40);
    offset = bytes.u64(zip64 + 48);
  }
  if (offset + size > data.length) fail('central directory lies outside the file');
  return { entryCount, offset, size };
}

const utf8 = new TextDecoder('utf-8');

function fileNameOf(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) return utf8.decode(raw);
  // CP437 outside ASCII; part names of a workbook are ASCII
  let name = '';
  for (const byte of raw) name += String.fromCharCode(byte);
  return name;
}

/** Reads one central directory record at `offset`; answers the entry and where the next record starts. */
function readEntry(bytes: Bytes, offset: number): { entry: BrowserEntry; next: number } {
  if (bytes.u32(offset) !== CENTRAL_HEADER) fail(`invalid central directory file header signature: 0x${bytes.u32(offset).toString(16)}`);
  const flags = bytes.u16(offset + 8);
  const method = bytes.u16(offset + 10);
  let compressedSize = bytes.u32(offset + 20);
  let uncompressedSize = bytes.u32(offset + 24);
  const nameLength = bytes.u16(offset + 28);
  const extraLength = bytes.u16(offset + 30);
  const commentLength = bytes.u16(offset + 32);
  let localHeaderOffset = bytes.u32(offset + 42);
  const name = fileNameOf(bytes.slice(offset + 46, nameLength), flags);
  // zip64: the sizes and offset that overflowed are in the extra field 0x0001, in this order
  let extra = offset + 46 + nameLength;
  const extraEnd = extra + extraLength;
  while (extra + 4 <= extraEnd) {
    const id = bytes.u16(extra);
    const length = bytes.u16(extra + 2);
    if (id === 0x0001) {
      let field = extra + 4;
      if (uncompressedSize === 0xffffffff) {
        uncompressedSize = bytes.u64(field);
        field += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = bytes.u64(field);
        field += 8;
      }
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = bytes.u64(field);
    }
    extra += 4 + length;
  }
  // as yauzl with strictFileNames off: backslashes are folder separators; no absolute or escaping names
  const fileName = name.replace(/\\/g, '/');
  if (/^[a-zA-Z]:/.test(fileName) || fileName.startsWith('/')) fail(`absolute path: ${fileName}`);
  if (fileName.split('/').includes('..')) fail(`invalid relative path: ${fileName}`);
  return { entry: { fileName, compressedSize, uncompressedSize, method, flags, localHeaderOffset }, next: extraEnd + commentLength };
}

function checkedEntries(bytes: Bytes, directory: Directory, limits: XlsxLimits): Map<string, BrowserEntry> {
  const entries = new CheckedEntries<BrowserEntry>(limits);
  let offset = directory.offset;
  for (let index = 0; index < directory.entryCount; index += 1) {
    const { entry, next } = readEntry(bytes, offset);
    offset = next;
    entries.add(entry);
  }
  return entries.byName;
}

/** The compressed bytes of an entry, after its local header. */
function compressedData(bytes: Bytes, entry: BrowserEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (bytes.u32(at) !== LOCAL_HEADER) fail(`invalid local file header signature: 0x${bytes.u32(at).toString(16)}`);
  const start = at + 30 + bytes.u16(at + 26) + bytes.u16(at + 28);
  return bytes.slice(start, entry.compressedSize);
}

/**
 * Opens the bytes as a zip and checks its central directory: entry count, every entry's declared size, the
 * total, and the compression ratio of the large ones. Refuses (throws `XlsxRefusalError`) an OLE file (legacy
 * .xls, or an encrypted workbook), bytes that are not a zip, and a zip outside the limits — as the Node reader.
 */
export const openBrowserPackage: PackageOpener = async (data, limits) => {
  if (startsWith(data, OLE_SIGNATURE)) refuse(legacyOrEncrypted());
  const bytes = new Bytes(data);
  let directory: Directory;
  try {
    directory = findDirectory(bytes);
  } catch (error) {
    refuse(startsWith(data, [0x50, 0x4b]) ? damaged(reasonOf(error)) : notXlsx());
  }
  if (directory.entryCount > limits.maxEntries) refuse(tooManyEntries(directory.entryCount, limits));
  let entries: Map<string, BrowserEntry>;
  try {
    entries = checkedEntries(bytes, directory, limits);
  } catch (error) {
    throw error instanceof XlsxRefusalError ? error : new XlsxRefusalError(damaged(reasonOf(error)));
  }
  return new BrowserPackage(bytes, entries, limits);
};

class BrowserPackage implements PackagePort {
  /** Bytes inflated so far, over all entries: capped by `maxTotalBytes` whatever the entries declared. */
  inflated = 0;
  private closed = false;

  constructor(
    private readonly bytes: Bytes,
    readonly entries: ReadonlyMap<string, BrowserEntry>,
    readonly limits: XlsxLimits,
  ) {}

  close(): void {
    this.closed = true;
  }

  async inflateText(packageEntry: PackageEntry, sink: TextSink): Promise<void> {
    const entry = packageEntry as BrowserEntry;
    if (this.closed) refuse(damaged(`${entry.fileName}: the package is closed`));
    const decoder = new TextDecoder('utf-8');
    const count = new InflationCount(entry, this);
    let wantsMore = true;
    /** One chunk of output: counted first (a lying entry is cut off here), then decoded into the sink. */
    const take = (chunk: Uint8Array) => {
      if (!wantsMore || chunk.length === 0) return;
      count.add(chunk.length);
      wantsMore = sink.write(decoder.decode(chunk, { stream: true }));
    };
    try {
      if (entry.flags & 0x1) fail('entry is encrypted');
      const input = compressedData(this.bytes, entry);
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.uncompressedSize) fail('compressed/uncompressed size mismatch for stored file');
        for (let at = 0; at < input.length && wantsMore; at += 64 * 1024) take(input.subarray(at, at + 64 * 1024));
      } else if (entry.method === 8) {
        const inflater = new Inflate((chunk) => take(chunk));
        for (let at = 0; at < input.length && wantsMore; at += INPUT_CHUNK) {
          inflater.push(input.subarray(at, at + INPUT_CHUNK), at + INPUT_CHUNK >= input.length);
        }
        if (input.length === 0) inflater.push(new Uint8Array(0), true);
      } else fail(`unsupported compression method: ${entry.method}`);
    } catch (error) {
      if (error instanceof XlsxRefusalError) throw error;
      refuse(damaged(`${entry.fileName}: ${reasonOf(error)}`));
    }
    if (!wantsMore) return;
    // the stream ended short of what the entry declared (yauzl: "not enough bytes")
    if (count.bytes !== entry.uncompressedSize) refuse(sizeMismatch(entry.fileName, entry.uncompressedSize));
    if (sink.write(decoder.decode())) sink.end();
  }
}
