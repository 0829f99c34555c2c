import { redirect } from 'next/navigation';

/** The team page moved into the admin console. */
export default function TeamPage() {
  redirect('/admin/team');
}
