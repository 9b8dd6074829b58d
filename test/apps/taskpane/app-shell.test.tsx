/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../../src/apps/taskpane/App';
import { PANE_OPENED_KEY } from '../../../src/apps/taskpane/opening-view';
import { ServicesProvider, type PaneServices } from '../../../src/apps/taskpane/services';
import { ENDPOINT_TOKEN_KEY } from '../../../src/apps/taskpane/settings/endpoint-settings';
import { SubmitEnvironmentProvider, type SubmitEnvironment } from '../../../src/apps/taskpane/submit/submit-environment';
import { strings } from '../../../src/apps/taskpane/strings';
import { OUTBOX_KEY } from '../../../src/client/outbox';
import { memoryStore } from '../../../src/client/storage';
import { TEST_NOW, testServices } from './test-services';

const zh = strings['zh-CN'];
const WORKBOOK = 'https://example.sharepoint.com/sites/fl/儿童2025.xlsx';

/** The Submit environment of these tests: no endpoint (nothing is sent), timers that never fire. */
const environment: SubmitEnvironment = {
  endpoint: () => null,
  random: () => 0.5,
  randomUUID: () => 'key-1',
  setTimer: () => 0,
  clearTimer: () => undefined,
  locks: null,
  onOnline: () => () => undefined,
};

function renderApp(services: PaneServices) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <SubmitEnvironmentProvider environment={environment}>
          <App strings={zh} />
        </SubmitEnvironmentProvider>
      </ServicesProvider>
    </FluentProvider>,
  );
}

const document = { plan: 'children', year: 2025, organisationId: 'fl', catalogVersion: '2026.2', templateVersion: 1, values: [] };
const receipt = {
  submissionId: 'sub_7', version: 2, plan: 'children', year: 2025, organisationId: 'fl', status: 'submitted', receivedAt: new Date(TEST_NOW - 3_600_000).toISOString(),
  source: 'json', catalogVersion: '2026.2', templateVersion: 1, counts: { values: 15, met: 15, notMet: 0, notYetDue: 0, noData: 0, invalid: 0, notAssessable: 0, warnings: 0 }, bodySha256: 'a'.repeat(64),
};

describe('the task pane shell', () => {
  it('shows four tabs in Chinese, 填报 first once the pane has been opened before, and switches views', async () => {
    renderApp(testServices({ store: memoryStore({ [PANE_OPENED_KEY]: String(TEST_NOW - 86_400_000) }) }));
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

  it('first run without a token: opens on 设置 with a welcome saying what to do; 先去填报 goes on; the next opening starts on 填报', async () => {
    const store = memoryStore();
    const first = renderApp(testServices({ store }));
    expect(screen.getByRole('tab', { name: '设置' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText(zh.settings.firstRunTitle)).toBeInTheDocument();
    expect(screen.getByText(zh.settings.firstRun)).toBeInTheDocument();
    await waitFor(() => expect(store.get(PANE_OPENED_KEY)).toBe(String(TEST_NOW)));
    await userEvent.click(screen.getByRole('button', { name: zh.settings.firstRunLater }));
    expect(screen.getByRole('tab', { name: '填报' })).toHaveAttribute('aria-selected', 'true');
    first.unmount();

    renderApp(testServices({ store }));
    expect(screen.getByRole('tab', { name: '填报' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByText(zh.settings.firstRunTitle)).not.toBeInTheDocument();
  });

  it('with a token stored (set up by someone else), even the first opening starts on 填报', () => {
    renderApp(testServices({ store: memoryStore({ [ENDPOINT_TOKEN_KEY]: 'xpm_x' }) }));
    expect(screen.getByRole('tab', { name: '填报' })).toHaveAttribute('aria-selected', 'true');
  });

  it('reopened on a workbook with a submission still queued: says so on 填报; 查看提交 opens 提交', async () => {
    const entry = { id: 'key-0', workbookKey: WORKBOOK, document, idempotencyKey: 'key-0', createdAt: TEST_NOW - 600_000, attempts: 3, nextAttemptAt: TEST_NOW + 60_000, state: 'queued', lastError: null };
    const other = { ...entry, id: 'key-9', idempotencyKey: 'key-9', workbookKey: 'https://example.sharepoint.com/其他.xlsx' };
    const store = memoryStore({ [PANE_OPENED_KEY]: '1', [OUTBOX_KEY]: JSON.stringify({ v: 1, entries: [entry, other], deliveries: [] }) });
    renderApp(testServices({ store, workbookKey: WORKBOOK }));
    const notice = (await screen.findByText(zh.submit.pendingTitle(1))).closest('[role="group"]') as HTMLElement;
    expect(notice).toHaveTextContent('儿童发展规划 · 2025年度 · 新平县妇女联合会：已保存在本机，连上服务器后自动发送，不会重复提交。');
    await userEvent.click(within(notice).getByRole('button', { name: zh.submit.openSubmit }));
    expect(screen.getByRole('tab', { name: '提交' })).toHaveAttribute('aria-selected', 'true');
    // on 提交 the view itself lists it
    expect(await screen.findByRole('list', { name: zh.submit.outboxHeading })).toBeInTheDocument();
    expect(screen.queryByText(zh.submit.pendingTitle(1))).not.toBeInTheDocument();
  });

  it('reopened after a submission went through: says which version was delivered when, until dismissed', async () => {
    const delivery = { id: 'key-1', workbookKey: WORKBOOK, plan: 'children', year: 2025, organisationId: 'fl', receipt, replayed: false, deliveredAt: TEST_NOW - 3_600_000 };
    const store = memoryStore({ [PANE_OPENED_KEY]: '1', [OUTBOX_KEY]: JSON.stringify({ v: 1, entries: [], deliveries: [delivery] }) });
    renderApp(testServices({ store, workbookKey: WORKBOOK }));
    const text = zh.submit.recentDelivered('儿童发展规划 · 2025年度 · 新平县妇女联合会', 2, zh.submit.formatTime(Date.parse(receipt.receivedAt)));
    expect(await screen.findByText(text)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: zh.submit.dismiss }));
    await waitFor(() => expect(screen.queryByText(text)).not.toBeInTheDocument());
  });

  it('says nothing of another workbook\'s submissions or of old ones', async () => {
    const old = { id: 'key-1', workbookKey: WORKBOOK, plan: 'children', year: 2025, organisationId: 'fl', receipt, replayed: false, deliveredAt: TEST_NOW - 30 * 86_400_000 };
    const elsewhere = { ...old, id: 'key-2', workbookKey: 'other.xlsx', deliveredAt: TEST_NOW - 60_000 };
    const store = memoryStore({ [PANE_OPENED_KEY]: '1', [OUTBOX_KEY]: JSON.stringify({ v: 1, entries: [], deliveries: [old, elsewhere] }) });
    renderApp(testServices({ store, workbookKey: WORKBOOK }));
    expect(await screen.findByRole('tab', { name: '填报' })).toHaveAttribute('aria-selected', 'true');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText(zh.submit.recentTitle)).not.toBeInTheDocument();
    expect(screen.queryByText(/尚未送达/)).not.toBeInTheDocument();
  });
});
