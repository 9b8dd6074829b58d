/**
 * 指标 / One indicator of a plan-year: its trend (the plan's 2020 baseline and each year's county value)
 * against the governing target (目标值, a dashed line, its year marked as the milestone or the final target),
 * its progress, and for a per-township indicator each township's value against the same target. Each chart
 * has its table right below it (what a screen reader and the printout rely on); the charts themselves load
 * on demand with ECharts.
 */
import { lazy, Suspense, useId } from 'react';
import { Spinner, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { ConsolidationSchema, SeriesSchema } from '../../../contract/monitoring';
import type { PlanId } from '../../../core/catalog/indicator-schema';
import { Notice } from '../../../ui/Notice';
import { AppLink, LoadView, PlanYearPicker, PrintButton, ScrollTable, useBureau, useLoad, usePlanYear } from './bureau-common';
import type { BureauStrings } from './bureau-strings';
import { townshipData, trendData, type TownshipData, type TrendData } from './charts/chart-data';
import type { ChartLabels } from './charts/IndicatorChart';

const IndicatorChart = lazy(() => import(/* webpackChunkName: "bureau-charts" */ './charts/IndicatorChart'));

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h2: { margin: 0 },
  number: { textAlign: 'right' },
});

function chartLabels(s: BureauStrings, description: string): ChartLabels {
  return { observed: s.observed, target: s.target, targetLine: s.targetLine, milestone: s.milestone, finalTarget: s.finalTarget, description };
}

export function IndicatorPage({ plan: planParam, indicatorId }: { plan: string; indicatorId: string }) {
  const { api, strings: s } = useBureau();
  const styles = useStyles();
  const plan: PlanId = planParam === 'women' ? 'women' : 'children';
  const { year } = usePlanYear(plan);
  const { state, reload } = useLoad(`indicator/${plan}/${year}`, async () => {
    const [series, consolidation] = await Promise.all([api.get(`/monitoring/${plan}/${year}/series`, SeriesSchema), api.get(`/monitoring/${plan}/${year}/consolidation`, ConsolidationSchema)]);
    return { series, consolidation };
  });
  return (
    <div className={styles.page}>
      <PlanYearPicker defaultPlan={plan}>
        <PrintButton />
      </PlanYearPicker>
      <LoadView state={state} reload={reload}>
        {({ series, consolidation }) => {
          const indicator = series.indicators.find((item) => item.id === indicatorId);
          const line = consolidation.indicators.find((item) => item.id === indicatorId);
          if (!indicator) return <Notice intent="warning">{s.indicatorMissing(indicatorId)}</Notice>;
          const trend = trendData(indicator);
          const townships = line && line.units.length > 0 ? townshipData(line, indicator) : null;
          return (
            <>
              <Title1 as="h1">{s.indicatorHeading(indicator.id, indicator.name)}</Title1>
              <Text>
                {indicator.domain} · {s.planNames[plan]} · {year}
                {indicator.progress ? ` · ${s.progressText}：${s.progressStatuses[indicator.progress.status] ?? indicator.progress.status}` : ''}
              </Text>
              {indicator.progress?.messages.map((message) => (
                <Text key={message.code}>{message.message}</Text>
              ))}
              {townships === null && trend.rows.length === 0 && line && line.text !== '' && (
                <Text>
                  {s.value}：{line.text}
                  {line.unit && line.unit !== '文字' ? ` ${line.unit}` : ''} · {s.verdicts[line.status] ?? line.status}
                  {line.note ? ` · ${s.note}：${line.note}` : ''}
                </Text>
              )}
              {townships === null && <TrendFigure name={indicator.name} unit={indicator.unit} data={trend} />}
              {townships !== null && <TownshipFigure name={indicator.name} unit={indicator.unit} data={townships} />}
              <span className="bureau-no-print">
                <AppLink href={`/web/bureau/consolidation?plan=${plan}&year=${year}`}>{s.nav.consolidation}</AppLink>
              </span>
            </>
          );
        }}
      </LoadView>
    </div>
  );
}

function TrendFigure({ name, unit, data }: { name: string; unit: string; data: TrendData }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const captionId = useId();
  const caption = s.trendCaption(name, unit);
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>
        {s.trendHeading}
      </Text>
      <figcaption id={captionId}>{caption}</figcaption>
      {data.rows.length === 0 ? (
        <Text>{s.noSeries}</Text>
      ) : (
        <>
          {data.target === null && <Text>{s.noTarget}</Text>}
          <Suspense fallback={<Spinner size="tiny" label={s.chartLoading} />}>
            <IndicatorChart kind="trend" data={data} unit={unit} labels={chartLabels(s, caption)} />
          </Suspense>
          <ScrollTable caption={s.chartTable} label={`${caption} · ${s.chartTable}`}>
            <thead>
              <tr>
                <th scope="col">{s.year}</th>
                <th scope="col">{s.observed}</th>
                <th scope="col">{s.source}</th>
                <th scope="col">{s.target}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  <td className={styles.number}>{row.value ?? s.noValue}</td>
                  <td>{row.source ? s.sources[row.source] : ''}</td>
                  <td className={styles.number}>{data.target ? `${data.target.value}${row.year === data.target.year ? ` · ${data.target.role === 'milestone' ? s.milestone(row.year) : s.finalTarget(row.year)}` : ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
    </figure>
  );
}

function TownshipFigure({ name, unit, data }: { name: string; unit: string; data: TownshipData }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const captionId = useId();
  const caption = s.townshipCaption(name, unit);
  const hasNumbers = data.rows.some((row) => row.value !== null);
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>
        {s.townshipHeading}
      </Text>
      <figcaption id={captionId}>{caption}</figcaption>
      {!hasNumbers ? (
        <Text>{s.noSeries}</Text>
      ) : (
        <>
          {data.threshold === null && <Text>{s.noTarget}</Text>}
          <Suspense fallback={<Spinner size="tiny" label={s.chartLoading} />}>
            <IndicatorChart kind="township" data={data} unit={unit} labels={chartLabels(s, caption)} />
          </Suspense>
        </>
      )}
      <ScrollTable caption={s.chartTable} label={`${caption} · ${s.chartTable}`}>
        <thead>
          <tr>
            <th scope="col">{s.township}</th>
            <th scope="col">{s.value}</th>
            <th scope="col">{s.target}</th>
            <th scope="col">{s.meetsThreshold}</th>
            <th scope="col">{s.verdict}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row">{row.name}</th>
              <td className={styles.number}>{row.text || s.noValue}</td>
              <td className={styles.number}>{data.threshold ?? ''}</td>
              <td>{row.meets === null ? '' : row.meets ? s.meets : s.misses}</td>
              <td>{s.verdicts[row.status] ?? row.status}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </figure>
  );
}
