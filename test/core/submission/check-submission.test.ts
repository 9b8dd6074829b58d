import { seedCatalog } from '../../../src/seed-catalog';
import { checkSubmission } from '../../../src/core/submission/check-submission';
import type { SubmissionDocument } from '../../../src/contract/submission-document';

const catalog = seedCatalog();
const base = { plan: 'children', year: 2025, organisationId: 'wjj' } as const satisfies Partial<SubmissionDocument>;

describe('checkSubmission names entries as people know them', () => {
  test('an invalid per-township value names the indicator and the township in Chinese', () => {
    const check = checkSubmission(catalog, { ...base, values: [{ indicatorId: 'C-HEA-09', unitId: 'guishan', value: 'abc' }] });
    expect(check.acceptable).toBe(false);
    expect(check.errors).toHaveLength(1);
    const [error] = check.errors;
    expect(error?.message).toContain(catalog.indicators.get('C-HEA-09')?.name);
    expect(error?.message).toContain('桂山街道');
    expect(error?.message).not.toContain('guishan');
    expect(error).toMatchObject({ indicatorId: 'C-HEA-09', unitId: 'guishan', entryIndex: 0 });
    // the same message without its place, for a client that shows indicator and township apart
    expect(error?.detail?.zh).toBeTruthy();
    expect(error?.message.endsWith(`：${error?.detail?.zh}`)).toBe(true);
    expect(error?.detail?.zh).not.toContain('桂山街道');
    expect(error?.messageEn.endsWith(`: ${error?.detail?.en}`)).toBe(true);
  });

  test('a missed target needs a note, and is accepted with one', () => {
    const miss = { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 80 };
    const without = checkSubmission(catalog, { ...base, values: [miss] });
    expect(without.errors).toEqual([]);
    expect(without.notesRequired).toHaveLength(1);
    expect(without.notesRequired[0]?.message).toMatch(/须填写说明/);
    expect(without.notesRequired[0]?.message).toContain('戛洒镇');
    expect(without.notesRequired[0]?.message.endsWith(`须填写说明：${without.notesRequired[0]?.detail?.zh}`)).toBe(true);
    expect(without.notesRequired[0]?.detail?.zh).not.toContain('戛洒镇');
    const withNote = checkSubmission(catalog, { ...base, values: [{ ...miss, note: '疫苗到货延迟，四季度已补种' }] });
    expect(withNote.acceptable).toBe(true);
  });
});
