/**
 * 提交内容指纹 / A short fingerprint of what a submission says — plan, year, organisation, catalog and template
 * versions, every value with its note and inputs, the reporter — but not which program sent it. Equal
 * fingerprints: the sheet has not changed since it was sent, and 提交 would only store the same version
 * again. Canonical (key order does not matter) and cheap: 53 bits of cyrb53, no crypto needed.
 */
import type { SubmissionDocument } from '../contract/submission-document';

export function documentFingerprint(document: SubmissionDocument): string {
  const { client: _client, ...content } = document;
  const text = canonicalJson(content);
  return `${cyrb53(text).toString(16).padStart(14, '0')}-${text.length.toString(16)}`;
}

/** JSON with object keys sorted at every level (arrays keep their order: the values' order is the sheet's). */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** cyrb53 (public domain): a fast 53-bit string hash with good dispersion. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
