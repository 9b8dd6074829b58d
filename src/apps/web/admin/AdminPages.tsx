import { OrganisationsPage } from './OrganisationsPage';
import { TokensPage } from './TokensPage';
import { UsersPage } from './UsersPage';

/** The admin pages (role admin): 用户, 组织, 令牌 — one chunk, loaded when an admin page is first opened. */
export default function AdminPages({ page }: { page: 'users' | 'organisations' | 'tokens' }) {
  if (page === 'organisations') return <OrganisationsPage />;
  if (page === 'tokens') return <TokensPage />;
  return <UsersPage />;
}
