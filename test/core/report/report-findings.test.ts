import type { EntryInput } from '../../../src/core/assess/entry';
import { evaluateReport } from '../../../src/core/report/evaluate-report';
import { collapseRepeats, countFindings, countsText, completenessText, isSubmittable, reportFindings } from '../../../src/core/report/report-findings';
import { checkSubmission } from '../../../src/core/submission/check-submission';
import { seedCatalog } from '../../../src/seed-catalog';

const catalog = seedCatalog();
const findingsOf = (entries: EntryInput[], year = 2025) => {
  const report = evaluateReport(catalog, { plan: 'children', year, organisationId: 'wjj', entries });
  const findings = reportFindings(report, entries);
  return { report, findings, counts: countFindings(report, findings) };
};

describe('reportFindings: one finding per line, in its worst category', () => {
  it('a miss with a swing on the same line is one 未达标 finding with both messages; a met line is none', () => {
    const { findings, counts } = findingsOf([
      { indicatorId: 'C-HEA-26', value: 80, previous: 96 }, // 新生儿访视率 ≥90% every year: missed, and -16.7% … 
      { indicatorId: 'C-HEA-29', value: 99 }, // met
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'line', category: 'notMet', needsNote: true, indicatorId: 'C-HEA-26', entryIndex: 0, status: 'notMet' });
    expect(counts).toMatchObject({ lines: 2, filled: 2, error: 0, notMet: 1, warning: 0, info: 0, notesRequired: 1 });
  });

  it('a consistency error is on every line it names; a consistency warning asks one note, answered by a note on either', () => {
    const nesting = findingsOf([
      { indicatorId: 'C-HEA-04', value: 3.2 },
      { indicatorId: 'C-HEA-05', value: 2.5 },
    ]);
    expect(nesting.findings.map((finding) => [finding.indicatorId, finding.category])).toEqual([['C-HEA-04', 'error'], ['C-HEA-05', 'error']]);
    // 溺水 above 意外伤害: a warning; the first line named (溺水) is asked for the note
    const drowning = (note?: string) =>
      findingsOf([
        { indicatorId: 'C-SAF-01', value: 3, baseline: 6 },
        { indicatorId: 'C-SAF-02', value: 4, previous: 5, ...(note ? { note } : {}) },
      ]);
    expect(drowning().findings.map((finding) => [finding.indicatorId, finding.category, finding.needsNote])).toEqual([['C-SAF-01', 'warning', false], ['C-SAF-02', 'warning', true]]);
    expect(drowning().counts.notesRequired).toBe(1);
    expect(drowning('口径不同：溺水含外来人口').counts.notesRequired).toBe(0);
  });

  it('problems of the report come first, one each; an unknown indicator is one', () => {
    const { findings, counts } = findingsOf([{ indicatorId: 'C-HEA-29', value: 99 }, { indicatorId: 'C-XXX-99', value: 1 }]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'report', category: 'error', indicatorId: 'C-XXX-99', entryIndex: 1 })]);
    expect(counts).toMatchObject({ lines: 1, error: 1 });
  });

  it('counts what checkSubmission decides: submittable exactly when it accepts', () => {
    const cases: EntryInput[][] = [
      [{ indicatorId: 'C-HEA-26', value: 80 }],
      [{ indicatorId: 'C-HEA-26', value: 80, note: '人员不足' }],
      [{ indicatorId: 'C-HEA-26', value: null }],
      [{ indicatorId: 'C-HEA-26', value: '0.95', note: '已核实' }],
      [{ indicatorId: 'C-HEA-26', value: '0.95', note: '【确认】0.95 新口径' }],
      [{ indicatorId: 'C-SAF-01', value: 3, baseline: 6 }, { indicatorId: 'C-SAF-02', value: 4, previous: 5 }],
      [{ indicatorId: 'C-SAF-01', value: 3, baseline: 6 }, { indicatorId: 'C-SAF-02', value: 4, previous: 4 }],
    ];
    for (const values of cases) {
      const check = checkSubmission(catalog, { plan: 'children', year: 2025, organisationId: 'wjj', values });
      expect({ values, submittable: isSubmittable(check.counts) }).toEqual({ values, submittable: check.acceptable });
      expect(check.counts).toEqual(findingsOf(values).counts);
    }
  });

  it('says the counts and the completeness in one sentence, in both languages', () => {
    const counts = { lines: 59, filled: 36, byStatus: { met: 0, notMet: 0, notYetDue: 0, noData: 0, invalid: 0, notAssessable: 0 }, error: 3, notMet: 2, warning: 4, info: 6, notesRequired: 5 };
    expect(countsText(counts, 'zh-CN')).toBe('错误 3 · 未达标 2 · 预警 4 · 提示 6；须填写说明 5');
    expect(countsText(counts, 'en-US')).toBe('Errors 3 · Targets missed 2 · Warnings 4 · Notes 6; 5 need a note');
    expect(countsText({ ...counts, notesRequired: 0 }, 'zh-CN')).toBe('错误 3 · 未达标 2 · 预警 4 · 提示 6');
    expect(completenessText(counts, 'zh-CN')).toBe('已填 36/59');
    expect(completenessText(counts, 'en-US')).toBe('Filled 36/59');
  });
});

describe('collapseRepeats', () => {
  it('the same words about several townships of one indicator are one group; other findings stay alone', () => {
    const townships = ['guishan', 'gucheng', 'yangwu'];
    const { findings } = findingsOf([
      ...townships.map((unitId) => ({ indicatorId: 'C-HEA-09', unitId, value: null })),
      { indicatorId: 'C-HEA-24', unitId: 'guishan', value: null },
      { indicatorId: 'C-HEA-09', unitId: 'mosha', value: 80 },
      { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 70 },
    ]);
    const groups = collapseRepeats(findings, (finding) => finding);
    expect(groups.map((group) => group.map((finding) => finding.unitId))).toEqual([['guishan', 'gucheng', 'yangwu'], ['guishan'], ['mosha'], ['gasa']]);
  });
});
