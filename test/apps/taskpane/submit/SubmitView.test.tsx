/**
 * @jest-environment jsdom
 */
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Catalog } from '../../../../src/core/catalog/catalog';
import { buildTemplate } from '../../../../src/core/template/build-template';
import { parseCellAddress } from '../../../../src/core/template/cell-address';
import type { TemplateModel } from '../../../../src/core/template/template-model';
import { seedCatalog } from '../../../../src/seed-catalog';
import { EndpointError } from '../../../../src/client/endpoint-client';
import { ServicesProvider, type PaneServices } from '../../../../src/apps/taskpane/services';
import { ENDPOINT_TOKEN_KEY } from '../../../../src/apps/taskpane/settings/endpoint-settings';
import { memoryStore } from '../../../../src/client/storage';
import { strings } from '../../../../src/apps/taskpane/strings';
import SubmitView from '../../../../src/apps/taskpane/submit/SubmitView';
import { OUTBOX_KEY } from '../../../../src/client/outbox';
import { settingsEndpoint, SubmitEnvironmentProvider, type SubmitEnvironment } from '../../../../src/apps/taskpane/submit/submit-environment';
import { officeWorkbook } from '../../../../src/apps/taskpane/workbook/office-workbook-port';
import { FakeExcelHost, type FakeSheet } from '../../../helpers/fake-excel';
import { FakeEndpoint } from '../../../client/fake-endpoint';
import { refusingFetch, testServices } from '../test-services';
import { endpointFailureTexts } from '../../../../src/client/endpoint-failure-texts';
import { cellOf, fillAcceptable, rowWhere } from './submit-fixtures';

const WORKBOOK = 'https://example.sharepoint.com/sites/fl/儿童2025.xlsx';
const zh = strings['zh-CN'].submit;

let catalog: Catalog;
let model: TemplateModel;
beforeAll(() => {
  catalog = seedCatalog();
  // 妇联's children's template: 15 rows, quick to fill and read
  model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'fl' });
});

interface Pane {
  host: FakeExcelHost;
  sheet: FakeSheet | null;
  server: FakeEndpoint;
  services: PaneServices;
  show: jest.Mock<(view: string) => void>;
  online: () => void;
  unmount: () => void;
}

interface PaneOptions {
  /** 'none': leave the active sheet empty; 'all': the all-indicator template (no organisation). */
  template?: 'filled' | 'none' | 'all';
  /** The template inserted and filled (default: 妇联's children's template of 2025). */
  templateModel?: TemplateModel;
  edit?: (sheet: FakeSheet) => void;
  server?: FakeEndpoint;
  endpoint?: SubmitEnvironment['endpoint'];
  store?: ReturnType<typeof memoryStore>;
  loadCatalog?: () => Promise<Catalog>;
  fetch?: typeof fetch;
  locale?: 'zh-CN' | 'en-US';
}

async function openPane(options: PaneOptions = {}): Promise<Pane> {
  const host = new FakeExcelHost();
  const workbook = officeWorkbook(host);
  let sheet: FakeSheet | null = null;
  const template = options.template ?? 'filled';
  if (template !== 'none') {
    const own = options.templateModel ?? model;
    const cut = template === 'all' ? buildTemplate(catalog, { plan: 'children', year: 2025 }) : own;
    const { sheetName } = await workbook.insertTemplate(cut);
    sheet = host.workbook.sheet(sheetName);
    if (template === 'filled') fillAcceptable(sheet, own, catalog);
    options.edit?.(sheet);
  }
  const server = options.server ?? new FakeEndpoint('fl');
  const onlineListeners = new Set<() => void>();
  let ids = 0;
  const environment: SubmitEnvironment = {
    endpoint: options.endpoint ?? (() => server),
    random: () => 0.5,
    randomUUID: () => `key-${(ids += 1)}`,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    locks: null,
    onOnline: (callback) => {
      onlineListeners.add(callback);
      return () => void onlineListeners.delete(callback);
    },
  };
  const locale = options.locale ?? 'zh-CN';
  const services = testServices({
    locale,
    workbook,
    store: options.store,
    workbookKey: WORKBOOK,
    fetch: options.fetch,
    // the runner's timers and outbox entries follow the real (or jest's fake) clock
    now: () => Date.now(),
    loadCatalog: options.loadCatalog ?? (() => Promise.resolve(catalog)),
    defaultEndpoint: 'https://tianbao.example.gov.cn',
  });
  const show = jest.fn<(view: string) => void>();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <SubmitEnvironmentProvider environment={environment}>
          <SubmitView active show={show} />
        </SubmitEnvironmentProvider>
      </ServicesProvider>
    </FluentProvider>,
  );
  return {
    host,
    sheet,
    server,
    services,
    show,
    online: () => act(() => onlineListeners.forEach((listener) => listener())),
    unmount: view.unmount,
  };
}

