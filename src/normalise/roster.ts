import type {
  Cadre,
  CadreFields,
  CadreKey,
  Category,
  KeyCountyList,
  LoadedRoster,
  RelocationScale,
  Roster,
  RosterRows,
  Source,
  Team,
  TeamMember,
  Village,
  VillageFields,
  VillageKey,
  VillageRow,
} from '../types.js';
import { CADRE_COLUMNS, VILLAGE_COLUMNS, type ColumnAliases, type ColumnSpec } from './columns.js';
import { aliasLookup, type HeaderMatch } from './header.js';
import { dataRows, NO_ROWS, type DataRow, type DataRows } from './rows.js';
import { meant } from './values.js';
import { findRosterSheets } from './sheets.js';
import { compactKey } from './text.js';

export interface NormaliseOptions {
  /** Extra header aliases per column key (a province's template). */
  readonly columns?: ColumnAliases;
  readonly keyCounties: KeyCountyList;
}

const ACTIVE_STATUS = '在岗';
const FIRST_SECRETARY_ROLES = new Set(['第一书记', '第一书记兼队长']);
const LEADER_ROLES = new Set(['队长', '第一书记兼队长']);
/** What decides a cadre's team and standing in it. A row with none of these filled belongs to no team. */
const TEAM_COLUMNS: ReadonlySet<CadreKey> = new Set(['teamId', 'villageCode', 'village', 'role', 'status']);
/** What names a village: its code, and its name for cadres that give no code. */
const VILLAGE_KEY_COLUMNS: ReadonlySet<VillageKey> = new Set(['villageCode', 'village']);

/**
 * Rows → a typed roster. Its rows, with their cells, are read from the sheet each time they are
 * asked for; the villages' facts and the teams are made from every row of their sheet, by the first
 * walk over all of it (see KeptFromWalk).
 */
export function normaliseRoster(loaded: LoadedRoster, options: NormaliseOptions): Roster {
  const lookups = {
    villages: aliasLookup(VILLAGE_COLUMNS, options.columns),
    cadres: aliasLookup(CADRE_COLUMNS, options.columns),
  };
  const found = findRosterSheets(loaded, lookups);
  const shared = new SharedValues();
  const villageRows = found.villages
    ? dataRows(found.villages.sheet, found.villages.header, specMap(VILLAGE_COLUMNS), (row) => toVillage(row, options.keyCounties, shared))
    : NO_ROWS;
  const villages = new KeptFromWalk(() => new VillageFacts(), villageRows);
  const villagesByCode = once(() => villagesByCodeOf(villages.get()));
  // Codes and names alone, without the facts when no walk has kept them, come from a walk over their two columns.
  const villageKeyRows = found.villages ? dataRows(found.villages.sheet, found.villages.header, specMap(VILLAGE_COLUMNS, VILLAGE_KEY_COLUMNS), toVillageKeys) : NO_ROWS;
  const villageKeys = (): Iterable<VillageKeys> => villages.kept() ?? villageKeyRows.all();
  const villageCodes = once(() => codesOf(villageKeys()));
  const villageCodesByName = once(() => villageCodesByNameOf(villageKeys()));
  const toCadreRow = (row: DataRow<CadreKey>) => toCadre(row, villageCodesByName);
  const cadreRows = dataRows(found.cadres.sheet, found.cadres.header, specMap(CADRE_COLUMNS), toCadreRow);
  // Without a walk over every cadre row to keep them from, teams are formed from the few columns that make them.
  const teamRows = dataRows(found.cadres.sheet, found.cadres.header, specMap(CADRE_COLUMNS, TEAM_COLUMNS), toCadreRow);
  const teams = new KeptFromWalk(() => new TeamBuilder(villagesByCode()), teamRows);
  const rows: RosterRows = {
    villages: () => villages.walk(villageRows),
    cadres: () => teams.walk(cadreRows),
    cadresWithoutTeams: () => cadreRows.all(),
    village: (row) => villageRows.at(row),
    cadre: (row) => cadreRows.at(row),
  };
  return {
    path: loaded.path,
    get villages() {
      return found.villages ? villages.get() : null;
    },
    get teams() {
      return teams.get();
    },
    get villagesByCode() {
      return villagesByCode();
    },
    get villageCodes() {
      return villageCodes();
    },
    get villageCodesByName() {
      return villageCodesByName();
    },
    rows,
    villageSheet: found.villages?.sheet.name ?? null,
    cadreSheet: found.cadres.sheet.name,
    villageFile: found.villages?.sheet.file ?? null,
    cadreFile: found.cadres.sheet.file,
    missing: {
      villages: found.villages ? missingKeys(VILLAGE_COLUMNS, found.villages.header) : [],
      cadres: missingKeys(CADRE_COLUMNS, found.cadres.header),
    },
    headers: {
      villages: found.villages ? headerTexts(found.villages.header) : {},
      cadres: headerTexts(found.cadres.header),
    },
    headerRows: {
      villages: found.villages ? found.villages.header.headerRow + 1 : null,
      cadres: found.cadres.header.headerRow + 1,
    },
    keyCountySource: options.keyCounties.file,
  };
}

