/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { webStrings } from '../../../src/apps/web/web-strings';
import { apiError, fakeFetch, ORGANISATIONS, renderApp, sessionOf, type Answer, type Handler } from './web-test-kit';

jest.setTimeout(20_000);

const a = webStrings['zh-CN'].admin;

const user = (id: string, login: string, extra: Record<string, unknown> = {}) => ({
  id,
  login,
  displayName: `${login} 的名字`,
  organisationId: 'wjj',
  role: 'reporter',
  mustChangePassword: false,
  disabled: false,
  lockedUntil: null,
  createdAt: '2026-01-01T00:00:00Z',
  lastLoginAt: null,
  ...extra,
});

function admin(routes: Record<string, Handler | Answer>) {
  return fakeFetch({ 'GET /session': { status: 200, body: sessionOf('admin') }, 'GET /organisations': { status: 200, body: { organisations: ORGANISATIONS } }, ...routes });
}

describe('admin: 用户', () => {
  it('loading, then the empty state', async () => {
    let answer!: (value: Answer) => void;
    renderApp('/web/admin/users', admin({ 'GET /users': () => new Promise<Answer>((resolve) => (answer = resolve)) }));
    expect(await screen.findByRole('heading', { level: 1, name: '用户' })).toBeInTheDocument();
    expect(screen.getByText('正在加载…')).toBeInTheDocument();
    answer({ status: 200, body: { users: [] } });
    expect(await screen.findByText(a.empty)).toBeInTheDocument();
  });

  it('the server\'s refusal in Chinese, with 重试', async () => {
    let calls = 0;
    renderApp('/web/admin/users', admin({ 'GET /users': () => (++calls === 1 ? apiError(403, 'auth.forbidden', '只有管理员可以管理用户。') : { status: 200, body: { users: [user('u1', 'zhangsan')] } }) }));
    expect(await screen.findByText('只有管理员可以管理用户。')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('cell', { name: 'zhangsan' })).toBeInTheDocument();
  });

  it('新建用户 without a password: the generated one is shown once, with 复制 and a warning, and gone once closed', async () => {
    const users = [user('u1', 'zhangsan')];
    const fetchFn = admin({
      'GET /users': () => ({ status: 200, body: { users } }),
      'POST /users': (call) => {
        const created = user('u2', (call.body as { login: string }).login, { role: 'bureau', organisationId: 'tjj', mustChangePassword: true });
        users.push(created);
        return { status: 201, body: { user: created, password: 'Xq7-generated-9Lm' } };
      },
    });
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/web/admin/users', fetchFn);
    await screen.findByRole('cell', { name: 'zhangsan' });
    await userEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请填写“用户名”。');
    await userEvent.type(within(dialog).getByLabelText(/^用户名/), 'lisi.tjj');
    await userEvent.type(within(dialog).getByLabelText(/^姓名/), '李四');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^单位/), 'tjj');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^角色/), 'bureau');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    const secret = await screen.findByRole('alertdialog', { name: 'lisi.tjj 的密码' });
    expect(within(secret).getByLabelText('生成的密码')).toHaveValue('Xq7-generated-9Lm');
    expect(within(secret).getByText(a.generatedWarning)).toBeInTheDocument();
    await userEvent.click(within(secret).getByRole('button', { name: '复制' }));
    expect(writeText).toHaveBeenCalledWith('Xq7-generated-9Lm');
    expect(await within(secret).findByText(webStrings['zh-CN'].copied)).toBeInTheDocument();
    const post = fetchFn.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ login: 'lisi.tjj', displayName: '李四', organisationId: 'tjj', role: 'bureau' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-admin');
    await userEvent.click(within(secret).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByDisplayValue('Xq7-generated-9Lm')).not.toBeInTheDocument());
    expect(document.body).not.toHaveTextContent('Xq7-generated-9Lm');
    // the new user is in the table (the list is asked again)
    expect(await screen.findByText('lisi.tjj')).toBeInTheDocument();
    expect(screen.getByText(a.userCreated('lisi.tjj'))).toBeInTheDocument();
  });

  it('a password chosen by the admin is sent and nothing is shown; the server\'s refusal is shown in the dialog', async () => {
    const fetchFn = admin({ 'GET /users': { status: 200, body: { users: [] } }, 'POST /users': apiError(409, 'user.loginTaken', '用户名“zhangsan”已被使用：请换一个用户名。') });
    renderApp('/web/admin/users', fetchFn);
    await screen.findByText(a.empty);
    await userEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^用户名/), 'zhangsan');
    await userEvent.type(within(dialog).getByLabelText(/^姓名/), '张三');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^单位/), 'wjj');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^角色/), 'reporter');
    await userEvent.type(within(dialog).getByLabelText(/^初始密码/), 'a-long-password-1');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('用户名“zhangsan”已被使用：请换一个用户名。');
    expect(fetchFn.calls.find((call) => call.method === 'POST')?.body).toMatchObject({ password: 'a-long-password-1' });
  });

  it('重置密码 asks first, then shows the new password once', async () => {
    const fetchFn = admin({
      'GET /users': { status: 200, body: { users: [user('u1', 'zhangsan')] } },
      'POST /users/u1/reset-password': { status: 200, body: { user: user('u1', 'zhangsan', { mustChangePassword: true }), password: 'Reset-Pass-123' } },
    });
    renderApp('/web/admin/users', fetchFn);
    await userEvent.click(await screen.findByRole('button', { name: '重置密码 zhangsan' }));
    const confirm = await screen.findByRole('alertdialog', { name: '重置密码' });
    expect(fetchFn.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    await userEvent.click(within(confirm).getByRole('button', { name: '重置密码' }));
    const secret = await screen.findByRole('alertdialog', { name: 'zhangsan 的密码' });
    expect(within(secret).getByLabelText('生成的密码')).toHaveValue('Reset-Pass-123');
  });

  it('停用 / 启用 and 解除锁定 of a locked user', async () => {
    const fetchFn = admin({
      'GET /users': { status: 200, body: { users: [user('u1', 'zhangsan', { lockedUntil: '2099-01-01T00:00:00Z' }), user('u2', 'wangwu', { disabled: true })] } },
      'PUT /users/u1': { status: 200, body: {} },
      'PUT /users/u2': { status: 200, body: {} },
    });
    renderApp('/web/admin/users', fetchFn);
    expect(await screen.findByText(/^已锁定/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '解除锁定 zhangsan' }));
    await userEvent.click(screen.getByRole('button', { name: '停用 zhangsan' }));
    await userEvent.click(screen.getByRole('button', { name: '启用 wangwu' }));
    await waitFor(() => expect(fetchFn.calls.filter((call) => call.method === 'PUT')).toHaveLength(3));
    expect(fetchFn.calls.filter((call) => call.method === 'PUT').map((call) => [call.path, call.body])).toEqual([
      ['/users/u1', { unlock: true }],
      ['/users/u1', { disabled: true }],
      ['/users/u2', { disabled: false }],
    ]);
  });
});

