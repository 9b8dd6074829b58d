/**
 * Where the endpoint is and the person's token, kept in the per-user store (services.store: localStorage of
 * this user's Office profile on this computer, partitioned by Office on the web). Nothing here is ever
 * written into the workbook: a workbook passed on to a colleague or mailed to the bureau carries no token.
 *
 * Keys:
 * - `xpm.endpoint.url`: the server's base URL, normalised; absent = services.defaultEndpoint (the origin
 *   that serves the pane, or the one baked into the build);
 * - `xpm.endpoint.token`: the token (xpm_…); absent = none;
 * - `xpm.endpoint.identity`: `{organisationId, role, checkedAt}` of the last successful connection test
 *   (the Fill view preselects that organisation); removed whenever the address or the token changes.
 */
import { z } from 'zod';
import { RoleSchema } from '../../../contract/submission-document';
import type { EndpointSettings, TokenIdentity } from '../../../client/endpoint-client';
import { parseEndpointUrl, type EndpointUrlProblem } from '../../../client/endpoint-url';
import type { PaneServices } from '../services';
import type { KeyValueStore } from '../../../client/storage';

import { ENDPOINT_IDENTITY_KEY, ENDPOINT_TOKEN_KEY, ENDPOINT_URL_KEY } from '../opening-view';

// the keys live beside the shell's opening decision (it reads the token before any view is loaded)
export { ENDPOINT_IDENTITY_KEY, ENDPOINT_TOKEN_KEY, ENDPOINT_URL_KEY };

/** What settings storage needs from the pane's services. */
export type SettingsServices = Pick<PaneServices, 'store' | 'defaultEndpoint'>;

/** The address and token to use now: the stored ones, the address defaulting to services.defaultEndpoint. */
export function loadEndpointSettings(services: SettingsServices): EndpointSettings {
  const stored = services.store.get(ENDPOINT_URL_KEY);
  return { url: stored ?? defaultUrl(services.defaultEndpoint), token: services.store.get(ENDPOINT_TOKEN_KEY) ?? '' };
}

/** The default address, normalised when it parses ('' when there is none). */
export function defaultUrl(defaultEndpoint: string): string {
  const parsed = parseEndpointUrl(defaultEndpoint);
  return parsed.ok ? parsed.url : defaultEndpoint.trim();
}

export type SaveEndpointResult = { readonly ok: true; readonly settings: EndpointSettings } | { readonly ok: false; readonly problem: EndpointUrlProblem };

/**
 * Saves the address and token as typed, normalised (see {@link parseEndpointUrl}, {@link normaliseToken}).
 * An empty address, or the default one, is not stored: the default is followed. An empty token removes the
 * stored one. When either changes, the remembered identity is removed (it belonged to the old pair).
 * A bad address saves nothing and says why.
 */
export function saveEndpointSettings(services: SettingsServices, input: { readonly url: string; readonly token: string }): SaveEndpointResult {
  const { store } = services;
  const fallback = defaultUrl(services.defaultEndpoint);
  let url: string;
  if (input.url.trim() === '') {
    if (fallback === '') return { ok: false, problem: 'empty' };
    url = fallback;
  } else {
    const parsed = parseEndpointUrl(input.url);
    if (!parsed.ok) return { ok: false, problem: parsed.problem };
    url = parsed.url;
  }
  const token = normaliseToken(input.token);
  const before = loadEndpointSettings(services);

  if (url === fallback) store.remove(ENDPOINT_URL_KEY);
  else store.set(ENDPOINT_URL_KEY, url);
  if (token === '') store.remove(ENDPOINT_TOKEN_KEY);
  else store.set(ENDPOINT_TOKEN_KEY, token);
  if (before.url !== url || before.token !== token) store.remove(ENDPOINT_IDENTITY_KEY);
  return { ok: true, settings: { url, token } };
}

/** Removes the token (and the identity that came with it) from this computer; the address stays. */
export function clearEndpointToken(store: KeyValueStore): void {
  store.remove(ENDPOINT_TOKEN_KEY);
  store.remove(ENDPOINT_IDENTITY_KEY);
}

/**
 * A token as pasted: surrounding spaces and line breaks (from a mail or a chat) and a leading "Bearer " are
 * dropped. Tokens are base64url after `xpm_`: no whitespace inside can be part of one.
 */
export function normaliseToken(text: string): string {
  return text.replace(/^\s*bearer\s+/i, '').replace(/\s+/g, '');
}

/** Who the token was at the last successful connection test. */
export const StoredIdentitySchema = z.object({
  organisationId: z.string().min(1),
  role: RoleSchema,
  checkedAt: z.string(),
});
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

/** The remembered identity, or null (none, or unreadable). */
export function loadIdentity(store: KeyValueStore): StoredIdentity | null {
  const text = store.get(ENDPOINT_IDENTITY_KEY);
  if (text === null) return null;
  try {
    const parsed = StoredIdentitySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers who the token is (after a successful connection test); `now` in ms since the epoch. */
export function saveIdentity(store: KeyValueStore, identity: Pick<TokenIdentity, 'organisationId' | 'role'>, now: number): StoredIdentity {
  const stored: StoredIdentity = { organisationId: identity.organisationId, role: identity.role, checkedAt: new Date(now).toISOString() };
  store.set(ENDPOINT_IDENTITY_KEY, JSON.stringify(stored));
  return stored;
}
