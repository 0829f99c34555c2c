import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { WidgetEditor } from '@/components/admin/widget-editor';
import { WidgetEmbed } from '@/components/admin/widget-embed';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Widget · Admin' };

export default function WidgetPage() {
  return (
    <>
      <PageHeader
        title="Widget"
        description="How the chat looks on your site. Saved changes reach visitors on their next page view."
      />
      <WidgetEditor />
      <WidgetEmbed publicUrl={env().publicUrl} />
    </>
  );
}
