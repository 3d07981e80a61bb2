/**
 * The e2e installer must behave the same by hand and under `npm test`. Under npm, the
 * outer run exports its own Node version, prefix, node-gyp and log level; code-server's
 * postinstall refused to build because of npm_config_user_agent. These tests run the
 * installer's environment cleaner in bash with such an environment.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';

const CLEANER = resolve(__dirname, '../e2e/lib/clean-npm-env.sh');

function cleanedEnv(env: Record<string, string>): Map<string, string> {
  const result = spawnSync('bash', ['-c', `source "${CLEANER}" && clean_npm_env && env -0`], {
    env,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  const entries = result.stdout.split('\0').filter(Boolean).map((line) => {
    const at = line.indexOf('=');
    return [line.slice(0, at), line.slice(at + 1)] as [string, string];
  });
  return new Map(entries);
}

const OUTER_NPM = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_prefix: '/usr',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_loglevel: 'silent',
  npm_config_nodedir: '/usr',
  npm_lifecycle_event: 'test:e2e',
  npm_package_name: 'carveout',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  NPM_CONFIG_GLOBALCONFIG: '/usr/etc/npmrc',
  INIT_CWD: '/repo',
};

test('every variable the outer npm exports is removed', () => {
  const env = cleanedEnv({ ...OUTER_NPM, PATH: '/usr/bin:/bin' });
  const left = [...env.keys()].filter((name) => /^npm_|^init_cwd$/i.test(name));
  assert.deepEqual(left, []);
});

test('network settings a user exported on purpose are kept', () => {
  const mine = {
    npm_config_registry: 'https://mirror.example/',
    'npm_config_@corp:registry': 'https://corp.example/',
    npm_config_https_proxy: 'http://proxy.example:3128',
    npm_config_cafile: '/etc/ssl/certs/ca.pem',
  };
  const env = cleanedEnv({ ...OUTER_NPM, ...mine, PATH: '/usr/bin:/bin' });
  for (const [name, value] of Object.entries(mine)) assert.equal(env.get(name), value, name);
});

test('the outer npm run\'s PATH additions are removed and the rest keeps its order', () => {
  const outer = ['/repo/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin'];
  // The shell may add entries of its own at start-up, so the expectation is the PATH the
  // shell started with, less the outer npm's entries.
  const result = spawnSync('bash', ['-c', `before=$PATH; source "${CLEANER}" && clean_npm_env && printf '%s\\n%s' "$before" "$PATH"`], {
    env: { PATH: [...outer, '/usr/local/bin', '/usr/bin', '/bin'].join(':') },
    encoding: 'utf8',
  });
  const [before, after] = result.stdout.split('\n');
  assert.ok(outer.every((entry) => before.split(':').includes(entry)));
  assert.equal(after, before.split(':').filter((entry) => !outer.includes(entry)).join(':'));
});
