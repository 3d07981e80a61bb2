/**
 * Workspace configs and profiles over real LSP: a broken `.carveout.yaml` or
 * profile is reported in its own file at the exact characters, specs are
 * still checked with the built-in profile and say so on their first line,
 * and fixing the file on disk clears the fallback.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { GCP_SPEC, range, RUNTIME_SPEC } from './fixtures';
import { fileUri, makeWorkspace, withSession } from './lspSession';

const BUILTIN_TITLE = 'Microsoft–OpenAI cloud terms (public record)';
const workspaces: string[] = [];

function workspace(files: Record<string, string>): string {
  const root = makeWorkspace(files);
  workspaces.push(root);
  return root;
}

after(() => {
  for (const root of workspaces) rmSync(root, { recursive: true, force: true });
});

function summary(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => [d.code, d.severity, d.range]);
}

for (const pull of [false, true]) {
  const mode = pull ? 'pull' : 'push';

  describe(`workspace config and profiles (${mode})`, () => {
    it('reports a misspelt key in .carveout.yaml at the key, and falls back visibly on specs that are still checked', async () => {
      const root = workspace({ '.carveout.yaml': 'regime: 2026-04\nseverty:\n  api-exclusivity: warning\n', 'specs/gcp.pspec.md': GCP_SPEC });
      await withSession({ pull, folders: [root], settings: { debounceMs: 0 } }, async (session) => {
        const configUri = await session.open(readFileSync(join(root, '.carveout.yaml'), 'utf8'), { uri: fileUri(join(root, '.carveout.yaml')) });
        const configDiagnostics = await session.waitForDiagnostics(configUri, (d) => d.length > 0);
        assert.deepEqual(configDiagnostics, [
          {
            range: range(1, 0, 1, 7),
            severity: 1,
            code: 'profile-error',
            source: 'carveout',
            message: 'Unknown property "severty"; expected one of: profile, regime, asOf, severity, cloudAliases, ignore. Did you mean "severity"?',
          },
        ]);

        const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'specs', 'gcp.pspec.md')) });
        const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length === 2);
        const { data: _data, ...fallback } = diagnostics[0];
        assert.deepEqual(fallback, {
          range: range(0, 0, 0, 3),
          severity: 2,
          code: 'profile-error',
          source: 'carveout',
          message:
            `.carveout.yaml has 1 problem (line 2, column 1: Unknown property "severty"; expected one of: profile, regime, asOf, severity, cloudAliases, ignore. Did you mean "severity"?), ` +
            `so this spec is checked with the built-in profile "${BUILTIN_TITLE}" and without that file's settings.`,
          relatedInformation: [
            {
              location: { uri: fileUri(join(root, '.carveout.yaml')), range: range(1, 0, 1, 7) },
              message: 'Unknown property "severty"; expected one of: profile, regime, asOf, severity, cloudAliases, ignore. Did you mean "severity"?',
            },
          ],
        });
        // The config's regime is dropped with the rest of it, so the launch date's regime applies.
        assert.deepEqual(summary(diagnostics.slice(1)), [['api-exclusivity', 1, range(5, 0, 5, 36)]]);
      });
    });

    it('validates a profile named by .carveout.yaml when it is opened, and names it in the specs fallback warning', async () => {
      const profileText = 'id: broken\ntitle: Broken\n';
      const root = workspace({ '.carveout.yaml': 'profile: contract.carveout.yaml\n', 'contract.carveout.yaml': profileText, 'gcp.pspec.md': GCP_SPEC });
      await withSession({ pull, folders: [root], settings: { debounceMs: 0 } }, async (session) => {
        const profileUri = await session.open(profileText, { uri: fileUri(join(root, 'contract.carveout.yaml')) });
        const problems = await session.waitForDiagnostics(profileUri, (d) => d.length > 0);
        assert.deepEqual(
          problems.map((d) => [d.code, d.severity, d.range, d.message]),
          ['disclaimer', 'regimes', 'rules', 'frontMatter', 'vocabulary', 'surfaces'].map((key) => [
            'profile-error',
            1,
            range(0, 0, 0, 10),
            `Missing required property "${key}".`,
          ]),
        );

        const configUri = await session.open('profile: contract.carveout.yaml\n', { uri: fileUri(join(root, '.carveout.yaml')) });
        const configProblems = await session.waitForDiagnostics(configUri, (d) => d.length > 0);
        assert.deepEqual(
          configProblems.map((d) => [d.code, d.range, d.message]),
          [['profile-error', range(0, 9, 0, 31), 'The profile "contract.carveout.yaml" has 6 problems; using the built-in profile.']],
        );

        const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
        const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length === 2);
        assert.equal(
          diagnostics[0].message,
          `The profile "contract.carveout.yaml" named in .carveout.yaml has 6 problems (line 1, column 1: Missing required property "disclaimer".), ` +
            `so this spec is checked with the built-in profile "${BUILTIN_TITLE}".`,
        );
        assert.deepEqual(diagnostics[0].relatedInformation?.[0].location, { uri: fileUri(join(root, 'contract.carveout.yaml')), range: range(0, 0, 0, 10) });
        assert.deepEqual(summary(diagnostics.slice(1)), [['api-exclusivity', 1, range(5, 0, 5, 36)]]);
      });
    });

    it('drops the fallback warning once the config is fixed on disk and the client reports the change', async () => {
      const root = workspace({ '.carveout.yaml': 'regime: [2026-04\n', 'gcp.pspec.md': GCP_SPEC });
      await withSession({ pull, folders: [root], settings: { debounceMs: 0 } }, async (session) => {
        const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
        assert.deepEqual(
          (await session.waitForDiagnostics(specUri, (d) => d.length === 2)).map((d) => d.code),
          ['profile-error', 'api-exclusivity'],
        );
        writeFileSync(join(root, '.carveout.yaml'), 'regime: 2026-04\nseverity:\n  azure-first: error\n');
        await session.filesChanged([{ uri: fileUri(join(root, '.carveout.yaml')), type: 2 }]);
        const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length === 1 && d[0].code === 'azure-first', { version: 1 });
        // The config's regime and severity override both apply now.
        assert.deepEqual(summary(diagnostics), [['azure-first', 1, range(5, 0, 5, 36)]]);
      });
    });

    it('lets carveout.regime override the regime of .carveout.yaml', async () => {
      const root = workspace({ '.carveout.yaml': 'regime: 2026-04\n' });
      await withSession({ pull, folders: [root], settings: { debounceMs: 0, regime: '2025-10' } }, async (session) => {
        const specUri = await session.open(RUNTIME_SPEC, { uri: fileUri(join(root, 'runtime.pspec.md')) });
        const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length > 0);
        assert.deepEqual(diagnostics.map((d) => d.code), ['api-exclusivity']);
      });
    });

    it('falls back visibly when the carveout.profile setting names a missing file', async () => {
      const root = workspace({});
      await withSession({ pull, folders: [root], settings: { debounceMs: 0, profile: 'contracts/missing.yaml' } }, async (session) => {
        const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
        const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length === 2);
        assert.equal(diagnostics[0].code, 'profile-error');
        assert.equal(
          diagnostics[0].message,
          `Cannot read the profile "contracts/missing.yaml" set in carveout.profile (ENOENT: no such file or directory, stat '${join(root, 'contracts', 'missing.yaml')}'), ` +
            `so this spec is checked with the built-in profile "${BUILTIN_TITLE}".`,
        );
        assert.equal(diagnostics[1].code, 'api-exclusivity');
      });
    });

    it('checks a profile in the contract language as it is opened: a misspelt group with the nearest one, and a gap between regimes as a warning', async () => {
      const profileText = [
        'id: stores',
        'title: Stores',
        'extends: microsoft-openai',
        'disclaimer: No legal advice.',
        'confidence: [{id: signed, meaning: signed}]',
        'regimes:',
        '  - {id: one, title: One, from: 2025-01-01, until: 2025-06-30, summary: One.}',
        '  - {id: two, title: Two, from: 2025-08-01, summary: Two.}',
        'surfaces: [{id: game, title: game}]',
        'groups: [{id: pc-stores, title: PC stores, venues: [gog]}]',
        'rules:',
        '  - {id: pc, kind: contract, title: PC, regimes: [all], severity: error, description: PC., when: {venue: [pc-store]}}',
        'frontMatter: []',
        'vocabulary:',
        '  clouds: [{id: gog, name: GOG, aliases: [GOG]}]',
        '  surfaces: {game: [game]}',
        '  customers: {}',
        '',
      ].join('\n');
      const root = workspace({ 'stores.carveout.yaml': profileText });
      await withSession({ pull, folders: [root], settings: { debounceMs: 0 } }, async (session) => {
        const uri = await session.open(profileText, { uri: fileUri(join(root, 'stores.carveout.yaml')) });
        const problems = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        assert.deepEqual(
          problems.map((d) => [d.severity, d.range, d.message]),
          [[1, range(11, 106, 11, 114), 'Unknown venue or group "pc-store"; vocabulary.clouds and groups define: gog, pc-stores. Did you mean "pc-stores"?']],
        );
        const fixed = profileText.replace('[pc-store]', '[pc-stores]');
        await session.change(uri, fixed);
        const warnings = await session.waitForDiagnostics(uri, (d) => d.length > 0 && d[0].severity === 2);
        assert.deepEqual(
          warnings.map((d) => [d.severity, d.range, d.message]),
          [[2, range(7, 32, 7, 42), 'No regime is in force from 2025-07-01 to 2025-07-31, between "one" and "two"; specs dated then get a no-regime finding.']],
        );
      });
    });
  });
}

describe('profile files that are not regular files', { skip: process.platform === 'win32' && 'FIFOs are POSIX' }, () => {
  it('a carveout.profile setting naming a FIFO falls back visibly instead of blocking the server', async () => {
    const root = workspace({});
    execFileSync('mkfifo', [join(root, 'profile.yaml')]);
    await withSession({ folders: [root], settings: { debounceMs: 0, profile: 'profile.yaml' } }, async (session) => {
      const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
      const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length === 2);
      assert.equal(
        diagnostics[0].message,
        `Cannot read the profile "profile.yaml" set in carveout.profile (it is a pipe, not a regular file), so this spec is checked with the built-in profile "${BUILTIN_TITLE}".`,
      );
    });
  });
});

describe('ignore globs', () => {
  it('match in linear time, so a glob that makes regular expressions backtrack cannot hang the server', async () => {
    const evil = '**/*a*a*a*a*a*a*a*a*a*a*a*b';
    const root = workspace({ '.carveout.yaml': `ignore: ["${evil}", "drafts/**"]\n` });
    await withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, `${'a'.repeat(120)}.pspec.md`)) });
      const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => d.code), ['api-exclusivity']);
    });
  });
});

