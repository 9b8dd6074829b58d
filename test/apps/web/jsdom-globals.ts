import { TextDecoder, TextEncoder } from 'node:util';

/**
 * jsdom lacks TextEncoder and TextDecoder, which every browser the web app runs in has (the .xlsx reader
 * decodes with them): the component tests take Node's. Imported before anything that uses them.
 */
Object.assign(globalThis, { TextEncoder, TextDecoder });

/** A Blob's bytes through FileReader (jsdom's Blob has no arrayBuffer()). */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}
