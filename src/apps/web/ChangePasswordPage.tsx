import { useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useLocation } from 'wouter';
import { z } from 'zod';
import { Notice } from '../../ui/Notice';
import { PageTitle } from './Layout';
import { HOME_OF, errorText, useSession, useSignedIn } from './session';
import { useLanguage, useWebStrings } from './web-strings';

/** NewPasswordSchema's minimum (src/contract/accounts.ts), said before the server has to. */
const NEW_PASSWORD_MIN = 10;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
});

/** 修改密码: 当前密码, 新密码, 确认新密码 (POST /api/v1/session/password); first of all after an admin's reset. */
export function ChangePasswordPage() {
  const styles = useStyles();
  const s = useWebStrings();
  const language = useLanguage();
  const session = useSignedIn();
  const { api, refresh } = useSession();
  const [, navigate] = useLocation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next.length < NEW_PASSWORD_MIN) return setError(s.password.tooShort);
    if (next !== confirm) return setError(s.password.mismatch);
    setBusy(true);
    setError(undefined);
    try {
      await api.send('POST', '/session/password', { currentPassword: current, newPassword: next }, z.unknown());
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      const mustChange = session.user.mustChangePassword;
      await refresh();
      if (mustChange) navigate(HOME_OF[session.user.role], { replace: true });
    } catch (failure) {
      setError(errorText(failure, language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{s.password.heading}</PageTitle>
      {session.user.mustChangePassword && <Notice intent="warning">{s.password.mustChange}</Notice>}
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={s.password.current} required>
          <Input type="password" autoComplete="current-password" value={current} onChange={(_event, data) => setCurrent(data.value)} />
        </Field>
        <Field label={s.password.next} hint={s.password.hint} required>
          <Input type="password" autoComplete="new-password" value={next} onChange={(_event, data) => setNext(data.value)} />
        </Field>
        <Field label={s.password.confirm} required>
          <Input type="password" autoComplete="new-password" value={confirm} onChange={(_event, data) => setConfirm(data.value)} />
        </Field>
        <div role="alert">{error && <Notice intent="error">{error}</Notice>}</div>
        <div role="status">{done && <Notice intent="success">{s.password.done}</Notice>}</div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {s.password.submit}
        </Button>
      </form>
    </>
  );
}
