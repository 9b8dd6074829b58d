/**
 * The web app's bootstrap: the language from the browser (Chinese unless it prefers English), Fluent's
 * light theme, the API client, the app. Served by the shared endpoint at / and /web/<route>, its files under /web/.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { WebApp } from './App';
import { createWebApi } from './web-api';
import { pickWebLanguage, webStrings } from './web-strings';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const language = pickWebLanguage(navigator.languages ?? [navigator.language]);
document.documentElement.lang = language;
document.title = webStrings[language].title;
const api = createWebApi();
createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <WebApp api={api} language={language} />
    </FluentProvider>
  </StrictMode>,
);
