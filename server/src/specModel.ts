/**
 * One analysed version of an open spec: what every LSP feature module maps
 * to protocol types. Built once per document version and shared, so hovers,
 * code actions and lenses never re-run the analysis.
 */
import type { LineMap } from './core/lineMap';
import type { Analysis, AnalyzeOptions } from './core/types';
import type { Profile } from './profile/profileTypes';

export interface SpecModel {
  uri: string;
  version: number;
  text: string;
  lines: LineMap;
  profile: Profile;
  /** The options the analysis ran with (regime, as-of date, severity overrides). */
  options: AnalyzeOptions;
  analysis: Analysis;
}
