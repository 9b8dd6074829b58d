import { documentFingerprint } from '../../src/client/document-fingerprint';
import type { SubmissionDocument } from '../../src/contract/submission-document';

const document: SubmissionDocument = {
  plan: 'children',
  year: 2025,
  organisationId: 'fl',
  catalogVersion: '2026.2',
  templateVersion: 1,
  values: [
    { indicatorId: 'C-HEA-04', value: '3.2', previous: 3.6 },
    { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 98.5, note: '按卫健委年报口径' },
  ],
  reporter: { name: '张三', phone: '0877-1234567' },
  client: { app: 'xinping-plan-monitor-excel', version: '0.1.0' },
};

describe('documentFingerprint', () => {
  it('is the same for the same content, whatever the key order or the program that sent it', () => {
    const reordered = JSON.parse(JSON.stringify({ values: document.values.map((value) => Object.fromEntries(Object.entries(value).reverse())), year: 2025, plan: 'children', templateVersion: 1, catalogVersion: '2026.2', organisationId: 'fl', reporter: { phone: '0877-1234567', name: '张三' } })) as SubmissionDocument;
    expect(documentFingerprint(reordered)).toBe(documentFingerprint(document));
    expect(documentFingerprint({ ...document, client: { app: 'web' } })).toBe(documentFingerprint(document));
    expect(documentFingerprint(document)).toMatch(/^[0-9a-f]{14}-[0-9a-f]+$/);
  });

  it('changes with any value, note, input, the order of the rows or the reporter', () => {
    const changes: SubmissionDocument[] = [
      { ...document, values: [{ ...document.values[0]!, value: '3.3' }, document.values[1]!] },
      { ...document, values: [document.values[0]!, { ...document.values[1]!, note: '按卫健委年报口径。' }] },
      { ...document, values: [{ ...document.values[0]!, previous: 3.7 }, document.values[1]!] },
      { ...document, values: [document.values[1]!, document.values[0]!] },
      { ...document, reporter: { name: '李四', phone: '0877-1234567' } },
      { ...document, year: 2024 },
    ];
    const fingerprints = new Set([document, ...changes].map(documentFingerprint));
    expect(fingerprints.size).toBe(changes.length + 1);
  });
});
