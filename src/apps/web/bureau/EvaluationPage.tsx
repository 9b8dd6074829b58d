/**
 * 评估 / The evaluation table of a plan-year: the annual monitoring, the 2025 mid-term or the 2030 final
 * evaluation — per domain and in total 指标数, 可监测数, 已达标, 基本达标, 未达标, 未到期, 无数据 and 达标率 with
 * both denominators; then one row per indicator; the definitions as the report states them. Printable.
 */
import { useId } from 'react';
import { Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { EvaluationSchema, type EvaluationAnswer } from '../../../contract/monitoring';
import { Notice } from '../../../ui/Notice';
import { AppLink, LoadView, PlanYearPicker, PrintButton, ReportDownloads, ScrollTable, useBureau, useLoad, useOrganisationName, usePlanYear } from './bureau-common';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h2: { margin: 0 },
  number: { textAlign: 'right' },
  definitions: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  dd: { margin: 0 },
});

const COUNT_KEYS = ['indicators', 'monitorable', 'met', 'basicallyMet', 'notMet', 'notYetDue', 'noData'] as const;

export function EvaluationPage() {
  const { api, strings: s } = useBureau();
  const styles = useStyles();
  const { plan, year } = usePlanYear('children');
  const planId = plan ?? 'children';
  const { state, reload } = useLoad(`evaluation/${planId}/${year}`, () => api.get(`/monitoring/${planId}/${year}/evaluation`, EvaluationSchema));
  return (
    <div className={styles.page}>
      <LoadView state={state} reload={reload}>
        {(data) => (
          <Title1 as="h1">
            {s.evaluationHeading(data.kind, data.year)} · {s.planNames[data.plan]}
          </Title1>
        )}
      </LoadView>
      <PlanYearPicker>
        <PrintButton />
      </PlanYearPicker>
      <ReportDownloads plan={planId} year={year} />
      {state.status === 'ready' && <Evaluation data={state.data} />}
    </div>
  );
}

function Evaluation({ data }: { data: EvaluationAnswer }) {
  const { strings: s, language } = useBureau();
  const styles = useStyles();
  const organisationName = useOrganisationName();
  const domainsId = useId();
  const rowsId = useId();
  const definitionsId = useId();
  const nothing = data.rows.every((row) => row.latest === null);
  return (
    <>
      {nothing && <Notice intent="info">{s.noSubmissions}</Notice>}
      <section className={styles.section} aria-labelledby={domainsId}>
        <Text as="h2" id={domainsId} size={500} weight="semibold" className={styles.h2}>
          {s.byDomainHeading}
        </Text>
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{s.domain}</th>
              {COUNT_KEYS.map((key) => (
                <th key={key} scope="col">
                  {s.counts[key]}
                </th>
              ))}
              <th scope="col">{s.counts.rateWithData}</th>
              <th scope="col">{s.counts.rateAll}</th>
            </tr>
          </thead>
          <tbody>
            {[...data.domains, { ...data.total, domain: s.total }].map((counts, index) => (
              <tr key={`${counts.domain}|${index}`}>
                <th scope="row">{index === data.domains.length ? <strong>{counts.domain}</strong> : counts.domain}</th>
                {COUNT_KEYS.map((key) => (
                  <td key={key} className={styles.number}>
                    {counts[key]}
                  </td>
                ))}
                <td className={styles.number}>{s.percent(counts.rateWithData)}</td>
                <td className={styles.number}>{s.percent(counts.rateAll)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <Text>{s.basicallyMetNote(data.basicallyMetRatio)}</Text>
        {data.total.notYetDue > 0 && (
          <Text>
            {s.notYetDueByProgress(
              data.total.notYetDue,
              Object.entries(data.total.notYetDueByProgress)
                .filter(([, count]) => count > 0)
                .map(([status, count]) => `${s.progressStatuses[status] ?? status} ${count}`),
            )}
          </Text>
        )}
      </section>
      <section className={styles.section} aria-labelledby={rowsId}>
        <Text as="h2" id={rowsId} size={500} weight="semibold" className={styles.h2}>
          {s.rowsHeading}
        </Text>
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{s.domain}</th>
              <th scope="col">{s.indicator}</th>
              <th scope="col">{s.target}</th>
              <th scope="col">{s.baseline}</th>
              <th scope="col">{s.latest}</th>
              <th scope="col">{s.category}</th>
              <th scope="col">{s.completion}</th>
              <th scope="col">{s.progressText}</th>
              <th scope="col">{s.responsible}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.indicatorId}>
                <td>{row.domain}</td>
                <th scope="row">
                  <AppLink href={`/web/bureau/indicators/${data.plan}/${encodeURIComponent(row.indicatorId)}?plan=${data.plan}&year=${data.year}`}>
                    {row.indicatorId} {language === 'en-US' ? row.nameEn : row.name}
                  </AppLink>
                </th>
                <td>{language === 'en-US' ? row.targetEn : row.target}</td>
                <td>{row.baseline2020 ?? s.noValue}</td>
                <td>{row.latest ? `${row.latest.text}（${row.latest.year}）` : s.noValue}</td>
                <td>
                  {s.categories[row.category]}
                  {row.conflict ? ` · ${s.conflict}` : ''}
                </td>
                <td>{row.completion === null ? '' : s.percent(row.completion)}</td>
                <td>{row.progress ? (s.progressStatuses[row.progress] ?? row.progress) : ''}</td>
                <td>{row.responsible.map(organisationName).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <section className={styles.section} aria-labelledby={definitionsId}>
        <Text as="h2" id={definitionsId} size={500} weight="semibold" className={styles.h2}>
          {s.definitionsHeading}
        </Text>
        <dl className={styles.definitions}>
          {Object.entries(data.definitions).map(([key, definition]) => (
            <div key={key} style={{ display: 'contents' }}>
              <dt>{s.counts[key as keyof typeof s.counts] ?? key}</dt>
              <dd className={styles.dd}>{language === 'en-US' ? definition.messageEn : definition.message}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
