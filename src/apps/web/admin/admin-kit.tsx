import type { ReactNode } from 'react';
import { Field, Select, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { RoleSchema, type Role } from '../../../contract/submission-document';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import { TableWrap } from '../page-kit';
import { useWebStrings } from '../web-strings';

/**
 * An admin page's list (users, tokens, organisations): 还没有记录 when there are no rows, else a small table named
 * `label` (scrolling by itself when wide) with a header cell per column and `row` for each item (a keyed TableRow).
 */
export function AdminTable<T>({ label, columns, rows, row }: { label: string; columns: readonly string[]; rows: readonly T[]; row: (item: T) => ReactNode }) {
  const a = useWebStrings().admin;
  if (rows.length === 0) return <Text>{a.empty}</Text>;
  return (
    <TableWrap label={label}>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{rows.map(row)}</TableBody>
      </Table>
    </TableWrap>
  );
}

/** The required 单位 field of a new user or token: every organisation, by short and full name. */
export function OrganisationField({ organisations, value, onChange }: { organisations: readonly Organisation[]; value: string; onChange: (id: string) => void }) {
  const a = useWebStrings().admin;
  return (
    <Field label={a.columns.organisation} required>
      <Select value={value} onChange={(_event, data) => onChange(data.value)}>
        <option value="">{a.choose}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.shortName}（{organisation.name}）
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The required 角色 field of a new user or token: each role by its name and its code. */
export function RoleField({ value, onChange }: { value: Role | ''; onChange: (role: Role | '') => void }) {
  const s = useWebStrings();
  const a = s.admin;
  return (
    <Field label={a.columns.role} required>
      <Select value={value} onChange={(_event, data) => onChange(data.value as Role | '')}>
        <option value="">{a.choose}</option>
        {RoleSchema.options.map((option) => (
          <option key={option} value={option}>
            {s.roles[option]} {option}
          </option>
        ))}
      </Select>
    </Field>
  );
}
