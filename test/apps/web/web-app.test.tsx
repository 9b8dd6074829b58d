/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pickWebLanguage, webStrings } from '../../../src/apps/web/web-strings';
import { rolesFor } from '../../../src/apps/web/App';
import { apiError, currentPath, fakeFetch, renderApp, sessionOf } from './web-test-kit';

const zh = webStrings['zh-CN'];
const signedOut = apiError(401, 'auth.noSession', '请先登录。');

describe('the web app shell', () => {
  it('sends someone not signed in from / to the login page: 用户名, 密码, 登录', async () => {
    const fetchFn = fakeFetch({ 'GET /session': signedOut });
    const { location } = renderApp('/', fetchFn);
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^用户名/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^密码/)).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(currentPath(location)).toBe('/web/login');
    // the other ways in, as the shell had them
    expect(screen.getByRole('link', { name: zh.login.addin })).toHaveAttribute('href', '/taskpane.html');
    expect(screen.getByRole('link', { name: zh.login.manifest })).toHaveAttribute('href', '/manifest.xml');
    expect(screen.getByRole('link', { name: zh.login.api })).toHaveAttribute('href', '/api/v1/openapi.json');
  });

  it('shows while the session is being asked, then the page', async () => {
    let answer!: (value: { status: number; body: unknown }) => void;
    const fetchFn = fakeFetch({ 'GET /session': () => new Promise((resolve) => (answer = resolve)) });
    renderApp('/web/login', fetchFn);
    expect(screen.getByRole('status')).toHaveTextContent(zh.loading);
    answer({ status: 401, body: { error: { code: 'auth.noSession', message: '请先登录。', messageEn: 'x' } } });
    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
  });

  it('wrong password: the server\'s Chinese message with the attempts left, in an alert; no navigation', async () => {
    const fetchFn = fakeFetch({ 'GET /session': signedOut, 'POST /session': apiError(401, 'auth.wrongPassword', '用户名或密码不正确：还可以再试 4 次，之后账号将锁定 15 分钟。') });
    const { location } = renderApp('/web/login', fetchFn);
    await userEvent.type(await screen.findByLabelText(/^用户名/), 'zhangsan');
    await userEvent.type(screen.getByLabelText(/^密码/), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确：还可以再试 4 次');
    expect(currentPath(location)).toBe('/web/login');
    expect(fetchFn.calls.find((call) => call.method === 'POST')?.body).toEqual({ login: 'zhangsan', password: 'wrong-password' });
  });

  it('a locked account: the server\'s message', async () => {
    const fetchFn = fakeFetch({ 'GET /session': signedOut, 'POST /session': apiError(423, 'auth.locked', '账号已锁定：请于 15 分钟后再试，或请管理员解除锁定。') });
    renderApp('/web/login', fetchFn);
    await userEvent.type(await screen.findByLabelText(/^用户名/), 'zhangsan');
    await userEvent.type(screen.getByLabelText(/^密码/), 'whatever-it-is');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('账号已锁定');
  });

  it('empty fields are refused before anything is sent', async () => {
    const fetchFn = fakeFetch({ 'GET /session': signedOut });
    renderApp('/web/login', fetchFn);
    await userEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent(zh.login.missing);
    expect(fetchFn.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('after login a reporter goes to the portal; the header names the person and the organisation; changes carry the CSRF token', async () => {
    const session = sessionOf('reporter');
    const fetchFn = fakeFetch({ 'GET /session': signedOut, 'POST /session': { status: 200, body: session }, 'DELETE /session': { status: 204 } });
    const { location } = renderApp('/', fetchFn);
    await userEvent.type(await screen.findByLabelText(/^用户名/), 'reporter1');
    await userEvent.type(screen.getByLabelText(/^密码/), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(currentPath(location)).toBe('/web/portal'));
    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('张三（卫健局）');
    const nav = within(banner).getByRole('navigation', { name: zh.nav });
    expect(within(nav).getByRole('link', { name: '填报任务' })).toHaveAttribute('aria-current', 'page');
    expect(within(banner).getByRole('link', { name: '修改密码' })).toHaveAttribute('href', '/web/password');
    await userEvent.click(within(banner).getByRole('button', { name: '退出登录' }));
    expect(await screen.findByText(zh.signedOut)).toBeInTheDocument();
    const signOut = fetchFn.calls.find((call) => call.method === 'DELETE');
    expect(signOut?.headers['x-csrf-token']).toBe('csrf-reporter');
    expect(currentPath(location)).toBe('/web/login');
  });

  it('a skip link leads to the main content', async () => {
    renderApp('/web/admin/users', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('admin') }, 'GET /users': { status: 200, body: { users: [] } }, 'GET /organisations': { status: 200, body: { organisations: [] } } }));
    const skip = await screen.findByRole('link', { name: zh.skipLink });
    expect(skip).toHaveAttribute('href', '#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
  });

  it('the navigation works by keyboard and moves focus to the new page\'s content', async () => {
    const { location } = renderApp('/web/admin/users', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('admin') }, 'GET /users': { status: 200, body: { users: [] } }, 'GET /organisations': { status: 200, body: { organisations: [] } } }));
    const link = await screen.findByRole('link', { name: '组织' });
    link.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(currentPath(location)).toBe('/web/admin/organisations'));
    expect(await screen.findByRole('heading', { level: 1, name: '组织' })).toBeInTheDocument();
    expect(document.activeElement).toBe(document.getElementById('main'));
  });

  it.each([
    ['reporter', '/web/portal'],
    ['bureau', '/web/bureau'],
    ['admin', '/web/admin/users'],
  ] as const)('a signed-in %s at / goes to %s', async (role, home) => {
    const fetchFn = fakeFetch({ 'GET /session': { status: 200, body: sessionOf(role) }, 'GET /users': { status: 200, body: { users: [] } }, 'GET /organisations': { status: 200, body: { organisations: [] } } });
    const { location } = renderApp('/', fetchFn);
    await waitFor(() => expect(currentPath(location)).toBe(home));
  });

  it('a bureau user sees 完成情况, 汇总, 预警, 评估 and the workspace mounted under /web/bureau', async () => {
    renderApp('/web/bureau/consolidation', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('bureau') } }));
    expect(await screen.findByRole('heading', { name: '统计局工作台（测试）' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: zh.nav });
    const links = within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['完成情况', '/web/bureau'],
      ['汇总', '/web/bureau/consolidation'],
      ['预警', '/web/bureau/warnings'],
      ['评估', '/web/bureau/evaluation'],
    ]);
    expect(within(nav).getByRole('link', { name: '汇总' })).toHaveAttribute('aria-current', 'page');
    // the workspace's own <main> is the only one
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it.each([
    ['reporter', '/web/admin/users'],
    ['reporter', '/web/bureau'],
    ['bureau', '/web/portal'],
    ['admin', '/web/portal'],
  ] as const)('no permission: a %s opening %s', async (role, path) => {
    renderApp(path, fakeFetch({ 'GET /session': { status: 200, body: sessionOf(role) } }));
    expect(await screen.findByRole('heading', { level: 1, name: '没有权限' })).toBeInTheDocument();
    expect(screen.getByText(zh.noPermission(zh.roles[role]))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: zh.goHome })).toHaveAttribute('href', '/');
  });

  it('an unknown page says so', async () => {
    renderApp('/web/nowhere', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('admin') } }));
    expect(await screen.findByRole('heading', { name: zh.notFoundTitle })).toBeInTheDocument();
  });

  it('a later 401 sends the person back to the login page with 登录已过期，请重新登录', async () => {
    const { location } = renderApp('/web/admin/users', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('admin') }, 'GET /users': apiError(401, 'auth.sessionExpired', '会话已结束。'), 'GET /organisations': { status: 200, body: { organisations: [] } } }));
    expect(await screen.findByText('登录已过期，请重新登录')).toBeInTheDocument();
    expect(currentPath(location)).toBe('/web/login');
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
  });

  it('when the session cannot be asked, says why and retries', async () => {
    let calls = 0;
    const fetchFn = fakeFetch({ 'GET /session': () => (++calls === 1 ? apiError(503, 'server.busy', '服务器繁忙，请稍后重试。') : signedOut) });
    renderApp('/', fetchFn);
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器繁忙，请稍后重试。');
    await userEvent.click(screen.getByRole('button', { name: zh.retry }));
    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
  });

  it('must change the password first: 当前密码, 新密码, 确认新密码; mismatch said before sending; then home', async () => {
    let session = sessionOf('reporter', { mustChangePassword: true });
    const fetchFn = fakeFetch({
      'GET /session': () => ({ status: 200, body: session }),
      'POST /session/password': () => {
        session = sessionOf('reporter');
        return { status: 204 };
      },
    });
    const { location } = renderApp('/web/portal', fetchFn);
    expect(await screen.findByRole('heading', { level: 1, name: '修改密码' })).toBeInTheDocument();
    expect(currentPath(location)).toBe('/web/password');
    expect(screen.getByText(zh.password.mustChange)).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^当前密码/), 'old-password-1');
    await userEvent.type(screen.getByLabelText(/^新密码/), 'new-password-12');
    await userEvent.type(screen.getByLabelText(/^确认新密码/), 'new-password-13');
    await userEvent.click(screen.getByRole('button', { name: zh.password.submit }));
    expect(screen.getByRole('alert')).toHaveTextContent(zh.password.mismatch);
    expect(fetchFn.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    await userEvent.clear(screen.getByLabelText(/^确认新密码/));
    await userEvent.type(screen.getByLabelText(/^确认新密码/), 'new-password-12');
    await userEvent.click(screen.getByRole('button', { name: zh.password.submit }));
    await waitFor(() => expect(currentPath(location)).toBe('/web/portal'));
    const post = fetchFn.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ currentPassword: 'old-password-1', newPassword: 'new-password-12' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-reporter');
  });

  it('change password from the header: the server\'s refusal of the current password is shown', async () => {
    renderApp('/web/password', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('bureau') }, 'POST /session/password': apiError(400, 'auth.wrongPassword', '当前密码不正确：请重新输入。') }));
    await userEvent.type(await screen.findByLabelText(/^当前密码/), 'not-the-password');
    await userEvent.type(screen.getByLabelText(/^新密码/), 'new-password-12');
    await userEvent.type(screen.getByLabelText(/^确认新密码/), 'new-password-12');
    await userEvent.click(screen.getByRole('button', { name: zh.password.submit }));
    expect(await screen.findByRole('alert')).toHaveTextContent('当前密码不正确：请重新输入。');
  });

  it('English when the browser prefers it', async () => {
    renderApp('/', fakeFetch({ 'GET /session': signedOut }), 'en-US');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(pickWebLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickWebLanguage(['en-GB'])).toBe('en-US');
    expect(pickWebLanguage([])).toBe('zh-CN');
  });

  it('prints without the header and navigation, black on white', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(`${__dirname}/../../../src/apps/web/index.html`, 'utf8');
    const print = /@media print \{([\s\S]*?)\n {6}\}/.exec(html)?.[1] ?? '';
    expect(print).toMatch(/\[data-print="hide"\], nav, button[^{]*\{ display: none !important; \}/);
    expect(print).toMatch(/color: #000 !important; background: #fff !important/);
    renderApp('/web/admin/users', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('admin') }, 'GET /users': { status: 200, body: { users: [] } }, 'GET /organisations': { status: 200, body: { organisations: [] } } }));
    expect(await screen.findByRole('banner')).toHaveAttribute('data-print', 'hide');
  });

  it('knows which role opens which page', () => {
    expect(rolesFor('/web/portal')).toEqual(['reporter']);
    expect(rolesFor('/web/bureau/warnings')).toEqual(['bureau']);
    expect(rolesFor('/web/admin/tokens')).toEqual(['admin']);
    expect(rolesFor('/web/admin/secret')).toBeUndefined();
    expect(rolesFor('/web/bureaucracy')).toBeUndefined();
  });
});
