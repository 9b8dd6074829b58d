/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import SettingsView, { SettingsPanel } from '../../../../src/apps/taskpane/settings/SettingsView';
import { ServicesProvider } from '../../../../src/apps/taskpane/services';
import { memoryStore } from '../../../../src/client/storage';
import type { Locale } from '../../../../src/apps/taskpane/strings';
import type { WorkbookPort } from '../../../../src/workbook/workbook-port';
import { seedCatalog } from '../../../../src/seed-catalog';
import { testServices } from '../test-services';

const ADDIN = 'https://addin.example';
const SERVER = 'https://tianbao.example.gov.cn';
const NOW = Date.parse('2026-03-01T08:00:00Z');
const VERSION = seedCatalog().plans.women.catalogVersion;

/** An answer as the client reads it (jsdom has no Response). */
function answer(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): Response {
  const headers = new Map([['content-type', contentType]]);
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  } as unknown as Response;
}

const opaque = { status: 0, ok: false, type: 'opaque', headers: { get: () => null }, text: async () => '' } as unknown as Response;

type Route = (init: RequestInit | undefined) => Response | Promise<Response>;

/** A scripted browser: routes by path for CORS requests; `noCors` decides the probe; everything recorded. */
function scriptedFetch(routes: Record<string, Route>, noCors: 'opaque' | 'fails' = 'fails') {
  const calls: { url: string; mode: RequestMode | undefined; authorization: string | null }[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url, mode: init?.mode, authorization: headers.authorization ?? null });
    if (init?.mode === 'no-cors') {
      if (noCors === 'opaque') return opaque;
      throw new TypeError('Failed to fetch');
    }
    const route = routes[new URL(url).pathname];
    if (!route) throw new TypeError('Failed to fetch');
    return route(init);
  }) as typeof fetch;
  return Object.assign(fetchFn, { calls });
}

const me = (organisationId = 'wjj', role = 'reporter'): Route => () => answer(200, { tokenId: 'tok_1', organisationId, role });
const catalog = (women = VERSION, children = VERSION): Route => () =>
  answer(200, { plans: [{ plan: 'women', catalogVersion: women, title: '', titleEn: '', indicatorCount: 0, indicatorIds: [] }, { plan: 'children', catalogVersion: children }] });
const healthy = { '/api/v1/me': me(), '/api/v1/catalog': catalog() };

/** A workbook that fails the test if the settings view touches it: nothing of this view goes into the workbook. */
const untouchableWorkbook = new Proxy({}, {
  get: (_target, name) => {
    throw new Error(`the settings view used the workbook (${String(name)})`);
  },
}) as WorkbookPort;

function renderSettings(options: { fetch?: typeof fetch; store?: ReturnType<typeof memoryStore>; locale?: Locale; defaultEndpoint?: string; pageOrigin?: string | null } = {}) {
  const locale = options.locale ?? 'zh-CN';
  const store = options.store ?? memoryStore();
  const services = testServices({
    locale,
    workbook: untouchableWorkbook,
    store,
    fetch: options.fetch ?? scriptedFetch({}),
    now: () => NOW,
    defaultEndpoint: options.defaultEndpoint ?? SERVER,
    pageOrigin: options.pageOrigin ?? ADDIN,
  });
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        {options.pageOrigin === null ? <SettingsView active show={() => undefined} /> : <SettingsPanel pageOrigin={options.pageOrigin ?? ADDIN} />}
      </ServicesProvider>
    </FluentProvider>,
  );
  return { store, user };
}

const urlInput = () => screen.getByLabelText('服务器地址') as HTMLInputElement;
const tokenInput = () => screen.getByLabelText('访问令牌') as HTMLInputElement;
/** The message bar holding a text, and its intent. */
const intentOf = (text: string | RegExp) => screen.getByText(text).closest('[data-intent]')?.getAttribute('data-intent');

