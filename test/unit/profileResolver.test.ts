/** The editor's profile resolution counts a profile's base files as named, so they are watched and checked as profiles too. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeRuntime } from '../../server/src/node/nodeRuntime';
import { ProfileResolver } from '../../server/src/workspaceSettings/profileResolver';

test('a profile named by .carveout.yaml and the file it extends are both named profiles', async () => {
  const root = mkdtempSync(join(tmpdir(), 'carveout-resolver-'));
  try {
    writeFileSync(join(root, '.carveout.yaml'), 'profile: child.yaml\n');
    writeFileSync(join(root, 'child.yaml'), 'id: child\ntitle: Child\nextends: ./base.yaml\nwaiverDays: 9\n');
    writeFileSync(join(root, 'base.yaml'), 'id: base\ntitle: Base\nextends: microsoft-openai\nwaiverDays: 30\n');
    writeFileSync(join(root, 'spec.pspec.md'), '# Spec\n');
    const resolver = new ProfileResolver(nodeRuntime);
    const choice = await resolver.resolve({ documentPath: join(root, 'spec.pspec.md'), folderPath: root, settingProfile: '' });
    assert.deepEqual([choice.profile.id, choice.profile.waiverDays], ['child', 9]);
    assert.deepEqual([resolver.isNamedProfile(join(root, 'child.yaml')), resolver.isNamedProfile(join(root, 'base.yaml'))], [true, true]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