const submitButton = () => screen.getByRole('button', { name: '提交' });

/** The pre-flight is done (the sheet summary or a message is shown). */
async function checked(): Promise<void> {
  await waitFor(() => expect(screen.queryByText(zh.reading)).not.toBeInTheDocument());
}

afterEach(() => {
  jest.useRealTimers();
});

describe('the Submit view', () => {
  it('says when the active sheet is not a template, and offers to check again', async () => {
    await openPane({ template: 'none' });
    expect(await screen.findByText(zh.notTemplateTitle)).toBeInTheDocument();
    expect(screen.getByText(/不是监测指标填报模板/)).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
    expect(screen.getByText(zh.blocked.notReady)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: '重新检查' }).length).toBeGreaterThan(0);
  });

  it('shows progress while the sheet is read and checked', async () => {
    let deliver!: (value: Catalog) => void;
    await openPane({ loadCatalog: () => new Promise((resolve) => (deliver = resolve)) });
    expect(screen.getByRole('progressbar', { name: zh.reading })).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
    await act(async () => deliver(catalog));
    expect(await screen.findByText(/检查通过：15 项数据可以提交/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: zh.reading })).not.toBeInTheDocument();
  });

  it('refuses the all-indicator template: it has no organisation', async () => {
    await openPane({ template: 'all' });
    expect(await screen.findByText(zh.noOrganisationTitle)).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
  });

  it('lists errors with cell, indicator and township; they block; clicking the cell selects it', async () => {
    const bad = rowWhere(model, catalog, '九十五', 'error');
    const { host, sheet, server } = await openPane({ edit: (target) => target.personPastesText(cellOf(bad, 'value'), [['九十五']]) });
    const heading = await screen.findByRole('heading', { name: '错误 1 处：改正后才能提交' });
    const list = screen.getByRole('list', { name: heading.textContent as string });
    const item = within(list).getByRole('listitem');
    const indicator = catalog.indicators.get(bad.indicatorId);
    expect(item).toHaveTextContent(bad.indicatorId);
    expect(item).toHaveTextContent(indicator?.name as string);
    if (bad.unitId) expect(item).toHaveTextContent(catalog.organisations.find((o) => o.id === bad.unitId)?.shortName as string);
    expect(item).toHaveTextContent(/九十五/);
    expect(submitButton()).toBeDisabled();
    expect(screen.getByText(zh.blocked.errors)).toBeInTheDocument();

    await userEvent.click(within(item).getByRole('button', { name: `定位到单元格 ${cellOf(bad, 'value')}` }));
    const { row, column } = parseCellAddress(cellOf(bad, 'value'));
    await waitFor(() => expect(host.workbook.selection).toEqual({ sheetId: sheet?.id, rect: { r0: row, c0: column, r1: row, c1: column } }));
    expect(server.submitCalls).toHaveLength(0);
  });

  it('asks for a 说明 per warning, writes it into the sheet\'s 说明 cell, checks again, then allows 提交', async () => {
    const missed = rowWhere(model, catalog, '1', 'note');
    const { sheet, server } = await openPane({
      edit: (target) => {
        target.personPastesText(cellOf(missed, 'value'), [['1']]);
        target.personPastesText(cellOf(missed, 'note'), [['']]);
      },
    });
    expect(await screen.findByRole('heading', { name: '须填写说明 1 项' })).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
    expect(screen.getByText(zh.blocked.notes)).toBeInTheDocument();
    const writeButton = screen.getByRole('button', { name: zh.writeNotes });
    expect(writeButton).toBeDisabled();

    const noteCell = cellOf(missed, 'note');
    const field = screen.getByRole('textbox', { name: `说明（写入单元格 ${noteCell}）` });
    await userEvent.type(field, '受统计口径调整影响，数据偏低');
    await userEvent.click(writeButton);

    expect(await screen.findByText('已把 1 条说明写入工作表。')).toBeInTheDocument();
    expect(sheet?.value(noteCell)).toBe('受统计口径调整影响，数据偏低');
    await waitFor(() => expect(screen.queryByRole('heading', { name: /须填写说明/ })).not.toBeInTheDocument());
    expect(screen.getByText(/检查通过/)).toBeInTheDocument();
    expect(submitButton()).toBeEnabled();

    await userEvent.click(submitButton());
    expect(await screen.findByText('提交成功：第 1 版')).toBeInTheDocument();
    expect(server.submitCalls[0]?.document.values.find((value) => value.indicatorId === missed.indicatorId && value.unitId === missed.unitId)?.note).toBe('受统计口径调整影响，数据偏低');
    // the notes' confirmation made way for the submission's outcome
    expect(screen.queryByText('已把 1 条说明写入工作表。')).not.toBeInTheDocument();
  });

  it('sends, shows progress, then a receipt with version, local time, counts, id and checksum; the status follows', async () => {
    const server = new FakeEndpoint('fl');
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));
    const pane = await openPane({ server });
    await checked();
    expect(await screen.findByText('服务器上还没有本单位2025年度的这份报表。')).toBeInTheDocument();
    await userEvent.click(submitButton());
    expect(await screen.findByRole('progressbar', { name: '正在提交…' })).toBeInTheDocument();
    release();

    const receipt = await screen.findByRole('region', { name: '提交成功：第 1 版' });
    const stored = server.storedVersions()[0];
    expect(stored).toBeDefined();
    expect(receipt).toHaveTextContent(zh.formatTime(Date.parse(stored?.receivedAt as string)));
    expect(receipt).toHaveTextContent('共 15 项：达标 15');
    expect(receipt).toHaveTextContent(stored?.submissionId as string);
    expect(receipt).toHaveTextContent((stored?.bodySha256 as string).slice(0, 12));
    expect(receipt).not.toHaveTextContent(stored?.bodySha256 as string);
    expect(receipt).not.toHaveTextContent(zh.replayed);
    expect(screen.queryByRole('progressbar', { name: '正在提交…' })).not.toBeInTheDocument();
    expect(await screen.findByText(/已提交第 1 版（.*），等待统计局审核。/)).toBeInTheDocument();
    // the document is the sheet: 妇联's organisation, the template's plan and year, every row
    expect(server.submitCalls[0]?.document).toMatchObject({ plan: 'children', year: 2025, organisationId: 'fl', client: { app: 'test' } });
    expect(server.submitCalls[0]?.document.values).toHaveLength(15);

    // the same sheet again would be the same version twice: 提交 waits for a change
    await waitFor(() => expect(submitButton()).toBeDisabled());
    expect(screen.getByText(zh.blocked.unchanged)).toBeInTheDocument();
    // changed and checked again, a second submission is a new version, with a new idempotency key
    pane.sheet?.personPastesText(cellOf(model.dataRows[0]!, 'note'), [['已与年报核对']]);
    await userEvent.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(submitButton()).toBeEnabled());
    await userEvent.click(submitButton());
    expect(await screen.findByRole('region', { name: '提交成功：第 2 版' })).toBeInTheDocument();
    expect(new Set(server.submitCalls.map((call) => call.key)).size).toBe(2);
  });

  it('a lost answer retried is recognised by the server: "重复提交已识别，未重复保存", one version stored', async () => {
    const server = new FakeEndpoint('fl');
    server.loseAnswers = 1;
    await openPane({ server });
    await checked();
    await userEvent.click(submitButton());
    expect(await screen.findByText(zh.queuedTitle)).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: '立即重试' })[0] as HTMLElement);
    const receipt = await screen.findByRole('region', { name: '提交成功：第 1 版' });
    expect(receipt).toHaveTextContent('重复提交已识别，未重复保存');
    expect(server.storedVersions()).toHaveLength(1);
    expect(server.submitCalls.map((call) => call.key)).toEqual(['key-1', 'key-1']);
  });

  it('on open shows a report returned by the bureau with its comment, asking to fix and resubmit', async () => {
    const server = new FakeEndpoint('fl');
    await server.submit({ plan: 'children', year: 2025, organisationId: 'fl', catalogVersion: 'x', templateVersion: 1, values: [] }, 'earlier');
    server.review('children', 2025, 'fl', 'returned', '请核实C-WEL-16的数据来源后重新报送');
    await openPane({ server });
    const bar = (await screen.findByText(zh.statusReturnedTitle)).closest('[role="group"]') as HTMLElement;
    expect(bar).toHaveTextContent('退回意见：请核实C-WEL-16的数据来源后重新报送');
    expect(bar).toHaveTextContent(zh.returnedAction);
    expect(bar).toHaveTextContent('第 1 版于');
    await checked();
    expect(submitButton()).toBeEnabled();
  });

  it('on open shows an approved report as locked and does not allow 提交', async () => {
    const server = new FakeEndpoint('fl');
    await server.submit({ plan: 'children', year: 2025, organisationId: 'fl', catalogVersion: 'x', templateVersion: 1, values: [] }, 'earlier');
    server.review('children', 2025, 'fl', 'approved');
    await openPane({ server });
    expect(await screen.findByText(zh.statusApprovedTitle)).toBeInTheDocument();
    expect(screen.getByText(/第 1 版已于 .* 由统计局审核通过并锁定，不能再提交新版本/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(zh.blocked.approved)).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
  });

  it('offline: status cannot be fetched, the submission is queued with its next attempt; back online it is delivered once', async () => {
    const server = new FakeEndpoint('fl');
    server.down = true;
    const pane = await openPane({ server });
    expect(await screen.findByText(/暂时无法获取服务器上的报表状态/)).toBeInTheDocument();
    const before = Date.now();
    await userEvent.click(submitButton());
    const queued = (await screen.findByText(zh.queuedTitle)).closest('[role="group"]') as HTMLElement;
    expect(queued).toHaveTextContent('下次尝试');
    // the next attempt is 5 s (± jitter; 0.5 here: exactly 5 s) after the failed one
    const shown = [0, 1, 2, 3].map((extra) => zh.formatTime(Math.floor(before / 1000) * 1000 + 5000 + extra * 1000));
    expect(shown.some((text) => queued.textContent?.includes(text))).toBe(true);
    const outbox = screen.getByRole('list', { name: zh.outboxHeading });
    expect(within(outbox).getByRole('listitem')).toHaveTextContent('等待发送：已尝试 1 次');
    // the failure is shown once, under the status; the queue says "the same"
    expect(within(outbox).getByRole('listitem')).toHaveTextContent(zh.lastErrorSame);
    expect(JSON.parse(pane.services.store.get(OUTBOX_KEY) as string).entries).toHaveLength(1);

    server.down = false;
    pane.online();
    const receipt = await screen.findByRole('region', { name: '提交成功：第 1 版' });
    expect(receipt).not.toHaveTextContent(zh.replayed);
    expect(server.storedVersions()).toHaveLength(1);
    expect(server.submitCalls.map((call) => call.key)).toEqual(['key-1', 'key-1']);
    expect(screen.queryByRole('list', { name: zh.outboxHeading })).not.toBeInTheDocument();
    expect(screen.queryByText(zh.queuedTitle)).not.toBeInTheDocument();
    // and the status is fetched again
    expect(await screen.findByText(/已提交第 1 版/)).toBeInTheDocument();

    // later online events send nothing more
    pane.online();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.submitCalls).toHaveLength(2);
  });

  it('a second submission while the first still waits replaces it in the queue, and says so', async () => {
    const server = new FakeEndpoint('fl');
    server.down = true;
    await openPane({ server });
    await checked();
    await userEvent.click(submitButton());
    expect(await screen.findByText(zh.queuedTitle)).toBeInTheDocument();
    await userEvent.click(submitButton());
    expect(await screen.findByText(zh.replaced)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: zh.outboxHeading })).getAllByRole('listitem')).toHaveLength(1);
    server.down = false;
    await userEvent.click(screen.getAllByRole('button', { name: '立即重试' })[0] as HTMLElement);
    expect(await screen.findByRole('region', { name: '提交成功：第 1 版' })).toBeInTheDocument();
    expect(server.storedVersions()).toHaveLength(1);
    expect(server.submitCalls.map((call) => call.key)).toEqual(['key-1', 'key-2', 'key-2']);
  });

  it('the backoff timer delivers a queued submission while the pane stays open', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    const server = new FakeEndpoint('fl');
    server.down = true;
    await openPane({ server });
    await checked();
    await userEvent.click(submitButton());
    expect(await screen.findByText(zh.queuedTitle)).toBeInTheDocument();
    server.down = false;
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_000);
    });
    expect(await screen.findByRole('region', { name: '提交成功：第 1 版' })).toBeInTheDocument();
    expect(server.storedVersions()).toHaveLength(1);
  });

  it('a refusal (401) is shown with the server\'s message and needs attention: not retried automatically', async () => {
    const server = new FakeEndpoint('fl');
    server.refuseWith = new EndpointError('unauthorized', '访问令牌无效或已被撤销：请向统计局管理员申请新的令牌。', 'The token is invalid or has been revoked.', { status: 401, code: 'auth.invalidToken', retryable: false });
    const pane = await openPane({ server });
    await checked();
    await userEvent.click(submitButton());
    const bar = (await screen.findByText(zh.attentionTitle)).closest('[role="group"]') as HTMLElement;
    expect(bar).toHaveTextContent('访问令牌无效或已被撤销：请向统计局管理员申请新的令牌。');
    const entry = within(screen.getByRole('list', { name: zh.outboxHeading })).getByRole('listitem');
    expect(entry).toHaveTextContent(zh.entryAttention);
    pane.online();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.submitCalls).toHaveLength(1);

    // the person removes it from the queue
    await userEvent.click(within(entry).getByRole('button', { name: /从待发送队列中移除/ }));
    await waitFor(() => expect(screen.queryByRole('list', { name: zh.outboxHeading })).not.toBeInTheDocument());
  });

  it('without a token: says so, offers 设置, and does not submit', async () => {
    const store = memoryStore();
    const pane = await openPane({ store, endpoint: (services) => settingsEndpoint(services) });
    expect(await screen.findByText(zh.noSettingsTitle)).toBeInTheDocument();
    await checked();
    expect(submitButton()).toBeDisabled();
    expect(screen.getByText(zh.blocked.noSettings)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '打开设置' }));
    expect(pane.show).toHaveBeenCalledWith('settings');
    expect(pane.server.submitCalls).toHaveLength(0);
  });

  it('with a stored token it submits through the real endpoint client (fetch double)', async () => {
    const store = memoryStore({ [ENDPOINT_TOKEN_KEY]: 'xpm_test' });
    const requests: { method: string; url: string; headers: Record<string, string> }[] = [];
    const receipt = {
      submissionId: 'sub_abc', version: 3, plan: 'children', year: 2025, organisationId: 'fl', status: 'submitted', receivedAt: '2026-03-01T08:00:00.000Z',
      source: 'json', catalogVersion: model.meta.catalogVersion, templateVersion: 1,
      counts: { values: 15, met: 12, notMet: 0, noData: 3, invalid: 0, notAssessable: 0, warnings: 0 }, bodySha256: 'f'.repeat(64),
    };
    // jsdom has no Response: the few members the client reads
    const answer = (body: unknown, headers: Record<string, string>) =>
      ({ status: 200, headers: { get: (name: string) => headers[name.toLowerCase()] ?? null }, text: async () => JSON.stringify(body) }) as unknown as Response;
    const fetchDouble = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      requests.push({ method: init?.method ?? 'GET', url, headers: init?.headers as Record<string, string> });
      if (url.includes('/api/v1/submissions?')) return answer({ submissions: [] }, { 'content-type': 'application/json' });
      return answer(receipt, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
    }) as typeof fetch;
    await openPane({ store, fetch: fetchDouble, endpoint: (services) => settingsEndpoint(services) });
    await checked();
    await waitFor(() => expect(submitButton()).toBeEnabled());
    await userEvent.click(submitButton());
    const card = await screen.findByRole('region', { name: '提交成功：第 3 版' });
    expect(card).toHaveTextContent('重复提交已识别，未重复保存');
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.url).toBe('https://tianbao.example.gov.cn/api/v1/submissions');
    expect(post?.headers.authorization).toBe('Bearer xpm_test');
    expect(post?.headers['idempotency-key']).toBe('key-1');
  });

  it('speaks English when Office does', async () => {
    await openPane({ locale: 'en-US' });
    expect(await screen.findByText(/Check passed: 15 values ready to submit/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('region', { name: 'Submitted: version 1' })).toBeInTheDocument();
  });
});

