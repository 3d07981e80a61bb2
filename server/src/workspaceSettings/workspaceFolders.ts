/**
 * The workspace folders the client reported, as file-system paths. Relative
 * `carveout.profile` paths resolve against the folder that holds a document,
 * and the exposure report walks every folder.
 */
import type { WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { ServerRuntime } from '../runtime/serverRuntime';

export interface Folder {
  uri: string;
  name: string;
  path: string;
}

export class WorkspaceFolders {
  private folders: Folder[] = [];

  constructor(private readonly runtime: ServerRuntime) {}

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = [];
    for (const folder of folders ?? []) this.add(folder);
  }

  change(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => folder.uri));
    this.folders = this.folders.filter((folder) => !removed.has(folder.uri));
    for (const folder of event.added) this.add(folder);
  }

  list(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder containing `path`, since folders may nest. */
  folderOf(path: string | undefined): Folder | undefined {
    if (path === undefined) return undefined;
    const sep = this.runtime.paths.sep;
    let best: Folder | undefined;
    for (const folder of this.folders) {
      const inside = path === folder.path || path.startsWith(folder.path.endsWith(sep) ? folder.path : folder.path + sep);
      if (inside && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  private add(folder: WorkspaceFolder): void {
    const path = this.runtime.uriToPath(folder.uri);
    // Folders on other schemes (virtual file systems) have no files to walk or resolve against.
    if (path !== undefined && !this.folders.some((known) => known.uri === folder.uri)) this.folders.push({ uri: folder.uri, name: folder.name, path });
  }
}
