/**
 * 汇总 / The consolidation of a plan-year: one county value per indicator (the lead organisation's), a
 * conflict shown with every organisation's value, per-township indicators as a roll-up with each township's
 * line; filters by 领域, status and township (a township shows its own line of the per-township indicators).
 */
import { useId, useMemo, useState } from 'react';
import { Badge, Field, Select, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { ConsolidationSchema, type ConsolidationAnswer, type IndicatorLine } from '../../../contract/monitoring';
import { Notice } from '../../../ui/Notice';
import { AppLink, LoadView, PlanYearPicker, PrintButton, ReportDownloads, ScrollTable, useBureau, useLoad, useOrganisationName, usePlanYear } from './bureau-common';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end', border: 'none', margin: 0, padding: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  notMet: { color: tokens.colorPaletteRedForeground1 },
});

export interface ConsolidationFilters {
  readonly domain: string;
  readonly status: string;
  readonly township: string;
}

/** The status a line is filtered and shown by: the roll-up's for per-township indicators, else the chosen value's. */
export function lineStatus(line: IndicatorLine, township = ''): string {
  if (township) return line.units.find((unit) => unit.unitId === township)?.status ?? 'missing';
  return line.rollUp?.status ?? line.status;
}

/** The lines that pass the filters ('' = any): a township keeps only per-township indicators it has a line of. */
export function filterLines(lines: readonly IndicatorLine[], filters: ConsolidationFilters): IndicatorLine[] {
  return lines.filter(
    (line) =>
      (filters.domain === '' || line.domain === filters.domain) &&
      (filters.township === '' || line.units.some((unit) => unit.unitId === filters.township)) &&
      (filters.status === '' || lineStatus(line, filters.township) === filters.status),
  );
}

export function ConsolidationPage() {
  const { api, strings: s } = useBureau();
  const styles = useStyles();
  const { plan, year } = usePlanYear('children');
  const planId = plan ?? 'children';
  const { state, reload } = useLoad(`consolidation/${planId}/${year}`, () => api.get(`/monitoring/${planId}/${year}/consolidation`, ConsolidationSchema));
  return (
    <div className={styles.page}>
      <Title1 as="h1">
        {s.consolidationHeading} · {s.planNames[planId]} · {year}
      </Title1>
      <PlanYearPicker>
        <PrintButton />
      </PlanYearPicker>
      <ReportDownloads plan={planId} year={year} />
      <LoadView state={state} reload={reload}>
        {(data) => <Consolidation data={data} />}
      </LoadView>
    </div>
  );
}

