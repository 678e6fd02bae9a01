/**
 * Runs `work` on every item with at most `limit` running at once; results in the items' order. Used
 * where a burst of thousands would exhaust file handles (reading content) or a mail server's
 * connections (sending a newsletter).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const queue = items.entries(); // shared: each worker takes the next item
  const worker = async () => {
    for (const [i, item] of queue) results[i] = await work(item, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A pause shared by every concurrent task once `ms` have passed since the last: all of them wait for
 * the same turn of the event loop, so the server answers requests between slices of synchronous work
 * (reading content files). One task yielding alone would not do: the others would carry on in
 * microtasks, and requests would still wait.
 */
export function timeSlices(ms: number): () => Promise<void> {
  let since = Date.now();
  let pause: Promise<void> | undefined;
  return async () => {
    if (Date.now() - since < ms) return;
    pause ??= new Promise((resolve) =>
      setImmediate(() => {
        pause = undefined;
        since = Date.now();
        resolve();
      }),
    );
    await pause;
  };
}
