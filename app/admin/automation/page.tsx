import type { Metadata } from 'next';
import { AutomationForm } from '@/components/admin/automation-form';
import { PageHeader } from '@/components/admin/form';

export const metadata: Metadata = { title: 'Automation · Admin' };

export default function AutomationPage() {
  return (
    <>
      <PageHeader
        title="Automation"
        description="Reminders, auto-close and how long closed conversations are kept. Changes apply at the next sweep, no restart needed."
      />
      <AutomationForm />
    </>
  );
}
