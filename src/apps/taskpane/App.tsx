import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { makeStyles, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { openingView, rememberOpened, type OpeningView } from './opening-view';
import { useServicesIfAny } from './services';
import { retryableLazy, ViewBoundary, type RetryableLazy } from './ViewBoundary';
import type { UiStrings } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
  },
  tabs: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  view: {
    padding: tokens.spacingHorizontalM,
  },
});

/**
 * This workbook's submissions waiting or just delivered, shown above the other tabs (its own chunk, the
 * Submit view's: it needs the outbox). A chunk that cannot load shows nothing: the Submit tab says it all.
 */
const PendingSubmissions = lazy(() => import(/* webpackChunkName: "submit" */ './submit/PendingSubmissions'));

/** Renders nothing instead of what failed (a notice that is only a convenience must not break the shell). */
class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * The four views. Each is its own chunk: the first screen does not wait for the others' code. A chunk that
 * fails to load (offline) is fetched again when the person chooses 重试 (retryableLazy).
 */
export const VIEWS = ['fill', 'check', 'submit', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];

const views: Record<ViewName, RetryableLazy<ViewProps>> = {
  fill: retryableLazy(() => import(/* webpackChunkName: "fill" */ './fill/FillView')),
  check: retryableLazy(() => import(/* webpackChunkName: "check" */ './check/CheckView')),
  submit: retryableLazy(() => import(/* webpackChunkName: "submit" */ './submit/SubmitView')),
  settings: retryableLazy(() => import(/* webpackChunkName: "settings" */ './settings/SettingsView')),
};

/** The view shown when the pane opens (unless `initialView` says otherwise). */
export const FIRST_VIEW: ViewName = 'fill';

/**
 * Starts loading a view's chunk now: the bootstrap calls it for the first view before waiting for Office,
 * so the download overlaps `Office.onReady` instead of starting after it. Never throws; a failure shows
 * when the view renders (with 重试).
 */
export function preloadView(view: ViewName): void {
  views[view].preload();
}

/** What every view gets from the shell: whether it is shown, and a way to switch to another view. */
export interface ViewProps {
  readonly active: boolean;
  readonly show: (view: ViewName) => void;
  /** The pane's first opening here, without a token (设置 opens first and says what to do). */
  readonly firstRun?: boolean;
}

export interface AppProps {
  strings: UiStrings;
  /** The view shown first (default: 设置 on the first opening without a token, else 填报 — see opening-view.ts). */
  initialView?: ViewName;
}

/**
 * The task pane inside Excel: a tab per view. A view stays mounted once opened (hidden when another tab
 * is chosen), so a check's results, a note being typed or a submission in progress survive tab switches.
 */
export function App({ strings, initialView }: AppProps) {
  const styles = useStyles();
  const services = useServicesIfAny();
  const [opening] = useState<OpeningView | { view: ViewName; firstRun: false }>(() =>
    initialView !== undefined ? { view: initialView, firstRun: false } : services ? openingView(services.store) : { view: FIRST_VIEW, firstRun: false },
  );
  useEffect(() => {
    if (services) rememberOpened(services.store, services.now());
  }, [services]);
  const [current, setCurrent] = useState<ViewName>(opening.view);
  const [opened, setOpened] = useState<ReadonlySet<ViewName>>(() => new Set([opening.view]));
  const show = (view: ViewName) => {
    setCurrent(view);
    setOpened((previous) => (previous.has(view) ? previous : new Set([...previous, view])));
  };
  // 重试 after a view's chunk failed to load: a fresh lazy component, and a render that picks it up
  const [, setRetries] = useState(0);
  const retryView = (view: ViewName) => {
    views[view].retry();
    setRetries((count) => count + 1);
  };

  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        selectedValue={current}
        onTabSelect={(_event, data) => show(data.value as ViewName)}
        aria-label={strings.shell.tabListLabel}
      >
        {VIEWS.map((view) => (
          <Tab key={view} value={view} id={`tab-${view}`} aria-controls={`panel-${view}`}>
            {strings.shell.tabs[view]}
          </Tab>
        ))}
      </TabList>
      {services && current !== 'submit' && (
        <Quiet>
          <Suspense fallback={null}>
            <PendingSubmissions show={show} />
          </Suspense>
        </Quiet>
      )}
      {VIEWS.filter((view) => opened.has(view)).map((view) => {
        const View = views[view].Component;
        return (
          <main key={view} id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} hidden={view !== current} className={styles.view}>
            <ViewBoundary strings={strings.shell} onRetry={() => retryView(view)}>
              <Suspense fallback={<Spinner size="small" label={strings.shell.loading} />}>
                <View active={view === current} show={show} firstRun={opening.firstRun} />
              </Suspense>
            </ViewBoundary>
          </main>
        );
      })}
    </div>
  );
}
