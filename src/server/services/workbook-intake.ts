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
  /** The thread's module (tests give a stand-in that sleeps or allocates); the reader by default. */
  readonly filename?: string;
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
  readonly #options: WorkbookIntakeOptions;
  #pool: Piscina<ReadWorkbookTask, WorkbookGrids> | undefined;
  /** Readings running or waiting: at most `workers + queue` (counted here: piscina's own queue bound leaks). */
  #inFlight = 0;

  constructor(options: WorkbookIntakeOptions) {
    this.#options = options;
  }

  /** The pool, made at the first upload (a server that is never sent a workbook starts no thread). */
  #threads(): Piscina<ReadWorkbookTask, WorkbookGrids> {
    this.#pool ??= new Piscina({
      filename: this.#options.filename ?? join(__dirname, '..', 'workers', 'read-workbook-worker.cjs'),
      name: 'readWorkbook',
      // as many threads kept as may run: a thread ended for its time or its heap is replaced at once (with
      // fewer kept, piscina leaves uploads waiting behind a terminated thread in the queue for good)
      minThreads: this.#options.workers,
      maxThreads: this.#options.workers,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.heapMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(8, Math.floor(this.#options.heapMb / 6))), stackSizeMb: 4 },
    });
    return this.#pool;
  }

  /** The workbook's bounded sheet grids, or its refusal; a pool or thread failure as an ApiError. */
  async read(data: Uint8Array, options: XlsxReadOptions): Promise<WorkbookGrids> {
    if (this.#inFlight >= this.#options.workers + this.#options.queue) throw busy();
    this.#inFlight += 1;
    const controller = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort(new ReadingTimedOut()), this.#options.timeoutMs);
    });
    try {
      return await this.#threads().run({ data, options, started: port2 }, { signal: controller.signal, transferList: [port2] });
    } catch (error) {
      throw intakeFailure(error, this.#options.timeoutMs);
    } finally {
      this.#inFlight -= 1;
      clearTimeout(timer);
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.#pool?.destroy();
  }
}

/** 503: every thread busy and `queue` uploads already waiting. */
function busy(): ApiError {
  return new ApiError(503, 'upload.busy', '服务器正在处理其他上传的工作簿，请稍后重试。', 'The server is reading other workbooks; retry in a moment.', undefined, 5);
}

/** What a failed reading means for the person who uploaded: the file's fault (422), or come back later (503). */
function intakeFailure(error: unknown, timeoutMs: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
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
