/**
 * 完成情况 / Who has reported a year: every organisation × plan (已报送 第 n 版, 已退回, 已审核, 迟报, 逾期未报,
 * 未开始) with a link to review its report, each plan's counts, reporting and on-time rates and deadline (the
 * bureau sets it here), and the reminder list of who has not reported, as text to copy into a message.
 */
import { useId, useState } from 'react';
import { Badge, Button, Field, Input, Text, Textarea, Title1, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { SubmissionListSchema, type SubmissionSummary } from '../../../contract/api';
import { CompletenessSchema, DeadlineSchema, type CompletenessAnswer } from '../../../contract/monitoring';
import type { PlanId } from '../../../core/catalog/indicator-schema';
import { Notice } from '../../../ui/Notice';
import { AppLink, LoadView, PLANS, PlanYearPicker, PrintButton, ScrollTable, errorText, useBureau, useLoad, usePlanYear } from './bureau-common';
import type { BureauStrings } from './bureau-strings';

interface PlanBoard {
  readonly plan: PlanId;
  readonly completeness: CompletenessAnswer;
  readonly submissions: readonly SubmissionSummary[];
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  fact: { margin: 0, display: 'flex', flexDirection: 'column' },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  cell: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  summaries: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 30rem), 1fr))', gap: tokens.spacingHorizontalXL },
  h2: { margin: 0 },
});

const STATE_COLOR: Record<CompletenessAnswer['organisations'][number]['state'], NonNullable<BadgeProps['color']>> = {
  notStarted: 'subtle',
  missing: 'danger',
  submitted: 'informative',
  returned: 'warning',
  approved: 'success',
};

export function CompletenessPage() {
  const { api, strings: s } = useBureau();
  const styles = useStyles();
  const { plan, year } = usePlanYear(null);
  const plans = plan ? [plan] : PLANS;
  const { state, reload } = useLoad(`${plans.join(',')}/${year}`, () =>
    Promise.all(
      plans.map(async (id): Promise<PlanBoard> => {
        const [completeness, list] = await Promise.all([
          api.get(`/monitoring/${id}/${year}/completeness`, CompletenessSchema),
          api.get(`/submissions?${new URLSearchParams({ plan: id, year: String(year) }).toString()}`, SubmissionListSchema),
        ]);
        return { plan: id, completeness, submissions: list.submissions };
      }),
    ),
  );
  return (
    <div className={styles.section}>
      <Title1 as="h1">
        {s.completenessHeading} · {s.yearOption(year, year + 1)}
      </Title1>
      <PlanYearPicker allowBoth defaultPlan={null}>
        <PrintButton />
      </PlanYearPicker>
      <LoadView state={state} reload={reload}>
        {(boards) => (
          <>
            {boards.every((board) => board.completeness.submitted.length === 0 && board.completeness.unexpected.length === 0) && <Notice intent="info">{s.noSubmissions}</Notice>}
            <div className={styles.summaries}>
              {boards.map((board) => (
                <PlanSummary key={board.plan} board={board} onDeadlineSet={reload} />
              ))}
            </div>
            <Board boards={boards} />
            <Reminder boards={boards} year={year} />
          </>
        )}
      </LoadView>
    </div>
  );
}

function PlanSummary({ board, onDeadlineSet }: { board: PlanBoard; onDeadlineSet: () => void }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const headingId = useId();
  const c = board.completeness;
  const planName = s.planNames[board.plan];
  const facts: [string, string][] = [
    [s.expectedCount, String(c.expected.length)],
    [s.submittedCount, String(c.submitted.length)],
    [s.approvedCount, String(c.approved.length)],
    [s.returnedCount, String(c.returned.length)],
    [s.lateCount, String(c.late.length)],
    [s.missingCount, String(c.missing.length)],
    [s.notStartedCount, String(c.notStarted.length)],
    [s.reportingRate, s.percent(c.reportingRate)],
    [s.onTimeRate, s.percent(c.onTimeRate)],
    [s.deadline, c.deadline ?? s.deadlineNone],
  ];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.h2}>
        {s.summaryHeading(planName)}
      </Text>
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} className={styles.fact}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
      <DeadlineForm plan={board.plan} year={c.year} current={c.deadline} onSet={onDeadlineSet} />
    </section>
  );
}

