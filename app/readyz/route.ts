import { checkReadiness } from '@/lib/health';
import { json } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, report } = await checkReadiness();
  return json(report, ready ? 200 : 503, ready ? {} : { 'Retry-After': '5' });
}
