/**
 * What the user last did to each open document: when it last changed, and
 * its text when it was last opened or saved. Pull diagnostics use the first
 * to debounce typing and the second for `run: onSave`, where the editor must
 * keep showing the diagnostics of the saved text while the user types.
 */
import { snapshotOf, type DocumentSnapshot, type VersionedText } from './specModels';

interface Activity {
  openedVersion: number;
  lastChangeAt?: number;
  saved: DocumentSnapshot;
}

export class DocumentActivity {
  private readonly activity = new Map<string, Activity>();

  constructor(private readonly now: () => number = Date.now) {}

  opened(document: VersionedText): void {
    this.activity.set(document.uri, { openedVersion: document.version, saved: snapshotOf(document) });
  }

  changed(document: VersionedText): void {
    const entry = this.activity.get(document.uri);
    // The open itself is reported as a change too; it is not typing.
    if (entry && entry.openedVersion !== document.version) entry.lastChangeAt = this.now();
  }

  saved(document: VersionedText): void {
    const entry = this.activity.get(document.uri);
    if (entry) entry.saved = snapshotOf(document);
    else this.opened(document);
  }

  closed(uri: string): void {
    this.activity.delete(uri);
  }

  /** Milliseconds until `debounceMs` have passed since the last change; 0 when they have. */
  quietFor(uri: string, debounceMs: number): number {
    const last = this.activity.get(uri)?.lastChangeAt;
    if (last === undefined) return 0;
    return Math.max(0, last + debounceMs - this.now());
  }

  /** The text as last opened or saved. */
  savedSnapshot(uri: string): DocumentSnapshot | undefined {
    return this.activity.get(uri)?.saved;
  }
}