/** The bureau sets a plan-year's deadline (PUT …/deadline {date}). */
function DeadlineForm({ plan, year, current, onSet }: { plan: PlanId; year: number; current: string | null; onSet: () => void }) {
  const { api, strings: s, language } = useBureau();
  const styles = useStyles();
  const [date, setDate] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const planName = s.planNames[plan];
  const save = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await api.send('PUT', `/monitoring/${plan}/${year}/deadline`, { date }, DeadlineSchema);
      setOutcome({ ok: true, text: s.deadlineSaved(planName, answer.deadline ?? date) });
      onSet();
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error, language) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={`${styles.row} bureau-no-print`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={s.deadlineInput(planName)}>
        <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} required />
      </Field>
      <Button type="submit" disabled={busy || date === ''}>
        {s.deadlineSave}
      </Button>
      {outcome && (
        <Text role={outcome.ok ? 'status' : 'alert'} style={{ color: outcome.ok ? undefined : tokens.colorPaletteRedForeground1 }}>
          {outcome.text}
        </Text>
      )}
    </form>
  );
}

/** Organisation × plan: each cell the state, the version, late, and the link to review. */
function Board({ boards }: { boards: readonly PlanBoard[] }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const rows = new Map<string, string>();
  for (const board of boards) for (const organisation of board.completeness.organisations) if (organisation.expected || organisation.version !== null) rows.set(organisation.organisationId, organisation.name);
  return (
    <ScrollTable caption={s.completenessHeading} label={s.completenessHeading}>
      <thead>
        <tr>
          <th scope="col">{s.organisation}</th>
          {boards.map((board) => (
            <th key={board.plan} scope="col">
              {s.planNames[board.plan]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...rows].map(([id, name]) => (
          <tr key={id}>
            <th scope="row">{name}</th>
            {boards.map((board) => {
              const organisation = board.completeness.organisations.find((item) => item.organisationId === id);
              const submission = board.submissions.find((item) => item.organisationId === id);
              if (!organisation || (!organisation.expected && organisation.version === null)) return <td key={board.plan}>{s.notExpected}</td>;
              return (
                <td key={board.plan}>
                  <span className={styles.cell}>
                    <Badge appearance="tint" color={STATE_COLOR[organisation.state]}>
                      {s.states[organisation.state]}
                    </Badge>
                    {organisation.version !== null && <Text>{s.versionText(organisation.version)}</Text>}
                    {organisation.late && (
                      <Badge appearance="outline" color="danger">
                        {s.lateBadge}
                      </Badge>
                    )}
                    {submission && (
                      <AppLink href={`/web/bureau/submissions/${encodeURIComponent(submission.id)}`} ariaLabel={s.reviewLink(name, s.planNames[board.plan])}>
                        {s.review}
                      </AppLink>
                    )}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The names of who has not reported (missing or not started) and who was returned, per plan. */
export function reminderText(boards: readonly PlanBoard[], year: number, s: BureauStrings): string {
  const texts = boards.map((board) => {
    const c = board.completeness;
    const name = (id: string) => c.organisations.find((item) => item.organisationId === id)?.name ?? id;
    return s.reminderText({ plan: s.planNames[board.plan], year, deadline: c.deadline, missing: [...c.missing, ...c.notStarted].map(name), returned: c.returned.map(name) });
  });
  return texts.join('\n\n');
}

function Reminder({ boards, year }: { boards: readonly PlanBoard[]; year: number }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const headingId = useId();
  const [copied, setCopied] = useState(false);
  const text = reminderText(boards, year, s);
  const nobodyMissing = boards.every((board) => board.completeness.missing.length === 0 && board.completeness.notStarted.length === 0 && board.completeness.returned.length === 0);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // no clipboard API (plain http, an old browser): select the text so Ctrl+C copies it
      const area = document.getElementById(`${headingId}-text`) as HTMLTextAreaElement | null;
      area?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  };
  return (
    <section className={`${styles.section} bureau-no-print`} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.h2}>
        {s.reminderHeading}
      </Text>
      {nobodyMissing && <Text>{s.reminderNone}</Text>}
      <Field label={s.reminderLabel}>
        <Textarea id={`${headingId}-text`} readOnly value={text} resize="vertical" rows={Math.min(12, text.split('\n').length + 1)} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void copy()}>{s.reminderCopy}</Button>
        {copied && <Text role="status">{s.reminderCopied}</Text>}
      </div>
    </section>
  );
}