function Consolidation({ data }: { data: ConsolidationAnswer }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const organisationName = useOrganisationName();
  const filterId = useId();
  const [filters, setFilters] = useState<ConsolidationFilters>({ domain: '', status: '', township: '' });
  const domains = useMemo(() => [...new Set(data.indicators.map((line) => line.domain))], [data]);
  const townships = useMemo(() => {
    const units = new Map<string, string>();
    for (const line of data.indicators) for (const unit of line.units) units.set(unit.unitId, unit.name);
    return [...units];
  }, [data]);
  const statuses = useMemo(() => [...new Set(data.indicators.flatMap((line) => [lineStatus(line), ...line.units.map((unit) => unit.status)]))], [data]);
  const shown = filterLines(data.indicators, filters);
  const nothingReported = data.indicators.every((line) => line.reporters.length === 0);
  const statusLabel = (status: string) => s.rollUpStatus[status] ?? s.verdicts[status] ?? status;
  const set = (key: keyof ConsolidationFilters) => (_: unknown, change: { value: string }) => setFilters((current) => ({ ...current, [key]: change.value }));
  return (
    <>
      {nothingReported && <Notice intent="info">{s.noSubmissions}</Notice>}
      <fieldset className={`${styles.filters} bureau-no-print`} aria-labelledby={filterId}>
        <legend id={filterId}>
          <Text weight="semibold">{s.filtersLabel}</Text>
        </legend>
        <Field label={s.domain}>
          <Select value={filters.domain} onChange={set('domain')}>
            <option value="">{s.all}</option>
            {domains.map((domain) => (
              <option key={domain} value={domain}>
                {domain}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.status}>
          <Select value={filters.status} onChange={set('status')}>
            <option value="">{s.all}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.township}>
          <Select value={filters.township} onChange={set('township')}>
            <option value="">{s.all}</option>
            {townships.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <Text role="status">{s.shown(shown.length, data.indicators.length)}</Text>
      {shown.length === 0 ? (
        <Text>{s.noMatch}</Text>
      ) : (
        <ScrollTable label={s.consolidationHeading}>
          <thead>
            <tr>
              <th scope="col">{s.indicator}</th>
              <th scope="col">{s.domain}</th>
              <th scope="col">{filters.township ? s.value : s.countyValue}</th>
              <th scope="col">{s.status}</th>
              <th scope="col">{s.reportedBy}</th>
              <th scope="col">{s.conflict}</th>
              <th scope="col">{s.note}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => {
              const unit = filters.township ? line.units.find((item) => item.unitId === filters.township) : undefined;
              const status = lineStatus(line, filters.township);
              return (
                <tr key={line.id}>
                  <th scope="row">
                    <AppLink href={`/web/bureau/indicators/${data.plan}/${encodeURIComponent(line.id)}?plan=${data.plan}&year=${data.year}`}>
                      {line.id} {line.name}
                    </AppLink>
                  </th>
                  <td>{line.domain}</td>
                  <td>
                    {unit ? (
                      `${unit.text || s.noValue}${line.unit ? ` ${line.unit}` : ''}`
                    ) : line.rollUp ? (
                      <RollUp line={line} />
                    ) : (
                      `${line.text || s.noValue}${line.text && line.unit ? ` ${line.unit}` : ''}`
                    )}
                  </td>
                  <td className={status === 'notMet' ? styles.notMet : undefined}>{statusLabel(status)}</td>
                  <td>{(unit ? unit.reportedBy : line.reportedBy) ? organisationName((unit ? unit.reportedBy : line.reportedBy) as string) : ''}</td>
                  <td>
                    {(unit ?? line).conflict && (
                      <>
                        <Badge color="danger" appearance="tint">
                          {s.conflict}
                        </Badge>
                        <ul className={styles.list} aria-label={s.conflictValues}>
                          {(unit ?? line).contributions.map((contribution) => (
                            <li key={contribution.organisationId}>
                              {organisationName(contribution.organisationId)}：{contribution.text || s.noValue}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>{(unit ?? line).note ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}

/** A per-township indicator: the counts, the failing and missing townships, every township's line on demand. */
function RollUp({ line }: { line: IndicatorLine }) {
  const { strings: s } = useBureau();
  const styles = useStyles();
  const rollUp = line.rollUp;
  if (!rollUp) return null;
  const unitName = (id: string) => line.units.find((unit) => unit.unitId === id)?.name ?? id;
  return (
    <div>
      <Text size={200}>{s.rollUpText(rollUp)}</Text>
      {rollUp.failingUnits.length > 0 && (
        <div className={styles.notMet}>
          {s.failing}：{rollUp.failingUnits.map(unitName).join('、')}
        </div>
      )}
      {rollUp.missingUnits.length > 0 && (
        <div>
          {s.missingUnits}：{rollUp.missingUnits.map(unitName).join('、')}
        </div>
      )}
      <details>
        <summary>{s.townshipDetails(line.units.length)}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{s.township}</th>
              <th scope="col">{s.value}</th>
              <th scope="col">{s.status}</th>
            </tr>
          </thead>
          <tbody>
            {line.units.map((unit) => (
              <tr key={unit.unitId}>
                <th scope="row">{unit.name}</th>
                <td>{unit.text || s.noValue}</td>
                <td>{s.verdicts[unit.status] ?? unit.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
