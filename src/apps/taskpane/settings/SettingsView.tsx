import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ViewProps } from '../App';
import type { Catalog } from '../../../core/catalog/catalog';
import { parseEndpointUrl, type EndpointUrlProblem } from '../../../client/endpoint-url';
import { diagnoseConnection, type ConnectionDiagnosis } from '../../../client/diagnose-connection';
import { useServices } from '../services';
import type { SettingsStrings } from '../strings/settings-strings';
import { clearEndpointToken, defaultUrl, loadEndpointSettings, normaliseToken, saveEndpointSettings, saveIdentity } from './endpoint-settings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '100%',
  },
  heading: {
    margin: 0,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  factValue: {
    margin: 0,
    overflowWrap: 'anywhere',
  },
  help: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
  },
  paragraph: {
    margin: 0,
  },
});

/** What the message area shows. */
type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'testing' }
  | { readonly kind: 'catalogUnavailable' }
  | { readonly kind: 'tested'; readonly diagnosis: ConnectionDiagnosis };

/** Settings (设置): the endpoint's address, the token (per user, never in the workbook) and the connection test. */
export default function SettingsView({ show, firstRun }: ViewProps) {
  const services = useServices();
  const text = services.strings.settings;
  // said on the first opening only, and only until a token is saved (the panel then says what it did)
  const [welcome, setWelcome] = useState(firstRun === true);
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {welcome && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text.firstRunTitle}</MessageBarTitle>
            {text.firstRun}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setWelcome(false);
                show('fill');
              }}
            >
              {text.firstRunLater}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <SettingsPanel pageOrigin={services.pageOrigin} />
    </div>
  );
}

export interface SettingsPanelProps {
  /** The origin the pane is served from: the one the server's ALLOWED_ORIGINS must list. */
  readonly pageOrigin: string;
}

/** The settings form, with the page's origin given (tests give it; the view takes services.pageOrigin). */
export function SettingsPanel({ pageOrigin }: SettingsPanelProps) {
  const services = useServices();
  const { store, locale } = services;
  const text = services.strings.settings;
  const styles = useStyles();
  const headingId = useId();
  const tokenHelpId = useId();

  const [initial] = useState(() => loadEndpointSettings(services));
  const [url, setUrl] = useState(initial.url);
  const [token, setToken] = useState(initial.token);
  const [tokenStored, setTokenStored] = useState(initial.token !== '');
  const [showToken, setShowToken] = useState(false);
  const [urlProblem, setUrlProblem] = useState<EndpointUrlProblem | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const fallbackUrl = defaultUrl(services.defaultEndpoint);
  const testing = status.kind === 'testing';

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = saveEndpointSettings(services, { url, token });
    if (!result.ok) {
      setUrlProblem(result.problem);
      setStatus({ kind: 'idle' });
      return;
    }
    setUrlProblem(null);
    setUrl(result.settings.url);
    setToken(result.settings.token);
    setTokenStored(result.settings.token !== '');
    setStatus({ kind: 'saved' });
  };

  const test = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setUrlProblem(null);
    setStatus({ kind: 'testing' });
    const tested = { url: url.trim() === '' ? fallbackUrl : url, token: normaliseToken(token) };
    try {
      let catalog: Catalog;
      try {
        catalog = await services.loadCatalog();
      } catch {
        if (!controller.signal.aborted) setStatus({ kind: 'catalogUnavailable' });
        return;
      }
      const diagnosis = await diagnoseConnection(tested, { fetch: services.fetch, catalog, pageOrigin, signal: controller.signal });
      if (controller.signal.aborted) return;
      if (diagnosis.ok) {
        // the pair that just worked is the one to keep, with who it is (the Fill view preselects the organisation)
        const saved = saveEndpointSettings(services, tested);
        if (saved.ok) {
          setUrl(saved.settings.url);
          setToken(saved.settings.token);
          setTokenStored(saved.settings.token !== '');
        }
        saveIdentity(store, diagnosis.identity, services.now());
      } else if (diagnosis.error.kind === 'badUrl') {
        const parsed = parseEndpointUrl(tested.url);
        setUrlProblem(parsed.ok ? 'notUrl' : parsed.problem);
      }
      setStatus({ kind: 'tested', diagnosis });
    } catch {
      // aborted (the view went away, or a new test started): nothing to show
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const clear = () => {
    running.current?.abort();
    clearEndpointToken(store);
    setToken('');
    setTokenStored(false);
    setShowToken(false);
    setStatus({ kind: 'cleared' });
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {text.heading}
      </Text>
      <Text as="p" className={styles.paragraph}>
        {text.intro}
      </Text>

      <form className={styles.form} onSubmit={save} noValidate>
        <Field
          label={text.urlLabel}
          hint={text.urlHint(fallbackUrl)}
          {...(urlProblem ? { validationMessage: text.urlProblems[urlProblem], validationState: 'error' as const } : {})}
        >
          <Input
            type="url"
            name="endpoint-url"
            value={url}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            onChange={(_event, data) => {
              setUrl(data.value);
              setUrlProblem(null);
            }}
          />
        </Field>

        <Field label={text.tokenLabel} hint={tokenStored ? text.tokenSaved : text.tokenNotSaved}>
          <Input
            type={showToken ? 'text' : 'password'}
            name="endpoint-token"
            value={token}
            placeholder={text.tokenPlaceholder}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={tokenHelpId}
            onChange={(_event, data) => setToken(data.value)}
            contentAfter={
              <Button
                type="button"
                size="small"
                appearance="transparent"
                aria-label={showToken ? text.hideTokenLabel : text.showTokenLabel}
                aria-pressed={showToken}
                onClick={() => setShowToken((shown) => !shown)}
              >
                {showToken ? text.hideToken : text.showToken}
              </Button>
            }
          />
        </Field>

        <div className={styles.actions} role="group" aria-label={text.actionsLabel}>
          <Button type="submit" appearance="primary" disabled={testing}>
            {text.save}
          </Button>
          <Button type="button" disabled={testing} onClick={() => void test()}>
            {text.testConnection}
          </Button>
          <Button type="button" disabled={testing || (!tokenStored && token === '')} onClick={clear}>
            {text.clearToken}
          </Button>
        </div>
      </form>

      <StatusMessage status={status} text={text} english={locale === 'en-US'} />

      <div className={styles.help} id={tokenHelpId}>
        <Text as="h3" size={300} weight="semibold" className={styles.heading}>
          {text.tokenHelpHeading}
        </Text>
        <Text as="p" size={200} className={styles.paragraph}>
          {text.tokenHelp} <code className={styles.code}>{text.tokenCommand}</code>
        </Text>
        <Text as="p" size={200} className={styles.paragraph}>
          {text.tokenStorage}
        </Text>
      </div>
    </section>
  );
}

