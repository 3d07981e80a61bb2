/**
 * The user's git `user.name`, which fills the approver of a new waiver when
 * `carveout.reviewer` is empty. Only the user's own global git config is read
 * (`--global`, run from the home folder), never a repository's, so a
 * workspace cannot choose the name. Asked once per server; any failure (no
 * git, no name, a slow answer) gives undefined.
 */
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';

let asked: Promise<string | undefined> | undefined;

export function gitUserName(): Promise<string | undefined> {
  asked ??= new Promise((resolve) => {
    execFile('git', ['config', '--global', '--get', 'user.name'], { cwd: homedir(), timeout: 2000, windowsHide: true }, (error, stdout) => {
      const name = error ? '' : stdout.trim();
      resolve(name.length > 0 && name.length <= 200 ? name : undefined);
    });
  });
  return asked;
}
