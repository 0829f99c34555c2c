import { json, preflight, route } from '@/lib/http/route';
import { getWidgetConfig } from '@/lib/settings/get-widget-config';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json(await getWidgetConfig()), { cors: true });
export const OPTIONS = preflight;
