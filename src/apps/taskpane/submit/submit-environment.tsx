/**
 * What the Submit view needs beyond the pane's services: the endpoint client for the person's settings,
 * timers, random numbers and ids, Web Locks and the browser's `online` event. The add-in uses
 * `browserSubmitEnvironment()` (the default of the context); tests provide their own through
 * `SubmitEnvironmentProvider` (fake timers, an EndpointClient double, a fixed id generator).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { EndpointClient } from '../../../client/endpoint-client';
import { createEndpointClient } from '../../../client/http-endpoint-client';
import type { PaneServices } from '../services';
import { loadEndpointSettings } from '../settings/endpoint-settings';
import { Outbox, type LockManagerLike } from '../../../client/outbox';
import type { SubmissionRunnerDeps } from '../../../client/submission-runner';

export interface SubmitEnvironment {
  /** The client for the stored settings; null when there is no token (or no address) yet. Asked on every use. */
  endpoint(services: PaneServices): EndpointClient | null;
  random(): number;
  randomUUID(): string;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Web Locks when the browser has them (shared by every pane and tab of the origin). */
  readonly locks: LockManagerLike | null;
  onOnline(callback: () => void): () => void;
}

/** The endpoint client for the person's stored address and token, or null when either is missing. */
export function settingsEndpoint(services: PaneServices, pageOrigin?: string): EndpointClient | null {
  const settings = loadEndpointSettings(services);
  if (settings.token.trim() === '' || settings.url.trim() === '') return null;
  return createEndpointClient(settings, services.fetch, pageOrigin === undefined ? {} : { pageOrigin });
}

/** The real browser: window timers, crypto, navigator.locks, the window's `online` event. */
export function browserSubmitEnvironment(): SubmitEnvironment {
  return {
    endpoint: (services) => settingsEndpoint(services, services.pageOrigin),
    random: () => Math.random(),
    randomUUID: () => uuid(),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    locks: typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : null,
    onOnline: (callback) => {
      window.addEventListener('online', callback);
      return () => window.removeEventListener('online', callback);
    },
  };
}

/** crypto.randomUUID where the webview has it (secure contexts); else a version-4 UUID from getRandomValues. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SubmitEnvironmentContext = createContext<SubmitEnvironment | null>(null);

export function SubmitEnvironmentProvider({ environment, children }: { environment: SubmitEnvironment; children: ReactNode }) {
  return <SubmitEnvironmentContext.Provider value={environment}>{children}</SubmitEnvironmentContext.Provider>;
}

let browserEnvironment: SubmitEnvironment | null = null;

/** The provided environment, else the browser's. */
export function useSubmitEnvironment(): SubmitEnvironment {
  const provided = useContext(SubmitEnvironmentContext);
  if (provided) return provided;
  browserEnvironment ??= browserSubmitEnvironment();
  return browserEnvironment;
}

const outboxes = new WeakMap<PaneServices, Outbox>();

/**
 * The pane's one outbox (per services object): the Submit view and, if the shell wants retries to run
 * before the Submit tab is opened, the bootstrap share it.
 */
export function outboxFor(services: PaneServices, environment: SubmitEnvironment): Outbox {
  let outbox = outboxes.get(services);
  if (!outbox) {
    outbox = new Outbox({
      store: services.store,
      client: () => environment.endpoint(services),
      now: services.now,
      random: () => environment.random(),
      randomUUID: () => environment.randomUUID(),
      setTimer: (callback, ms) => environment.setTimer(callback, ms),
      clearTimer: (handle) => environment.clearTimer(handle),
      locks: environment.locks,
      onOnline: (callback) => environment.onOnline(callback),
    });
    outboxes.set(services, outbox);
  }
  return outbox;
}

/**
 * What the submission runner needs, from the pane: the active sheet through the workbook port, the endpoint
 * of the person's settings (asked on every use), the pane's one outbox and its clock.
 */
export function submissionRunnerDeps(services: PaneServices, environment: SubmitEnvironment): SubmissionRunnerDeps {
  const { workbook } = services;
  return {
    loadCatalog: () => services.loadCatalog(),
    readSheet: async () => (await workbook.read()).grid,
    writeNotes: (sheetName, cells) => workbook.writeCells(sheetName, cells),
    selectCell: (sheetName, address) => workbook.selectCell(sheetName, address),
    endpoint: () => environment.endpoint(services),
    outbox: outboxFor(services, environment),
    workbookKey: services.workbookKey,
    clientInfo: services.client,
    now: () => services.now(),
  };
}
