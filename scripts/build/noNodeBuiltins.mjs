// An esbuild plugin for the browser bundles: importing a Node built-in fails the build, naming the importer.
// esbuild's browser platform would stub some of them through a package's `browser` field, so the check is made
// on every import, before resolution.
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export function noNodeBuiltins(bundle) {
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // Subpaths count too: "fs/promises", "node:fs/promises".
        if (!BUILTINS.has(args.path) && !BUILTINS.has(args.path.split('/')[0])) return undefined;
        return { errors: [{ text: `${bundle} runs in a web worker and must not use the Node built-in "${args.path}" (imported by ${args.importer})` }] };
      });
    },
  };
}
