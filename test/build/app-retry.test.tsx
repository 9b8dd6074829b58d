/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, FIRST_VIEW, preloadView } from '../../src/apps/taskpane/App';
import { strings } from '../../src/apps/taskpane/strings';

// The 填报 view's chunk: offline for the first two attempts (the bootstrap's preload and the first render),
// then there. jest runs App.tsx's import() as a require of this mock, calling the factory again after it threw.
let fillImports = 0;
jest.mock('../../src/apps/taskpane/fill/FillView', () => {
  fillImports += 1;
  if (fillImports <= 2) throw Object.assign(new Error('Loading chunk fill failed.'), { name: 'ChunkLoadError' });
  return { __esModule: true, default: () => <p>填报视图已加载</p> };
});

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

describe('App: a view whose chunk failed to load', () => {
  it('is loaded again when the person chooses 重试', async () => {
    expect(FIRST_VIEW).toBe('fill');
    preloadView(FIRST_VIEW); // what index.tsx does before Office is ready: fails here, silently
    const shell = strings['zh-CN'].shell;
    render(
      <FluentProvider theme={webLightTheme}>
        <App strings={strings['zh-CN']} />
      </FluentProvider>,
    );

    expect(await screen.findByText(shell.viewFailed)).toBeInTheDocument();
    expect(fillImports).toBe(2);
    await userEvent.click(screen.getByRole('button', { name: shell.retry }));
    expect(await screen.findByText('填报视图已加载')).toBeInTheDocument();
    expect(screen.queryByText(shell.viewFailed)).not.toBeInTheDocument();
    expect(fillImports).toBe(3);
  });
});