describe('files a workspace config may name', () => {
  const secret = 'ghp_s3cr3tT0k3n';

  it('a profile outside the workspace folder is refused unread, and its text is never shown', async () => {
    const root = workspace({ '.git-credentials': `https://user:${secret}@github.com\n`, 'ws/.carveout.yaml': 'profile: ../.git-credentials\n' });
    const folder = join(root, 'ws');
    await withSession({ folders: [folder], settings: { debounceMs: 0 } }, async (session) => {
      const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(folder, 'gcp.pspec.md')) });
      const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length === 2);
      assert.equal(diagnostics[0].code, 'profile-error');
      assert.match(String(diagnostics[0].message), /Cannot read the profile "\.\.\/\.git-credentials" \(it is outside the workspace folder /);
      const configUri = await session.open('profile: ../.git-credentials\n', { uri: fileUri(join(folder, '.carveout.yaml')) });
      const configDiagnostics = await session.waitForDiagnostics(configUri, (d) => d.length > 0);
      assert.match(String(configDiagnostics[0].message), /it is outside the workspace folder/);
      assert.doesNotMatch(JSON.stringify([diagnostics, configDiagnostics]), new RegExp(secret));
    });
  });

  it('a .carveout.yaml above the workspace folder is not used', async () => {
    const root = workspace({ '.carveout.yaml': 'regime: 2019-07\n' });
    const folder = join(root, 'ws');
    await withSession({ folders: [folder], settings: { debounceMs: 0 } }, async (session) => {
      const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(folder, 'gcp.pspec.md')) });
      const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => d.code), ['api-exclusivity']);
    });
  });
});