/** What is made from every row of a sheet, one row at a time. */
interface Builder<Row, Made> {
  add(row: Row): void;
  made(): Made;
}

/**
 * Something made from every row of a sheet, kept from the first walk that goes over all of them:
 * the engine's walk over a sheet when it checks the roster, so that each sheet is read once; when
 * it is asked for before any such walk, a walk of its own.
 */
class KeptFromWalk<Row, Made> {
  private made: Made | undefined;

  constructor(
    private readonly builder: () => Builder<Row, Made>,
    private readonly ownRows: DataRows<Row>,
  ) {}

  /** What a walk has kept; undefined before one has gone to the end. */
  kept(): Made | undefined {
    return this.made;
  }

  get(): Made {
    if (this.made === undefined) {
      const builder = this.builder();
      for (const row of this.ownRows.all()) builder.add(row);
      this.made = builder.made();
    }
    return this.made;
  }

  /**
   * A walk over `rows` that, when it goes to their end, keeps what they make. `rows` may read more
   * columns than `ownRows` (every cadre column, where the teams need five): a builder makes the same
   * from either. The builder is made at the first row, so a walk never iterated asks nothing.
   */
  walk(rows: DataRows<Row>): Iterable<Row> {
    if (this.made !== undefined) return rows.all();
    let builder: Builder<Row, Made> | null = null;
    return rows.all({
      seen: (row) => (builder ??= this.builder()).add(row),
      ended: () => {
        this.made ??= (builder ?? this.builder()).made();
      },
    });
  }
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** The columns to read, by key: all of `specs`, or those of them in `only`. */
function specMap<K extends string>(specs: readonly ColumnSpec<K>[], only?: ReadonlySet<K>): Map<K, ColumnSpec<K>> {
  return new Map(specs.filter((spec) => only === undefined || only.has(spec.key)).map((spec) => [spec.key, spec]));
}

function missingKeys<K extends string>(specs: readonly ColumnSpec<K>[], header: HeaderMatch<K>): K[] {
  return specs.filter((spec) => !header.columns.has(spec.key)).map((spec) => spec.key);
}

function headerTexts<K extends string>(header: HeaderMatch<K>): Partial<Record<K, string>> {
  const texts = Object.create(null) as Partial<Record<K, string>>;
  for (const [key, column] of header.columns) texts[key] = column.text;
  return texts;
}

/** Where the rows of a sheet are: one object for every village or team member kept from it. */
interface SheetPlace {
  readonly file: string;
  readonly sheet: string;
}

function placeOf({ file, sheet }: Source): SheetPlace {
  return { file, sheet };
}

/**
 * A village's facts as kept for every village: without its cells, and its Source made when asked
 * for (a finding's), from the row and the sheet's place: half a million are kept.
 */
class KeptVillage implements Village {
  readonly kind = 'village';
  readonly code: string;
  readonly name: string;
  readonly categories: readonly Category[];
  readonly keyCounty: boolean;
  readonly lightTask: boolean;
  readonly relocationScale: RelocationScale | null;
  readonly coveringTeam: string;
  readonly countyCode: string;
  readonly province: string;
  readonly city: string;
  readonly county: string;
  // Private in JavaScript too: a village copied or written out (JSON) has its facts, not these.
  readonly #place: SheetPlace;
  readonly #row: number;

