import { getAvatarImage } from '@/lib/avatars/get-avatar';
import { avatarFileParams } from '@/lib/contracts/params';
import { avatarDownload } from '@/lib/http/download';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'public', params: avatarFileParams }, async ({ params }) =>
  avatarDownload(await getAvatarImage(params.hash)),
);
