// Waivers (豁免): approved exceptions that stop a finding from counting until they expire.
import { createHash } from 'node:crypto';
import type { Finding, RosterResult, WaiverReport } from '../types.js';
import type { Waiver } from './load-config.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').toUpperCase();
}

function covers(waiver: Waiver, finding: Finding): boolean {
  if (waiver.rule !== finding.ruleId) return false;
  const { villageCode, idNumber } = finding.entity;
  if (villageCode !== undefined && waiver.villages.includes(villageCode)) return true;
  if (idNumber === undefined || waiver.people.length === 0) return false;
  const id = idNumber.toUpperCase();
  return waiver.people.includes(id) || waiver.people.includes(sha256(id));
}

/** Live waivers move their findings to `waived`; an expired one waives nothing and says so. */
export function applyWaivers(
  rosters: readonly RosterResult[],
  waivers: readonly Waiver[],
  asOf: string,
): { rosters: RosterResult[]; waivers: WaiverReport[] } {
  const matched = new Map<Waiver, number>(waivers.map((waiver) => [waiver, 0]));
  const live = waivers.filter((waiver) => waiver.expires >= asOf);
  const expired = waivers.filter((waiver) => waiver.expires < asOf);
  const checked = rosters.map((roster) => {
    const findings: Finding[] = [];
    const waived: Finding[] = [...roster.waived];
    for (const finding of roster.findings) {
      for (const waiver of expired.filter((w) => covers(w, finding))) matched.set(waiver, matched.get(waiver)! + 1);
      const waiver = live.find((w) => covers(w, finding));
      if (waiver) matched.set(waiver, matched.get(waiver)! + 1);
      (waiver ? waived : findings).push(finding);
    }
    return { ...roster, findings, waived };
  });
  return {
    rosters: checked,
    waivers: waivers.map((waiver) => ({
      rule: waiver.rule,
      document: waiver.document,
      approvedBy: waiver.approvedBy,
      reason: waiver.reason,
      expires: waiver.expires,
      state: waiver.expires >= asOf ? 'live' : 'expired',
      matched: matched.get(waiver)!,
      at: waiver.at,
    })),
  };
}