  constructor(village: VillageRow, place: SheetPlace) {
    this.#place = place;
    this.code = village.code;
    this.name = village.name;
    this.categories = village.categories;
    this.keyCounty = village.keyCounty;
    this.lightTask = village.lightTask;
    this.relocationScale = village.relocationScale;
    this.coveringTeam = village.coveringTeam;
    this.countyCode = village.countyCode;
    this.province = village.province;
    this.city = village.city;
    this.county = village.county;
    this.#row = village.source.row;
  }

  get source(): Source {
    return { ...this.#place, row: this.#row };
  }
}

/** Every village without its cells. */
class VillageFacts implements Builder<VillageRow, Village[]> {
  private readonly villages: Village[] = [];
  private place: SheetPlace | null = null;

  add(village: VillageRow): void {
    this.villages.push(new KeptVillage(village, (this.place ??= placeOf(village.source))));
  }

  made(): Village[] {
    return this.villages;
  }
}

type VillageKeys = Pick<Village, 'code' | 'name'>;

/** A village's code and name, read as toVillage reads them. */
function toVillageKeys(row: DataRow<VillageKey>): VillageKeys {
  const fields = row.fields as VillageFields;
  return { code: villageCodeOf(fields), name: villageNameOf(fields) };
}

// A row with neither code nor name is no village to name: the walk over those two columns skips it, and so do these.
function codesOf(villages: Iterable<VillageKeys>): Set<string> {
  const codes = new Set<string>();
  for (const village of villages) if (village.code !== '') codes.add(village.code);
  return codes;
}

function villagesByCodeOf(villages: readonly Village[]): Map<string, Village> {
  const byCode = new Map<string, Village>();
  for (const village of villages) byCode.set(village.code, village);
  return byCode;
}

/** Village codes by name, for cadres given by village name alone. */
function villageCodesByNameOf(villages: Iterable<VillageKeys>): Map<string, string | null> {
  const codes = new Map<string, string | null>();
  for (const village of villages) {
    if (village.name === '') continue;
    const name = compactKey(village.name);
    // Two villages of one name cannot be told apart by name: the code must be given.
    codes.set(name, codes.has(name) ? null : village.code);
  }
  return codes;
}

type SharedColumn = 'countyCode' | 'province' | 'city' | 'county';

/**
 * One object for each distinct value of the columns that repeat from village to village: a
 * national roster's half a million villages name a few thousand counties and category lists.
 */
class SharedValues {
  private readonly texts = new Map<string, string>();
  private readonly lists = new Map<string, readonly Category[]>();
  /** Each column's last text: the villages of a county come one after another, so most texts are the last one again. */
  private readonly last: Record<SharedColumn, string> = { countyCode: '', province: '', city: '', county: '' };

  text(column: SharedColumn, value: string): string {
    if (value === this.last[column]) return this.last[column];
    let known = this.texts.get(value);
    if (known === undefined) this.texts.set(value, (known = value));
    this.last[column] = known;
    return known;
  }

