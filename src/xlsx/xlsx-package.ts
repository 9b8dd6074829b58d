import yauzl from 'yauzl';
import type { XlsxLimits } from './xlsx-limits';
import { CheckedEntries, InflationCount, OLE_SIGNATURE, reasonOf, startsWith, type PackageOpener, type TextSink } from './package-port';
import { damaged, legacyOrEncrypted, notXlsx, refuse, sizeMismatch, tooManyEntries, XlsxRefusalError } from './xlsx-refusals';

/**
 * The zip side of an .xlsx (yauzl over the uploaded bytes): the central directory is read and held to the
 * limits before a single entry is inflated, and an entry is inflated only on request, as a stream whose
 * bytes are counted — a part that inflates past what it declared is cut off, not read to the end.
 */
export interface XlsxPackage {
  /** The file entries (no folders) by lower-cased name: OOXML part names are case-insensitive. */
  readonly entries: ReadonlyMap<string, yauzl.Entry>;
  readonly limits: XlsxLimits;
  readonly zipfile: yauzl.ZipFile;
  /** Bytes inflated so far, over all entries: capped by `maxTotalBytes` whatever the entries declared. */
  inflated: number;
}

export type { TextSink } from './package-port';
export { reasonOf } from './package-port';

function fromBuffer(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false, decodeStrings: true }, (error, zipfile) => {
      if (error || !zipfile) reject(error ?? new Error('no zip file'));
      else resolve(zipfile);
    });
  });
}

/**
 * Opens the bytes as a zip and checks its central directory: entry count, every entry's declared size,
 * the total, and the compression ratio of the large ones. Refuses (throws `XlsxRefusalError`) an OLE file
 * (legacy .xls, or an encrypted workbook), bytes that are not a zip, and a zip outside the limits.
 */
export async function openPackage(data: Uint8Array, limits: XlsxLimits): Promise<XlsxPackage> {
  if (startsWith(data, OLE_SIGNATURE)) refuse(legacyOrEncrypted());
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await fromBuffer(buffer);
  } catch (error) {
    refuse(startsWith(data, [0x50, 0x4b]) ? damaged(reasonOf(error)) : notXlsx());
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) refuse(tooManyEntries(zipfile.entryCount, limits));
    const entries = await checkedEntries(zipfile, limits);
    return { entries, limits, zipfile, inflated: 0 };
  } catch (error) {
    zipfile.close();
    throw error;
  }
}

/** Closes the zip when the read is over, whatever became of it (over a buffer yauzl holds no file, but no stream may be opened after). */
export function closePackage(pkg: XlsxPackage): void {
  if (pkg.zipfile.isOpen) pkg.zipfile.close();
}

function checkedEntries(zipfile: yauzl.ZipFile, limits: XlsxLimits): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new CheckedEntries<yauzl.Entry>(limits);
    let done = false;
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      reject(error instanceof XlsxRefusalError ? error : new XlsxRefusalError(damaged(reasonOf(error))));
    };
    zipfile.on('error', fail);
    zipfile.on('end', () => {
      if (done) return;
      done = true;
      resolve(entries.byName);
    });
    zipfile.on('entry', (entry: yauzl.Entry) => {
      try {
        entries.add(entry);
        zipfile.readEntry();
      } catch (error) {
        fail(error);
      }
    });
    zipfile.readEntry();
  });
}

function openReadStream(zipfile: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error(`cannot open ${entry.fileName}`));
      else resolve(stream);
    });
  });
}

/**
 * Inflates one entry as UTF-8 text, chunk by chunk (a character split between chunks is decoded whole),
 * into `sink` until it wants no more.
 * The inflated bytes are counted against the entry's declared size (and the package's total): past it,
 * the stream is destroyed and the file refused, so a part whose header lies is never inflated to the end.
 */
export async function inflateText(pkg: XlsxPackage, entry: yauzl.Entry, sink: TextSink): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await openReadStream(pkg.zipfile, entry);
  } catch (error) {
    refuse(damaged(`${entry.fileName}: ${reasonOf(error)}`));
  }
  const decoder = new TextDecoder('utf-8');
  const count = new InflationCount(entry, pkg);
  try {
    // leaving the loop early (return or throw) destroys the stream and with it the inflater
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count.add(chunk.length);
      if (!sink.write(decoder.decode(chunk, { stream: true }))) return;
    }
  } catch (error) {
    if (error instanceof XlsxRefusalError) throw error;
    const reason = reasonOf(error);
    // yauzl's own count (validateEntrySizes): more or fewer bytes than declared
    if (/too many bytes|not enough bytes/.test(reason)) refuse(sizeMismatch(entry.fileName, entry.uncompressedSize));
    refuse(damaged(`${entry.fileName}: ${reason}`));
  }
  if (sink.write(decoder.decode())) sink.end();
}

/** The reader's port over yauzl (package-port.ts): what the server and `indicators check` open uploads with. */
export const openNodePackage: PackageOpener = async (data, limits) => {
  const pkg = await openPackage(data, limits);
  return {
    entries: pkg.entries,
    limits,
    // the entries of this map are yauzl's own
    inflateText: (entry, sink) => inflateText(pkg, entry as yauzl.Entry, sink),
    close: () => closePackage(pkg),
  };
};
