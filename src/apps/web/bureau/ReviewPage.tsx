/**
 * 审核 / One submission under review: the current version's values with the server's verdicts and the
 * organisation's 说明, each against last year's value (上年值 as the report carried it) and what changed since
 * the previous version; approve (locks) or return with a comment — the API takes one comment, so comments
 * written on single lines are appended to it, each starting with the indicator's code (the add-in links
 * the code to its row) — or reopen an approved one; the history of the review.
 */
import { useId, useMemo, useState } from 'react';
import { Badge, Button, Field, Input, Text, Textarea, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { PreviousValuesSchema, SubmissionDetailSchema, SubmissionSummarySchema, SubmissionVersionSchema, type PreviousValues, type SubmissionDetail } from '../../../contract/api';
import { ConsolidationSchema, type ConsolidationAnswer } from '../../../contract/monitoring';
import { Notice } from '../../../ui/Notice';
import { AppLink, LoadView, PrintButton, ScrollTable, errorText, numberOf, signed, useBureau, useLoad, useOrganisationName, valueText } from './bureau-common';
import type { BureauStrings } from './bureau-strings';

type StoredValue = SubmissionDetail['values'][number];

interface ReviewData {
  readonly detail: SubmissionDetail;
  readonly previousVersion: readonly StoredValue[] | null;
  readonly consolidation: ConsolidationAnswer | null;
  /** Last year's report of the same organisation (its approved version, else its latest), null when unreadable. */
  readonly lastYear: PreviousValues | null;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  h2: { margin: 0 },
  pre: { whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' },
  notMet: { color: tokens.colorPaletteRedForeground1 },
});

/** The key of a stored line: indicator and unit. */
const lineKey = (value: { indicatorId: string; unitId: string | null }) => `${value.indicatorId}|${value.unitId ?? ''}`;

export function ReviewPage({ id }: { id: string }) {
  const { api, strings: s } = useBureau();
  const styles = useStyles();
  const { state, reload } = useLoad(`submission/${id}`, async (): Promise<ReviewData> => {
    const detail = await api.get(`/submissions/${encodeURIComponent(id)}`, SubmissionDetailSchema);
    const [previousVersion, consolidation, lastYear] = await Promise.all([
      detail.currentVersion > 1 ? api.get(`/submissions/${encodeURIComponent(id)}/versions/${detail.currentVersion - 1}`, SubmissionVersionSchema).then((answer) => answer.values) : Promise.resolve(null),
      // the indicators' names and the townships' (a failure leaves the codes)
      api.get(`/monitoring/${detail.plan}/${detail.year}/consolidation`, ConsolidationSchema).catch(() => null),
      // what the organisation reported last year, beside the 上年值 it typed (a failure leaves the typed one)
      detail.year > 2021
        ? api.get(`/submissions/previous-values?${new URLSearchParams({ plan: detail.plan, year: String(detail.year), org: detail.organisationId }).toString()}`, PreviousValuesSchema).catch(() => null)
        : Promise.resolve(null),
    ]);
    return { detail, previousVersion, consolidation, lastYear };
  });
  return (
    <div className={styles.page}>
      <LoadView state={state} reload={reload}>
        {(data) => <Review data={data} onChanged={reload} />}
      </LoadView>
      {state.status !== 'ready' && (
        <AppLink href="/web/bureau">{s.backToBoard}</AppLink>
      )}
    </div>
  );
}

/** Names of indicators and units, from the consolidation (else the codes). */
function useNames(consolidation: ConsolidationAnswer | null) {
  const organisationName = useOrganisationName();
  return useMemo(() => {
    const indicators = new Map<string, string>();
    const units = new Map<string, string>();
    for (const line of consolidation?.indicators ?? []) {
      indicators.set(line.id, line.name);
      for (const unit of line.units) units.set(unit.unitId, unit.name);
    }
    return {
      indicator: (id: string) => indicators.get(id) ?? '',
      unit: (id: string | null) => (id === null ? '' : (units.get(id) ?? organisationName(id))),
    };
  }, [consolidation, organisationName]);
}

function Review({ data, onChanged }: { data: ReviewData; onChanged: () => void }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const organisationName = useOrganisationName();
  const names = useNames(data.consolidation);
  const { detail } = data;
  const [lineComments, setLineComments] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const plan = s.planNames[detail.plan];
  const locked = detail.status === 'approved';
  const lastYear = new Map((data.lastYear?.values ?? []).map((item) => [lineKey(item), item.value]));
  return (
    <>
      <Title1 as="h1">{s.reviewHeading(organisationName(detail.organisationId), plan, detail.year)}</Title1>
      <div className={styles.row}>
        <span className="bureau-no-print">
          <AppLink href={`/web/bureau?plan=${detail.plan}&year=${detail.year}`}>{s.backToBoard}</AppLink>
        </span>
        <Text>{s.currentVersion(detail.currentVersion)}</Text>
        <Text>
          {s.statusLabel}：
          <Badge appearance="tint" color={detail.status === 'approved' ? 'success' : detail.status === 'returned' ? 'warning' : 'informative'}>
            {s.submissionStatus[detail.status]}
          </Badge>
        </Text>
        <PrintButton />
      </div>

      <section className={styles.section} aria-labelledby="review-values">
        <Text as="h2" id="review-values" size={500} weight="semibold" className={styles.h2}>
          {s.valuesHeading(detail.currentVersion)}
        </Text>
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{s.indicator}</th>
              <th scope="col">{s.unit}</th>
              <th scope="col">{s.value}</th>
              <th scope="col">{s.previousYear}</th>
              <th scope="col">{s.change}</th>
              <th scope="col">{s.verdict}</th>
              <th scope="col">{s.note}</th>
              {!locked && (
                <th scope="col" className="bureau-no-print">
                  {s.indicatorComment}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {detail.values.map((value) => {
              const key = lineKey(value);
              const current = numberOf(value.parsed) ?? numberOf(value.value);
              const reported = data.lastYear?.source ? lastYear.get(key) : undefined;
              const typed = value.previous === null || value.previous === undefined || value.previous === '' ? undefined : value.previous;
              const previousValue = typed ?? reported;
              const previous = numberOf(previousValue);
              // the 上年值 typed differs from what was reported last year: say both
              const disagrees = typed !== undefined && reported !== undefined && numberOf(typed) !== null && numberOf(typed) !== numberOf(reported);
              const label = value.unitId ? `${value.indicatorId}（${names.unit(value.unitId)}）` : value.indicatorId;
              return (
                <tr key={key}>
                  <th scope="row">
                    {value.indicatorId} {names.indicator(value.indicatorId)}
                  </th>
                  <td>{names.unit(value.unitId)}</td>
                  <td>{valueText(value.value)}</td>
                  <td>
                    {valueText(previousValue)}
                    {disagrees && <div className={styles.notMet}>{s.lastYearReported(valueText(reported))}</div>}
                  </td>
                  <td>{current !== null && previous !== null ? signed(current - previous) : s.noValue}</td>
                  <td className={value.status === 'notMet' ? styles.notMet : undefined}>{s.verdicts[value.status] ?? value.status}</td>
                  <td>{value.note ?? ''}</td>
                  {!locked && (
                    <td className="bureau-no-print">
                      {open[key] ? (
                        <Input
                          aria-label={s.indicatorCommentFor(label)}
                          value={lineComments[key] ?? ''}
                          onChange={(_, change) => setLineComments((comments) => ({ ...comments, [key]: change.value }))}
                        />
                      ) : (
                        <Button size="small" appearance="subtle" aria-label={s.addIndicatorComment(label)} onClick={() => setOpen((state) => ({ ...state, [key]: true }))}>
                          {s.comment}
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      </section>

      <VersionDiff data={data} names={names} />

      <Decision detail={detail} lineComments={lineComments} names={names} onChanged={onChanged} />

      <section className={styles.section} aria-labelledby="review-history">
        <Text as="h2" id="review-history" size={500} weight="semibold" className={styles.h2}>
          {s.historyHeading}
        </Text>
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{s.when}</th>
              <th scope="col">{s.action}</th>
              <th scope="col">{s.version}</th>
              <th scope="col">{s.organisation}</th>
              <th scope="col">{s.comment}</th>
            </tr>
          </thead>
          <tbody>
            {detail.history.map((event, index) => (
              <tr key={index}>
                <td>{s.formatTime(event.at)}</td>
                <th scope="row">{s.historyActions[event.action]}</th>
                <td>{event.version ?? ''}</td>
                <td>{organisationName(event.organisationId)}</td>
                <td>
                  <pre className={styles.pre}>{event.comment ?? ''}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </>
  );
}

export interface LineDifference {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly indicatorId: string;
  readonly unitId: string | null;
  readonly before: string;
  readonly after: string;
}

/** What changed between two versions' values: lines added, removed, and changed (value, verdict or 说明). */
export function versionDifferences(before: readonly StoredValue[], after: readonly StoredValue[], s: BureauStrings): LineDifference[] {
  const describe = (value: StoredValue) => [valueText(value.value), s.verdicts[value.status] ?? value.status, value.note ? `${s.note}：${value.note}` : ''].filter(Boolean).join(' · ');
  const previous = new Map(before.map((value) => [lineKey(value), value]));
  const differences: LineDifference[] = [];
  for (const value of after) {
    const old = previous.get(lineKey(value));
    previous.delete(lineKey(value));
    if (!old) differences.push({ kind: 'added', indicatorId: value.indicatorId, unitId: value.unitId, before: '', after: describe(value) });
    else if (describe(old) !== describe(value)) differences.push({ kind: 'changed', indicatorId: value.indicatorId, unitId: value.unitId, before: describe(old), after: describe(value) });
  }
  for (const old of previous.values()) differences.push({ kind: 'removed', indicatorId: old.indicatorId, unitId: old.unitId, before: describe(old), after: '' });
  return differences;
}

function VersionDiff({ data, names }: { data: ReviewData; names: ReturnType<typeof useNames> }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const { detail, previousVersion } = data;
  const heading = previousVersion ? s.versionDiffHeading(detail.currentVersion - 1, detail.currentVersion) : s.versionDiffTitle;
  const differences = previousVersion ? versionDifferences(previousVersion, detail.values, s) : [];
  return (
    <section className={styles.section} aria-labelledby="review-diff">
      <Text as="h2" id="review-diff" size={500} weight="semibold" className={styles.h2}>
        {heading}
      </Text>
      {!previousVersion ? (
        <Text>{s.firstVersion}</Text>
      ) : differences.length === 0 ? (
        <Text>{s.noDifferences}</Text>
      ) : (
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{s.indicator}</th>
              <th scope="col">{s.unit}</th>
              <th scope="col">{s.change}</th>
              <th scope="col">{s.before}</th>
              <th scope="col">{s.after}</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((difference) => (
              <tr key={`${difference.kind}|${difference.indicatorId}|${difference.unitId ?? ''}`}>
                <th scope="row">
                  {difference.indicatorId} {names.indicator(difference.indicatorId)}
                </th>
                <td>{names.unit(difference.unitId)}</td>
                <td>{s.diffKinds[difference.kind]}</td>
                <td>{difference.before}</td>
                <td>{difference.after}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

/** The comment sent: the general comment, then one line per indicator comment starting with its code. */
export function composeComment(general: string, lines: readonly { indicatorId: string; unit: string; text: string }[]): string {
  const parts = [general.trim(), ...lines.filter((line) => line.text.trim() !== '').map((line) => `${line.indicatorId}${line.unit ? `（${line.unit}）` : ''}：${line.text.trim()}`)];
  return parts.filter((part) => part !== '').join('\n');
}

function Decision({ detail, lineComments, names, onChanged }: { detail: SubmissionDetail; lineComments: Record<string, string>; names: ReturnType<typeof useNames>; onChanged: () => void }) {
  const { api, strings: s, language } = useBureau();
  const styles = useStyles();
  const commentId = useId();
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const lines = detail.values
    .filter((value) => (lineComments[lineKey(value)] ?? '').trim() !== '')
    .map((value) => ({ indicatorId: value.indicatorId, unit: value.unitId ? names.unit(value.unitId) : '', text: lineComments[lineKey(value)] ?? '' }));
  const comment = composeComment(general, lines);
  const act = async (action: 'approve' | 'return' | 'reopen') => {
    if (action === 'return' && comment === '') {
      setOutcome({ ok: false, text: s.returnNeedsComment });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const body =
      action === 'reopen' ? (comment ? { comment } : {}) : action === 'return' ? { comment, version: detail.currentVersion } : { version: detail.currentVersion, ...(comment ? { comment } : {}) };
    try {
      const answer = await api.send('POST', `/submissions/${encodeURIComponent(detail.id)}/${action}`, body, SubmissionSummarySchema);
      setOutcome({ ok: true, text: action === 'approve' ? s.approved(answer.currentVersion) : action === 'return' ? s.returned(answer.currentVersion) : s.reopened });
      setGeneral('');
      onChanged();
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error, language) });
    } finally {
      setBusy(false);
    }
  };
  const locked = detail.status === 'approved';
  return (
    <section className={`${styles.section} bureau-no-print`} aria-labelledby={`${commentId}-heading`}>
      <Text as="h2" id={`${commentId}-heading`} size={500} weight="semibold" className={styles.h2}>
        {s.decisionHeading}
      </Text>
      {outcome && (
        <div role={outcome.ok ? 'status' : 'alert'}>
          <Notice intent={outcome.ok ? 'success' : 'error'}>{outcome.text}</Notice>
        </div>
      )}
      <Field label={s.commentLabel} hint={s.commentHint}>
        <Textarea value={general} onChange={(_, data) => setGeneral(data.value)} resize="vertical" />
      </Field>
      {lines.length > 0 && (
        <div>
          <Text weight="semibold">{s.composedComment}</Text>
          <pre className={styles.pre} aria-label={s.composedComment}>
            {comment}
          </pre>
        </div>
      )}
      <div className={styles.row}>
        {!locked && (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => void act('approve')}>
              {s.approve}
            </Button>
            <Button disabled={busy} onClick={() => void act('return')}>
              {s.returnAction}
            </Button>
          </>
        )}
        {locked && (
          <Button disabled={busy} onClick={() => void act('reopen')}>
            {s.reopen}
          </Button>
        )}
      </div>
    </section>
  );
}
