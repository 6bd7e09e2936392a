// What every command of the CLI needs alike: repeatable options, today's date, colour, the
// configuration and the rules it configures.
import { applyRuleSettings, EMPTY_CONFIG, findConfig, loadConfig, type Config } from './config/index.js';
import { loadRuleSet, type Rule } from './ruleset/index.js';

/** Commander's collector for an option that may repeat. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Today on this machine's calendar: the CLI reads the clock, the checks never do. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Colour only on a terminal; NO_COLOR turns it off and FORCE_COLOR on. */
export function wantsColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal;
}

/** --config FILE, or the nearest zhucun.config.yaml from the working folder up; none is the empty configuration. */
export function configOf(flags: { config?: string }): Config {
  const file = flags.config ?? findConfig(process.cwd());
  return file === null ? EMPTY_CONFIG : loadConfig(file);
}

/** The built-in rules, the configuration's and the --rules folders, with the configuration's settings applied. */
export function configuredRules(flags: { config?: string; rules: readonly string[] }): Rule[] {
  const config = configOf(flags);
  return applyRuleSettings(loadRuleSet([...config.rulesDirs, ...flags.rules]).rules, config);
}
