import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Notice } from '../../ui/Notice';
import { errorText } from './session';
import { useLanguage, useWebStrings } from './web-strings';

/** What a page loads: loading, failed (with the error) or ready. */
export type Loaded<T> = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'ready'; readonly data: T };

/** Loads on mount and whenever `key` changes; `reload` asks again. A late answer of an old key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    loadRef.current().then(
      (data) => live && setState({ kind: 'ready', data }),
      (error: unknown) => live && setState({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { state, reload };
}

/** The loading and failed states of a page section, or its content when ready. */
export function LoadView<T>({ state, onRetry, children }: { state: Loaded<T>; onRetry: () => void; children: (data: T) => ReactNode }) {
  const s = useWebStrings();
  const language = useLanguage();
  if (state.kind === 'loading') {
    return (
      <div role="status">
        <Spinner size="small" label={s.loading} labelPosition="after" />
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div role="alert">
        <Notice intent="error" actions={<Button onClick={onRetry}>{s.retry}</Button>}>
          {errorText(state.error, language)}
        </Notice>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

/** An ISO instant as people read it here: 2026-03-31 14:05 (local time). */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const useStyles = makeStyles({
  secret: { fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
});

/** A wrapper that lets a wide table scroll by itself instead of the page. */
export function TableWrap({ children, label }: { children: ReactNode; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A copy button for a text; says whether it worked. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const s = useWebStrings();
  const [result, setResult] = useState<'copied' | 'failed' | undefined>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  }
  return (
    <>
      <Button onClick={() => void copy()}>{label ?? s.copy}</Button>
      <span role="status">{result === 'copied' ? s.copied : result === 'failed' ? s.copyFailed : ''}</span>
    </>
  );
}

/** How long tabster, Fluent's focus manager, waits before it updates what a modal dialog hides (its 250 ms timer) and some. */
const MODAL_SETTLE_MS = 400;

/**
 * Works around a known Fluent UI v9 / tabster bug (microsoft/fluentui#35139, microsoft/tabster#530): a modal
 * Dialog that is unmounted while open (as these are: the page drops them when they are done) can leave
 * `aria-hidden="true"` on the app's root, so screen readers — and role-based queries — no longer see the page.
 * When the dialog goes and no other dialog is open, the app's root is made visible to them again.
 */
function useModalCleanup(): void {
  useEffect(
    () => () => {
      window.setTimeout(() => {
        if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
        document.getElementById('root')?.removeAttribute('aria-hidden');
      }, MODAL_SETTLE_MS);
    },
    [],
  );
}

/**
 * A secret (a generated password, a new API token) shown this once: read-only, with a copy button and a
 * warning; closing the dialog forgets it.
 */
export function OnceSecretDialog({ title, label, secret, warning, children, onClose }: { title: string; label: string; secret: string; warning: string; children?: ReactNode; onClose: () => void }) {
  useModalCleanup();
  const styles = useStyles();
  const s = useWebStrings();
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.body}>
            <Notice intent="warning">{warning}</Notice>
            <div className={styles.row}>
              <Field label={label} className={styles.grow}>
                <Input readOnly value={secret} className={styles.secret} onFocus={(event) => event.currentTarget.select()} />
              </Field>
              <CopyButton text={secret} />
            </div>
            {children}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {s.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Numbered steps (e.g. how to paste a token into the add-in). */
export function Steps({ steps }: { steps: readonly string[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.steps}>
      {steps.map((step) => (
        <li key={step}>
          <Text>{step}</Text>
        </li>
      ))}
    </ol>
  );
}

/** A yes/no question before something that cannot be undone. */
export function ConfirmDialog({ title, message, confirmLabel, busy, error, onConfirm, onCancel }: { title: string; message: string; confirmLabel: string; busy?: boolean; error?: string | undefined; onConfirm: () => void; onCancel: () => void }) {
  useModalCleanup();
  const s = useWebStrings();
  const styles = useStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.body}>
            <Text>{message}</Text>
            <div role="alert">{error && <Notice intent="error">{error}</Notice>}</div>
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>{s.cancel}</Button>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** A form in a dialog: its fields, the server's error in an alert, 取消 and the submit button. */
export function FormDialog({ title, submitLabel, busy, error, onSubmit, onCancel, children }: { title: string; submitLabel: string; busy: boolean; error: string | undefined; onSubmit: () => void; onCancel: () => void; children: ReactNode }) {
  useModalCleanup();
  const s = useWebStrings();
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
          noValidate
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.body}>
              {children}
              <div role="alert">{error && <Notice intent="error">{error}</Notice>}</div>
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={onCancel}>
                {s.cancel}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Saves a file the server generated (a template, a report) under its name: an object URL on a temporary
 * link, clicked, and revoked a little later (revoking at once can cancel the download in some browsers).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
