import { sessionTeamRoutes as team } from '@/app/api/v1/admin/agents/team-handlers';

export const dynamic = 'force-dynamic';

export const POST = team.resetPassword;
