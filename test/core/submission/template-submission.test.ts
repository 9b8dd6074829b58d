import { seedCatalog } from '../../../src/seed-catalog';
import { evaluateReport } from '../../../src/core/report/evaluate-report';
import { buildTemplate } from '../../../src/core/template/build-template';
import { readTemplate, reportInputOf } from '../../../src/core/template/read-template';
import { checkSubmission } from '../../../src/core/submission/check-submission';
import { SubmissionDocumentSchema } from '../../../src/contract/submission-document';
import { findingCell, submissionFromTemplate } from '../../../src/contract/template-submission';
import { fill, gridOf, verdicts } from '../template/template-grid';

const catalog = seedCatalog();

describe('submissionFromTemplate', () => {
  const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
  const grid = gridOf(model);
  fill(grid, model, catalog, [
    { indicatorId: 'C-HEA-03', value: 1.5 },
    { indicatorId: 'C-HEA-04', value: '４．２', previous: 3.9, note: '农村地区上升' },
    { indicatorId: 'C-HEA-09', unitId: 'guishan', value: '95' },
    { indicatorId: 'C-HEA-09', unitId: 'gasa', value: '—', note: '卫生院改建' },
    { indicatorId: 'C-HEA-05', value: new Date(Date.UTC(2025, 0, 1)) },
  ]);
  const outcome = readTemplate(grid, catalog);
  if (outcome.kind !== 'template') throw new Error('not read as a template');
  const read = outcome.read;
  const document = submissionFromTemplate(read, 'wjj', { app: 'test' });

  test('is a valid submission document carrying the template metadata and every row', () => {
    expect(SubmissionDocumentSchema.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({ plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: read.meta.catalogVersion, templateVersion: read.meta.templateVersion, client: { app: 'test' } });
    expect(document.values).toHaveLength(read.entries.length);
    expect(document.values.find((value) => value.indicatorId === 'C-HEA-04')).toMatchObject({ value: '４．２', previous: 3.9, note: '农村地区上升' });
    expect(document.values.find((value) => value.unitId === 'gasa')).toMatchObject({ value: '—', note: '卫生院改建' });
    // a date cannot travel as JSON: its ISO text goes, and the engine refuses it as it refuses the date
    expect(document.values.find((value) => value.indicatorId === 'C-HEA-05')?.value).toBe('2025-01-01T00:00:00.000Z');
  });

  test('is judged by the server exactly as the sheet is judged by the add-in', () => {
    const server = checkSubmission(catalog, document).report.results;
    const client = evaluateReport(catalog, reportInputOf(read)).results;
    expect(verdicts(server)).toEqual(verdicts(client));
    expect(Object.keys(verdicts(server)).length).toBe(read.entries.length);
  });
});

describe('findingCell', () => {
  it('places a finding on the cell of its field, as the sheet flags do, and on nothing without an entry', () => {
    const entry = { cells: { id: 'B5', unitName: 'E5', value: 'K5', note: 'M5', previous: 'I5' } };
    const read = { entries: [entry] } as unknown as Parameters<typeof findingCell>[0];
    expect(findingCell(read, { entryIndex: 0 })).toBe('K5');
    expect(findingCell(read, { entryIndex: 0, field: 'previous' })).toBe('I5');
    expect(findingCell(read, { entryIndex: 0, field: 'note' })).toBe('M5');
    expect(findingCell(read, { entryIndex: 0, field: 'baseline' })).toBe('K5'); // no baseline cell: the value's
    expect(findingCell(read, { entryIndex: 0, field: 'unit' })).toBe('E5');
    expect(findingCell(read, { field: 'value' })).toBeUndefined();
    expect(findingCell(read, { entryIndex: 3 })).toBeUndefined();
  });
});
