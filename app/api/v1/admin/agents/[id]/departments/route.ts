import { adminTeamRoutes as team } from '@/app/api/v1/admin/agents/team-handlers';

export const dynamic = 'force-dynamic';

export const PUT = team.setDepartments;
export const PATCH = team.setDepartments;
