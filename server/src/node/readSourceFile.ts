/**
 * Reads a profile or `.carveout.yaml` from disk. The file is opened without
 * blocking and checked before anything is read: a FIFO would block forever
 * and a device such as `/dev/zero` never ends, so only a regular file within
 * the size limit is read, and never more than the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { MAX_SOURCE_BYTES } from '../runtime/serverRuntime';

/** Reads a regular file of at most `maxBytes` as UTF-8; throws an error that says why not. */
export function readSourceFile(file: string, maxBytes = MAX_SOURCE_BYTES): string {
  checkStats(statSync(file), maxBytes);
  // The file may be replaced between the check and the open, so the open cannot block either and the check is repeated on
  // what was opened: O_NONBLOCK makes opening a FIFO return at once, and changes nothing for a regular file.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const { size } = checkStats(fstatSync(fd), maxBytes);
    // Room for the file as it was, and one byte more that shows whether it grew; a file that grew gets more room,
    // up to one byte past the limit, which shows that it grew past it. Specs are read with a limit of megabytes, so
    // the buffer is not made that large for every small file.
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (let read = -1; read !== 0; length += read) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) break;
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > maxBytes) throw new Error(`it has more than ${maxBytes} bytes; larger files are not read`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

function checkStats(stats: Stats, maxBytes: number): Stats {
  if (!stats.isFile()) throw new Error(`it is ${kindOf(stats)}, not a regular file`);
  if (stats.size > maxBytes) throw new Error(`it has ${stats.size} bytes; files over ${maxBytes} bytes are not read`);
  return stats;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}
