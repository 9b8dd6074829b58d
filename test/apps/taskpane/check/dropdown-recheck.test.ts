/**
 * Issue 13, point 4, end to end below the views: on Excel on the web a 是/否 picked from the dropdown raises no
 * onChanged (office-js #3888, #4066). The Check view's runner, over the real port and adapter on the fake's
 * web profile, re-checks all the same once the person moves on, and 提交 reads the sheet afresh.
 */
import { seedCatalog } from '../../../../src/seed-catalog';
import { CheckRunner, type CheckRunnerState, type Schedule } from '../../../../src/apps/taskpane/check/check-runner';
import { buildTemplate } from '../../../../src/core/template/build-template';
import { insertTemplate, officeWorkbookHost } from '../../../../src/office-workbook';
import { createWorkbook } from '../../../../src/workbook/workbook';
import { cellName } from '../../../helpers/fake-excel/addresses';
import { fakeExcel } from '../../../helpers/fake-excel';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'women', year: 2025 });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

it('re-checks after a dropdown pick on Excel on the web, once the person selects another cell', async () => {
  const host = fakeExcel('web');
  const { sheetName } = await insertTemplate(host, model);
  const sheet = host.workbook.sheet(sheetName);
  const list = sheet.validations.find((rule) => rule.rule?.list !== undefined);
  if (!list) throw new Error('no 是/否 list in the template');
  const dropdown = cellName(list.rect.r0, list.rect.c0);

  const timers: (() => void)[] = [];
  const schedule: Schedule = (task) => {
    timers.push(task);
    return () => undefined;
  };
  const states: CheckRunnerState[] = [];
  // the port's own-write window is closed at once: only people's edits count
  const port = createWorkbook(officeWorkbookHost(host), { ownWriteWindowMs: 0 });
  const runner = new CheckRunner({ workbook: port, loadCatalog: () => Promise.resolve(catalog), language: 'zh-CN', onChange: (state) => states.push(state), schedule });
  runner.checkNow();
  while (runner.current.live.kind !== 'on') await flush();
  await host.settleEvents();
  const checks = () => runner.current.finished;
  expect(checks()).toBe(1);
  const before = runner.current.result.kind === 'done' && runner.current.result.outcome.kind === 'template' ? runner.current.result.outcome.check.read.entries.find((entry) => entry.cells.value === dropdown)?.value : 'no outcome';

  await host.personSelects(dropdown);
  await host.personPicksFromList(dropdown, before === '是' ? '否' : '是');
  await host.settleEvents();
  expect(timers).toHaveLength(0); // no onChanged on the web: nothing would re-check
  await host.personSelects('A1');
  await host.settleEvents();
  expect(timers).toHaveLength(1);
  timers.shift()?.();
  while (runner.current.busy || checks() < 2) await flush();
  const after = runner.current.result.kind === 'done' && runner.current.result.outcome.kind === 'template' ? runner.current.result.outcome.check.read.entries.find((entry) => entry.cells.value === dropdown)?.value : 'no outcome';
  expect(after).toBe(before === '是' ? '否' : '是');
  await runner.dispose();
});
