/**
 * Entry point of the `carveout` command. The same bundle also runs as the
 * worker thread that analyses a share of the specs when there are many.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyzeJobs, type WorkerInput } from './cli/analyzeSpecs';
import { main } from './cli/main';

if (isMainThread) {
  main(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }, __filename).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`carveout: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  parentPort!.postMessage(analyzeJobs(workerData as WorkerInput));
}
