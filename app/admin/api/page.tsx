import type { Metadata } from 'next';
import { ApiReference } from '@/components/admin/api-reference';
import { PageHeader } from '@/components/admin/form';
import { openApiDocument } from '@/lib/openapi/document';

export const metadata: Metadata = { title: 'API reference · Admin' };

export default function ApiReferencePage() {
  const document = openApiDocument();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every endpoint of Parley’s HTTP API, generated from the server’s own schemas.{' '}
            <a
              href="/api/v1/openapi.json"
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              OpenAPI 3.1 JSON
            </a>{' '}
            for code generators and API clients. Admin endpoints take{' '}
            <a href="/admin/api-tokens" className="text-indigo-700 underline dark:text-indigo-300">
              an API token
            </a>{' '}
            as a Bearer token.
          </>
        }
      />
      <ApiReference document={document} />
    </>
  );
}
