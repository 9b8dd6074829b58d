import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { memoryLocation } from 'wouter/memory-location';
import type { SessionInfo } from '../../../src/contract/accounts';
import type { Role } from '../../../src/contract/submission-document';
import type { Language } from '../../../src/core/i18n/message';
import { WebApp } from '../../../src/apps/web/App';
import type { BureauWorkspaceProps } from '../../../src/apps/web/bureau-entry';
import { createWebApi } from '../../../src/apps/web/web-api';

/** One request the app made: method, path under /api/v1 (with its query), headers and body. */
export interface Call {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** What a fake route answers: a status and a JSON body, or bytes with headers. */
export type Answer = { status: number; body?: unknown; bytes?: Uint8Array; headers?: Record<string, string> } | Promise<never>;
export type Handler = (call: Call) => Answer | Promise<Answer>;

/** A fetch that answers "METHOD /path" from a table, records every call and refuses anything else (500). */
export function fakeFetch(routes: Record<string, Handler | Answer>): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.replace(/^\/api\/v1/, '');
    const headers = { ...(init.headers as Record<string, string> | undefined) };
    let body: unknown = init.body;
    if (typeof init.body === 'string' && headers['content-type'] === 'application/json') body = JSON.parse(init.body);
    const call = { method, path, headers, body };
    calls.push(call);
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${path.split('?')[0]}`];
    const answer = route === undefined ? { status: 500, body: { error: { code: 'test.noRoute', message: `测试没有这个接口：${method} ${path}`, messageEn: 'no route' } } } : await (typeof route === 'function' ? route(call) : route);
    return response(answer);
  };
  return Object.assign(fetchFn as typeof fetch, { calls });
}

function response(answer: { status: number; body?: unknown; bytes?: Uint8Array; headers?: Record<string, string> }): Response {
  const headers = new Map(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    json: async () => {
      if (answer.body === undefined) throw new SyntaxError('no body');
      return JSON.parse(JSON.stringify(answer.body)) as unknown;
    },
    blob: async () => new Blob([(answer.bytes ?? new Uint8Array()) as unknown as BlobPart]),
  } as unknown as Response;
}

/** The API's error body. */
export function apiError(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message, messageEn: message } } };
}

export const ORGANISATIONS = [
  { id: 'wjj', name: '新平县卫生健康局', shortName: '卫健局', nameEn: 'Health Commission', kind: 'department' as const },
  { id: 'tjj', name: '新平县统计局', shortName: '统计局', nameEn: 'Statistics Bureau', kind: 'department' as const },
  { id: 'gxz', name: '桂山街道', shortName: '桂山街道', nameEn: 'Guishan', kind: 'subdistrict' as const },
];

/** A session of a user of `role` (卫健局 for a reporter, 统计局 otherwise). */
export function sessionOf(role: Role, user: Partial<SessionInfo['user']> = {}): SessionInfo {
  const organisation = role === 'reporter' ? ORGANISATIONS[0]! : ORGANISATIONS[1]!;
  return {
    user: {
      id: `u-${role}`,
      login: `${role}1`,
      displayName: role === 'reporter' ? '张三' : role === 'bureau' ? '李四' : '王五',
      organisationId: organisation.id,
      role,
      mustChangePassword: false,
      disabled: false,
      lockedUntil: null,
      createdAt: '2026-01-01T00:00:00Z',
      lastLoginAt: null,
      ...user,
    },
    organisation,
    csrfToken: `csrf-${role}`,
    expiresAt: '2099-01-01T00:00:00Z',
  };
}

/** A stand-in for the bureau's workspace: says who it got. */
export const fakeBureau = () =>
  Promise.resolve({ default: (({ session }: BureauWorkspaceProps) => <main><h1>统计局工作台（测试）</h1><p>{session.user.displayName}</p></main>) as ComponentType<BureauWorkspaceProps> });

/** Renders the whole web app at `path` over the fake fetch. */
export function renderApp(path: string, fetchFn: typeof fetch, language: Language = 'zh-CN') {
  const location = memoryLocation({ path, record: true });
  const api = createWebApi(fetchFn);
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <WebApp api={api} language={language} locationHook={location.hook} loadBureau={fakeBureau} />
    </FluentProvider>,
  );
  return { ...view, location, api };
}

/** Where the app is now. */
export function currentPath(location: ReturnType<typeof memoryLocation>): string {
  return location.history?.at(-1) ?? '';
}
