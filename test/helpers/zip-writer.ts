import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

/**
 * A small zip WRITER for tests (local headers, central directory, end record), so hostile .xlsx files can
 * be made in milliseconds: entries copied from a real template, replaced, or crafted (huge, repeated,
 * lying about their size). Reading zips is yauzl's job everywhere, here too.
 */

/** An entry as it goes into the zip. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  /** The entry's bytes as stored (raw deflate for method 8), in pieces: a piece repeated 100 times is one buffer. */
  readonly pieces: readonly Uint8Array[];
  readonly crc32: number;
  /** The uncompressed size the headers declare: a lying entry declares less than its data inflates to. */
  readonly uncompressedSize: number;
}

const encoder = new TextEncoder();

function bytesOf(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}

/** A deflated entry with honest sizes. */
export function deflatedEntry(name: string, content: Uint8Array | string): ZipEntry {
  const bytes = bytesOf(content);
  return { name, method: 8, pieces: [deflateRawSync(bytes)], crc32: crc32(bytes), uncompressedSize: bytes.length };
}

/** A stored (uncompressed) entry. */
export function storedEntry(name: string, content: Uint8Array | string): ZipEntry {
  const bytes = bytesOf(content);
  return { name, method: 0, pieces: [bytes], crc32: crc32(bytes), uncompressedSize: bytes.length };
}

/**
 * Raw deflate of `bytes` ending on a byte boundary without a final block (Z_FULL_FLUSH): such pieces
 * reference nothing before them, so they can be concatenated and repeated, and the stream closed with
 * `deflateEnd`. 16 MiB of one repeated byte deflates to ~16 KB.
 */
export function deflatePiece(bytes: Uint8Array): Uint8Array {
  return deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

/** The final (empty) block of a raw deflate stream made of `deflatePiece`s. */
export function deflateEnd(): Uint8Array {
  return deflateRawSync(new Uint8Array(0));
}

/**
 * A deflated entry of `prefix`, then `filler` repeated `copies` times, then `suffix` — gigabytes
 * uncompressed from one deflated filler. The CRC is computed honestly; `declaredSize` makes it lie.
 */
export function repeatedEntry(name: string, parts: { prefix: Uint8Array | string; filler: Uint8Array; copies: number; suffix: Uint8Array | string; declaredSize?: number }): ZipEntry {
  const prefix = bytesOf(parts.prefix);
  const suffix = bytesOf(parts.suffix);
  const filler = deflatePiece(parts.filler);
  let crc = crc32(prefix);
  for (let i = 0; i < parts.copies; i += 1) crc = crc32(parts.filler, crc);
  crc = crc32(suffix, crc);
  const pieces = [deflatePiece(prefix), ...new Array<Uint8Array>(parts.copies).fill(filler), deflatePiece(suffix), deflateEnd()];
  const size = prefix.length + parts.filler.length * parts.copies + suffix.length;
  return { name, method: 8, pieces, crc32: crc, uncompressedSize: parts.declaredSize ?? size };
}

/** The zip file of `entries`, in order (names UTF-8). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const compressedSize = entry.pieces.reduce((sum, piece) => sum + piece.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, ...entry.pieces);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by
    record.writeUInt16LE(20, 6); // needed
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(0, 12);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(entry.crc32 >>> 0, 16);
    record.writeUInt32LE(compressedSize, 20);
    record.writeUInt32LE(entry.uncompressedSize, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + compressedSize;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** The files of a (small, trusted) zip with their contents, in order, read with yauzl. */
export function unzipEntries(data: Uint8Array): Promise<{ name: string; content: Uint8Array }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(data), { lazyEntries: true }, (error, zipfile) => {
      if (error || !zipfile) return reject(error);
      const files: { name: string; content: Uint8Array }[] = [];
      zipfile.on('error', reject);
      zipfile.on('end', () => resolve(files));
      zipfile.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zipfile.readEntry();
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const parts: Buffer[] = [];
          stream.on('data', (part: Buffer) => parts.push(part));
          stream.on('error', reject);
          stream.on('end', () => {
            files.push({ name: entry.fileName, content: new Uint8Array(Buffer.concat(parts)) });
            zipfile.readEntry();
          });
        });
      });
      zipfile.readEntry();
    });
  });
}
