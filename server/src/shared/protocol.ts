/**
 * Custom messages between the Carveout client and server, beyond LSP. Both
 * sides import these definitions, so a method name or shape cannot drift.
 */
export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
  waived: number;
}

export interface RegimeInfo {
  id: string;
  title: string;
  from: string;
  until?: string;
  summary: string;
}

export interface DocumentSummary {
  uri: string;
  /** The regime the document is judged under, and why. */
  regime: RegimeInfo & { reason: 'launch' | 'regime' | 'as-of' | 'today'; date?: string };
  /** Declared or inferred classification; absent when it cannot be told. */
  classification?: string;
  classificationDeclared: boolean;
  counts: SeverityCounts;
  /** The same document judged under every other regime of the profile, latest first; empty for specs over 100,000 characters. */
  comparison: { regime: RegimeInfo; counts: SeverityCounts }[];
  /** The profile in use, and whether it fell back to the built-in one because of errors. */
  profile: { id: string; title: string; fellBack: boolean };
}

/** `carveout/documentSummary`: the status-bar and code-lens numbers for one spec. */
export namespace DocumentSummaryRequest {
  export const method = 'carveout/documentSummary';
  export interface Params {
    uri: string;
  }
  export type Result = DocumentSummary | null;
}

/** `carveout/regimes`: the regimes of the profile that applies to a document (or the workspace). */
export namespace RegimesRequest {
  export const method = 'carveout/regimes';
  export interface Params {
    uri?: string;
  }
  export type Result = RegimeInfo[];
}

/**
 * `carveout/exposureReport`: every finding in the workspace's specs, as
 * Markdown grouped by clause, with waivers, for legal review.
 */
export namespace ExposureReportRequest {
  export const method = 'carveout/exposureReport';
  export interface Params {
    /** Today's date for the report header and waiver expiry; the server's clock when absent. */
    today?: string;
  }
  export interface Result {
    markdown: string;
    specCount: number;
    findingCount: number;
  }
}

/**
 * What the client sends in `initialize`: what decides the server's
 * capabilities or what it may read, so that a change restarts the server. A
 * client that sends nothing, as other editors do, gets no workspace
 * diagnostics and is taken as trusting its workspace, since they have no
 * Restricted Mode.
 */
export interface InitializationOptions {
  /** `carveout.workspaceDiagnostics`: list every spec in the workspace in Problems, not only the open ones. */
  workspaceDiagnostics?: boolean;
  /** False in VS Code's Restricted Mode: the workspace's `.carveout.yaml` cannot choose the profile. */
  workspaceTrusted?: boolean;
}

/** A waiver as the Exposure view shows it: who, until when, and whether it still counts. */
export interface WaiverInfo {
  approver?: string;
  approvedOn?: string;
  expires?: string;
  reference?: string;
  /**
   * `active` and `expiring` (within 30 days of today) silence the finding;
   * `expired` and `incomplete` (a field missing or a placeholder) do not.
   */
  status: 'active' | 'expiring' | 'expired' | 'incomplete';
}

export interface WorkspaceFinding {
  uri: string;
  /** The spec's path in the workspace, with forward slashes. */
  path: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  rule: string;
  ruleTitle: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** The spec's regime id; the result's `regimes` gives its title. */
  regime: string;
  /** The ids of the clauses cited that were in force under the spec's regime; the result's `clauses` gives their titles. */
  clauses: string[];
  /** The waiver that silences the finding, or the one before its statement that does not (expired or incomplete). */
  waiver?: WaiverInfo;
}

/**
 * `carveout/workspaceFindings`: every finding of every spec in the workspace
 * folders, open or not, for the Exposure view. Unchanged specs are not
 * analysed again, and their findings are not sent again to a client that has
 * them, so the view can follow every edit of a large workspace.
 */
export namespace WorkspaceFindingsRequest {
  export const method = 'carveout/workspaceFindings';
  export interface Params {
    /** The result id of each spec whose findings the client holds from an earlier listing. */
    known?: Record<string, string>;
  }
  export interface Result {
    today: string;
    specCount: number;
    /** The findings of every spec not in `unchanged`. */
    findings: WorkspaceFinding[];
    /** The specs whose findings are those the client holds; they are not sent again. */
    unchanged: string[];
    /** Each spec's result id, to send back as `known`. */
    resultIds: Record<string, string>;
    /** Titles of the regimes and clauses the findings name, each once: a workspace has thousands of findings and few clauses. */
    regimes: Record<string, string>;
    clauses: Record<string, string>;
    /** Specs found but not analysed, with the reason. */
    skipped: { path: string; reason: string }[];
  }
}

/** What a finding's diagnostic carries in `data`: the clauses it cites that are in force. */
export interface FindingData {
  clauses: string[];
}

/** Client command ids the server refers to (code lens). */
export const Commands = {
  showRegimeComparison: 'carveout.showRegimeComparison',
  restartServer: 'carveout.restartServer',
  exportExposureReport: 'carveout.exportExposureReport',
  selectRegime: 'carveout.selectRegime',
  newSpec: 'carveout.newSpec',
} as const;

/**
 * `carveout/ping`: answered at once by a server that is not busy. The
 * client's watchdog sends it now and then; analysis runs on the server's only
 * thread, so a server stuck in a loop cannot answer and is restarted.
 */
export namespace PingRequest {
  export const method = 'carveout/ping';
  export type Result = null;
}

/**
 * Reading the workspace through the client, for a server that cannot read
 * files itself (the web worker of vscode.dev and github.dev). The client
 * reads with `workspace.fs`, and only inside the workspace folders: a
 * regular file, not a symbolic link, within the size asked for. Errors say
 * why a file was not read and never quote it.
 */
export namespace FileStatRequest {
  export const method = 'carveout/fs/stat';
  export interface Params {
    uri: string;
  }
  /** Null when nothing is there, or it is outside the workspace folders. */
  export type Result = { kind: 'file' | 'directory' | 'other'; size: number; mtime: number } | null;
}

/** `carveout/fs/readFile`: a file's text, or why it was not read. */
export namespace ReadFileRequest {
  export const method = 'carveout/fs/readFile';
  export interface Params {
    uri: string;
    maxBytes: number;
  }
  /** `outsideWorkspace` marks the refusal of a file outside the workspace folders, which the desktop would have read. */
  export type Result = { text: string } | { error: string; outsideWorkspace?: boolean };
}

/** `carveout/fs/findSpecs`: the spec files under a workspace folder, by URI. */
export namespace FindSpecsRequest {
  export const method = 'carveout/fs/findSpecs';
  export interface Params {
    folderUri: string;
  }
  export interface Result {
    uris: string[];
  }
}
