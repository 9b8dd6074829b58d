/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../../src/apps/taskpane/App';
import { ServicesProvider, type PaneServices } from '../../../src/apps/taskpane/services';
import { memoryStore } from '../../../src/client/storage';
import { strings } from '../../../src/apps/taskpane/strings';
import { officeWorkbook } from '../../../src/apps/taskpane/workbook/office-workbook-port';
import { seedCatalog } from '../../../src/seed-catalog';
import { FakeExcelHost } from '../../helpers/fake-excel';

function services(): PaneServices {
  return {
    locale: 'zh-CN',
    strings: strings['zh-CN'],
    workbook: officeWorkbook(new FakeExcelHost()),
    store: memoryStore(),
    workbookKey: '',
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    now: () => Date.parse('2026-03-01T08:00:00Z'),
    loadCatalog: () => Promise.resolve(seedCatalog()),
    client: { app: 'test' },
    defaultEndpoint: 'http://127.0.0.1:1',
    pageOrigin: 'https://localhost:3000',
  };
}

describe('the task pane shell', () => {
  it('shows four tabs in Chinese, 填报 first, and switches views', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={services()}>
          <App strings={strings['zh-CN']} />
        </ServicesProvider>
      </FluentProvider>,
    );
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toHaveLength(4);
    ['填报', '检查', '提交', '设置'].forEach((name, index) => expect(tabs[index]).toHaveAccessibleName(name));
    expect(screen.getByRole('tab', { name: '填报' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tablist')).toHaveAccessibleName('功能');

    await userEvent.click(screen.getByRole('tab', { name: '设置' }));
    expect(screen.getByRole('tab', { name: '设置' })).toHaveAttribute('aria-selected', 'true');
    const panels = screen.getAllByRole('tabpanel', { hidden: true });
    expect(panels.filter((panel) => !panel.hidden).map((panel) => panel.id)).toEqual(['panel-settings']);
  });
});
