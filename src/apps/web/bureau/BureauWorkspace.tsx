/**
 * 统计局工作台 / The statistics bureau's workspace in the web app, mounted lazily by the shell at /web/bureau
 * with the session's API client: its own routes (absolute paths), one page each —
 *   /web/bureau                         完成情况: plan × organisation, rates, deadline, the reminder list
 *   /web/bureau/submissions/:id         审核: values, differences, approve / return with a comment, history
 *   /web/bureau/consolidation           汇总: one county value per indicator, filters, conflicts, townships
 *   /web/bureau/warnings                预警: progress too slow, strong swings, conflicts
 *   /web/bureau/indicators/:plan/:id    指标: trend chart with the target line, townships against the target
 *   /web/bureau/evaluation              评估: annual / 2025 mid-term / 2030 final tables, 达标率 by domain
 * Only a bureau user sees it (an admin reads no submissions; a reporter has the portal). The shell's navigation
 * links the four main pages; the plan and year chosen are kept in the address and remembered for the tab.
 */
import { useMemo } from 'react';
import { Route, Switch } from 'wouter';
import { Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { SessionInfo } from '../../../contract/accounts';
import { OrganisationListSchema } from '../../../contract/api';
import type { Language } from '../../../core/i18n/message';
import { Notice } from '../../../ui/Notice';
import type { WebApi } from '../web-api';
import { BureauContext, OrganisationNamesContext, useBureau, useLoad, usePrintStyles, type BureauContextValue } from './bureau-common';
import { bureauStrings } from './bureau-strings';
import { CompletenessPage } from './CompletenessPage';
import { ConsolidationPage } from './ConsolidationPage';
import { EvaluationPage } from './EvaluationPage';
import { IndicatorPage } from './IndicatorPage';
import { ReviewPage } from './ReviewPage';
import { WarningsPage } from './WarningsPage';

export const BUREAU_BASE = '/web/bureau';

export interface BureauWorkspaceProps {
  readonly api: WebApi;
  readonly session: SessionInfo;
  readonly language: Language;
  /** Today (the default year is the latest one due); tests fix it. */
  readonly now?: () => Date;
}

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '1600px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  title: { margin: 0 },
});

export function BureauWorkspace({ api, session, language, now }: BureauWorkspaceProps) {
  const strings = bureauStrings[language];
  const styles = useStyles();
  usePrintStyles();
  const context = useMemo<BureauContextValue>(() => ({ api, strings, language, now: now ?? (() => new Date()) }), [api, strings, language, now]);
  if (session.user.role !== 'bureau') {
    return (
      <main className={styles.page}>
        <Title1 as="h1" className={styles.title}>
          {strings.title}
        </Title1>
        <div role="alert">
          <Notice intent="error" title={strings.noPermissionTitle}>
            {strings.noPermission(session.user.role)}
          </Notice>
        </div>
      </main>
    );
  }
  return (
    <BureauContext.Provider value={context}>
      <Workspace className={styles.page} />
    </BureauContext.Provider>
  );
}

function Workspace({ className }: { className: string }) {
  const { api, strings: s } = useBureau();
  const { state } = useLoad('organisations', () => api.get('/organisations', OrganisationListSchema));
  const names = useMemo(() => new Map(state.status === 'ready' ? state.data.organisations.map((item) => [item.id, item.shortName] as const) : []), [state]);
  return (
    <OrganisationNamesContext.Provider value={names}>
      <div className={`${className} bureau-page`}>
        <main id="bureau-main" tabIndex={-1}>
          <Switch>
            <Route path={BUREAU_BASE} component={CompletenessPage} />
            <Route path={`${BUREAU_BASE}/submissions/:id`}>{(params) => <ReviewPage id={params.id} />}</Route>
            <Route path={`${BUREAU_BASE}/consolidation`} component={ConsolidationPage} />
            <Route path={`${BUREAU_BASE}/warnings`} component={WarningsPage} />
            <Route path={`${BUREAU_BASE}/indicators/:plan/:indicatorId`}>{(params) => <IndicatorPage plan={params.plan} indicatorId={params.indicatorId} />}</Route>
            <Route path={`${BUREAU_BASE}/evaluation`} component={EvaluationPage} />
            <Route>
              <Notice intent="warning">{s.notFound}</Notice>
            </Route>
          </Switch>
        </main>
      </div>
    </OrganisationNamesContext.Provider>
  );
}

export default BureauWorkspace;
