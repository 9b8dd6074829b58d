import { Component, Suspense, lazy, useMemo, type ComponentType, type ReactNode } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Redirect, Router, useLocation, type BaseLocationHook } from 'wouter';
import type { Language } from '../../core/i18n/message';
import type { SessionInfo } from '../../contract/accounts';
import type { Role } from '../../contract/submission-document';
import { ChangePasswordPage } from './ChangePasswordPage';
import { LoginPage } from './LoginPage';
import { Layout, MessagePage, NoPermission } from './Layout';
import { HOME_OF, SessionProvider, errorText, useSession } from './session';
import type { WebApi } from './web-api';
import { LanguageContext, useLanguage, useWebStrings } from './web-strings';
import { loadBureauWorkspace, type BureauWorkspaceProps } from './bureau-entry';

/** The admin pages and the portal: chunks of their own, loaded when first opened. */
const AdminPages = lazy(() => import('./admin/AdminPages'));
const PortalPage = lazy(() => import('./portal/PortalPage'));

export interface WebAppProps {
  readonly api: WebApi;
  readonly language: Language;
  /** The router's location (tests: wouter's memoryLocation); the browser's by default. */
  readonly locationHook?: BaseLocationHook;
  /** The bureau's workspace (src/apps/web/bureau/BureauWorkspace.tsx), loaded on demand. */
  readonly loadBureau?: () => Promise<{ default: ComponentType<BureauWorkspaceProps> }>;
}

/**
 * The web app: the session (GET /api/v1/session at start), the routes under /web/ and the shell around
 * them. `/` sends a signed-in person to their role's home (reporter → /web/portal, bureau → /web/bureau,
 * admin → /web/admin/users), everyone else to /web/login.
 */
export function WebApp({ api, language, locationHook, loadBureau = loadBureauWorkspace }: WebAppProps) {
  const Bureau = useMemo(() => lazy(loadBureau), [loadBureau]);
  return (
    <LanguageContext.Provider value={language}>
      <SessionProvider api={api}>
        <Router {...(locationHook ? { hook: locationHook } : {})}>
          <Shell Bureau={Bureau} />
        </Router>
      </SessionProvider>
    </LanguageContext.Provider>
  );
}

const useStyles = makeStyles({
  centre: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXXL },
});

function Loading() {
  const styles = useStyles();
  const s = useWebStrings();
  return (
    <div className={styles.centre} role="status">
      <Spinner label={s.loading} />
    </div>
  );
}

/** Which roles may open a path (undefined: a path of no page). */
export function rolesFor(path: string): readonly Role[] | undefined {
  if (path === '/web/portal' || path.startsWith('/web/portal/')) return ['reporter'];
  if (path === '/web/bureau' || path.startsWith('/web/bureau/')) return ['bureau'];
  if (/^\/web\/admin\/(users|organisations|tokens)\/?$/.test(path)) return ['admin'];
  if (path === '/web/password') return ['reporter', 'bureau', 'admin'];
  return undefined;
}

const HOME_PATHS = new Set(['/', '/web', '/web/', '/web/login', '/index.html']);

function Shell({ Bureau }: { Bureau: ComponentType<BureauWorkspaceProps> }) {
  const { state, refresh } = useSession();
  const [location] = useLocation();
  const s = useWebStrings();
  const language = useLanguage();

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') {
    return <MessagePage title={s.title} intent="error" message={`${s.sessionFailed}${errorText(state.error, language)}`} action={{ label: s.retry, onClick: () => void refresh() }} />;
  }
  if (state.kind === 'signedOut') {
    if (location !== '/web/login') return <Redirect to="/web/login" replace />;
    return <LoginPage />;
  }
  const { session } = state;
  const role = session.user.role;
  if (session.user.mustChangePassword && location !== '/web/password') return <Redirect to="/web/password" replace />;
  if (HOME_PATHS.has(location)) return <Redirect to={HOME_OF[role]} replace />;
  const bureau = location === '/web/bureau' || location.startsWith('/web/bureau/');
  return (
    <Layout session={session} ownMain={bureau && role === 'bureau'}>
      {page(location, session, Bureau, language)}
    </Layout>
  );
}

function page(location: string, session: SessionInfo, Bureau: ComponentType<BureauWorkspaceProps>, language: Language): ReactNode {
  const roles = rolesFor(location);
  if (!roles) return <NotFound />;
  if (!roles.includes(session.user.role)) return <NoPermission role={session.user.role} />;
  if (location === '/web/password') return <ChangePasswordPage />;
  let content: ReactNode;
  if (location.startsWith('/web/portal')) content = <PortalPage />;
  else if (location.startsWith('/web/bureau')) content = <BureauMount Bureau={Bureau} session={session} language={language} />;
  else content = <AdminPages page={(location.split('/')[3] ?? 'users') as 'users' | 'organisations' | 'tokens'} />;
  return (
    <PageBoundary key={location.split('/').slice(0, 3).join('/')}>
      <Suspense fallback={<Loading />}>{content}</Suspense>
    </PageBoundary>
  );
}

function BureauMount({ Bureau, session, language }: { Bureau: ComponentType<BureauWorkspaceProps>; session: SessionInfo; language: Language }) {
  const { api } = useSession();
  return <Bureau api={api} session={session} language={language} />;
}

function NotFound() {
  const s = useWebStrings();
  return <MessagePage title={s.notFoundTitle} intent="warning" message={s.notFound} home />;
}

function PageFailed() {
  const s = useWebStrings();
  return <MessagePage title={s.title} intent="error" message={s.pageFailed} home />;
}

/** A page whose chunk fails to load (network) or throws shows a message instead of a blank screen. */
class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}
