/**
 * Task pane bootstrap: wait for Office once, decide what to show, render it. Nothing else.
 * Office.js is only touched in office-host.ts; the decisions are pure functions (view, strings, theme).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { NotInExcel } from './NotInExcel';
import { connectToOffice } from './office-host';
import { DEFAULT_LOCALE, pickLocale, strings } from './strings';
import { chooseThemeKind, fluentTheme } from './theme';
import { decideView } from './view';

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
          <App strings={strings[locale]} />
        ) : (
          <NotInExcel reason={view.reason} host={view.host} />
        )}
      </FluentProvider>
    </StrictMode>,
  );
}

void bootstrap();
