import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ViewProps } from '../App';
import { failureText } from '../error-text';
import { useServices } from '../services';
import { CheckRunner, INITIAL_CHECK_STATE, type CheckRunnerState, type Schedule } from './check-runner';
import { FindingGroups } from './FindingGroups';
import { checkFindings, inLanguage, type Finding } from './findings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  sheet: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** The Check view's props: the shell's, plus what tests set (the pause before a re-check, the timer). */
export interface CheckViewProps extends ViewProps {
  /** Pause after people's last edit before re-checking, ms (default 800). */
  readonly recheckDelayMs?: number;
  /** The timer (default setTimeout). */
  readonly schedule?: Schedule;
}

/**
 * 检查: validates the active template sheet (flags are drawn into the sheet by the check itself), lists what
 * was found in four groups with counts, selects a finding's cell on click or Enter, and — once a check has
 * run — re-checks after people's edits (debounced; the add-in's own writes are not edits).
 */
export default function CheckView({ show, recheckDelayMs, schedule }: CheckViewProps) {
  const styles = useStyles();
  const { workbook, locale, loadCatalog, strings } = useServices();
  const t = strings.check;
  const [state, setState] = useState<CheckRunnerState>(INITIAL_CHECK_STATE);
  const [selectError, setSelectError] = useState<unknown>(null);
  const runner = useRef<CheckRunner | null>(null);
  // read once per runner: a test's inline schedule must not restart it on every render
  const timing = useRef({ recheckDelayMs, schedule });

  useEffect(() => {
    const created = new CheckRunner({
      workbook,
      loadCatalog,
      language: locale,
      onChange: setState,
      ...(timing.current.recheckDelayMs === undefined ? {} : { recheckDelayMs: timing.current.recheckDelayMs }),
      ...(timing.current.schedule === undefined ? {} : { schedule: timing.current.schedule }),
    });
    runner.current = created;
    return () => {
      if (runner.current === created) runner.current = null;
      void created.dispose();
    };
  }, [workbook, loadCatalog, locale]);

  const { result, busy, live } = state;
  const outcome = result.kind === 'done' ? result.outcome : undefined;
  const grouped = useMemo(
    () => (result.kind === 'done' && result.outcome.kind === 'template' ? checkFindings(result.outcome.check, result.catalog) : undefined),
    [result],
  );
  // a selection failure belongs to the list it came from
  useEffect(() => setSelectError(null), [result]);

  const select = (finding: Finding) => {
    if (!outcome || finding.address === undefined) return;
    setSelectError(null);
    workbook.selectCell(outcome.sheetName, finding.address).catch((error: unknown) => setSelectError(error));
  };

  const firstRun = busy && result.kind === 'idle';
  return (
    <div className={styles.root}>
      <Text as="p" className={styles.muted}>
        {t.intro}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => runner.current?.checkNow()}>
          {t.checkButton}
        </Button>
        {busy && !firstRun && <Spinner size="extra-tiny" label={t.rechecking} />}
      </div>

      {live.kind === 'on' && (
        <Text size={200} className={styles.muted}>
          {t.liveOn}
        </Text>
      )}
      {live.kind === 'unavailable' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.liveUnavailable}</MessageBarBody>
        </MessageBar>
      )}
      {live.kind === 'failed' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.liveFailed(failureText(live.error, locale))}</MessageBarBody>
        </MessageBar>
      )}

      {firstRun && <Spinner size="small" label={t.checking} />}
      {result.kind === 'idle' && !busy && <Text as="p">{t.notChecked}</Text>}

      {result.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.failedTitle}</MessageBarTitle>
            {failureText(result.error, locale, t.unexpected)}
          </MessageBarBody>
        </MessageBar>
      )}

      {outcome?.kind === 'notTemplate' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{outcome.looksLikeTemplate ? t.damagedTemplateTitle : t.notTemplateTitle}</MessageBarTitle>
            {outcome.looksLikeTemplate ? inLanguage(outcome.message, locale) : t.notTemplate(outcome.sheetName)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => show('fill')}>{t.goToFill}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {outcome?.kind === 'template' && grouped && (
        <>
          <div className={styles.summary}>
            <Text as="h2" size={400} className={styles.sheet}>
              {t.resultsFor(outcome.sheetName)}
            </Text>
            <Text size={200} className={styles.muted}>
              {outcome.drawn.notDrawn ? inLanguage(outcome.drawn.notDrawn, locale) : t.drawn(outcome.drawn.flaggedCells)}
              {outcome.drawn.notesSkipped.length > 0 && ` ${t.notesSkipped(outcome.drawn.notesSkipped.length)}`}
              {outcome.drawn.notesFailed !== undefined && outcome.drawn.notesFailed.length > 0 && ` ${t.notesFailed(outcome.drawn.notesFailed.length)}`}
            </Text>
          </div>
          {grouped.clear && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.allClearTitle}</MessageBarTitle>
                {t.allClear}
              </MessageBarBody>
            </MessageBar>
          )}
          {selectError !== null && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.selectFailedTitle}</MessageBarTitle>
                {failureText(selectError, locale, t.unexpected)}
              </MessageBarBody>
            </MessageBar>
          )}
          {/* results stay mounted while re-checking; a new list replaces the old one in place */}
          <FindingGroups key={outcome.sheetName} grouped={grouped} language={locale} strings={t} onSelect={select} />
        </>
      )}

      <div role="status" className={styles.visuallyHidden}>
        {grouped && !busy ? t.announce(grouped.counts) : ''}
      </div>
    </div>
  );
}
