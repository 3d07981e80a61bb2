/**
 * Entry point of the `carveout` command. The same bundle also runs as the
 * worker thread that analyses a share of the specs when there are many.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyzeJobs, type WorkerInput } from './cli/analyzeSpecs';
import { main } from './cli/main';
import { standardStreams } from './cli/standardStreams';

if (isMainThread) {
  // A write error may arrive before or after the run ends, so each sets the exit code that stands.
  const streams = standardStreams(process.stdout, process.stderr, () => {
    process.exitCode = 2;
  });
  main(process.argv.slice(2), streams.io, __filename).then(
    (code) => {
      process.exitCode = streams.failed ? 2 : code;
    },
    (error: unknown) => {
      process.stderr.write(`carveout: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  parentPort!.postMessage(analyzeJobs(workerData as WorkerInput));
}
