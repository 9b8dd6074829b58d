/**
 * The one Node global the strict fake Excel host uses (`Buffer.byteLength`, to count sync payloads), for the
 * browser: webpack's ProvidePlugin hands this module to the fake when it is bundled into the stand-in.
 */
export const Buffer = {
  byteLength(text: string): number {
    return new TextEncoder().encode(text).length;
  },
};
