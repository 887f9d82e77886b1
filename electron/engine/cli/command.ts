export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C); long-running commands await it. */
  interrupted: Promise<void>;
  stdin: NodeJS.ReadableStream;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throw UsageError for bad flags (exit 2). */
  run(argv: string[], io: CliIo): Promise<number>;
}
