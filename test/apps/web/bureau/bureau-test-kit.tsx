/**
 * The bureau workspace's test kit: a fake fetch answering "METHOD /path" from a table (recording every call
 * with its headers and JSON body), the workspace rendered at a path of the in-memory location, and answers
 * of the API built here and parsed with the contract's schemas, so a fixture the server could not send fails
 * the test.
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { z } from 'zod';
import type { SessionInfo } from '../../../../src/contract/accounts';
import { SessionInfoSchema } from '../../../../src/contract/accounts';
import { OrganisationListSchema, SubmissionDetailSchema, SubmissionListSchema, SubmissionVersionSchema } from '../../../../src/contract/api';
import {
  CompletenessSchema,
  ConsolidationSchema,
  EvaluationSchema,
  IndicatorLineSchema,
  ProgressSummarySchema,
  SeriesSchema,
  WarningsSchema,
  type ProgressSummary,
} from '../../../../src/contract/monitoring';
import type { Role } from '../../../../src/contract/submission-document';
import type { Language } from '../../../../src/core/i18n/message';
import { BureauWorkspace } from '../../../../src/apps/web/bureau/BureauWorkspace';
import { createWebApi } from '../../../../src/apps/web/web-api';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly bytes?: Uint8Array;
  readonly headers?: Record<string, string>;
}
export type Route = Answer | ((call: Call) => Answer | Promise<Answer>);

/** A fetch answering from `routes` ("GET /path?query" first, then "GET /path"); anything else: a 500 naming it. */
export function fakeFetch(routes: Record<string, Route>): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = String(input).replace(/^\/api\/v1/, '');
    const headers = { ...(init.headers as Record<string, string> | undefined) };
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    const call: Call = { method, path, headers, body };
    calls.push(call);
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${path.split('?')[0]}`];
    const answer: Answer = route === undefined ? { status: 500, body: { error: { code: 'test.noRoute', message: `测试没有这个接口：${method} ${path}`, messageEn: 'no route' } } } : typeof route === 'function' ? await route(call) : route;
    const headerMap = new Map(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: { get: (name: string) => headerMap.get(name.toLowerCase()) ?? null },
      json: async () => {
        if (answer.body === undefined) throw new SyntaxError('no body');
        return JSON.parse(JSON.stringify(answer.body)) as unknown;
      },
      blob: async () => new Blob([new Uint8Array(answer.bytes ?? [])]),
    } as unknown as Response;
  };
  return Object.assign(fetchFn as typeof fetch, { calls });
}

/** A route that never answers (the loading state). */
export const pending: Route = () => new Promise<Answer>(() => undefined);

/** The API's error answer, its message in Chinese. */
export function apiError(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message, messageEn: `${code} (en)` } } };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });

export const CSRF = 'csrf-token-of-the-session';

export const ORGANISATIONS = OrganisationListSchema.parse({
  organisations: [
    { id: 'tjj', name: '新平县统计局', shortName: '统计局', nameEn: 'Statistics Bureau', kind: 'department' },
    { id: 'wjj', name: '新平县卫生健康局', shortName: '卫健局', nameEn: 'Health Commission', kind: 'department' },
    { id: 'jtj', name: '新平县教育体育局', shortName: '教体局', nameEn: 'Education and Sports Bureau', kind: 'department' },
    { id: 'mzj', name: '新平县民政局', shortName: '民政局', nameEn: 'Civil Affairs Bureau', kind: 'department' },
    { id: 'gszd', name: '桂山街道', shortName: '桂山街道', nameEn: 'Guishan', kind: 'subdistrict' },
    { id: 'gljz', name: '古城街道', shortName: '古城街道', nameEn: 'Gucheng', kind: 'subdistrict' },
    { id: 'yjz', name: '扬武镇', shortName: '扬武镇', nameEn: 'Yangwu', kind: 'township' },
  ],
});

export function sessionOf(role: Role): SessionInfo {
  return SessionInfoSchema.parse({
    user: { id: `u-${role}`, login: `${role}1`, displayName: '李四', organisationId: role === 'reporter' ? 'wjj' : 'tjj', role, mustChangePassword: false, disabled: false, lockedUntil: null, createdAt: '2026-01-01T00:00:00.000Z', lastLoginAt: null },
    organisation: ORGANISATIONS.organisations[role === 'reporter' ? 1 : 0],
    csrfToken: CSRF,
    expiresAt: '2026-12-31T00:00:00.000Z',
  });
}

/** The workspace at `path` with a fake server; `history` is where it navigated. */
export function renderWorkspace(path: string, routes: Record<string, Route>, options: { role?: Role; language?: Language } = {}) {
  sessionStorage.clear(); // the plan and year remembered by an earlier test
  const fetchFn = fakeFetch({ 'GET /organisations': ok(ORGANISATIONS), ...routes });
  const api = createWebApi(fetchFn);
  api.setCsrfToken(CSRF);
  const location = memoryLocation({ path, record: true });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <BureauWorkspace api={api} session={sessionOf(options.role ?? 'bureau')} language={options.language ?? 'zh-CN'} now={() => new Date('2026-04-15T08:00:00Z')} />
      </Router>
    </FluentProvider>,
  );
  return { ...view, calls: fetchFn.calls, history: location.history, navigate: location.navigate };
}

/** Parses a fixture with its contract schema: what the test serves is what the server could send. */
export function valid<T>(schema: z.ZodType<T>, value: unknown): T {
  return schema.parse(value);
}

// ——— completeness ———

type State = 'notStarted' | 'missing' | 'submitted' | 'returned' | 'approved';

/** A plan-year's completeness from each organisation's state (version and lateness given where received). */
export function completeness(plan: 'women' | 'children', year: number, states: Record<string, { state: State; version?: number; late?: boolean }>, deadline: string | null = '2026-03-31') {
  const entries = Object.entries(states);
  const name = (id: string) => ORGANISATIONS.organisations.find((item) => item.id === id)?.shortName ?? id;
  const ids = (predicate: (entry: { state: State; version?: number; late?: boolean }) => boolean) => entries.filter(([, entry]) => predicate(entry)).map(([id]) => id);
  const expected = entries.map(([id]) => id);
  const submitted = ids((entry) => entry.version !== undefined);
  return valid(CompletenessSchema, {
    plan,
    year,
    deadline,
    deadlineEnd: deadline ? `${deadline}T16:00:00.000Z` : null,
    expected,
    submitted,
    approved: ids((entry) => entry.state === 'approved'),
    returned: ids((entry) => entry.state === 'returned'),
    late: ids((entry) => entry.late === true),
    missing: ids((entry) => entry.state === 'missing'),
    notStarted: ids((entry) => entry.state === 'notStarted'),
    unexpected: [],
    reportingRate: expected.length === 0 ? 0 : submitted.length / expected.length,
    onTimeRate: deadline ? (submitted.length - ids((entry) => entry.late === true).length) / expected.length : null,
    organisations: entries.map(([id, entry]) => ({
      organisationId: id,
      name: name(id),
      expected: true,
      state: entry.state,
      version: entry.version ?? null,
      firstReceivedAt: entry.version !== undefined ? '2026-03-20T02:00:00.000Z' : null,
      late: entry.late === true,
    })),
  });
}

export function submissionList(plan: 'women' | 'children', year: number, rows: readonly { id: string; organisationId: string; status: 'submitted' | 'returned' | 'approved'; version: number }[]) {
  return valid(SubmissionListSchema, {
    submissions: rows.map((row) => ({ id: row.id, plan, year, organisationId: row.organisationId, status: row.status, currentVersion: row.version, createdAt: '2026-03-20T02:00:00.000Z', updatedAt: '2026-03-21T02:00:00.000Z' })),
  });
}

// ——— a submission ———

interface Line {
  indicatorId: string;
  unitId?: string | null;
  value: unknown;
  parsed?: unknown;
  status: string;
  note?: string | null;
  previous?: unknown;
}

function storedValues(lines: readonly Line[]) {
  return lines.map((line) => ({
    indicatorId: line.indicatorId,
    unitId: line.unitId ?? null,
    value: line.value,
    parsed: line.parsed ?? line.value,
    status: line.status,
    severity: line.status === 'notMet' ? 'warning' : 'info',
    note: line.note ?? null,
    previous: line.previous ?? null,
    baseline: null,
    other: null,
  }));
}

function receipt(id: string, version: number, status: 'submitted' | 'returned' | 'approved') {
  return {
    submissionId: id,
    version,
    plan: 'children',
    year: 2025,
    organisationId: 'wjj',
    status,
    receivedAt: `2026-03-2${version}T02:00:00.000Z`,
    source: 'json',
    catalogVersion: '2026.2',
    templateVersion: 2,
    counts: { values: 2, met: 1, notMet: 1, notYetDue: 0, noData: 0, invalid: 0, notAssessable: 0, warnings: 1 },
    bodySha256: 'a'.repeat(64),
  };
}

export function submissionDetail(id: string, options: { status?: 'submitted' | 'returned' | 'approved'; version?: number; lines: readonly Line[] }) {
  const status = options.status ?? 'submitted';
  const version = options.version ?? 1;
  return valid(SubmissionDetailSchema, {
    id,
    plan: 'children',
    year: 2025,
    organisationId: 'wjj',
    status,
    currentVersion: version,
    createdAt: '2026-03-21T02:00:00.000Z',
    updatedAt: `2026-03-2${version}T02:00:00.000Z`,
    versions: Array.from({ length: version }, (_, index) => receipt(id, index + 1, status)),
    values: storedValues(options.lines),
    history: [
      ...Array.from({ length: version }, (_, index) => ({ action: 'submitted', version: index + 1, at: `2026-03-2${index + 1}T02:00:00.000Z`, tokenId: 'tok-wjj', organisationId: 'wjj', role: 'reporter', comment: null })),
      ...(version > 1 ? [{ action: 'returned', version: 1, at: '2026-03-21T08:00:00.000Z', tokenId: 'tok-tjj', organisationId: 'tjj', role: 'bureau', comment: '请核对 C-HEA-04' }] : []),
    ].sort((a, b) => a.at.localeCompare(b.at)),
  });
}

export function submissionVersion(id: string, version: number, lines: readonly Line[]) {
  return valid(SubmissionVersionSchema, { receipt: receipt(id, version, 'returned'), values: storedValues(lines) });
}

// ——— monitoring ———

export function progress(overrides: Partial<ProgressSummary> = {}): ProgressSummary {
  return valid(ProgressSummarySchema, {
    status: 'onTrack',
    reason: null,
    method: 'target',
    measure: 'value',
    direction: -1,
    baseYear: 2020,
    baseValue: 5.94,
    latestYear: 2025,
    latestValue: 4.8,
    targetYear: 2030,
    targetRole: 'final',
    targetValue: 5,
    cagr: -0.04,
    requiredCagr: -0.03,
    ratio: 1.2,
    projected: 4,
    projectedAchieves: true,
    gap: null,
    lastChange: null,
    messages: [{ code: 'progress.onTrack', message: '进展顺利：按目前的速度可以按期达标。', messageEn: 'On track.' }],
    ...overrides,
  });
}

const unitLine = (unitId: string, name: string, value: number | null, status: string) => ({
  unitId,
  name,
  nameEn: name,
  value,
  text: value === null ? '' : String(value),
  status,
  reportedBy: value === null ? null : unitId,
  note: null,
  conflict: false,
  contributions: value === null ? [] : [{ organisationId: unitId, value, text: String(value), status, note: null }],
});

/** A consolidation of the children's plan: a county indicator with a conflict, a met one, a per-township one. */
export function consolidationFixture(options: { empty?: boolean } = {}) {
  const empty = options.empty === true;
  const lines = [
    {
      id: 'C-HEA-04',
      domain: '儿童与健康',
      name: '婴儿死亡率',
      nameEn: 'Infant mortality rate',
      unit: '‰',
      value: empty ? null : 4.8,
      text: empty ? '' : '4.8',
      status: empty ? 'missing' : 'met',
      reportedBy: empty ? null : 'wjj',
      note: null,
      conflict: !empty,
      contributions: empty
        ? []
        : [
            { organisationId: 'wjj', value: 4.8, text: '4.8', status: 'met', note: null },
            { organisationId: 'mzj', value: 5.2, text: '5.2', status: 'notMet', note: '民政局口径' },
          ],
      reporters: empty ? [] : ['wjj', 'mzj'],
      rollUp: null,
      units: [],
    },
    {
      id: 'C-EDU-02',
      domain: '儿童与教育',
      name: '学前教育毛入园率',
      nameEn: 'Pre-school gross enrolment',
      unit: '%',
      value: empty ? null : 88,
      text: empty ? '' : '88',
      status: empty ? 'missing' : 'notMet',
      reportedBy: empty ? null : 'jtj',
      note: empty ? null : '山区幼儿园在建',
      conflict: false,
      contributions: empty ? [] : [{ organisationId: 'jtj', value: 88, text: '88', status: 'notMet', note: '山区幼儿园在建' }],
      reporters: empty ? [] : ['jtj'],
      rollUp: null,
      units: [],
    },
    {
      id: 'C-WEL-07',
      domain: '儿童与福利',
      name: '每个乡镇（街道）儿童督导员人数',
      nameEn: 'Child welfare supervisors per township',
      unit: '名',
      value: null,
      text: '',
      status: empty ? 'noData' : 'notMet',
      reportedBy: null,
      note: null,
      conflict: false,
      contributions: [],
      reporters: empty ? [] : ['gszd', 'gljz'],
      rollUp: { status: empty ? 'noData' : 'notMet', units: 3, met: empty ? 0 : 1, notMet: empty ? 0 : 1, notYetDue: 0, withoutData: empty ? 3 : 1, failingUnits: empty ? [] : ['gljz'], missingUnits: empty ? ['gszd', 'gljz', 'yjz'] : ['yjz'] },
      units: [unitLine('gszd', '桂山街道', empty ? null : 2, empty ? 'noData' : 'met'), unitLine('gljz', '古城街道', empty ? null : 0, empty ? 'noData' : 'notMet'), unitLine('yjz', '扬武镇', null, 'noData')],
    },
  ];
  for (const line of lines) IndicatorLineSchema.parse(line);
  return valid(ConsolidationSchema, { plan: 'children', year: 2025, indicators: lines });
}

export function seriesFixture() {
  return valid(SeriesSchema, {
    plan: 'children',
    year: 2025,
    indicators: [
      {
        id: 'C-HEA-04',
        domain: '儿童与健康',
        name: '婴儿死亡率',
        nameEn: 'Infant mortality rate',
        unit: '‰',
        points: [
          { year: 2020, value: 5.94, source: 'baseline' },
          { year: 2023, value: 5.1, source: 'observed' },
          { year: 2025, value: 4.8, source: 'observed' },
        ],
        progress: progress({ targetYear: 2030, targetRole: 'final', targetValue: 5 }),
        units: [],
      },
      {
        id: 'C-WEL-07',
        domain: '儿童与福利',
        name: '每个乡镇（街道）儿童督导员人数',
        nameEn: 'Child welfare supervisors per township',
        unit: '名',
        points: [],
        progress: null,
        units: [
          { unitId: 'gszd', name: '桂山街道', nameEn: 'Guishan', points: [{ year: 2025, value: 2, source: 'observed' }], progress: progress({ status: 'achieved', direction: 1, targetValue: 1, targetRole: 'milestone', targetYear: 2025 }) },
          { unitId: 'gljz', name: '古城街道', nameEn: 'Gucheng', points: [{ year: 2025, value: 0, source: 'observed' }], progress: progress({ status: 'notAssessable', direction: 1, targetValue: 1, targetRole: 'milestone', targetYear: 2025 }) },
        ],
      },
    ],
  });
}

const counts = (domain: string, values: { indicators: number; met: number; notMet: number; noData: number }) => ({
  domain,
  indicators: values.indicators,
  monitorable: values.indicators,
  met: values.met,
  basicallyMet: 0,
  notMet: values.notMet,
  notYetDue: 0,
  notYetDueByProgress: {},
  noData: values.noData,
  rateWithData: values.met + values.notMet === 0 ? null : values.met / (values.met + values.notMet),
  rateAll: values.met / values.indicators,
});

export function evaluationFixture(year = 2025, options: { empty?: boolean } = {}) {
  const empty = options.empty === true;
  return valid(EvaluationSchema, {
    plan: 'children',
    year,
    kind: year === 2025 ? 'midTerm' : year === 2030 ? 'final' : 'annual',
    basicallyMetRatio: 0.9,
    domains: [counts('儿童与健康', empty ? { indicators: 2, met: 0, notMet: 0, noData: 2 } : { indicators: 2, met: 2, notMet: 0, noData: 0 }), counts('儿童与教育', empty ? { indicators: 1, met: 0, notMet: 0, noData: 1 } : { indicators: 1, met: 0, notMet: 1, noData: 0 })],
    total: counts('全部', empty ? { indicators: 3, met: 0, notMet: 0, noData: 3 } : { indicators: 3, met: 2, notMet: 1, noData: 0 }),
    rows: [
      {
        indicatorId: 'C-HEA-04',
        domain: '儿童与健康',
        name: '婴儿死亡率',
        nameEn: 'Infant mortality rate',
        target: '≤5‰',
        targetEn: '≤5‰',
        baseline2020: 5.94,
        values: [{ year: 2025, text: empty ? null : '4.8' }],
        latest: empty ? null : { year: 2025, text: '4.8' },
        category: empty ? 'noData' : 'met',
        completion: null,
        progress: empty ? null : 'onTrack',
        responsible: ['wjj'],
        conflict: !empty,
      },
    ],
    definitions: { rateWithData: { message: '达标率（有数据）= 已达标 ÷（可监测数 − 未到期 − 无数据）', messageEn: 'met ÷ (monitorable − not yet due − no data)' } },
  });
}

export function warningsFixture() {
  return valid(WarningsSchema, {
    plan: 'children',
    year: 2025,
    warnings: [
      { kind: 'progress', indicatorId: 'C-EDU-02', unitId: null, status: 'regressing', targetYear: 2030, message: '学前教育毛入园率倒退：按目前的趋势2030年难以达到目标。', messageEn: 'Regressing.' },
      { kind: 'fluctuation', indicatorId: 'C-HEA-04', unitId: 'gljz', previousYear: 2024, previous: 6.2, value: 4.8, message: '婴儿死亡率较上年下降1.4个千分点，波动较大。', messageEn: 'Strong swing.' },
      { kind: 'conflict', indicatorId: 'C-HEA-04', unitId: null, reportedBy: 'wjj', values: [{ organisationId: 'wjj', text: '4.8' }, { organisationId: 'mzj', text: '5.2' }], message: '婴儿死亡率：卫健局 4.8、民政局 5.2，数值不一致。', messageEn: 'Conflict.' },
    ],
  });
}
