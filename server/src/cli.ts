/** Entry point of the `carveout` command. */
import { main } from './cli/main';

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
