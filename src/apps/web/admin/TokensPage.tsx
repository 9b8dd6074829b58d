import { useState } from 'react';
import { Badge, Button, Field, Input, TableCell, TableRow } from '@fluentui/react-components';
import { z } from 'zod';
import { ApiTokenListSchema, CreatedTokenSchema } from '../../../contract/accounts';
import type { Role } from '../../../contract/submission-document';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import { Notice } from '../../../ui/Notice';
import { PageTitle } from '../Layout';
import { ConfirmDialog, FormDialog, LoadView, OnceSecretDialog, Steps, shortTime, useLoad } from '../page-kit';
import { errorText, useSession } from '../session';
import { useLanguage, useWebStrings } from '../web-strings';
import { loadOrganisations, organisationName } from './admin-data';
import { AdminTable, OrganisationField, RoleField } from './admin-kit';

type Token = z.infer<typeof ApiTokenListSchema>['tokens'][number];

/** 令牌: the add-in's API tokens; 新建令牌 shows the secret once (with how to paste it into 设置); 吊销 asks first. */
export function TokensPage() {
  const s = useWebStrings();
  const a = s.admin;
  const language = useLanguage();
  const { api } = useSession();
  const { state, reload } = useLoad(async () => {
    const [tokens, organisations] = await Promise.all([api.get('/tokens', ApiTokenListSchema), loadOrganisations(api)]);
    return { tokens: tokens.tokens, organisations };
  }, 'tokens');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<Token | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function revoke(token: Token) {
    setBusy(true);
    setError(undefined);
    try {
      await api.send('DELETE', `/tokens/${encodeURIComponent(token.id)}`, undefined, z.unknown());
      setRevoking(undefined);
      setDone(a.tokenRevoked);
      reload();
    } catch (failure) {
      setError(errorText(failure, language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{a.tokensHeading}</PageTitle>
      <div>
        <Button appearance="primary" onClick={() => setCreating(true)}>
          {a.newToken}
        </Button>
      </div>
      <div role="status">{done && <Notice intent="success">{done}</Notice>}</div>
      <LoadView state={state} onRetry={reload}>
        {({ tokens, organisations }) => (
          <AdminTable
            label={a.tokensHeading}
            columns={[a.columns.label, a.columns.organisation, a.columns.role, a.columns.createdAt, a.columns.state, a.columns.actions]}
            rows={tokens}
            row={(token) => (
              <TableRow key={token.id}>
                <TableCell>{token.label ?? token.id}</TableCell>
                <TableCell>{organisationName(organisations, token.organisationId)}</TableCell>
                <TableCell>{s.roles[token.role]}</TableCell>
                <TableCell>{shortTime(token.createdAt)}</TableCell>
                <TableCell>{token.revokedAt ? <Badge color="danger">{a.revoked(shortTime(token.revokedAt))}</Badge> : <Badge color="success">{a.active}</Badge>}</TableCell>
                <TableCell>
                  {!token.revokedAt && (
                    <Button size="small" onClick={() => setRevoking(token)} aria-label={`${a.revoke} ${token.label ?? token.id}`}>
                      {a.revoke}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            )}
          />
        )}
      </LoadView>
      {creating && state.kind === 'ready' && (
        <NewTokenDialog
          organisations={state.data.organisations}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
            reload();
          }}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={a.revokeTitle}
          message={a.revokeConfirm(revoking.label ?? revoking.id)}
          confirmLabel={a.revoke}
          busy={busy}
          error={error}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => {
            setRevoking(undefined);
            setError(undefined);
          }}
        />
      )}
      {secret && (
        <OnceSecretDialog title={a.secretTitle} label={a.secretLabel} secret={secret} warning={a.secretWarning} onClose={() => setSecret(undefined)}>
          <Steps steps={a.secretHowTo} />
        </OnceSecretDialog>
      )}
    </>
  );
}

function NewTokenDialog({ organisations, onCancel, onCreated }: { organisations: readonly Organisation[]; onCancel: () => void; onCreated: (secret: string) => void }) {
  const s = useWebStrings();
  const a = s.admin;
  const language = useLanguage();
  const { api } = useSession();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit() {
    if (!organisationId) return setError(a.fieldRequired(a.columns.organisation));
    if (!role) return setError(a.fieldRequired(a.columns.role));
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.send('POST', '/tokens', { organisationId, role, ...(label.trim() ? { label: label.trim() } : {}) }, CreatedTokenSchema);
      onCreated(answer.secret);
    } catch (failure) {
      setError(errorText(failure, language));
      setBusy(false);
    }
  }

  return (
    <FormDialog title={a.newToken} submitLabel={a.create} busy={busy} error={error} onSubmit={() => void submit()} onCancel={onCancel}>
      <OrganisationField organisations={organisations} value={organisationId} onChange={setOrganisationId} />
      <RoleField value={role} onChange={setRole} />
      <Field label={a.columns.label}>
        <Input value={label} onChange={(_event, data) => setLabel(data.value)} />
      </Field>
    </FormDialog>
  );
}
