/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../../src/apps/taskpane/App';
import { ServicesProvider } from '../../../src/apps/taskpane/services';
import { strings } from '../../../src/apps/taskpane/strings';
import { testServices } from './test-services';

describe('the task pane shell', () => {
  it('shows four tabs in Chinese, 填报 first, and switches views', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={testServices()}>
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
