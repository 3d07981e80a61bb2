/**
 * What the language server needs from its host beyond the connection: path
 * arithmetic, the mapping between document URIs and paths, and reading the
 * workspace's files. The analysis and the features never touch Node or the
 * browser directly; the entry point injects one runtime at start-up, as
 * VS Code's CSS and HTML language servers do. `nodeRuntime.ts` reads the disk,
 * `browserRuntime.ts` asks the client, which reads through `workspace.fs`.
 */

/** Profiles and configs larger than this are refused unread: no real profile comes near this size. */
export const MAX_SOURCE_BYTES = 1_000_000;

/** The path functions the server uses; `node:path` has this shape, and so does `posixPaths`. */
export interface PathOps {
  readonly sep: string;
  dirname(path: string): string;
  basename(path: string): string;
  join(...paths: string[]): string;
  resolve(...paths: string[]): string;
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
}

export type FileKind = 'file' | 'directory' | 'other';

export interface FileInfo {
  kind: FileKind;
  size: number;
  /** Modification time in milliseconds; with the size, it tells whether a file changed. */
  mtime: number;
}

export interface SpecListing {
  /** Spec files under a folder, by path, in a stable order. */
  files: string[];
  /** Folders and files that could not be listed, with the reason. */
  unreadable: { path: string; reason: string }[];
}

/**
 * The workspace's files. Every method may be a round trip to the client, so
 * callers cache what they learn until the files change. Errors thrown say
 * why a file cannot be read, and never quote its content.
 */
export interface WorkspaceFiles {
  /** What is at `path`; undefined when nothing is. */
  stat(path: string): Promise<FileInfo | undefined>;
  /** A regular file of at most `maxBytes`, as UTF-8 text; throws an error that says why not. */
  readFile(path: string, maxBytes: number): Promise<string>;
  /** `path` with symbolic links resolved, so that confinement checks see where a file really is. */
  realPath(path: string): Promise<string>;
  /** Every spec file under `folder`. */
  findSpecs(folder: string): Promise<SpecListing>;
}

export interface ServerRuntime {
  paths: PathOps;
  /** The path of a document or folder URI; undefined for URIs that name no file (untitled documents). */
  uriToPath(uri: string): string | undefined;
  pathToUri(path: string): string;
  files: WorkspaceFiles;
  /** The user's name for new waivers when `carveout.reviewer` is empty; undefined when the host cannot tell. */
  reviewerName(): Promise<string | undefined>;
}
