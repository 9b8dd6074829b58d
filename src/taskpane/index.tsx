/**
 * Task pane bootstrap: wait for Office once, decide what to show, build the services, render. Nothing else.
 * Office.js is only touched in office-host.ts; the decisions are pure functions (view, strings, theme).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { NotInExcel } from './NotInExcel';
import { connectToOffice, officeExcelHost } from './office-host';
import { ServicesProvider, type PaneServices } from './services';
import { memoryStore, partitionedStore, type KeyValueStore } from './storage';
import { DEFAULT_LOCALE, pickLocale, strings, type Locale } from './strings';
import { chooseThemeKind, fluentTheme } from './theme';
import { decideView, type HostSnapshot } from './view';
import { officeWorkbook } from './workbook/workbook-port';

/** Set by webpack (DefinePlugin): the add-in's version and the endpoint baked in at build time ('' = none). */
declare const __APP_VERSION__: string;
declare const __DEFAULT_ENDPOINT__: string;

async function bootstrap(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');

  const host = await connectToOffice();
  const view = decideView(host);
  // Outside Excel the page shows both languages, Chinese first.
  const locale = view.kind === 'excel' ? pickLocale(host.displayLanguage) : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  document.title = strings[locale].documentTitle;

  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={fluentTheme(chooseThemeKind(host.officeTheme, host.forcedColors))}>
        {view.kind === 'excel' ? (
          <ServicesProvider services={paneServices(host, locale)}>
            <App strings={strings[locale]} />
          </ServicesProvider>
        ) : (
          <NotInExcel reason={view.reason} host={view.host} />
        )}
      </FluentProvider>
    </StrictMode>,
  );
}

function paneServices(host: HostSnapshot, locale: Locale): PaneServices {
  return {
    locale,
    strings: strings[locale],
    workbook: officeWorkbook(officeExcelHost()),
    store: userStore(host.partitionKey),
    workbookKey: host.documentUrl,
    fetch: window.fetch.bind(window),
    now: () => Date.now(),
    loadCatalog: () => import(/* webpackChunkName: "catalog" */ '../seed-catalog').then((module) => module.seedCatalog()),
    client: { app: 'xinping-plan-monitor-excel', version: __APP_VERSION__, ...(host.platform ? { host: host.platform } : {}) },
    // The endpoint that serves the pane (npm start) is the default; a build can bake in another one.
    defaultEndpoint: __DEFAULT_ENDPOINT__ || window.location.origin,
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
