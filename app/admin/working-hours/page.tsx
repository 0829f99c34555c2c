import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { WorkingHoursForm } from '@/components/admin/working-hours-form';

export const metadata: Metadata = { title: 'Working hours · Admin' };

export default function WorkingHoursPage() {
  return (
    <>
      <PageHeader
        title="Working hours"
        description="When your team is available. Outside these hours the widget shows the team as away, customers get the offline message and reminders pause."
      />
      <WorkingHoursForm />
    </>
  );
}
