import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { insertTemplate, listSheetNames } from '../../src/office-workbook';
import { FakeExcelHost } from '../helpers/fake-excel';

describe('listSheetNames', () => {
  it('gives the sheet names in tab order in one sync', async () => {
    const host = new FakeExcelHost();
    const model = buildTemplate(seedCatalog(), { plan: 'children', year: 2025, organisationId: 'guishan' });
    await insertTemplate(host, model);
    await insertTemplate(host, model); // "… (2)"
    const runsBefore = host.runs;

    expect(await listSheetNames(host)).toEqual(['Sheet1', model.sheetName, `${model.sheetName} (2)`]);
    expect(host.runs).toBe(runsBefore + 1);
    expect(host.lastRunSyncs()).toHaveLength(1);
  });
});