describe('the Submit view\u2019s states', () => {
  it('offline (the real client, no server): the long connection failure is said once, not once per place', async () => {
    const store = memoryStore({ [ENDPOINT_TOKEN_KEY]: 'xpm_test' });
    await openPane({ store, fetch: refusingFetch, endpoint: (services) => settingsEndpoint(services) });
    expect(await screen.findByText(/暂时无法获取服务器上的报表状态/)).toBeInTheDocument();
    await waitFor(() => expect(submitButton()).toBeEnabled());
    await userEvent.click(submitButton());
    expect(await screen.findByText(zh.queuedTitle)).toBeInTheDocument();
    const failure = endpointFailureTexts['zh-CN'].networkFailed('https://tianbao.example.gov.cn');
    const shown = (document.body.textContent ?? '').split(failure).length - 1;
    expect(shown).toBe(1);
    expect(within(screen.getByRole('list', { name: zh.outboxHeading })).getByRole('listitem')).toHaveTextContent(zh.lastErrorSame);
  });

  it('approved: says 已锁定 and never "检查通过：可以提交"', async () => {
    const server = new FakeEndpoint('fl');
    await server.submit({ plan: 'children', year: 2025, organisationId: 'fl', catalogVersion: 'x', templateVersion: 1, values: [] }, 'earlier');
    server.review('children', 2025, 'fl', 'approved');
    await openPane({ server });
    expect(await screen.findByText(zh.statusApprovedTitle)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(zh.blocked.approved)).toBeInTheDocument());
    expect(screen.queryByText(zh.ready(model.dataRows.length))).not.toBeInTheDocument();
    expect(screen.queryByText(/检查通过/)).not.toBeInTheDocument();
  });

  it('a return comment naming indicators links each one in the sheet to its cell (the township it names, for per-township ones)', async () => {
    const wjjModel = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    const server = new FakeEndpoint('wjj');
    await server.submit({ plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: 'x', templateVersion: 1, values: [] }, 'earlier');
    server.review('children', 2025, 'wjj', 'returned', 'C-HEA-09 戛洒镇的接种率与卫健委年报不一致；c-hea-04 请核实；W-DEC-04 不属于本表');
    const { host, sheet } = await openPane({ server, templateModel: wjjModel });
    const bar = (await screen.findByText(zh.statusReturnedTitle)).closest('[role="group"]') as HTMLElement;
    await checked();
    const gasa = wjjModel.dataRows.find((row) => row.indicatorId === 'C-HEA-09' && row.unitId === 'gasa');
    const infant = wjjModel.dataRows.find((row) => row.indicatorId === 'C-HEA-04');
    if (!gasa || !infant) throw new Error('rows');
    const link = within(bar).getByRole('button', { name: zh.commentIndicator('C-HEA-09', cellOf(gasa, 'value')) });
    expect(link).toHaveTextContent('C-HEA-09');
    expect(bar).toHaveTextContent('退回意见：C-HEA-09 戛洒镇的接种率与卫健委年报不一致；c-hea-04 请核实；W-DEC-04 不属于本表');
    await userEvent.click(link);
    const at = parseCellAddress(cellOf(gasa, 'value'));
    await waitFor(() => expect(host.workbook.selection).toEqual({ sheetId: sheet?.id, rect: { r0: at.row, c0: at.column, r1: at.row, c1: at.column } }));
    await userEvent.click(within(bar).getByRole('button', { name: zh.commentIndicator('C-HEA-04', cellOf(infant, 'value')) }));
    const infantAt = parseCellAddress(cellOf(infant, 'value'));
    await waitFor(() => expect(host.workbook.selection?.rect).toEqual({ r0: infantAt.row, c0: infantAt.column, r1: infantAt.row, c1: infantAt.column }));
    // an indicator that is not in the sheet stays text
    expect(within(bar).queryByRole('button', { name: /W-DEC-04/ })).not.toBeInTheDocument();
  });

  it('reopened after a submission: shows it, and 提交 stays disabled until the sheet changes', async () => {
    const store = memoryStore();
    const server = new FakeEndpoint('fl');
    const first = await openPane({ store, server });
    await checked();
    await waitFor(() => expect(submitButton()).toBeEnabled());
    await userEvent.click(submitButton());
    expect(await screen.findByRole('region', { name: '提交成功：第 1 版' })).toBeInTheDocument();
    first.unmount();

    await openPane({ store, server });
    await checked();
    const receivedAt = Date.parse(server.storedVersions()[0]?.receivedAt as string);
    expect(await screen.findByText(zh.lastDelivered(1, zh.formatTime(receivedAt)))).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(zh.blocked.unchanged)).toBeInTheDocument());
    expect(submitButton()).toBeDisabled();
    // the check passed, but "可以提交" would contradict the disabled button
    expect(screen.queryByText(zh.ready(model.dataRows.length))).not.toBeInTheDocument();
    expect(server.submitCalls).toHaveLength(1);
  });
});
