// Every check kind, by the name rule files use in `check:`.
import { count } from './count.js';
import { dateSpan } from './date-span.js';
import { equals } from './equals.js';
import { idMatchesPerson } from './id-matches-person.js';
import { idNumber } from './id-number.js';
import type { CheckKind } from './kind.js';
import { required } from './required.js';
import { unique } from './unique.js';
import { valueFormat } from './value-format.js';
import { villageExists } from './village-exists.js';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [count, dateSpan, equals, idMatchesPerson, idNumber, required, unique, valueFormat, villageExists].map((kind) => [kind.name, kind]),
);
