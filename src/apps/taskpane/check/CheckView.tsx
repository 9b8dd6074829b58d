import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { findingSections } from '../../../core/report/finding-sections';
import { completenessText, countsText } from '../../../core/report/report-findings';
import type { ViewProps } from '../App';
import { failureText } from '../error-text';
import { useServices } from '../services';
import { CheckRunner, INITIAL_CHECK_STATE, type CheckRunnerState, type Schedule } from './check-runner';
import { FindingGroups } from './FindingGroups';
import { checkFindings, GROUPINGS, inLanguage, nextProblemCell, type Finding, type Grouping } from './findings';

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
  counts: {
    fontWeight: tokens.fontWeightSemibold,
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
 * 检查: validates the active template sheet (flags are drawn into the sheet by the check itself), says how
 * much is filled (已填 36/59) and the counts every view shares, lists one finding per line of the sheet —
 * by category (错误 / 未达标 / 预警 / 提示), by 领域 or by 填报单元, the same finding in several townships as
 * one row — selects a finding's cell on click or Enter, walks the problem cells with 下一个问题, and — once a
 * check has run — re-checks after people's edits (debounced; the add-in's own writes are not edits).
 */
export default function CheckView({ show, recheckDelayMs, schedule }: CheckViewProps) {
  const styles = useStyles();
  const { workbook, locale, loadCatalog, strings } = useServices();
  const t = strings.check;
  const [state, setState] = useState<CheckRunnerState>(INITIAL_CHECK_STATE);
  const [selectError, setSelectError] = useState<unknown>(null);
  const [grouping, setGrouping] = useState<Grouping>('category');
  /** The problem cell last selected (by 下一个问题 or a row), and what was announced about it. */
  const [walked, setWalked] = useState<{ readonly address: string; readonly said: string } | null>(null);
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
  const sections = useMemo(() => (grouped && result.kind === 'done' ? findingSections(grouped.findings, grouping, result.catalog) : undefined), [grouped, grouping, result]);
  // a selection failure belongs to the list it came from
  useEffect(() => setSelectError(null), [result]);

  const selectCell = (address: string) => {
    if (!outcome) return;
    setSelectError(null);
    workbook.selectCell(outcome.sheetName, address).catch((error: unknown) => setSelectError(error));
  };
  const select = (finding: Finding) => {
    if (finding.address === undefined) return;
    // 下一个问题 goes on from the row chosen
    setWalked({ address: finding.address, said: '' });
    selectCell(finding.address);
  };
  const next = grouped ? nextProblemCell(grouped, walked?.address) : undefined;
  const selectNext = () => {
    if (!grouped || !next) return;
    setWalked({ address: next.address, said: t.nextProblemAt(next.position + 1, grouped.problemCells.length, next.address) });
    selectCell(next.address);
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
            <Field label={t.completenessLabel} validationMessage={completenessText(grouped.counts, locale)} validationState="none">
              <ProgressBar value={grouped.counts.lines === 0 ? 0 : grouped.counts.filled / grouped.counts.lines} thickness="large" />
            </Field>
            <Text as="p" className={styles.counts}>
              {countsText(grouped.counts, locale)}
            </Text>
          </div>
          <div className={styles.actions}>
            <Button disabled={!next} onClick={selectNext}>
              {t.nextProblem}
            </Button>
            <Text size={200} className={styles.muted} aria-live="polite">
              {grouped.problemCells.length === 0 ? t.noProblems : (walked?.said ?? '')}
            </Text>
          </div>
          <Field label={t.groupingLabel}>
            <RadioGroup layout="horizontal" value={grouping} onChange={(_event, data) => setGrouping(data.value as Grouping)}>
              {GROUPINGS.map((value) => (
                <Radio key={value} value={value} label={t.groupings[value]} />
              ))}
            </RadioGroup>
          </Field>
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
          {sections && <FindingGroups key={`${outcome.sheetName}:${grouping}`} sections={sections} language={locale} strings={t} onSelect={select} />}
        </>
      )}

      <div role="status" className={styles.visuallyHidden}>
        {grouped && !busy ? t.announce(grouped.counts) : ''}
      </div>
    </div>
  );
}
