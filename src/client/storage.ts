/**
 * Per-user storage of the task pane (settings, token, remembered choices, the submission outbox):
 * `localStorage`, which belongs to the user's browser profile and is never written into the workbook.
 * In Office on the web the storage of an add-in is partitioned: keys are prefixed with
 * `Office.context.partitionKey` when the host gives one, as Microsoft documents.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** A KeyValueStore over a Web Storage object, every key prefixed with the partition key (when there is one). */
export function partitionedStore(storage: Storage, partitionKey: string | null | undefined): KeyValueStore {
  const prefix = partitionKey ? `${partitionKey}:` : '';
  return {
    get: (key) => storage.getItem(prefix + key),
    set: (key, value) => storage.setItem(prefix + key, value),
    remove: (key) => storage.removeItem(prefix + key),
  };
}

/** In-memory store (tests; and the fallback when the browser refuses localStorage). */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}
