import { Suspense, lazy, useState, type ComponentType } from 'react';
import { makeStyles, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { ViewBoundary } from './ViewBoundary';
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

/** The four views. Each is its own chunk: the first screen does not wait for the others' code. */
export const VIEWS = ['fill', 'check', 'submit', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];

const views: Record<ViewName, ComponentType<ViewProps>> = {
  fill: lazy(() => import(/* webpackChunkName: "fill" */ './fill/FillView')),
  check: lazy(() => import(/* webpackChunkName: "check" */ './check/CheckView')),
  submit: lazy(() => import(/* webpackChunkName: "submit" */ './submit/SubmitView')),
  settings: lazy(() => import(/* webpackChunkName: "settings" */ './settings/SettingsView')),
};

/** What every view gets from the shell: whether it is shown, and a way to switch to another view. */
export interface ViewProps {
  readonly active: boolean;
  readonly show: (view: ViewName) => void;
}

export interface AppProps {
  strings: UiStrings;
  /** The view shown first (default 填报). */
  initialView?: ViewName;
}

/**
 * The task pane inside Excel: a tab per view. A view stays mounted once opened (hidden when another tab
 * is chosen), so a check's results, a note being typed or a submission in progress survive tab switches.
 */
export function App({ strings, initialView = 'fill' }: AppProps) {
  const styles = useStyles();
  const [current, setCurrent] = useState<ViewName>(initialView);
  const [opened, setOpened] = useState<ReadonlySet<ViewName>>(() => new Set([initialView]));
  const show = (view: ViewName) => {
    setCurrent(view);
    setOpened((previous) => (previous.has(view) ? previous : new Set([...previous, view])));
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
      {VIEWS.filter((view) => opened.has(view)).map((view) => {
        const View = views[view];
        return (
          <main key={view} id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} hidden={view !== current} className={styles.view}>
            <ViewBoundary strings={strings.shell}>
              <Suspense fallback={<Spinner size="small" label={strings.shell.loading} />}>
                <View active={view === current} show={show} />
              </Suspense>
            </ViewBoundary>
          </main>
        );
      })}
    </div>
  );
}
