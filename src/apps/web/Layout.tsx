import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Text, Title1, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Link, useLocation } from 'wouter';
import type { SessionInfo } from '../../contract/accounts';
import type { Role } from '../../contract/submission-document';
import { Notice } from '../../ui/Notice';
import { HOME_OF, useSession } from './session';
import { useWebStrings, type WebStrings } from './web-strings';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 100, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorBrandForeground1 },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ...createFocusOutlineStyle(),
  },
  user: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  nav: { width: '100%' },
  navList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  current: { backgroundColor: tokens.colorNeutralBackground1, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  main: {
    boxSizing: 'border-box',
    maxWidth: '1280px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    ':focus': { outlineStyle: 'none' },
  },
  plainLink: { color: tokens.colorBrandForeground1, ...createFocusOutlineStyle() },
});

interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** The pages each role sees in the navigation. */
export function navFor(role: Role, s: WebStrings): readonly NavItem[] {
  const links = s.navLinks;
  if (role === 'reporter') return [{ href: '/web/portal', label: links.portal }];
  if (role === 'bureau') {
    return [
      { href: '/web/bureau', label: links.bureauProgress },
      { href: '/web/bureau/consolidation', label: links.bureauConsolidation },
      { href: '/web/bureau/warnings', label: links.bureauWarnings },
      { href: '/web/bureau/evaluation', label: links.bureauEvaluation },
    ];
  }
  return [
    { href: '/web/admin/users', label: links.users },
    { href: '/web/admin/organisations', label: links.organisations },
    { href: '/web/admin/tokens', label: links.tokens },
  ];
}

/**
 * The page around every signed-in page: skip link, header (title, who, navigation, 修改密码, 退出登录), main.
 * The header is hidden in print.
 */
export function Layout({ session, children, ownMain = false }: { session: SessionInfo; children: ReactNode; ownMain?: boolean }) {
  const styles = useStyles();
  const s = useWebStrings();
  const { signOut } = useSession();
  const [location] = useLocation();
  const { user, organisation } = session;
  const items = navFor(user.role, s);
  // the longest link that is a prefix of where we are is the current page
  // after moving to another page (not on the first one), focus goes to its content, as a page load would
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [location]);
  const current = items.filter((item) => location === item.href || location.startsWith(`${item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <>
      <a className={styles.skip} href="#main">
        {s.skipLink}
      </a>
      <header className={styles.header} data-print="hide">
        <Link href={HOME_OF[user.role]} className={styles.title}>
          {s.title}
        </Link>
        <Text className={styles.user}>
          {s.signedInAs(user.displayName, organisation.shortName)} · {s.roles[user.role]}
        </Text>
        <div className={styles.actions}>
          <Link href="/web/password" className={styles.plainLink}>
            {s.changePassword}
          </Link>
          <Button appearance="subtle" onClick={() => void signOut()}>
            {s.signOut}
          </Button>
        </div>
        {!user.mustChangePassword && (
          <nav aria-label={s.nav} className={styles.nav}>
            <ul className={styles.navList}>
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className={mergeClasses(styles.navLink, item === current && styles.current)} aria-current={item === current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {ownMain ? (
        // a page that renders its own <main> (the bureau's workspace): one main landmark, the skip link still lands
        <div id="main" tabIndex={-1}>
          {children}
        </div>
      ) : (
        <main id="main" tabIndex={-1} className={styles.main}>
          {children}
        </main>
      )}
    </>
  );
}

/** A page of one message (not found, no permission, a failure), with a way on. */
export function MessagePage({ title, message, intent, home, action }: { title: string; message: string; intent: 'error' | 'warning' | 'info'; home?: boolean; action?: { label: string; onClick: () => void } }) {
  const styles = useStyles();
  const s = useWebStrings();
  const body = (
    <>
      <Title1 as="h1">{title}</Title1>
      <div role={intent === 'error' ? 'alert' : undefined}>
        <Notice intent={intent} actions={action ? <Button onClick={action.onClick}>{action.label}</Button> : undefined}>
          {message}
        </Notice>
      </div>
      {home && (
        <Link href="/" className={styles.plainLink}>
          {s.goHome}
        </Link>
      )}
    </>
  );
  return home ? body : <main id="main" tabIndex={-1} className={styles.main}>{body}</main>;
}

/** A route the role may not open. */
export function NoPermission({ role }: { role: Role }) {
  const s = useWebStrings();
  return <MessagePage title={s.noPermissionTitle} intent="warning" message={s.noPermission(s.roles[role])} home />;
}

/** The page's main heading. */
export function PageTitle({ children }: { children: ReactNode }) {
  return <Title1 as="h1">{children}</Title1>;
}
