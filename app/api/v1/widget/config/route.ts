import { json, preflight, route } from '@/lib/http/route';
import { getWidgetConfig } from '@/lib/settings/get-widget-config';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'public', cors: true }, async () => json(await getWidgetConfig()));
export const OPTIONS = preflight;
