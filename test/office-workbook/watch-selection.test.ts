/**
 * Issue 13, point 4: Excel on the web raises no onChanged for a value picked from a data-validation dropdown
 * (office-js #3888, #4066), so the template's 是/否 cells were never re-checked there. watchChanges also follows
 * the selection and reports a selection left with other values than it had.
 */
import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { cellName } from '../helpers/fake-excel/addresses';
import { insertTemplate, watchChanges } from '../../src/office-workbook';
import type { HostChange } from '../../src/workbook/workbook-host';
import { fakeExcel, type FakeProfile } from '../helpers/fake-excel';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025 });

async function watchingTemplate(profile: FakeProfile, apiVersion?: string) {
  const host = fakeExcel(profile, apiVersion ? { apiVersion } : {});
  const { sheetName } = await insertTemplate(host, model);
  const sheet = host.workbook.sheet(sheetName);
  const list = sheet.validations.find((rule) => rule.rule?.list !== undefined);
  if (!list) throw new Error('the template has no 是/否 list');
  const dropdown = cellName(list.rect.r0, list.rect.c0);
  await host.settleEvents();
  const changes: HostChange[] = [];
  const stop = await watchChanges(host, (change) => changes.push(change));
  return { host, sheet, sheetName, dropdown, changes, stop };
}

describe('watchChanges follows the selection, for dropdown picks Excel on the web does not report', () => {
  it('the web profile: a 是/否 pick raises no onChanged — the fake plays office-js #3888', async () => {
    const { host, dropdown, changes } = await watchingTemplate('web');
    expect(await host.personPicksFromList(dropdown, '是')).toBe(0);
    expect(changes).toEqual([]);
  });

  it.each([
    { profile: 'web' as const, apiVersion: undefined },
    { profile: 'web' as const, apiVersion: '1.8' }, // handlers per sheet
  ])('$profile (ExcelApi $apiVersion): leaving the picked cell reports it, in one sync per selection', async ({ profile, apiVersion }) => {
    const { host, sheet, sheetName, dropdown, changes } = await watchingTemplate(profile, apiVersion);
    await host.personSelects(dropdown);
    await host.settleEvents();
    await host.personPicksFromList(dropdown, '是');
    const syncs = host.syncs.length;
    await host.personSelects('A1');
    await host.settleEvents();
    expect(changes).toEqual([{ sheetId: sheet.id, sheetName, address: dropdown, changeType: 'SelectionLeft', source: 'local', byThisAddin: null }]);
    expect(host.syncs.length - syncs).toBe(1);
  });

  it('a selection left unchanged reports nothing; a whole column is not read', async () => {
    const { host, dropdown, changes } = await watchingTemplate('web');
    await host.personSelects(dropdown);
    await host.personSelects('B2');
    await host.personSelects('C:C');
    const syncs = host.syncs.length;
    await host.personSelects('D4');
    await host.settleEvents();
    expect(changes).toEqual([]);
    expect(host.syncs.length - syncs).toBe(1);
    for (const sync of host.syncs) expect(sync.responseBytes).toBeLessThan(10_000);
  });

  it('on the desktop the pick raises onChanged too: reported twice, which the debounced re-check takes as one', async () => {
    const { host, dropdown, changes } = await watchingTemplate('microsoft365');
    await host.personSelects(dropdown);
    await host.personPicksFromList(dropdown, '否');
    await host.personSelects('A1');
    await host.settleEvents();
    expect(changes.map((change) => change.changeType)).toEqual(['RangeEdited', 'SelectionLeft']);
  });

  it('stops following the selection when stopped', async () => {
    const { host, dropdown, changes, stop } = await watchingTemplate('web');
    await host.personSelects(dropdown);
    await stop?.();
    await host.personPicksFromList(dropdown, '是');
    await host.personSelects('A1');
    await host.settleEvents();
    expect(changes).toEqual([]);
    expect(host.events.handlerCount('selectionChanged')).toBe(0);
  });
});
