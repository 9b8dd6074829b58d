/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { WebApp } from '../../../src/apps/web/App';
import { pickWebLanguage, webStrings } from '../../../src/apps/web/web-strings';

describe('the web app shell', () => {
  it.each(['zh-CN', 'en-US'] as const)('%s: says what it is and links to the add-in, its manifest and the API', (language) => {
    const strings = webStrings[language];
    render(
      <FluentProvider theme={webLightTheme}>
        <WebApp strings={strings} />
      </FluentProvider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: strings.title })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: strings.addin })).toHaveAttribute('href', '/taskpane.html');
    expect(screen.getByRole('link', { name: strings.manifest })).toHaveAttribute('href', '/manifest.xml');
    expect(screen.getByRole('link', { name: strings.api })).toHaveAttribute('href', '/api/v1/openapi.json');
  });

  it('speaks Chinese unless the browser prefers English', () => {
    expect(pickWebLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickWebLanguage(['en-GB'])).toBe('en-US');
    expect(pickWebLanguage([])).toBe('zh-CN');
  });
});
