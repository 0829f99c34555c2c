import type { Metadata } from 'next';
import { ApiTokens } from '@/components/admin/api-tokens';
import { PageHeader } from '@/components/admin/form';

export const metadata: Metadata = { title: 'API tokens · Admin' };

export default function ApiTokensPage() {
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Bearer tokens for the admin API. See the{' '}
            <a href="/admin/api" className="text-indigo-700 underline dark:text-indigo-300">
              API reference
            </a>
            .
          </>
        }
      />
      <ApiTokens />
    </>
  );
}
