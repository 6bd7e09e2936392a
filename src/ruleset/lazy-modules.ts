// ajv and yaml are needed only when a rule file or a configuration must be parsed and validated:
// the built-in rules are validated at build time, and most runs have no configuration. Loading
// them on first use keeps them out of every start (about 75 ms of a county check's 0.5 s).
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type * as YamlModule from 'yaml';

const require = createRequire(import.meta.url);

let ajv: typeof AjvModule | undefined;
let yaml: typeof YamlModule | undefined;

function ajvModule(): typeof AjvModule {
  ajv ??= require('ajv') as typeof AjvModule;
  return ajv;
}

export function yamlModule(): typeof YamlModule {
  yaml ??= require('yaml') as typeof YamlModule;
  return yaml;
}

/** A new Ajv as every validator here uses it: all errors, for located messages; not strict. */
export function newAjv(): AjvModule.Ajv {
  return new (ajvModule().Ajv)({ allErrors: true, strict: false });
}
