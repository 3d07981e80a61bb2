/**
 * The workspace walk behind the exposure report and the Exposure view: an
 * unchanged spec is taken from the last walk, a changed, opened or deleted
 * one is not, and a settings change analyses everything again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { analyzeWorkspace, type WorkspaceCache, type WorkspaceSources } from '../../server/src/features/analyzeWorkspace';
import { nodeRuntime } from '../../server/src/node/nodeRuntime';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import type { DocumentSettings } from '../../server/src/workspaceSettings/documentSettings';

const SPEC = '---\nclassification: api\nlaunch: 2025-11-03\n---\nThe API is served from AWS regions.\n';
const settings: DocumentSettings = { client: DEFAULT_SETTINGS, profile: loadBuiltinProfile(), options: {}, notices: [], fellBack: false, ignored: false };

describe('analyzeWorkspace', () => {
  it('takes unchanged specs from the last walk and analyses changed, opened and removed ones again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'carveout-walk-'));
    for (const name of ['a', 'b', 'c']) writeFileSync(join(root, `${name}.pspec.md`), SPEC);
    const cache: WorkspaceCache = new Map();
    const sources = (extra: Partial<WorkspaceSources> = {}): WorkspaceSources => ({
      runtime: nodeRuntime,
      folders: [{ uri: pathToFileURL(root).href, path: root, name: 'root' }],
      openDocuments: [],
      settingsOf: async () => settings,
      today: '2026-11-29',
      cache,
      generation: 1,
      ...extra,
    });
    const first = (await analyzeWorkspace(sources()))!.specs;
    assert.deepEqual(first.map((spec) => spec.path), ['a.pspec.md', 'b.pspec.md', 'c.pspec.md']);

    writeFileSync(join(root, 'b.pspec.md'), `${SPEC}More text.\n`);
    utimesSync(join(root, 'b.pspec.md'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(root, 'c.pspec.md'));
    const openA = { uri: pathToFileURL(join(root, 'a.pspec.md')).href, version: 3, getText: () => SPEC.replace('AWS', 'Google Cloud') };
    const second = (await analyzeWorkspace(sources({ openDocuments: [openA] })))!.specs;
    assert.equal(second.length, 2);
    assert.notEqual(second[0], first[0], 'an opened spec is read from the editor');
    assert.equal(second[0].uri, openA.uri);
    assert.notEqual(second[1], first[1], 'a changed file is analysed again');
    assert.deepEqual([...cache.keys()].sort(), [join(root, 'a.pspec.md'), join(root, 'b.pspec.md')], 'a removed file leaves the cache');

    const third = (await analyzeWorkspace(sources({ openDocuments: [openA] })))!.specs;
    assert.equal(third[0], second[0], 'an unchanged open spec is kept');
    assert.equal(third[1], second[1], 'an unchanged file is kept');
    const regenerated = (await analyzeWorkspace(sources({ openDocuments: [openA], generation: 2 })))!.specs;
    assert.notEqual(regenerated[1], third[1], 'new settings analyse everything again');
  });
});
