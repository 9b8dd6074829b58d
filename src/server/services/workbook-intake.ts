import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Piscina from 'piscina';
import type { WorkbookGrids, XlsxReadOptions } from '../../xlsx/read-xlsx';
import { ApiError } from '../errors';
import type { ReadWorkbookTask } from '../workers/read-workbook-task';

/** How many threads read workbooks, how many uploads may wait for one, and each reading's time and heap. */
export interface WorkbookIntakeOptions {
  readonly workers: number;
  readonly queue: number;
  readonly timeoutMs: number;
  readonly heapMb: number;
}

/** Thrown into a reading thread's task when its time is up. */
class ReadingTimedOut extends Error {}

/**
 * Uploaded workbooks are read off the main thread, in a bounded pool of worker threads: each thread has a
 * heap limit (a file that needs more ends its thread, not the server), each reading a time limit counted
 * from when it starts (the thread is terminated), and at most `queue` uploads wait for a thread (more are
 * answered 503 with Retry-After). The event loop that answers every other request never parses a byte.
 */
export class WorkbookIntake {
  readonly #pool: Piscina<ReadWorkbookTask, WorkbookGrids>;
  readonly #timeoutMs: number;

  constructor(options: WorkbookIntakeOptions) {
    this.#timeoutMs = options.timeoutMs;
    this.#pool = new Piscina({
      filename: join(__dirname, '..', 'workers', 'read-workbook-worker.cjs'),
      name: 'readWorkbook',
      minThreads: 0,
      maxThreads: options.workers,
      maxQueue: options.queue,
      // a thread stays ready a while after an upload (starting one loads the reader: ~0.3 s)
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(8, Math.floor(options.heapMb / 6))), stackSizeMb: 4 },
    });
  }

  /** The workbook's bounded sheet grids, or its refusal; a pool or thread failure as an ApiError. */
  async read(data: Uint8Array, options: XlsxReadOptions): Promise<WorkbookGrids> {
    const controller = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort(new ReadingTimedOut()), this.#timeoutMs);
    });
    try {
      return await this.#pool.run({ data, options, started: port2 }, { signal: controller.signal, transferList: [port2] });
    } catch (error) {
      throw intakeFailure(error, this.#timeoutMs);
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** Threads busy and uploads waiting, for diagnostics. */
  get load(): { running: number; waiting: number } {
    return { running: this.#pool.utilization > 0 ? this.#pool.threads.length : 0, waiting: this.#pool.queueSize };
  }

  close(): Promise<void> {
    return this.#pool.destroy();
  }
}

/** What a failed reading means for the person who uploaded: the file's fault (422), or come back later (503). */
function intakeFailure(error: unknown, timeoutMs: number): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (message === 'Task queue is at limit') {
    return new ApiError(503, 'upload.busy', '服务器正在处理其他上传的工作簿，请稍后重试。', 'The server is reading other workbooks; retry in a moment.', undefined, 5);
  }
  if ((error as { name?: string } | null)?.name === 'AbortError') {
    return new ApiError(
      422,
      'upload.tooComplex',
      `读取工作簿超过 ${timeoutMs / 1000} 秒仍未完成，文件过于复杂或已损坏：请删除图片、其他工作表等与填报无关的内容，在 Excel 或 WPS 中另存为 .xlsx 后重新上传。`,
      `Reading the workbook took longer than ${timeoutMs / 1000} s: the file is too complex or damaged.`,
    );
  }
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ApiError(
      422,
      'upload.tooComplex',
      '读取工作簿所需的内存超过上限，文件过于复杂或已损坏：请删除与填报无关的内容，在 Excel 或 WPS 中另存为 .xlsx 后重新上传。',
      'Reading the workbook needed more memory than allowed: the file is too complex or damaged.',
    );
  }
  return error;
}
