// zhucun.config.yaml (or .json): found in the working folder or the nearest parent, or named with --config.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { RuleFileError } from '../errors.js';
import type { ColumnAliases } from '../normalise/columns.js';
import { locatedSchemaErrors, parseLocated, type LocatedDocument } from '../ruleset/index.js';
import { newAjv } from '../ruleset/lazy-modules.js';
import type { Severity } from '../types.js';
import { configSchema } from './schema.js';

export type RuleSetting = 'off' | Severity | { readonly severity?: Severity | 'off'; readonly options?: Readonly<Record<string, number>> };

export interface Waiver {
  readonly rule: string;
  readonly villages: readonly string[];
  readonly people: readonly string[];
  readonly reason: string;
  readonly approvedBy: string;
  readonly document: string;
  readonly expires: string;
  /** Where it is written: `zhucun.config.yaml:12`. */
  readonly at: string;
}

export interface Config {
  readonly file: string | null;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly columns: ColumnAliases;
  /** Absolute paths. */
  readonly rulesDirs: readonly string[];
  readonly waivers: readonly Waiver[];
  /** For errors about a rule setting found later (an unknown rule id): its line. */
  readonly document: LocatedDocument | null;
}

export const CONFIG_NAMES = ['zhucun.config.yaml', 'zhucun.config.yml', 'zhucun.config.json'];

export const EMPTY_CONFIG: Config = { file: null, rules: {}, columns: {}, rulesDirs: [], waivers: [], document: null };

/** The nearest configuration file from `folder` up to the root, or null. */
export function findConfig(folder: string): string | null {
  for (let current = resolve(folder); ; current = dirname(current)) {
    const found = CONFIG_NAMES.map((name) => join(current, name)).find((path) => existsSync(path));
    if (found) return found;
    if (dirname(current) === current) return null;
  }
}

let validator: ValidateFunction | undefined;

export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RuleFileError({
      zh: `${file}: 配置文件不存在或无法读取`,
      en: `${file}: the configuration file does not exist or cannot be read`,
    });
  }
  const document = parseLocated(file, text);
  const value = document.value ?? {};
  validator ??= newAjv().compile(configSchema());
  if (!validator(value)) throw locatedSchemaErrors(document, validator.errors ?? []);
  const data = value as ConfigData;
  return {
    file,
    rules: data.rules ?? {},
    columns: data.columns ?? {},
    rulesDirs: (data.rulesDirs ?? []).map((folder) => resolve(dirname(file), folder)),
    waivers: (data.waivers ?? []).map((waiver, index) => ({
      ...waiver,
      villages: waiver.villages ?? [],
      people: (waiver.people ?? []).map((person) => person.toUpperCase()),
      at: `${file}:${document.position(['waivers', index]).line}`,
    })),
    document,
  };
}

interface ConfigData {
  rules?: Record<string, RuleSetting>;
  columns?: ColumnAliases;
  rulesDirs?: string[];
  waivers?: (Omit<Waiver, 'at' | 'villages' | 'people'> & { villages?: string[]; people?: string[] })[];
}
