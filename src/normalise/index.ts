export { normaliseRoster, type NormaliseOptions } from './roster.js';
export { CADRE_COLUMNS, VILLAGE_COLUMNS, type ColumnAliases, type ColumnSpec, type ValueType } from './columns.js';
