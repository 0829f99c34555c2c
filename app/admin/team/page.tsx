import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { CannedResponses } from '@/components/team/canned-responses';
import { TeamManager } from '@/components/team/team-manager';
import { requirePageAdmin } from '../../_auth/page-auth';

export const metadata: Metadata = { title: 'Team · Admin' };

export default async function TeamPage() {
  const { agent: me } = await requirePageAdmin();
  return (
    <>
      <PageHeader
        title="Team"
        description="Who answers, with which role and departments, and the replies they share."
      />
      <TeamManager me={me} />
      <CannedResponses />
    </>
  );
}
