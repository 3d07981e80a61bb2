/**
 * The CLI's standard output and error, with their write errors handled. A
 * reader that stops early (`carveout check | head -1`) closes the pipe: that
 * is the reader's choice, so the run ends quietly with the exit code of its
 * findings. Any other failure to write the output, such as a full disk, means
 * the results were lost, which is an error (exit 2) said on standard error.
 */
import type { Io } from './main';

export interface StandardStreams {
  io: Io;
  /** Whether the output could not be written for a reason other than a closed pipe. */
  readonly failed: boolean;
}

export function standardStreams(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, onFailure: () => void): StandardStreams {
  let closed = false;
  let failed = false;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closed || failed) return;
    if (error.code === 'EPIPE') {
      closed = true;
      return;
    }
    failed = true;
    stderr.write(`carveout: cannot write the output: ${error.message}\n`);
    onFailure();
  });
  // Nothing is left to report a failure of standard error on.
  stderr.on('error', () => undefined);
  return {
    io: {
      out: (text) => {
        if (!closed && !failed) stdout.write(text);
      },
      err: (text) => stderr.write(text),
    },
    get failed() {
      return failed;
    },
  };
}
