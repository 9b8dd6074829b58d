import { useId, useState } from 'react';
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SubmissionDetailSchema, SubmissionListSchema, type Receipt, type SubmissionDetail } from '../../../contract/api';
import { CompletenessSchema, DeadlineSchema, type DeadlineAnswer } from '../../../contract/monitoring';
import type { Catalog } from '../../../core/catalog/catalog';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, type PlanId } from '../../../core/catalog/indicator-schema';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import type { Language } from '../../../core/i18n/message';
import { Notice } from '../../../ui/Notice';
import { SubmissionReceipt } from '../../../ui/SubmissionReceipt';
import { submissionStrings } from '../../../ui/submission-strings';
import { PageTitle } from '../Layout';
import { LoadView, saveBlob, useLoad } from '../page-kit';
import { errorText, useSession, useSignedIn } from '../session';
import { useLanguage } from '../web-strings';
import { portalStrings, type PortalStrings } from './portal-strings';
import { QuickCheck, type QuickCheckEngine } from './QuickCheck';
import { VersionHistory } from './VersionHistory';

/** The latest year whose reports are due: the values of year Y are reported in Y + 1 (within the plans' 2021–2030). */
export function defaultReportYear(now: Date): number {
  return Math.min(PLAN_LAST_YEAR, Math.max(PLAN_FIRST_YEAR, now.getFullYear() - 1));
}

/** The years to choose from: the plans' first year up to the default one. */
export function reportYears(now: Date): number[] {
  const last = defaultReportYear(now);
  return Array.from({ length: last - PLAN_FIRST_YEAR + 1 }, (_unused, index) => last - index);
}

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
  },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  year: { maxWidth: '240px' },
});

/**
 * 填报任务 (/web/portal, reporters): for the chosen year (by default the latest due), each plan the
 * organisation reports — its deadline, its state (未开始 / 已提交第 n 版 / 已退回 with the bureau's comment /
 * 已通过), 下载模板 (pre-filled by the server), 快速检查 in the browser, 提交 and 版本记录.
 */
export default function PortalPage() {
  const styles = useStyles();
  const language = useLanguage();
  const s = portalStrings[language];
  const session = useSignedIn();
  const [now] = useState(() => new Date());
  const [year, setYear] = useState(() => defaultReportYear(now));
  const { api } = useSession();
  const { state, reload } = useLoad(async () => {
    const engine = await import('./quick-check-engine');
    const catalog = engine.portalCatalog(session.organisation);
    const byCatalog = engine.plansOf(catalog, session.organisation);
    // the bureau's grants add indicators beyond the catalog's lists: the server's completeness says whether
    // the organisation is expected to report a plan (its own line); without an answer, the catalog decides
    const expected = await Promise.all(
      (['women', 'children'] as const).map((plan) =>
        api.get(`/monitoring/${plan}/${year}/completeness`, CompletenessSchema).then(
          (answer) => answer.expected.includes(session.organisation.id),
          () => false,
        ),
      ),
    );
    const plans = (['women', 'children'] as const).filter((plan, index) => byCatalog.includes(plan) || expected[index]);
    return { engine, catalog, plans };
  }, `${session.organisation.id}:${year}`);
  return (
    <>
      <PageTitle>{s.heading}</PageTitle>
      <Text>{s.intro}</Text>
      <Field label={s.yearLabel} hint={s.yearHint(year)} className={styles.year}>
        <Select value={String(year)} onChange={(_event, data) => setYear(Number(data.value))}>
          {reportYears(now).map((option) => (
            <option key={option} value={option}>
              {s.yearOption(option)}
            </option>
          ))}
        </Select>
      </Field>
      <LoadView state={state} onRetry={reload}>
        {({ engine, catalog, plans }) =>
          plans.length === 0 ? (
            <Notice intent="info">{s.noPlans}</Notice>
          ) : (
            plans.map((plan) => <PlanTask key={`${plan}:${year}`} plan={plan} year={year} organisation={session.organisation} engine={engine} catalog={catalog} language={language} strings={s} now={now} />)
          )
        }
      </LoadView>
    </>
  );
}

type Deadline = { readonly ok: true; readonly answer: DeadlineAnswer } | { readonly ok: false; readonly error: unknown };

function returnedComment(detail: SubmissionDetail): string | null {
  const returned = detail.history.filter((event) => event.action === 'returned');
  return returned[returned.length - 1]?.comment ?? null;
}

