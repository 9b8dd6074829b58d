/**
 * Task pane bootstrap: wait for Office once, decide what to show, build the services, render. Nothing else.
 * Office.js is only touched in office-host.ts; the decisions are pure functions (view, strings, theme).
 *
 * This module and what it imports statically are the first screen's bundle: React, Fluent UI and the shell.
 * Everything else is loaded on demand, each in its own chunk: the views (retryableLazy in App.tsx), the
 * workbook adapter with the core it needs (lazy-workbook.ts) and the catalog (loadCatalog below).
 * `npm run build` prints the sizes (scripts/report-bundle-size.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App, FIRST_VIEW, preloadView } from './App';
import { NotInExcel } from './NotInExcel';
import { connectToOffice, officeExcelHost } from './office-host';
import { ServicesProvider, type PaneServices } from './services';
import { memoryStore, partitionedStore, type KeyValueStore } from '../../client/storage';
import { DEFAULT_LOCALE, pickLocale, strings, type Locale } from './strings';
import { chooseThemeKind, fluentTheme } from './theme';
import { decideView, type HostSnapshot } from './view';
import { lazyOfficeWorkbook, type LazyWorkbookPort } from './workbook/lazy-workbook';

/** Set by webpack (DefinePlugin): the add-in's version and the endpoint baked in at build time ('' = none). */
declare const __APP_VERSION__: string;
declare const __DEFAULT_ENDPOINT__: string;

async function bootstrap(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');

  preloadView(FIRST_VIEW); // its chunk downloads while Office starts up
  const host = await connectToOffice();
  const view = decideView(host);
  // Outside Excel the page shows both languages, Chinese first.
  const locale = view.kind === 'excel' ? pickLocale(host.displayLanguage) : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  document.title = strings[locale].documentTitle;

  // the workbook adapter (and the core it needs) is its own chunk, loaded on first use
  const workbook = view.kind === 'excel' ? lazyOfficeWorkbook(officeExcelHost) : null;
  const services = workbook ? paneServices(host, locale, workbook) : null;
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={fluentTheme(chooseThemeKind(host.officeTheme, host.forcedColors))}>
        {view.kind === 'excel' ? (
          services && (
            <ServicesProvider services={services}>
              <App strings={strings[locale]} />
            </ServicesProvider>
          )
        ) : (
          <NotInExcel reason={view.reason} host={view.host} />
        )}
      </FluentProvider>
    </StrictMode>,
  );
  // Once the first screen is up, fetch the workbook chunk in the background so the first 插入/检查 does not
  // wait for it. A failure here is silent: the first real call loads it again (and reports a failure).
  if (workbook) whenIdle(() => workbook.preload().catch(() => undefined));
  // Submissions queued while offline are retried as soon as the pane opens, not only once 提交 is opened.
  if (services) whenIdle(() => startOutbox(services));
}

async function startOutbox(services: PaneServices): Promise<void> {
  try {
    const { browserSubmitEnvironment, outboxFor } = await import(/* webpackChunkName: "submit" */ './submit/submit-environment');
    outboxFor(services, browserSubmitEnvironment()).start();
  } catch {
    // offline after an update: the 提交 view loads (and starts) the outbox when it is opened
  }
}

function whenIdle(task: () => unknown): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => void task(), { timeout: 2000 });
  else window.setTimeout(() => void task(), 200); // Safari (Excel on Mac) has no requestIdleCallback
}

function paneServices(host: HostSnapshot, locale: Locale, workbook: LazyWorkbookPort): PaneServices {
  return {
    locale,
    strings: strings[locale],
    workbook,
    store: userStore(host.partitionKey),
    workbookKey: host.documentUrl,
    fetch: window.fetch.bind(window),
    now: () => Date.now(),
    loadCatalog: () => import(/* webpackChunkName: "catalog" */ '../../seed-catalog').then((module) => module.seedCatalog()),
    client: { app: 'xinping-plan-monitor-excel', version: __APP_VERSION__, ...(host.platform ? { host: host.platform } : {}) },
    // The endpoint that serves the pane (npm start) is the default; a build can bake in another one.
    defaultEndpoint: __DEFAULT_ENDPOINT__ || window.location.origin,
    pageOrigin: window.location.origin,
  };
}

/** localStorage, partitioned as Office asks; memory only when the browser refuses storage (then nothing is remembered). */
function userStore(partitionKey: string | null): KeyValueStore {
  try {
    const probe = '__xpm_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return partitionedStore(window.localStorage, partitionKey);
  } catch {
    return memoryStore();
  }
}

void bootstrap();
