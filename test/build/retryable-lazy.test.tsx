/**
 * @jest-environment jsdom
 */
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { retryableLazy, ViewBoundary, type RetryableLazy } from '../../src/apps/taskpane/ViewBoundary';
import { strings } from '../../src/apps/taskpane/strings';

const shell = strings['zh-CN'].shell;

/** What webpack rejects a failed chunk with. */
function chunkLoadError(): Error {
  return Object.assign(new Error('Loading chunk fill failed.\n(missing: https://localhost:3000/fill.1234abcd.js)'), { name: 'ChunkLoadError' });
}

/** An import() that fails the first `failures` times (offline), then resolves to a small view. */
function flakyImport(failures: number) {
  let calls = 0;
  const factory = jest.fn(() => {
    calls += 1;
    if (calls <= failures) return Promise.reject(chunkLoadError());
    const View: ComponentType<{ label: string }> = ({ label }) => <p>{label}</p>;
    return Promise.resolve({ default: View });
  });
  return factory;
}

/** How App.tsx uses it: a boundary whose 重试 calls `retry()` and re-renders. */
function Shell({ view }: { view: RetryableLazy<{ label: string }> }) {
  const [, setRetries] = useState(0);
  const View = view.Component;
  return (
    <FluentProvider theme={webLightTheme}>
      <ViewBoundary strings={shell} onRetry={() => { view.retry(); setRetries((n) => n + 1); }}>
        <Suspense fallback={<span>{shell.loading}</span>}>
          <View label="填报视图" />
        </Suspense>
      </ViewBoundary>
    </FluentProvider>
  );
}

// React logs every error a boundary catches; the tests look at the page instead
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

describe('retryableLazy with ViewBoundary', () => {
  it('shows the chunk failure, and 重试 imports the chunk again and shows the view', async () => {
    const factory = flakyImport(1);
    render(<Shell view={retryableLazy(factory)} />);

    expect(await screen.findByText(shell.viewFailed)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: shell.retry }));
    expect(await screen.findByText('填报视图')).toBeInTheDocument();
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('keeps offering 重试 while the network is still down', async () => {
    const factory = flakyImport(2);
    render(<Shell view={retryableLazy(factory)} />);

    expect(await screen.findByText(shell.viewFailed)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: shell.retry }));
    expect(await screen.findByText(shell.viewFailed)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: shell.retry }));
    expect(await screen.findByText('填报视图')).toBeInTheDocument();
    expect(factory).toHaveBeenCalledTimes(3);
  });

  it('does not import again when the view itself crashed (its code is loaded)', async () => {
    let crash = true;
    const factory = jest.fn(() =>
      Promise.resolve({
        default: function Crashy() {
          if (crash) throw new Error('boom');
          return <p>恢复</p>;
        },
      }),
    );
    const view = retryableLazy<{ label: string }>(factory);
    render(<Shell view={view} />);

    expect(await screen.findByText(/出现意外错误：boom/)).toBeInTheDocument();
    crash = false;
    await userEvent.click(screen.getByRole('button', { name: shell.retry }));
    expect(await screen.findByText('恢复')).toBeInTheDocument();
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('preload() starts the import before anything renders', async () => {
    const factory = flakyImport(0);
    const view = retryableLazy(factory);
    view.preload();
    expect(factory).toHaveBeenCalledTimes(1);
    render(<Shell view={view} />);
    expect(await screen.findByText('填报视图')).toBeInTheDocument();
  });

  it('(the bug it fixes) a plain React.lazy keeps its rejected import: 重试 cannot recover', async () => {
    const factory = flakyImport(1);
    const Plain = lazy(factory);
    render(
      <FluentProvider theme={webLightTheme}>
        <ViewBoundary strings={shell}>
          <Suspense fallback={<span>{shell.loading}</span>}>
            <Plain label="填报视图" />
          </Suspense>
        </ViewBoundary>
      </FluentProvider>,
    );
    expect(await screen.findByText(shell.viewFailed)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: shell.retry }));
    expect(await screen.findByText(shell.viewFailed)).toBeInTheDocument();
    expect(screen.queryByText('填报视图')).not.toBeInTheDocument();
    expect(factory).toHaveBeenCalledTimes(1);
  });
});
