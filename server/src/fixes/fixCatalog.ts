/**
 * Every fix id of the profile with its title and its edit planner. Rules in
 * a profile name fixes by id; this is the one place that maps an id to code.
 */
import type { Finding } from '../core/types';
import type { FixId } from '../profile/profileTypes';
import { addNatsecCustomer, customerCarveOut } from './addNatsecCustomer';
import { classifyNonApi } from './classifyNonApi';
import { declareFirstParty } from './declareFirstParty';
import type { FixContext, PlanEdits } from './fixTypes';
import { insertWaiver } from './insertWaiver';
import { homeShortName } from './profileNames';
import { serveOnHome } from './serveOnHome';

export interface FixEntry {
  title: (context: FixContext, finding: Finding) => string;
  plan: PlanEdits;
}

export const FIX_CATALOG: Record<FixId, FixEntry> = {
  'classify-non-api': {
    title: () => 'Reclassify as non-API (classification: non-api)',
    plan: classifyNonApi,
  },
  'declare-first-party': {
    title: () => 'Declare first-party (co-developed-with: [])',
    plan: declareFirstParty,
  },
  'serve-on-home': {
    title: (context) => `Serve on ${homeShortName(context.profile)}`,
    plan: serveOnHome,
  },
  'add-natsec-customer': {
    title: (context, finding) => {
      const carveOut = customerCarveOut(context, finding);
      return carveOut ? `Apply the ${carveOut.rule.title} (customers: ${carveOut.customer})` : 'Apply the customer carve-out';
    },
    plan: addNatsecCustomer,
  },
  'insert-waiver': {
    title: (_context, finding) => `Record a waiver for ${finding.rule}`,
    plan: insertWaiver,
  },
};
