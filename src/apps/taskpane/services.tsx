import { createContext, useContext, type ReactNode } from 'react';
import type { Catalog } from '../../core/catalog/catalog';
import type { ClientInfo } from '../../contract/submission-document';
import type { KeyValueStore } from '../../client/storage';
import type { Locale, UiStrings } from './strings';
import type { WorkbookPort } from '../../workbook/workbook-port';

/**
 * What the views need from the outside world, injected once by the bootstrap (index.tsx) and by tests:
 * nothing in a view reaches for a global (Office, localStorage, fetch, Date.now, timers).
 */
export interface PaneServices {
  readonly locale: Locale;
  readonly strings: UiStrings;
  readonly workbook: WorkbookPort;
  /** Per-user storage (never the workbook). */
  readonly store: KeyValueStore;
  /** Identifies the open workbook for the outbox: `Office.context.document.url` or '' for an unsaved one. */
  readonly workbookKey: string;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  /** The catalog shipped with the add-in (loaded on demand: its chunk is not in the first bundle). */
  readonly loadCatalog: () => Promise<Catalog>;
  /** Sent with every submission (which add-in build, which host). */
  readonly client: ClientInfo;
  /** The endpoint to use when the person has not set one: the origin the pane is served from, if it is ours. */
  readonly defaultEndpoint: string;
  /** The origin the pane is served from (for the CORS advice and mixed-content check of the endpoint). */
  readonly pageOrigin: string;
}

const ServicesContext = createContext<PaneServices | null>(null);

export function ServicesProvider({ services, children }: { services: PaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services, or null outside a ServicesProvider (the shell renders without them in some tests). */
export function useServicesIfAny(): PaneServices | null {
  return useContext(ServicesContext);
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
