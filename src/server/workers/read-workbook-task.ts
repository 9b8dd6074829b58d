import type { MessagePort } from 'node:worker_threads';
import { readWorkbookGrids, type XlsxReadOptions } from '../../xlsx/read-xlsx';

/** What the server hands a reading thread: the uploaded bytes, the reading options, and a port to say "started". */
export interface ReadWorkbookTask {
  readonly data: Uint8Array;
  readonly options: XlsxReadOptions;
  readonly started: MessagePort;
}

/**
 * Runs in a worker thread: reads the untrusted workbook into bounded sheet grids (or a refusal). The thread
 * has a heap limit and the server a time limit, counted from the "started" message (not from the wait in
 * the queue); a file that exceeds either ends this thread, never the server.
 */
export async function readWorkbook(task: ReadWorkbookTask): ReturnType<typeof readWorkbookGrids> {
  task.started.postMessage('started');
  task.started.close();
  return readWorkbookGrids(task.data, task.options);
}
