// An esbuild plugin for the Node bundles: the modules listed are not bundled but taken at run time from a browser
// bundle beside them, which exports them. The VSIX then carries the client's and the server's code once, in the
// browser bundles, instead of once per host.
//
// Each share names an import (`path`, optionally only from importers matching `importer`) and the export of the
// browser bundle that stands for it (`member`; the whole bundle when absent).
export function shareBundle(bundle, shares) {
  return {
    name: 'share-bundle',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.path === bundle) return { path: bundle, external: true };
        const index = shares.findIndex((share) => share.path === args.path && (!share.importer || share.importer.test(args.importer)));
        return index < 0 ? undefined : { path: String(index), namespace: 'shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => {
        const member = shares[Number(args.path)].member;
        return { contents: `module.exports = require(${JSON.stringify(bundle)})${member ? `.${member}` : ''};`, loader: 'js' };
      });
    },
  };
}