  categories(value: readonly Category[]): readonly Category[] {
    const key = value.length === 1 ? value[0]! : value.join('|');
    const known = this.lists.get(key);
    if (known !== undefined) return known;
    this.lists.set(key, value);
    return value;
  }
}

function toVillage(row: DataRow<VillageKey>, keyCounties: KeyCountyList, shared: SharedValues): VillageRow {
  const fields = row.fields as VillageFields;
  const code = villageCodeOf(fields);
  const countyCode = fields.countyCode?.value ?? code.slice(0, 6);
  return {
    kind: 'village',
    source: row.source,
    fields,
    code,
    name: villageNameOf(fields),
    categories: shared.categories(fields.categories?.value ?? []),
    keyCounty: isKeyCounty(fields, countyCode, keyCounties),
    lightTask: fields.lightTask?.value === true,
    relocationScale: fields.relocationScale?.value ?? null,
    coveringTeam: fields.coveringTeam?.raw ?? '',
    countyCode: shared.text('countyCode', countyCode),
    province: shared.text('province', fields.province?.raw ?? ''),
    city: shared.text('city', fields.city?.raw ?? ''),
    county: shared.text('county', fields.county?.raw ?? ''),
  };
}

function villageCodeOf(fields: VillageFields): string {
  return fields.villageCode?.value ?? fields.villageCode?.raw ?? '';
}

function villageNameOf(fields: VillageFields): string {
  return fields.village?.raw ?? '';
}

/** The roster's own 是否国家乡村振兴重点帮扶县, when filled, takes precedence over the reference list. */
function isKeyCounty(fields: VillageFields, countyCode: string, keyCounties: KeyCountyList): boolean {
  const own = fields.keyCounty;
  if (own && own.raw !== '' && own.value !== null) return own.value;
  return keyCounties.codes.has(countyCode);
}

function toCadre(row: DataRow<CadreKey>, codesByName: () => ReadonlyMap<string, string | null>): Cadre {
  const fields = row.fields as CadreFields;
  const role = meant(fields.role);
  const status = meant(fields.status);
  return {
    kind: 'cadre',
    source: row.source,
    fields,
    idNumber: fields.idNumber?.value ?? '',
    villageCode: cadreVillageCode(fields, codesByName),
    // Blank, or a misspelling with no likely meaning: the roster format's default is 在岗.
    active: status === null || status === ACTIVE_STATUS,
    firstSecretary: role !== null && FIRST_SECRETARY_ROLES.has(role),
    leader: role !== null && LEADER_ROLES.has(role),
  };
}

function cadreVillageCode(fields: CadreFields, codesByName: () => ReadonlyMap<string, string | null>): string {
  const code = fields.villageCode;
  if (code && code.raw !== '') return code.value ?? code.raw;
  const name = fields.village?.raw;
  return (name && codesByName().get(compactKey(name))) || '';
}

interface FormingTeam {
  readonly id: string | null;
  readonly members: TeamMember[];
}

/** Active cadres sharing a team id, or with no team ids the active cadres of one village. */
class TeamBuilder implements Builder<Cadre, Team[]> {
  /** Teams by their id; and the teams of the cadres the roster gives no team id, by village code. */
  private readonly byId = new Map<string, FormingTeam>();
  private readonly byVillage = new Map<string, FormingTeam>();
  /** In the order of their first members' rows. */
  private readonly inOrder: FormingTeam[] = [];
  private place: SheetPlace | null = null;

  constructor(private readonly villagesByCode: ReadonlyMap<string, Village>) {}

  add(cadre: Cadre): void {
    if (!cadre.active || cadre.villageCode === '') return;
    const id = cadre.fields.teamId?.raw || null;
    const teams = id === null ? this.byVillage : this.byId;
    const key = id ?? cadre.villageCode;
    const team = teams.get(key);
    if (team) team.members.push(this.memberOf(cadre));
    else {
      const formed = { id, members: [this.memberOf(cadre)] };
      teams.set(key, formed);
      this.inOrder.push(formed);
    }
  }

  made(): Team[] {
    return this.inOrder.map(({ id, members }) => {
      const activeMembers = members.slice(); // as long as the team: no room left to grow
      const villageCode = stationOf(activeMembers);
      return { kind: 'team', id, villageCode, village: this.villagesByCode.get(villageCode) ?? null, activeMembers };
    });
  }

  /** What a team keeps of a member: not the cells; the village code is the village's own string. */
  private memberOf({ source, villageCode, firstSecretary, leader }: Cadre): TeamMember {
    const code = this.villagesByCode.get(villageCode)?.code ?? villageCode;
    return new KeptMember((this.place ??= placeOf(source)), source.row, code, firstSecretary, leader);
  }
}

/** A team member as kept for every active cadre: its Source made when asked for, as a KeptVillage's. */
class KeptMember implements TeamMember {
  readonly #place: SheetPlace;
  readonly #row: number;

  constructor(
    place: SheetPlace,
    row: number,
    readonly villageCode: string,
    readonly firstSecretary: boolean,
    readonly leader: boolean,
  ) {
    this.#place = place;
    this.#row = row;
  }

  get source(): Source {
    return { ...this.#place, row: this.#row };
  }
}

/** A team is stationed in the village of its members; where they disagree, of most of them. */
function stationOf(members: readonly TeamMember[]): string {
  const first = members[0]!.villageCode;
  if (members.every((member) => member.villageCode === first)) return first;
  const counts = new Map<string, number>();
  for (const member of members) counts.set(member.villageCode, (counts.get(member.villageCode) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}
