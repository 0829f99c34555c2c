// Every documented route, in the order the document lists them. Adding a route handler
// means adding its entry to one of these lists; openapi.test.ts fails until it is there.
import type { ApiRoute } from './define-route';
import { adminRoutes } from './routes/admin';
import { agentRoutes } from './routes/agent';
import { customerRoutes } from './routes/customer';
import { departmentRoutes } from './routes/departments';
import { emailRoutes } from './routes/email';
import { operationRoutes } from './routes/operations';
import { adminTeamRoutes, sessionTeamRoutes } from './routes/team';
import { telegramRoutes } from './routes/telegram';

export const API_ROUTES: readonly ApiRoute[] = [
  ...customerRoutes,
  ...agentRoutes,
  ...sessionTeamRoutes,
  ...adminRoutes,
  ...adminTeamRoutes,
  ...departmentRoutes,
  ...telegramRoutes,
  ...emailRoutes,
  ...operationRoutes,
];

/**
 * Route files that are deliberately not in the document, with the reason. next-auth's
 * endpoints belong to the library and are reached only through its client.
 */
export const UNDOCUMENTED_ROUTE_FILES: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts': 'next-auth’s own sign-in endpoints',
  'app/admin/widget/preview/route.ts': 'the console’s preview page for the widget, not an API',
};