function StatusMessage({ status, text, english }: { status: Status; text: SettingsStrings; english: boolean }) {
  const styles = useStyles();
  switch (status.kind) {
    case 'idle':
      return null;
    case 'testing':
      return (
        <div role="status">
          <Spinner size="tiny" labelPosition="after" label={text.testing} />
        </div>
      );
    case 'saved':
      return <Message intent="success" body={text.saved} />;
    case 'cleared':
      return <Message intent="info" body={text.tokenCleared} />;
    case 'catalogUnavailable':
      return <Message intent="warning" body={text.result.catalogUnavailable} />;
    case 'tested': {
      const { diagnosis } = status;
      if (!diagnosis.ok) {
        const { error } = diagnosis;
        return <Message intent={error.options.retryable ? 'warning' : 'error'} title={text.failure.titles[error.kind]} body={english ? error.en : error.zh} kind={error.kind} />;
      }
      const facts: [string, string][] = [
        [text.result.organisation, text.result.organisationName(diagnosis.organisation, diagnosis.identity.organisationId)],
        [text.result.role, text.result.roles[diagnosis.identity.role]],
        [text.result.server, diagnosis.serverUrl],
        [text.result.versions, text.result.versionsMatch(diagnosis.versions)],
      ];
      return (
        <Message intent={diagnosis.canSubmit ? 'success' : 'warning'} title={text.result.okTitle} kind="ok">
          <dl className={styles.facts}>
            {facts.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd className={styles.factValue}>{value}</dd>
              </Fragment>
            ))}
          </dl>
          {diagnosis.canSubmit ? null : <p className={styles.paragraph}>{text.result.bureauCannotSubmit}</p>}
          <p className={styles.paragraph}>{text.result.saved}</p>
        </Message>
      );
    }
  }
}

function Message({ intent, title, body, kind, children }: { intent: MessageBarIntent; title?: string; body?: string; kind?: string; children?: ReactNode }) {
  return (
    // multiline: the pane is narrow, and the automatic layout needs a ResizeObserver for nothing
    <MessageBar intent={intent} layout="multiline" data-intent={intent} {...(kind ? { 'data-kind': kind } : {})}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {title && body ? ' ' : null}
        {body}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
