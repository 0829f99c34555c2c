// Benchmark section: upload throughput of a 5 MB file through the real server — multipart
// parsing, type detection, storage write and row — on each storage backend, plus a 5 MB
// JPEG that is re-encoded on the way in. Part of `npm run bench`; `tsx
// scripts/bench-attachments.ts` runs it alone.
//
//   BENCH_UPLOADS (24 per case)  BENCH_UPLOAD_CONCURRENCY (4)
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { CustomerClient } from '../test/customer-client';
import { createTestDatabase } from '../test/database';
import { multipart, type TestFile } from '../test/files';
import { startLocalS3 } from '../test/s3';
import { startServer } from '../test/server';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 24);
const CONCURRENCY = Number(process.env.BENCH_UPLOAD_CONCURRENCY ?? 4);
const SIZE = 5 * 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** A 5 MB PDF-typed file (its signature, then incompressible bytes). */
function pdfFile(): TestFile {
  const head = Buffer.from('%PDF-1.4\n');
  return { name: 'report.pdf', bytes: Buffer.concat([head, randomBytes(SIZE - head.length)]) };
}

/** A photo-like JPEG of about 5 MB (noise compresses badly, like a camera's detail). */
async function jpegFile(): Promise<TestFile> {
  const width = 2600;
  const height = 1950;
  const noise = randomBytes(width * height * 3);
  const bytes = await sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
  return { name: 'photo.jpg', bytes };
}

async function measure(base: string, file: TestFile) {
  const customers: CustomerClient[] = [];
  // Ten uploads per conversation keep clear of its quota.
  for (let i = 0; i < Math.ceil(UPLOADS / 10); i++)
    customers.push(await CustomerClient.start(base));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < UPLOADS) {
      const index = next++;
      const customer = customers[Math.floor(index / 10)]!;
      const began = performance.now();
      const response = await fetch(
        `${base}/api/v1/conversations/${customer.conversationId}/attachments`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${customer.token}` },
          body: multipart(file),
        },
      );
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
      latencies.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const megabytes = (file.bytes.length * UPLOADS) / 1024 / 1024;
  return `${(megabytes / seconds).toFixed(1)} MB/s, ${(UPLOADS / seconds).toFixed(1)} uploads/s; latency p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms (n=${UPLOADS}, ${CONCURRENCY} at a time)`;
}

async function onServer(label: string, env: Record<string, string>, files: TestFile[]) {
  const database = await createTestDatabase('bench_uploads');
  const server = await startServer({
    database,
    env: {
      LOG_LEVEL: 'warn',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '100000',
      ...env,
    },
  });
  try {
    for (const file of files) {
      const mb = (file.bytes.length / 1024 / 1024).toFixed(1);
      console.log(`${label}, ${file.name} (${mb} MB): ${await measure(server.url, file)}`);
    }
  } finally {
    await server.dispose();
  }
}

export async function uploadThroughput(): Promise<void> {
  console.log('\n== attachment uploads (POST /api/v1/conversations/:id/attachments over loopback)');
  const pdf = pdfFile();
  const jpeg = await jpegFile();
  await onServer('disk storage', { ATTACHMENT_STORAGE: 'disk' }, [pdf, jpeg]);
  await onServer('postgres storage', { ATTACHMENT_STORAGE: 'postgres' }, [pdf]);
  const s3 = await startLocalS3();
  try {
    await onServer('s3 storage (local s3rver)', s3.env, [pdf]);
  } finally {
    await s3.stop();
  }
}

if (require.main === module) {
  uploadThroughput().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