function PlanTask({ plan, year, organisation, engine, catalog, language, strings: s, now }: { plan: PlanId; year: number; organisation: Organisation; engine: QuickCheckEngine; catalog: Catalog; language: Language; strings: PortalStrings; now: Date }) {
  const styles = useStyles();
  const headingId = useId();
  const { api } = useSession();
  const [round, setRound] = useState(0);
  const [receipt, setReceipt] = useState<Receipt | undefined>();
  const [showVersions, setShowVersions] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [download, setDownload] = useState<{ ok: boolean; text: string } | undefined>();
  const { state, reload } = useLoad(async () => {
    const [deadline, list] = await Promise.all([
      api.get(`/monitoring/${plan}/${year}/deadline`, DeadlineSchema).then(
        (answer): Deadline => ({ ok: true, answer }),
        (error: unknown): Deadline => ({ ok: false, error }),
      ),
      api.get(`/submissions?plan=${plan}&year=${year}`, SubmissionListSchema),
    ]);
    const summary = list.submissions.find((submission) => submission.plan === plan && submission.year === year && submission.organisationId === organisation.id);
    const detail = summary ? await api.get(`/submissions/${encodeURIComponent(summary.id)}`, SubmissionDetailSchema) : undefined;
    return { deadline, detail };
  }, `${plan}:${year}:${round}`);

  async function downloadTemplate() {
    setDownloading(true);
    setDownload(undefined);
    try {
      const { blob, fileName } = await api.download(`/templates/${plan}/${year}`);
      const name = fileName ?? `${s.planTitle[plan]}${year}-${organisation.shortName}.xlsx`;
      saveBlob(blob, name);
      setDownload({ ok: true, text: s.downloaded(name) });
    } catch (error) {
      setDownload({ ok: false, text: errorText(error, language) });
    } finally {
      setDownloading(false);
    }
  }

  const title = `${s.planTitle[plan]} · ${s.yearOption(year)}`;
  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <Text as="h2" id={headingId} size={500} weight="semibold">
        {title}
      </Text>
      <LoadView state={state} onRetry={reload}>
        {({ deadline, detail }) => {
          const overdue = deadline.ok && deadline.answer.deadlineEnd !== null && new Date(deadline.answer.deadlineEnd).getTime() < now.getTime();
          const comment = detail?.status === 'returned' ? returnedComment(detail) : null;
          return (
            <>
              <dl className={styles.facts}>
                <dt className={styles.term}>{s.deadline}</dt>
                <dd className={styles.detail}>
                  {!deadline.ok ? errorText(deadline.error, language) : deadline.answer.deadline ? s.deadlineDate(deadline.answer.deadline) : s.noDeadline}
                  {overdue && !detail && <Badge color="danger">{s.overdue}</Badge>}
                </dd>
                <dt className={styles.term}>{s.state}</dt>
                <dd className={styles.detail}>
                  <StateBadge detail={detail} strings={s} />
                </dd>
              </dl>
              {detail?.status === 'returned' && (
                <Notice intent="warning" title={s.returnedTitle(detail.currentVersion)}>
                  {comment ? s.returnedComment(comment) : s.returnedNoComment}
                </Notice>
              )}
              {detail?.status === 'approved' && <Notice intent="success">{s.approvedLocked(detail.currentVersion)}</Notice>}
              <div className={styles.actions}>
                <Button onClick={() => void downloadTemplate()} disabled={downloading}>
                  {downloading ? s.downloading : s.download}
                </Button>
                <Text>{s.downloadHint}</Text>
              </div>
              <div role={download && !download.ok ? 'alert' : 'status'}>{download && <Notice intent={download.ok ? 'success' : 'error'}>{download.text}</Notice>}</div>
              <QuickCheck
                plan={plan}
                year={year}
                organisation={organisation}
                catalog={catalog}
                engine={engine}
                locked={detail?.status === 'approved'}
                language={language}
                strings={s}
                onSubmitted={(answer) => {
                  setReceipt(answer);
                  setRound((value) => value + 1);
                }}
              />
              {receipt && <SubmissionReceipt receipt={receipt} strings={submissionStrings[language]} headingLevel="h3" />}
              <div>
                <Button appearance="subtle" aria-expanded={showVersions} onClick={() => setShowVersions((value) => !value)}>
                  {showVersions ? s.hideVersions : s.versions}
                </Button>
              </div>
              {showVersions && (detail ? <VersionHistory detail={detail} catalog={catalog} language={language} strings={s} /> : <Text>{s.noVersions}</Text>)}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

function StateBadge({ detail, strings: s }: { detail: SubmissionDetail | undefined; strings: PortalStrings }) {
  if (!detail) return <Badge appearance="outline" color="informative">{s.notStarted}</Badge>;
  if (detail.status === 'approved') return <Badge color="success">{s.approved}</Badge>;
  if (detail.status === 'returned') return <Badge color="warning">{s.returned}</Badge>;
  return <Badge color="brand">{s.submitted(detail.currentVersion)}</Badge>;
}