describe('admin: 组织', () => {
  it('the list, and 新建组织 posts the organisation', async () => {
    const fetchFn = admin({ 'POST /organisations': { status: 201, body: {} } });
    renderApp('/web/admin/organisations', fetchFn);
    expect(await screen.findByRole('cell', { name: '卫健局' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '新建组织' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^编号/), 'mzj');
    await userEvent.type(within(dialog).getByLabelText(/^简称/), '民政局');
    await userEvent.type(within(dialog).getByLabelText(/^全称/), '新平县民政局');
    await userEvent.type(within(dialog).getByLabelText(/^英文名/), 'Civil Affairs Bureau');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^类型/), 'department');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await screen.findByText(a.organisationCreated('民政局'))).toBeInTheDocument();
    expect(fetchFn.calls.find((call) => call.method === 'POST')?.body).toEqual({ id: 'mzj', shortName: '民政局', name: '新平县民政局', nameEn: 'Civil Affairs Bureau', kind: 'department' });
  });

  it('the server\'s refusal (an id taken) in Chinese', async () => {
    renderApp('/web/admin/organisations', admin({ 'POST /organisations': apiError(409, 'organisation.exists', '编号“wjj”已存在：请换一个编号。') }));
    await userEvent.click(await screen.findByRole('button', { name: '新建组织' }));
    const dialog = await screen.findByRole('dialog');
    for (const [label, value] of [[/^编号/, 'wjj'], [/^简称/, '卫健局'], [/^全称/, '新平县卫生健康局'], [/^英文名/, 'Health']] as const) await userEvent.type(within(dialog).getByLabelText(label), value);
    await userEvent.selectOptions(within(dialog).getByLabelText(/^类型/), 'department');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('编号“wjj”已存在');
  });
});

