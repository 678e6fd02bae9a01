/**
 * Runs `work` on every item with at most `limit` running at once; results in the items' order. Used
 * where a burst of thousands would exhaust file handles (reading content) or a mail server's
 * connections (sending a newsletter).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const queue = items.entries(); // shared: each worker takes the next item
  const worker = async () => {
    for (const [i, item] of queue) results[i] = await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
