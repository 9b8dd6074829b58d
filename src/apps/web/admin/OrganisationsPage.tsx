import { useState } from 'react';
import { Button, Field, Input, Select, TableCell, TableRow } from '@fluentui/react-components';
import { z } from 'zod';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import { Notice } from '../../../ui/Notice';
import { PageTitle } from '../Layout';
import { FormDialog, LoadView, useLoad } from '../page-kit';
import { errorText, useSession } from '../session';
import { useLanguage, useWebStrings } from '../web-strings';
import { loadOrganisations } from './admin-data';
import { AdminTable } from './admin-kit';

const KINDS = ['department', 'township', 'subdistrict'] as const;

/** 组织: the organisations of the county (the database's list) and 新建组织. */
export function OrganisationsPage() {
  const s = useWebStrings();
  const a = s.admin;
  const { api } = useSession();
  const { state, reload } = useLoad(() => loadOrganisations(api), 'organisations');
  const [creating, setCreating] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  return (
    <>
      <PageTitle>{a.organisationsHeading}</PageTitle>
      <div>
        <Button appearance="primary" onClick={() => setCreating(true)}>
          {a.newOrganisation}
        </Button>
      </div>
      <div role="status">{done && <Notice intent="success">{done}</Notice>}</div>
      <LoadView state={state} onRetry={reload}>
        {(organisations) => (
          <AdminTable
            label={a.organisationsHeading}
            columns={[a.columns.id, a.columns.shortName, a.columns.name, a.columns.nameEn, a.columns.kind]}
            rows={organisations}
            row={(organisation) => (
              <TableRow key={organisation.id}>
                <TableCell>{organisation.id}</TableCell>
                <TableCell>{organisation.shortName}</TableCell>
                <TableCell>{organisation.name}</TableCell>
                <TableCell>{organisation.nameEn}</TableCell>
                <TableCell>{a.kinds[organisation.kind]}</TableCell>
              </TableRow>
            )}
          />
        )}
      </LoadView>
      {creating && (
        <NewOrganisationDialog
          onCancel={() => setCreating(false)}
          onCreated={(organisation) => {
            setCreating(false);
            setDone(a.organisationCreated(organisation.shortName));
            reload();
          }}
        />
      )}
    </>
  );
}

function NewOrganisationDialog({ onCancel, onCreated }: { onCancel: () => void; onCreated: (organisation: Organisation) => void }) {
  const s = useWebStrings();
  const a = s.admin;
  const language = useLanguage();
  const { api } = useSession();
  const [form, setForm] = useState({ id: '', shortName: '', name: '', nameEn: '', kind: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const set = (key: keyof typeof form) => (_event: unknown, data: { value: string }) => setForm((before) => ({ ...before, [key]: data.value }));

  async function submit() {
    const labels: Record<keyof typeof form, string> = { id: a.columns.id, shortName: a.columns.shortName, name: a.columns.name, nameEn: a.columns.nameEn, kind: a.columns.kind };
    const missing = (Object.keys(labels) as (keyof typeof form)[]).find((key) => !form[key].trim());
    if (missing) return setError(a.fieldRequired(labels[missing]));
    setBusy(true);
    setError(undefined);
    const organisation = { id: form.id.trim(), shortName: form.shortName.trim(), name: form.name.trim(), nameEn: form.nameEn.trim(), kind: form.kind as Organisation['kind'] };
    try {
      await api.send('POST', '/organisations', organisation, z.unknown());
      onCreated(organisation);
    } catch (failure) {
      setError(errorText(failure, language));
      setBusy(false);
    }
  }

  return (
    <FormDialog title={a.newOrganisation} submitLabel={a.create} busy={busy} error={error} onSubmit={() => void submit()} onCancel={onCancel}>
      <Field label={a.columns.id} hint={a.idHint} required>
        <Input value={form.id} onChange={set('id')} />
      </Field>
      <Field label={a.columns.shortName} required>
        <Input value={form.shortName} onChange={set('shortName')} />
      </Field>
      <Field label={a.columns.name} required>
        <Input value={form.name} onChange={set('name')} />
      </Field>
      <Field label={a.columns.nameEn} required>
        <Input value={form.nameEn} onChange={set('nameEn')} />
      </Field>
      <Field label={a.columns.kind} required>
        <Select value={form.kind} onChange={set('kind')}>
          <option value="">{a.choose}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {a.kinds[kind]}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
