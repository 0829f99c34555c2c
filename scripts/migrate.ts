// Applies the SQL migrations in drizzle/ to the configured database (the server also does
// this at boot).
import { closeDatabase, database } from '@/lib/db/client';

async function main() {
  const handle = database();
  await handle.migrate();
  console.log(`migrations applied (${handle.kind})`);
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
