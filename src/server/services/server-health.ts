import { statfs } from 'node:fs/promises';
import type { HealthReport } from '../../contract/api';
import type { DatabaseProbe, Dialect } from '../db/connect';
import { ApiError } from '../errors';

/** How long the database may take to answer the health check. */
export const HEALTH_CHECK_TIMEOUT_MS = 1500;

const MIB = 1024 * 1024;

/**
 * The server's health as a load balancer, an operator and the server itself need it: does the database
 * answer, can it write (the last write failed for lack of space and none has succeeded since), and is there
 * free space left in the data folder (SQLite). Each problem has its own code and a Chinese message.
 */
export class ServerHealth {
  readonly #probe: DatabaseProbe;
  readonly #database: Dialect;
  /** The SQLite data folder whose free space is watched; undefined for PostgreSQL (its disk is elsewhere). */
  readonly #dataDir: string | undefined;
  readonly #minFreeBytes: number;
  #storageFailure: { at: string; code: string } | undefined;

  constructor(options: { probe: DatabaseProbe; database: Dialect; dataDir?: string; minFreeBytes: number }) {
    this.#probe = options.probe;
    this.#database = options.database;
    this.#dataDir = options.dataDir;
    this.#minFreeBytes = options.minFreeBytes;
  }

  /** A write failed because the database could not store it (disk full, read-only). */
  storageFailed(code: string): void {
    this.#storageFailure = { at: new Date().toISOString(), code };
  }

  /** A write transaction committed: the storage takes writes again. */
  storageSucceeded(): void {
    this.#storageFailure = undefined;
  }

  /** True when the database answers within the health check's time (for the back-pressure plugin). */
  async databaseAnswers(): Promise<boolean> {
    try {
      await this.#probe.check(HEALTH_CHECK_TIMEOUT_MS);
      return true;
    } catch {
      return false;
    }
  }

  /** The report, or the first problem found as a 503 ApiError. */
  async check(): Promise<HealthReport> {
    try {
      await this.#probe.check(HEALTH_CHECK_TIMEOUT_MS);
    } catch {
      throw new ApiError(503, 'server.databaseUnavailable', '数据库无响应，服务暂不可用。', 'The database does not answer.', undefined, 10);
    }
    if (this.#storageFailure) {
      throw new ApiError(
        503,
        'server.storageUnwritable',
        `数据库不可写（${this.#storageFailure.at} 写入失败：${this.#storageFailure.code}），新的报表无法保存：请检查服务器磁盘空间与数据目录权限。`,
        `The database cannot write (a write failed at ${this.#storageFailure.at}: ${this.#storageFailure.code}).`,
        { writable: false, ...this.#storageFailure },
        60,
      );
    }
    const freeBytes = await this.#freeBytes();
    if (freeBytes !== undefined && freeBytes < this.#minFreeBytes) {
      throw new ApiError(
        503,
        'server.diskLow',
        `数据目录所在磁盘剩余空间不足：剩余 ${(freeBytes / MIB).toFixed(0)} MiB，低于 ${(this.#minFreeBytes / MIB).toFixed(0)} MiB 的下限。请清理磁盘或扩容，以免报表无法保存。`,
        `Free disk space in the data folder is ${(freeBytes / MIB).toFixed(0)} MiB, below the ${(this.#minFreeBytes / MIB).toFixed(0)} MiB minimum.`,
        { freeBytes, minFreeBytes: this.#minFreeBytes },
        60,
      );
    }
    return { status: 'ok', database: this.#database, storage: { writable: true, ...(freeBytes === undefined ? {} : { freeBytes }) } };
  }

  close(): Promise<void> {
    return this.#probe.close();
  }

  async #freeBytes(): Promise<number | undefined> {
    if (!this.#dataDir) return undefined;
    try {
      const stats = await statfs(this.#dataDir);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch {
      return undefined;
    }
  }
}
