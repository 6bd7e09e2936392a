// GitHub Actions workflow commands: one annotation per finding, on the roster's file and row.
//   ::error file=<path>,line=<row>,title=<rule id>: <title>::<sheet, row, column>: <message>
// A workbook's row alone does not say which sheet, so the message starts with the place.
import type { RosterResult, RuleMeta, RunResult, Severity } from '../types.js';
import { listFindings, placeText, waiverNote, WAIVED_WORDS, type Listed } from './listing.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, renderMessage, ruleIndex } from './render.js';

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message: `%`, CR and LF escaped as the runner expects. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as the message, and `:` and `,` too, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Property = readonly [key: string, value: string];

function command(name: string, properties: readonly Property[], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** A roster path as repositories (and SARIF) write one: forward slashes, no leading `./`. */
export function repositoryPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export const github: Reporter = {
  name: 'github',
  render(result, options) {
    const rules = ruleIndex(result.rules);
    const lines = result.rosters.flatMap((roster) => rosterCommands(roster, result, rules, options));
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};

function rosterCommands(roster: RosterResult, result: RunResult, rules: Map<string, RuleMeta>, options: ReporterOptions): string[] {
  const file = repositoryPath(roster.path);
  if (roster.failure) return [command('error', [['file', file]], localize(roster.failure.message, options))];
  return listFindings(roster, options).map((entry) => findingCommand(file, entry, result, rules.get(entry.finding.ruleId), options));
}

/** A waived finding is a notice whatever its severity: it does not fail the run. */
function findingCommand(file: string, { finding, waived }: Listed, result: RunResult, rule: RuleMeta | undefined, options: ReporterOptions): string {
  const title = `${finding.ruleId}: ${rule?.title[options.lang] ?? finding.ruleId}`;
  const text = `${placeText(finding.location, options.lang)}: ${renderMessage(rule, finding, options)}`;
  const properties: Property[] = [['file', file], ['line', String(finding.location.row)]];
  if (!waived) return command(COMMANDS[finding.severity], [...properties, ['title', title]], text);
  const marked = `${title} (${WAIVED_WORDS[options.lang]})`;
  return command('notice', [...properties, ['title', marked]], `${text} [${waiverNote(result.waivers, finding, options)}]`);
}
