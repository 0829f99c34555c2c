import type { Metadata } from 'next';
import { type AuditFilters, AuditLog } from '@/components/admin/audit-log';
import { PageHeader } from '@/components/admin/form';

export const metadata: Metadata = { title: 'Audit log · Admin' };

const FILTERS = ['action', 'actor', 'conversationId', 'from', 'to'] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const initial: AuditFilters = {};
  for (const name of FILTERS) {
    const value = params[name];
    if (typeof value === 'string' && value) initial[name] = value;
  }
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to conversations, the team and the settings: who, what and when."
      />
      <AuditLog initial={initial} />
    </>
  );
}
