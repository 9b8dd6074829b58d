/**
 * 首次使用 / Where the pane opens. The first time, without a token — nothing can be submitted or prefilled
 * yet — it opens on 设置, with a word of welcome; afterwards (or with a token) on 填报. Read by the shell
 * from the per-user store before any view is loaded, so this module imports nothing but the store's type
 * (the first screen holds it: no zod, no core).
 */
import type { KeyValueStore } from '../../client/storage';

/** The store keys of the endpoint settings (settings/endpoint-settings.ts re-exports them). */
export const ENDPOINT_URL_KEY = 'xpm.endpoint.url';
export const ENDPOINT_TOKEN_KEY = 'xpm.endpoint.token';
export const ENDPOINT_IDENTITY_KEY = 'xpm.endpoint.identity';
/** When the pane was first opened by this user here (ms since 1970): later openings are not the first. */
export const PANE_OPENED_KEY = 'xpm.pane.opened';

export interface OpeningView {
  readonly view: 'fill' | 'settings';
  /** The first opening without a token: 设置 greets and says what a token is for. */
  readonly firstRun: boolean;
}

export function openingView(store: KeyValueStore): OpeningView {
  const hasToken = (store.get(ENDPOINT_TOKEN_KEY) ?? '').trim() !== '';
  const firstRun = !hasToken && store.get(PANE_OPENED_KEY) === null;
  return { view: firstRun ? 'settings' : 'fill', firstRun };
}

/** Remembers that the pane has been opened (a store that refuses is no reason to fail). */
export function rememberOpened(store: KeyValueStore, now: number): void {
  try {
    if (store.get(PANE_OPENED_KEY) === null) store.set(PANE_OPENED_KEY, String(now));
  } catch {
    // storage refused: the next opening is "first" again, which only shows 设置 once more
  }
}
