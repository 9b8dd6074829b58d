/** Where a command writes: the process's streams in real use, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Standard input, for the commands that read it (`user add --password-stdin`). */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
}

/** Exit codes of the CLI. */
export const EXIT = {
  ok: 0,
  /** The command ran and found validation errors (used by `check`). */
  findings: 1,
  /** The arguments could not be used (unknown option, missing value, unknown indicator …). */
  usage: 2,
} as const;

/** A problem with the arguments, reported as exit code 2 with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Writes a value as pretty-printed JSON followed by a newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
