// Personal data in every output is masked unless --show-pii: 110105********123X, 138****5678.
// Applied to whole strings, so a number quoted from a cell is caught wherever it appears.

const ID_18 = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])(\d{6})\d{5}(\d{4})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPii(text: string): string {
  return text.replace(ID_18, '$1********$2').replace(ID_15, '$1*****$2').replace(MOBILE, '$1****$2');
}

/** An ID number as an entity: the first six and last four characters kept, whatever its length. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
