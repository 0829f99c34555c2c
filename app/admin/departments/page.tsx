import type { Metadata } from 'next';
import { DepartmentsManager } from '@/components/admin/departments-manager';
import { PageHeader } from '@/components/admin/form';

export const metadata: Metadata = { title: 'Departments · Admin' };

export default function DepartmentsPage() {
  return (
    <>
      <PageHeader
        title="Departments"
        description="Teams a visitor can pick in the widget, each with its own agents, greeting and Telegram group."
      />
      <DepartmentsManager />
    </>
  );
}
