/**
 * 预警 / The early warnings of a plan-year, as the plans ask ("对预计达标困难、波动较大的监测指标及时进行预警"):
 * progress too slow or going backwards, strong swings on the previous year, and conflicting values; each
 * with its message, the progress status, and a link to the indicator's page.
 */
import { useState } from 'react';
import { Badge, Field, Select, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { WarningsSchema } from '../../../contract/monitoring';
import { AppLink, LoadView, PlanYearPicker, PrintButton, ScrollTable, useBureau, useLoad, useOrganisationName, usePlanYear } from './bureau-common';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

type Kind = 'conflict' | 'progress' | 'fluctuation';

export function WarningsPage() {
  const { api, strings: s, language } = useBureau();
  const styles = useStyles();
  const { plan, year } = usePlanYear('children');
  const planId = plan ?? 'children';
  const [kind, setKind] = useState<Kind | ''>('');
  const organisationName = useOrganisationName();
  const { state, reload } = useLoad(`warnings/${planId}/${year}`, () => api.get(`/monitoring/${planId}/${year}/warnings`, WarningsSchema));
  return (
    <div className={styles.page}>
      <Title1 as="h1">
        {s.warningsHeading} · {s.planNames[planId]} · {year}
      </Title1>
      <PlanYearPicker>
        <Field label={s.warningKind}>
          <Select value={kind} onChange={(_, data) => setKind(data.value as Kind | '')}>
            <option value="">{s.all}</option>
            {(['progress', 'fluctuation', 'conflict'] as const).map((item) => (
              <option key={item} value={item}>
                {s.warningKinds[item]}
              </option>
            ))}
          </Select>
        </Field>
        <PrintButton />
      </PlanYearPicker>
      <LoadView state={state} reload={reload}>
        {(data) => {
          const warnings = data.warnings.filter((warning) => kind === '' || warning.kind === kind);
          if (warnings.length === 0) return <Text>{s.noWarnings}</Text>;
          return (
            <ScrollTable label={s.warningsHeading}>
              <thead>
                <tr>
                  <th scope="col">{s.indicator}</th>
                  <th scope="col">{s.unit}</th>
                  <th scope="col">{s.warningKind}</th>
                  <th scope="col">{s.progressStatus}</th>
                  <th scope="col">{s.message}</th>
                </tr>
              </thead>
              <tbody>
                {warnings.map((warning, index) => (
                  <tr key={`${warning.kind}|${warning.indicatorId}|${warning.unitId ?? ''}|${index}`}>
                    <th scope="row">
                      <AppLink href={`/web/bureau/indicators/${data.plan}/${encodeURIComponent(warning.indicatorId)}?plan=${data.plan}&year=${data.year}`}>{warning.indicatorId}</AppLink>
                    </th>
                    <td>{warning.unitId ? organisationName(warning.unitId) : ''}</td>
                    <td>
                      <Badge appearance="tint" color={warning.kind === 'progress' ? 'warning' : warning.kind === 'conflict' ? 'danger' : 'informative'}>
                        {s.warningKinds[warning.kind]}
                      </Badge>
                    </td>
                    <td>{warning.status ? (s.progressStatuses[warning.status] ?? warning.status) : ''}</td>
                    <td>{language === 'en-US' ? warning.messageEn : warning.message}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          );
        }}
      </LoadView>
    </div>
  );
}
