/**
 * The `add-natsec-customer` fix: add the national-security segment to
 * `customers`, for a reviewer who confirms the product serves only those
 * customers. The carve-out covers a product only when every customer it
 * serves is in its segment, so the fix is offered only where the list would
 * then hold nothing else.
 */
import type { Finding, Statement } from '../core/types';
import type { Rule } from '../profile/profileTypes';
import type { FixContext, PlannedEdit } from './fixTypes';
import { findEntry } from './frontMatterEntry';
import { insertKeyLine } from './insertKey';
import { appendItem } from './listEdits';
import { resolveCustomer } from './profileNames';

export interface CustomerCarveOut {
  rule: Rule;
  /** The segment the fix adds: the first one the carve-out names. */
  customer: string;
}

/** The first carve-out of the finding that turns on customer segments and is in force in the regime. */
export function customerCarveOut(context: FixContext, finding: Finding): CustomerCarveOut | undefined {
  const regime = context.analysis.regime.id;
  for (const id of finding.carveOuts) {
    const rule = context.profile.rules.find((candidate) => candidate.id === id);
    const customers = rule?.when?.customer;
    if (rule && customers && customers.length > 0 && rule.regimes.includes(regime)) return { rule, customer: customers[0] };
  }
  return undefined;
}

function statementOf(context: FixContext, finding: Finding): Statement | undefined {
  return context.analysis.statements.find((statement) => statement.span.start === finding.span.start && statement.span.end === finding.span.end);
}

export function addNatsecCustomer(context: FixContext, finding: Finding): PlannedEdit[] {
  const carveOut = customerCarveOut(context, finding);
  if (!carveOut) return [];
  // Customers the statement names itself win over the front matter, so the list would not help.
  if ((statementOf(context, finding)?.facets.customers.length ?? 0) > 0) return [];
  const { text, profile, analysis } = context;
  const entry = findEntry(analysis, 'customers');
  if (!entry) return insertKeyLine(text, analysis, `customers: [${carveOut.customer}]`);
  const allowed = carveOut.rule.when!.customer!;
  const current = entry.values.map((value) => resolveCustomer(profile, value));
  if (current.includes(carveOut.customer)) return [];
  if (!current.every((id) => id !== undefined && allowed.includes(id))) return [];
  return appendItem(text, entry, carveOut.customer);
}
