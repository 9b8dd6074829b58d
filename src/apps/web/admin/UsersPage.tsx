import { useState } from 'react';
import { Badge, Button, Field, Input, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { z } from 'zod';
import { UserListSchema, UserWithPasswordSchema, type User } from '../../../contract/accounts';
import type { Role } from '../../../contract/submission-document';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import { Notice } from '../../../ui/Notice';
import { PageTitle } from '../Layout';
import { ConfirmDialog, FormDialog, LoadView, OnceSecretDialog, shortTime, useLoad } from '../page-kit';
import { errorText, useSession } from '../session';
import { useLanguage, useWebStrings } from '../web-strings';
import { loadOrganisations, organisationName } from './admin-data';
import { AdminTable, OrganisationField, RoleField } from './admin-kit';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  states: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** 用户: the users, 新建用户, 重置密码, 停用/启用, 解除锁定; a generated password is shown once. */
export function UsersPage() {
  const styles = useStyles();
  const s = useWebStrings();
  const a = s.admin;
  const language = useLanguage();
  const { api } = useSession();
  const { state, reload } = useLoad(async () => {
    const [users, organisations] = await Promise.all([api.get('/users', UserListSchema), loadOrganisations(api)]);
    return { users: users.users, organisations };
  }, 'users');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ login: string; password: string } | undefined>();
  const [resetting, setResetting] = useState<User | undefined>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function update(user: User, body: { disabled?: boolean; unlock?: true }) {
    setActionError(undefined);
    setDone(undefined);
    try {
      await api.send('PUT', `/users/${encodeURIComponent(user.id)}`, body, z.unknown());
      setDone(a.userUpdated(user.login));
      reload();
    } catch (error) {
      setActionError(errorText(error, language));
    }
  }

  async function reset(user: User) {
    setBusy(true);
    setActionError(undefined);
    try {
      const answer = await api.send('POST', `/users/${encodeURIComponent(user.id)}/reset-password`, undefined, UserWithPasswordSchema);
      setResetting(undefined);
      if (answer.password) setSecret({ login: answer.user.login, password: answer.password });
      reload();
    } catch (error) {
      setActionError(errorText(error, language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{a.usersHeading}</PageTitle>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => setCreating(true)}>
          {a.newUser}
        </Button>
      </div>
      <div role="alert">{actionError && !resetting && <Notice intent="error">{actionError}</Notice>}</div>
      <div role="status">{done && <Notice intent="success">{done}</Notice>}</div>
      <LoadView state={state} onRetry={reload}>
        {({ users, organisations }) => (
          <AdminTable
            label={a.usersHeading}
            columns={[a.columns.login, a.columns.displayName, a.columns.organisation, a.columns.role, a.columns.state, a.columns.lastLogin, a.columns.actions]}
            rows={users}
            row={(user) => {
              const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
              return (
                <TableRow key={user.id}>
                  <TableCell>{user.login}</TableCell>
                  <TableCell>{user.displayName}</TableCell>
                  <TableCell>{organisationName(organisations, user.organisationId)}</TableCell>
                  <TableCell>{s.roles[user.role]}</TableCell>
                  <TableCell>
                    <span className={styles.states}>
                      {user.disabled ? <Badge color="danger">{a.disabled}</Badge> : <Badge color="success">{a.active}</Badge>}
                      {locked && <Badge color="warning">{a.locked(shortTime(user.lockedUntil))}</Badge>}
                      {user.mustChangePassword && <Badge color="informative">{a.mustChange}</Badge>}
                    </span>
                  </TableCell>
                  <TableCell>{user.lastLoginAt ? shortTime(user.lastLoginAt) : a.never}</TableCell>
                  <TableCell>
                    <span className={styles.actions}>
                      <Button size="small" onClick={() => setResetting(user)} aria-label={`${a.resetPassword} ${user.login}`}>
                        {a.resetPassword}
                      </Button>
                      <Button size="small" onClick={() => void update(user, { disabled: !user.disabled })} aria-label={`${user.disabled ? a.enable : a.disable} ${user.login}`}>
                        {user.disabled ? a.enable : a.disable}
                      </Button>
                      {locked && (
                        <Button size="small" onClick={() => void update(user, { unlock: true })} aria-label={`${a.unlock} ${user.login}`}>
                          {a.unlock}
                        </Button>
                      )}
                    </span>
                  </TableCell>
                </TableRow>
              );
            }}
          />
        )}
      </LoadView>
      {creating && state.kind === 'ready' && (
        <NewUserDialog
          organisations={state.data.organisations}
          onCancel={() => setCreating(false)}
          onCreated={(login, password) => {
            setCreating(false);
            setDone(a.userCreated(login));
            if (password) setSecret({ login, password });
            reload();
          }}
        />
      )}
      {resetting && (
        <ConfirmDialog
          title={a.resetPassword}
          message={a.resetConfirm(resetting.login)}
          confirmLabel={a.resetPassword}
          busy={busy}
          error={actionError}
          onConfirm={() => void reset(resetting)}
          onCancel={() => {
            setResetting(undefined);
            setActionError(undefined);
          }}
        />
      )}
      {secret && <OnceSecretDialog title={a.generatedTitle(secret.login)} label={a.generatedLabel} secret={secret.password} warning={a.generatedWarning} onClose={() => setSecret(undefined)} />}
    </>
  );
}

function NewUserDialog({ organisations, onCancel, onCreated }: { organisations: readonly Organisation[]; onCancel: () => void; onCreated: (login: string, password: string | undefined) => void }) {
  const s = useWebStrings();
  const a = s.admin;
  const language = useLanguage();
  const { api } = useSession();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit() {
    const missing = [
      [login.trim(), a.columns.login],
      [displayName.trim(), a.columns.displayName],
      [organisationId, a.columns.organisation],
      [role, a.columns.role],
    ].find(([value]) => !value);
    if (missing) return setError(a.fieldRequired(missing[1] as string));
    setBusy(true);
    setError(undefined);
    try {
      const body = { login: login.trim(), displayName: displayName.trim(), organisationId, role, ...(password ? { password } : {}) };
      const answer = await api.send('POST', '/users', body, UserWithPasswordSchema);
      onCreated(answer.user.login, answer.password);
    } catch (failure) {
      setError(errorText(failure, language));
      setBusy(false);
    }
  }

  return (
    <FormDialog title={a.newUser} submitLabel={a.create} busy={busy} error={error} onSubmit={() => void submit()} onCancel={onCancel}>
      <Field label={a.columns.login} required>
        <Input value={login} autoComplete="off" onChange={(_event, data) => setLogin(data.value)} />
      </Field>
      <Field label={a.columns.displayName} required>
        <Input value={displayName} onChange={(_event, data) => setDisplayName(data.value)} />
      </Field>
      <OrganisationField organisations={organisations} value={organisationId} onChange={setOrganisationId} />
      <RoleField value={role} onChange={setRole} />
      <Field label={a.optionalPassword} hint={a.passwordHint}>
        <Input type="password" autoComplete="new-password" value={password} onChange={(_event, data) => setPassword(data.value)} />
      </Field>
    </FormDialog>
  );
}