describe('the Settings view (设置)', () => {
  it('empty: the default address, no token (hidden), nothing to clear, where tokens come from', () => {
    renderSettings({ pageOrigin: null });
    expect(screen.getByRole('heading', { name: '设置' })).toBeInTheDocument();
    expect(urlInput().value).toBe(SERVER);
    expect(tokenInput().value).toBe('');
    expect(tokenInput()).toHaveAttribute('type', 'password');
    expect(screen.getByText('尚未保存令牌。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '清除令牌' })).toBeDisabled();
    expect(screen.getByText('indicators token create --org <单位编号>')).toBeInTheDocument();
    expect(screen.getByText(/只保存在这台电脑上/)).toBeInTheDocument();
    expect(document.querySelector('[data-intent]')).toBeNull();
  });

  it('show/hide the token, by keyboard too', async () => {
    const { user } = renderSettings();
    await user.type(tokenInput(), 'xpm_secret');
    const toggle = screen.getByRole('button', { name: '显示令牌' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(tokenInput()).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: '隐藏令牌' })).toHaveAttribute('aria-pressed', 'true');
    screen.getByRole('button', { name: '隐藏令牌' }).focus();
    await user.keyboard('{Enter}');
    expect(tokenInput()).toHaveAttribute('type', 'password');
  });

  it('saving keeps the address and token (normalised) in the per-user store; Enter saves', async () => {
    const { store, user } = renderSettings();
    await user.clear(urlInput());
    await user.type(urlInput(), ' https://monitor.example.gov.cn/api/v1/ ');
    await user.type(tokenInput(), '  xpm_abc  ');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(store.get('xpm.endpoint.url')).toBe('https://monitor.example.gov.cn');
    expect(store.get('xpm.endpoint.token')).toBe('xpm_abc');
    expect(urlInput().value).toBe('https://monitor.example.gov.cn');
    expect(intentOf('设置已保存。')).toBe('success');
    expect(screen.getByText('已保存令牌。')).toBeInTheDocument();

    await user.clear(tokenInput());
    await user.type(tokenInput(), 'xpm_second{Enter}');
    expect(store.get('xpm.endpoint.token')).toBe('xpm_second');
  });

  it('a bad address is refused next to the field and nothing is saved', async () => {
    const { store, user } = renderSettings();
    await user.clear(urlInput());
    await user.type(urlInput(), 'monitor.example.gov.cn');
    await user.type(tokenInput(), 'xpm_abc');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByText(/这不是完整的网址/)).toBeInTheDocument();
    expect(urlInput()).toHaveAttribute('aria-invalid', 'true');
    expect(store.data.size).toBe(0);
  });

  it('test connection: progress, then organisation, role, server and matching versions; the pair and the identity are saved', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetchFn = scriptedFetch({ '/api/v1/me': async (init) => (await gate, me()(init)), '/api/v1/catalog': catalog() });
    const { store, user } = renderSettings({ fetch: fetchFn });
    await user.type(tokenInput(), 'xpm_good');
    await user.click(screen.getByRole('button', { name: '测试连接' }));

    expect(await screen.findByText('正在测试连接…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '测试连接' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '保存' })).toBeDisabled();
    release();

    expect(await screen.findByText('连接正常')).toBeInTheDocument();
    expect(intentOf('连接正常')).toBe('success');
    expect(screen.getByText('卫健局（新平县卫生健康局）')).toBeInTheDocument();
    expect(screen.getByText('填报单位')).toBeInTheDocument();
    expect(screen.getByText(SERVER)).toBeInTheDocument();
    expect(screen.getByText(`与服务器一致（妇女发展规划 ${VERSION}、儿童发展规划 ${VERSION}）`)).toBeInTheDocument();
    expect(screen.queryByText('正在测试连接…')).toBeNull();

    expect(fetchFn.calls.map((call) => [call.url, call.authorization])).toEqual([
      [`${SERVER}/api/v1/me`, 'Bearer xpm_good'],
      [`${SERVER}/api/v1/catalog`, 'Bearer xpm_good'],
    ]);
    expect(store.get('xpm.endpoint.token')).toBe('xpm_good');
    expect(JSON.parse(store.get('xpm.endpoint.identity')!)).toEqual({ organisationId: 'wjj', role: 'reporter', checkedAt: '2026-03-01T08:00:00.000Z' });
  });

  it('a bureau token connects, with a warning that it cannot submit', async () => {
    const { user } = renderSettings({ fetch: scriptedFetch({ '/api/v1/me': me('tjj', 'bureau'), '/api/v1/catalog': catalog() }) });
    await user.type(tokenInput(), 'xpm_bureau');
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText(/不能提交报表/)).toBeInTheDocument();
    expect(intentOf('连接正常')).toBe('warning');
    expect(screen.getByText('统计局（查看与审核）')).toBeInTheDocument();
  });

  it('401: the token is refused, with the server\'s message; nothing is saved', async () => {
    const refused = () => answer(401, { error: { code: 'auth.invalidToken', message: '访问令牌无效或已被撤销：请向统计局管理员申请新的令牌。', messageEn: 'The token is invalid or has been revoked.' } });
    const { store, user } = renderSettings({ fetch: scriptedFetch({ ...healthy, '/api/v1/me': refused }) });
    await user.type(tokenInput(), 'xpm_bad');
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText('令牌无效')).toBeInTheDocument();
    expect(screen.getByText(/访问令牌无效或已被撤销/)).toBeInTheDocument();
    expect(intentOf('令牌无效')).toBe('error');
    expect(store.data.size).toBe(0);
  });

  it('CORS: the server answers the probe but refuses the pane → names this pane\'s origin for ALLOWED_ORIGINS', async () => {
    const fetchFn = scriptedFetch({}, 'opaque');
    const { user } = renderSettings({ fetch: fetchFn });
    await user.type(tokenInput(), 'xpm_good');
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText('服务器未允许本加载项访问')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`请统计局管理员把 ${ADDIN} 加入服务器的 ALLOWED_ORIGINS`))).toBeInTheDocument();
    expect(fetchFn.calls.map((call) => call.mode)).toEqual(['cors', 'no-cors']);
  });

  it('unreachable: neither answers → the possible causes and the address to open in a browser', async () => {
    const { user } = renderSettings({ fetch: scriptedFetch({}, 'fails') });
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText('无法连接到服务器')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`请在浏览器中打开 ${SERVER}/api/v1/healthz`))).toBeInTheDocument();
    expect(intentOf('无法连接到服务器')).toBe('warning');
  });

  it('version: the server\'s catalog differs from the add-in\'s → 版本不一致, both versions shown', async () => {
    const { store, user } = renderSettings({ fetch: scriptedFetch({ ...healthy, '/api/v1/catalog': catalog('2027.1') }) });
    await user.type(tokenInput(), 'xpm_good');
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText('版本不一致')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`服务器的指标目录为 妇女发展规划 2027.1、儿童发展规划 ${VERSION}，本加载项为 妇女发展规划 ${VERSION}`))).toBeInTheDocument();
    expect(store.get('xpm.endpoint.identity')).toBeNull();
  });

  it('mixed content: an http:// server from the https:// pane, refused without a request', async () => {
    const fetchFn = scriptedFetch(healthy);
    const { user } = renderSettings({ fetch: fetchFn });
    await user.clear(urlInput());
    await user.type(urlInput(), 'http://tianbao.example.gov.cn');
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText('需要 HTTPS 地址')).toBeInTheDocument();
    expect(fetchFn.calls).toEqual([]);
  });

  it('clearing the token removes it and the identity from this computer, the address stays', async () => {
    const store = memoryStore({ 'xpm.endpoint.url': 'https://monitor.example.gov.cn', 'xpm.endpoint.token': 'xpm_old', 'xpm.endpoint.identity': '{"organisationId":"wjj","role":"reporter","checkedAt":"x"}' });
    const { user } = renderSettings({ store });
    expect(urlInput().value).toBe('https://monitor.example.gov.cn');
    expect(tokenInput().value).toBe('xpm_old');
    expect(screen.getByText('已保存令牌。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '清除令牌' }));
    expect(tokenInput().value).toBe('');
    expect(Object.fromEntries(store.data)).toEqual({ 'xpm.endpoint.url': 'https://monitor.example.gov.cn' });
    expect(intentOf('令牌已从这台电脑上清除。')).toBe('info');
    expect(screen.getByRole('button', { name: '清除令牌' })).toBeDisabled();
  });

  it('in English: labels and the server\'s English message', async () => {
    const refused = () => answer(401, { error: { code: 'auth.invalidToken', message: '访问令牌无效或已被撤销。', messageEn: 'The token is invalid or has been revoked.' } });
    const { user } = renderSettings({ locale: 'en-US', fetch: scriptedFetch({ ...healthy, '/api/v1/me': refused }) });
    await user.type(screen.getByLabelText('Access token'), 'xpm_bad');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Token not accepted')).toBeInTheDocument();
    expect(screen.getByText(/The token is invalid or has been revoked\./)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled());
  });
});
