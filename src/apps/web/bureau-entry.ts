import type { ComponentType } from 'react';
import type { SessionInfo } from '../../contract/accounts';
import type { Language } from '../../core/i18n/message';
import type { WebApi } from './web-api';

/** What the bureau's workspace (src/apps/web/bureau/BureauWorkspace.tsx) is given by the shell. */
export interface BureauWorkspaceProps {
  readonly api: WebApi;
  readonly session: SessionInfo;
  readonly language: Language;
}

/**
 * The bureau's workspace, loaded on demand (a chunk of its own) when a path under /web/bureau is opened.
 * It renders its own routes under /web/bureau/….
 */
export function loadBureauWorkspace(): Promise<{ default: ComponentType<BureauWorkspaceProps> }> {
  return import('./bureau/BureauWorkspace').then((module) => ({ default: module.BureauWorkspace }));
}