describe('config documents in the editor', () => {
  it('re-checks specs when .carveout.yaml is saved in the editor, for clients that do not watch files', async () => {
    const root = workspace({ '.carveout.yaml': 'regime: 2025-10\n' });
    await withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const specUri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
      assert.deepEqual((await session.waitForDiagnostics(specUri, (d) => d.length > 0)).map((d) => d.code), ['api-exclusivity']);
      const configUri = await session.open('regime: 2025-10\n', { uri: fileUri(join(root, '.carveout.yaml')) });
      await session.change(configUri, 'regime: 2026-04\n');
      writeFileSync(join(root, '.carveout.yaml'), 'regime: 2026-04\n');
      await session.save(configUri);
      const diagnostics = await session.waitForDiagnostics(specUri, (d) => d.length > 0 && d[0].code === 'azure-first', { version: 1 });
      assert.deepEqual(summary(diagnostics), [['azure-first', 2, range(5, 0, 5, 36)]]);
    });
  });

  it('reports nothing on a spec that an ignore glob of .carveout.yaml excludes, as the CLI does', async () => {
    const root = workspace({ '.carveout.yaml': 'ignore: ["drafts/**"]\n', 'drafts/gcp.pspec.md': GCP_SPEC, 'gcp.pspec.md': GCP_SPEC });
    await withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const ignored = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'drafts', 'gcp.pspec.md')) });
      const checked = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
      assert.deepEqual(await session.waitForDiagnostics(ignored), []);
      assert.deepEqual((await session.waitForDiagnostics(checked, (d) => d.length > 0)).map((d) => d.code), ['api-exclusivity']);
      assert.deepEqual(await session.codeLenses(ignored), [
        { range: range(0, 0, 0, 0), command: { title: 'Carveout · not checked: ignored by .carveout.yaml', command: '' } },
      ]);
      const report = await session.request<{ specCount: number; markdown: string }>('carveout/exposureReport', { today: '2026-05-01' });
      assert.equal(report.specCount, 1);
      assert.ok(!report.markdown.includes('drafts/'));
    });
  });

  it('leaves other YAML files alone', async () => {
    const root = workspace({});
    await withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      const uri = await session.open('classification: api\nThe API is served from AWS.\n', { uri: fileUri(join(root, 'notes.yaml')) });
      assert.deepEqual(await session.waitForDiagnostics(uri), []);
      assert.deepEqual(await session.documentSymbols(uri), []);
      assert.deepEqual(await session.codeLenses(uri), []);
    });
  });
});

