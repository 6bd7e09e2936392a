export { applyRuleSettings } from './apply-settings.js';
export { CONFIG_NAMES, EMPTY_CONFIG, findConfig, loadConfig, type Config, type RuleSetting, type Waiver } from './load-config.js';
export { configSchema } from './schema.js';
export { applyWaivers } from './waivers.js';
