/**
 * @jest-environment jsdom
 */
/**
 * Issue 13, point 3: a person protected the sheet again, now with a password. The adapter cannot lift it, so
 * nothing is drawn into the sheet; the Check view still lists every finding and says, in Chinese, why the
 * sheet is not marked and how to let the add-in mark it.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import CheckView from '../../../../src/apps/taskpane/check/CheckView';
import { ServicesProvider } from '../../../../src/apps/taskpane/services';
import { strings } from '../../../../src/apps/taskpane/strings';
import { officeWorkbook } from '../../../../src/apps/taskpane/workbook/office-workbook-port';
import { seedCatalog } from '../../../../src/seed-catalog';
import { buildTemplate } from '../../../../src/core/template/build-template';
import { fakeExcel } from '../../../helpers/fake-excel';
import { testServices } from '../test-services';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });

it('a sheet protected with a password: the findings are listed and the view says why nothing was marked in the sheet', async () => {
  const host = fakeExcel('microsoft365');
  const port = officeWorkbook(host);
  const { sheetName } = await port.insertTemplate(model);
  const sheet = host.workbook.sheet(sheetName);
  sheet.personTypes('K6', 'abc');
  sheet.personUnprotects();
  sheet.personProtects({}, '123456');
  await host.settleEvents();
  const services = testServices({ workbook: port, loadCatalog: () => Promise.resolve(catalog) });
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <CheckView active show={jest.fn()} recheckDelayMs={20} />
      </ServicesProvider>
    </FluentProvider>,
  );
  await userEvent.setup().click(screen.getByRole('button', { name: strings['zh-CN'].check.checkButton }));
  expect(await screen.findByText(/设置了保护密码，加载项无法在表中标出问题/)).toBeInTheDocument();
  expect(screen.getByText(/审阅 › 撤消工作表保护/)).toBeInTheDocument();
  expect(screen.queryByText(/已在表中用颜色标出/)).toBeNull();
  expect(sheet.protection).toMatchObject({ protected: true, password: '123456' });
  expect(sheet.notes('note').size).toBe(0);
});