describe('admin: 令牌', () => {
  const token = { id: 't1', organisationId: 'wjj', role: 'reporter', label: '卫健局张三', createdAt: '2026-01-01T00:00:00Z', revokedAt: null };

  it('新建令牌: the secret once, with 复制 and how to paste it into the add-in\'s 设置', async () => {
    const fetchFn = admin({ 'GET /tokens': { status: 200, body: { tokens: [] } }, 'POST /tokens': { status: 201, body: { token, secret: 'xpm_secret_abc123' } } });
    renderApp('/web/admin/tokens', fetchFn);
    await screen.findByText(a.empty);
    await userEvent.click(screen.getByRole('button', { name: '新建令牌' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^单位/), 'wjj');
    await userEvent.selectOptions(within(dialog).getByLabelText(/^角色/), 'reporter');
    await userEvent.type(within(dialog).getByLabelText(/^标签/), '卫健局张三');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    const secret = await screen.findByRole('alertdialog', { name: '新令牌' });
    expect(within(secret).getByLabelText('令牌')).toHaveValue('xpm_secret_abc123');
    expect(within(secret).getByText(a.secretWarning)).toBeInTheDocument();
    expect(within(secret).getByText(/进入“设置”选项卡/)).toBeInTheDocument();
    expect(within(secret).getByRole('button', { name: '复制' })).toBeInTheDocument();
    expect(fetchFn.calls.find((call) => call.method === 'POST')?.body).toEqual({ organisationId: 'wjj', role: 'reporter', label: '卫健局张三' });
    await userEvent.click(within(secret).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(document.body).not.toHaveTextContent('xpm_secret_abc123'));
  });

  it('吊销 asks for confirmation, then DELETE /tokens/:id', async () => {
    const fetchFn = admin({ 'GET /tokens': { status: 200, body: { tokens: [token, { ...token, id: 't2', label: '旧令牌', revokedAt: '2026-02-01T00:00:00Z' }] } }, 'DELETE /tokens/t1': { status: 204 } });
    renderApp('/web/admin/tokens', fetchFn);
    expect(await screen.findByText(/^已吊销/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '吊销 旧令牌' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '吊销 卫健局张三' }));
    const confirm = await screen.findByRole('alertdialog', { name: '吊销令牌' });
    await userEvent.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(fetchFn.calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: '吊销 卫健局张三' }));
    await userEvent.click(within(await screen.findByRole('alertdialog', { name: '吊销令牌' })).getByRole('button', { name: '吊销' }));
    expect(await screen.findByText(a.tokenRevoked)).toBeInTheDocument();
    expect(fetchFn.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/tokens/t1']);
  });

  it('no permission for a reporter', async () => {
    renderApp('/web/admin/tokens', fakeFetch({ 'GET /session': { status: 200, body: sessionOf('reporter') } }));
    expect(await screen.findByRole('heading', { name: '没有权限' })).toBeInTheDocument();
  });
});
