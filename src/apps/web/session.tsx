import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { SessionInfoSchema, type LoginRequest, type SessionInfo } from '../../contract/accounts';
import type { Role } from '../../contract/submission-document';
import { WebApiError, type WebApi } from './web-api';

/**
 * Who is signed in. At start the app asks GET /session (401: nobody → the login page); the CSRF token of
 * the answer goes into the API client. Any later 401 of any page means the session has ended: the state
 * becomes signed out with the notice "登录已过期", and the shell shows the login page with it.
 */
export type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signedOut'; readonly notice?: 'expired' | 'signedOut' }
  | { readonly kind: 'signedIn'; readonly session: SessionInfo }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface SessionContextValue {
  readonly state: SessionState;
  /** The API for pages: a 401 from it ends the session (back to the login page). */
  readonly api: WebApi;
  signIn(request: LoginRequest): Promise<SessionInfo>;
  signOut(): Promise<void>;
  /** Asks the server again (after a password change, or "重试"). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The signed-in session (for pages behind the role guard, where there always is one). */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.kind !== 'signedIn') throw new Error('useSignedIn without a session');
  return state.session;
}

const isUnauthorized = (error: unknown) => error instanceof WebApiError && error.status === 401;

/** The API with every 401 reported to `onUnauthorized` (and still thrown, for the page's own state). */
export function withSessionExpiry(api: WebApi, onUnauthorized: () => void): WebApi {
  const guard = async <T,>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isUnauthorized(error)) onUnauthorized();
      throw error;
    }
  };
  return {
    get: (path, schema) => guard(() => api.get(path, schema)),
    send: (method, path, body, schema) => guard(() => api.send(method, path, body, schema)),
    sendFile: (path, file, contentType, schema, headers) => guard(() => api.sendFile(path, file, contentType, schema, headers)),
    download: (path) => guard(() => api.download(path)),
    setCsrfToken: (token) => api.setCsrfToken(token),
  };
}

export function SessionProvider({ api, children }: { api: WebApi; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;

  const enter = useCallback(
    (session: SessionInfo) => {
      api.setCsrfToken(session.csrfToken);
      setState({ kind: 'signedIn', session });
    },
    [api],
  );

  const refresh = useCallback(async () => {
    try {
      enter(await api.get('/session', SessionInfoSchema));
    } catch (error) {
      api.setCsrfToken(null);
      setState(isUnauthorized(error) ? { kind: 'signedOut' } : { kind: 'failed', error });
    }
  }, [api, enter]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const guarded = useMemo(
    () =>
      withSessionExpiry(api, () => {
        if (stateRef.current.kind !== 'signedIn') return;
        api.setCsrfToken(null);
        setState({ kind: 'signedOut', notice: 'expired' });
      }),
    [api],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      api: guarded,
      async signIn(request) {
        const session = await api.send('POST', '/session', request, SessionInfoSchema);
        enter(session);
        return session;
      },
      async signOut() {
        try {
          await api.send('DELETE', '/session', undefined, z.unknown());
        } catch {
          // signed out here whatever the server says: the cookie ends with its session anyway
        }
        api.setCsrfToken(null);
        setState({ kind: 'signedOut', notice: 'signedOut' });
      },
      refresh,
    }),
    [state, guarded, api, enter, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Where each role starts. */
export const HOME_OF: Readonly<Record<Role, string>> = {
  reporter: '/web/portal',
  bureau: '/web/bureau',
  admin: '/web/admin/users',
};

/** The Chinese (or English) message of an error, for an alert. */
export function errorText(error: unknown, language: 'zh-CN' | 'en-US'): string {
  if (error instanceof WebApiError) return language === 'zh-CN' ? error.zh : error.en;
  if (error instanceof Error) return error.message;
  return String(error);
}
