import { useId, useState, type FormEvent } from 'react';
import { Button, Field, Input, Link, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useLocation } from 'wouter';
import { Notice } from '../../ui/Notice';
import { HOME_OF, errorText, useSession } from './session';
import { useLanguage, useWebStrings } from './web-strings';

const useStyles = makeStyles({
  main: { boxSizing: 'border-box', maxWidth: '420px', margin: '0 auto', padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, ':focus': { outlineStyle: 'none' } },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  app: { color: tokens.colorNeutralForeground2 },
  links: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * 登录: 用户名, 密码, 登录. The server's own Chinese message (wrong password with the attempts left, locked
 * until …) is shown in an alert region; after signing in, the role's home (or 修改密码 first when an admin
 * reset the password).
 */
export function LoginPage() {
  const styles = useStyles();
  const s = useWebStrings();
  const language = useLanguage();
  const { state, signIn } = useSession();
  const [, navigate] = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const headingId = useId();
  const notice = state.kind === 'signedOut' ? state.notice : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setError(s.login.missing);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn({ login: login.trim(), password });
      navigate(session.user.mustChangePassword ? '/web/password' : HOME_OF[session.user.role], { replace: true });
    } catch (failure) {
      setError(errorText(failure, language));
      setBusy(false);
    }
  }

  return (
    <main id="main" tabIndex={-1} className={styles.main} aria-labelledby={headingId}>
      <Text className={styles.app}>{s.title}</Text>
      <Title1 as="h1" id={headingId}>
        {s.login.heading}
      </Title1>
      {notice === 'expired' && <Notice intent="warning">{s.sessionExpired}</Notice>}
      {notice === 'signedOut' && <Notice intent="info">{s.signedOut}</Notice>}
      <Text>{s.login.intro}</Text>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={s.login.login}>
          <Input name="login" autoComplete="username" value={login} onChange={(_event, data) => setLogin(data.value)} />
        </Field>
        <Field label={s.login.password}>
          <Input name="password" type="password" autoComplete="current-password" value={password} onChange={(_event, data) => setPassword(data.value)} />
        </Field>
        <div role="alert">{error && <Notice intent="error">{error}</Notice>}</div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? s.login.busy : s.login.submit}
        </Button>
      </form>
      <section aria-label={s.login.otherWays}>
        <Text as="h2" weight="semibold">
          {s.login.otherWays}
        </Text>
        <ul className={styles.links}>
          <li>
            <Link href="/taskpane.html">{s.login.addin}</Link>
          </li>
          <li>
            <Link href="/manifest.xml">{s.login.manifest}</Link>
          </li>
          <li>
            <Link href="/api/v1/openapi.json">{s.login.api}</Link>
          </li>
        </ul>
      </section>
    </main>
  );
}