describe('file watching', () => {
  it('registers watchers for .carveout.yaml and *.carveout.yaml files, and for carveout settings', () =>
    withSession({ settings: { debounceMs: 0 } }, async (session) => {
      await session.waitFor('two registrations', () => session.registrations.length >= 2);
      const watchers = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(watchers?.registerOptions, { watchers: [{ globPattern: '**/.carveout.yaml' }, { globPattern: '**/*.carveout.yaml' }] });
      assert.ok(session.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
    }));

  it('watches a profile named by .carveout.yaml that the standard patterns miss', async () => {
    const root = workspace({ '.carveout.yaml': 'profile: contracts/acme.yaml\n', 'contracts/acme.yaml': 'id: acme\n' });
    await withSession({ folders: [root], settings: { debounceMs: 0 } }, async (session) => {
      await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
      const registration = await session.waitFor('a watcher for the named profile', () =>
        session.registrations.find((r) => JSON.stringify(r.registerOptions).includes('acme.yaml')),
      );
      assert.deepEqual(registration.registerOptions, {
        watchers: [{ globPattern: { baseUri: fileUri(join(root, 'contracts')), pattern: 'acme.yaml' } }],
      });
    });
  });
});

describe('workspace trust', () => {
  const builtinYaml = readFileSync(join(__dirname, '../../server/src/profile/builtin.profile.yaml'), 'utf8');
  const acme = builtinYaml.replace(/^id: .*$/m, 'id: acme').replace(/^title: .*$/m, 'title: Acme terms');

  for (const trusted of [true, false]) {
    it(`${trusted ? 'uses' : 'does not read'} the profile a .carveout.yaml names in ${trusted ? 'a trusted' : 'an untrusted'} workspace`, async () => {
      const root = workspace({ '.carveout.yaml': 'profile: acme.yaml\nregime: 2026-04\n', 'acme.yaml': acme, 'gcp.pspec.md': GCP_SPEC });
      await withSession({ folders: [root], settings: { debounceMs: 0 }, initializationOptions: { workspaceTrusted: trusted } }, async (session) => {
        const uri = await session.open(GCP_SPEC, { uri: fileUri(join(root, 'gcp.pspec.md')) });
        const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
        const summary = await session.request<{ profile: { title: string; fellBack: boolean }; regime: { id: string } }>('carveout/documentSummary', { uri });
        assert.deepEqual(summary.profile, trusted ? { id: 'acme', title: 'Acme terms', fellBack: false } : { id: 'microsoft-openai', title: BUILTIN_TITLE, fellBack: true });
        // The config's other settings still apply.
        assert.equal(summary.regime.id, '2026-04');
        const notice = diagnostics.find((d) => d.code === 'profile-error');
        if (trusted) assert.equal(notice, undefined);
        else {
          assert.equal(
            notice?.message,
            `Restricted Mode: the profile "acme.yaml" named in .carveout.yaml is not used until you trust this workspace, so this spec is checked with the built-in profile "${BUILTIN_TITLE}".`,
          );
        }
      });
    });
  }
});
