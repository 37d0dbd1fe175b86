/**
 * The baseline: the same inventory gathered with the official `cloudflare` SDK, the way
 * its README shows (`for await` auto-pagination), once one zone after another and once
 * with a fixed number of lists in flight. Its default retries (2) are kept; the benchmark
 * injects no faults, so they never fire.
 */
import Cloudflare from 'cloudflare';

export interface SdkCounts {
  zones: number;
  items: number;
}

function sdkClient(apiBaseUrl: string, token: string): Cloudflare {
  return new Cloudflare({ apiToken: token, baseURL: apiBaseUrl });
}

async function count(iterable: AsyncIterable<unknown>): Promise<number> {
  let items = 0;
  for await (const item of iterable) {
    void item;
    items++;
  }
  return items;
}

/** Fallback origin: Cloudflare answers 404 when none is configured. */
async function fallbackOrigin(client: Cloudflare, zoneId: string): Promise<number> {
  try {
    await client.customHostnames.fallbackOrigin.get({ zone_id: zoneId });
    return 1;
  } catch (error) {
    if (error instanceof Cloudflare.NotFoundError) {
      return 0;
    }
    throw error;
  }
}

/** The lists of one zone, each a function so the parallel script can schedule them. */
function zoneTasks(client: Cloudflare, zoneId: string): Array<() => Promise<number>> {
  return [
    () => count(client.ssl.certificatePacks.list({ zone_id: zoneId, status: 'all' })),
    () => count(client.customCertificates.list({ zone_id: zoneId })),
    () => count(client.customHostnames.list({ zone_id: zoneId })),
    () => count(client.clientCertificates.list({ zone_id: zoneId, status: 'all' })),
    () => fallbackOrigin(client, zoneId),
  ];
}

async function zoneIds(client: Cloudflare): Promise<string[]> {
  const ids: string[] = [];
  for await (const zone of client.zones.list()) {
    ids.push(zone.id);
  }
  return ids;
}

/** The README way: every zone, every list, one after another. */
export async function sdkSequential(apiBaseUrl: string, token: string): Promise<SdkCounts> {
  const client = sdkClient(apiBaseUrl, token);
  const ids = await zoneIds(client);
  let items = 0;
  for (const id of ids) {
    for (const task of zoneTasks(client, id)) {
      items += await task();
    }
  }
  return { zones: ids.length, items };
}

/** The same lists, `concurrency` of them in flight at once (each list still pages in order). */
export async function sdkParallel(apiBaseUrl: string, token: string, concurrency: number): Promise<SdkCounts> {
  const client = sdkClient(apiBaseUrl, token);
  const ids = await zoneIds(client);
  const queue = ids.flatMap((id) => zoneTasks(client, id));
  let items = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const task = queue[next++];
      if (task !== undefined) {
        // Not `items += await task()`: that reads `items` before the await and loses updates.
        const found = await task();
        items += found;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { zones: ids.length, items };
}
