/**
 * Dev-time tool: regenerates data/curated/stop-names.json, the names that must never be recognized.
 * Needs a built dist/kb.json and an English word list (Debian: apt-get install -y wamerican → /usr/share/dict/words).
 * Run: npx tsx scripts/make-stoplist.ts [path/to/words]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../server/src/service/kb/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = 'data/curated/stop-names.json';
const WORDS = process.argv[2] ?? '/usr/share/dict/words';

/** Ions, elements and small molecules that are everywhere in methods text. */
const CHEMICAL_BACKGROUND = [
  'sodium', 'calcium', 'potassium', 'chloride', 'zinc', 'water', 'oxygen', 'magnesium', 'iron', 'copper', 'hydrogen',
  'nitrogen', 'carbon', 'proton', 'protons', 'phosphate', 'sulfate', 'sulphate', 'bicarbonate', 'carbon dioxide',
  'carbon monoxide', 'nitric oxide', 'no', 'co', 'h2o', 'o2', 'co2', 'na+', 'k+', 'ca2+', 'cl-', 'mg2+', 'zn2+',
  // `alazocine HCl`, `fentanyl citrate`: the salt a drug is given as.
  'hcl', 'hbr', 'citrate', 'acetate', 'maleate', 'fumarate', 'tartrate', 'mesylate', 'besylate', 'tosylate', 'succinate',
  'hydrochloride', 'hydrobromide', 'oxalate', 'lactate', 'malate', 'bitartrate', 'dihydrochloride', 'sulfate salt',
];
/** Cell lines and laboratory words that GtoPdb lists as a target's synonym (`HEK` for EPHA3): methods text is full of them. */
const LABORATORY_WORDS = ['hek', 'hek293', 'hek-293', 'hek 293', 'cho', 'cho-k1', 'cos', 'cos-7', 'cos7', 'hela', 'pc12', 'sf9', 'sh-sy5y', 'mdck', 'jurkat', 'u2os', 'a549', 'hepg2', 'mcf-7', 'mcf7'];
/** Names GtoPdb gives several targets (checked by hand, also found by the shared-name rule where spelled alike). */
const AMBIGUOUS_TARGET_NAMES = ['glutamate receptor', 'cholinergic receptor', 'trk', 'htt', 'bromodomain'];
/** Dictionary words that are real drug, hormone or transmitter names: never stopped. */
const REAL_COMPOUND_WORDS = [
  'acth', 'amphetamine', 'aspirin', 'atp', 'caffeine', 'camphor', 'chloroform', 'cholesterol', 'cocaine', 'codeine',
  'cortisone', 'fentanyl', 'glycerol', 'histamine', 'ibuprofen', 'insulin', 'interferon', 'melanin', 'mescaline',
  'methadone', 'morphine', 'nicotine', 'nitroglycerin', 'noggin', 'phenobarbital', 'progesterone', 'quinine',
  'riboflavin', 'saccharin', 'streptomycin', 'strychnine', 'sucrose', 'testosterone', 'thiamine', 'urea', 'vip', 'epa',
  'serotonin', 'dopamine', 'acetylcholine', 'glutamate', 'glycine', 'adenosine', 'adrenaline', 'noradrenaline',
  'epinephrine', 'norepinephrine', 'melatonin', 'oxytocin', 'vasopressin', 'lithium', 'amitriptyline',
  'acetaminophen', 'heroin', 'niacin', 'adrenalin', 'lsd', 'penicillin', 'aspirin', 'warfarin', 'digitalis',
];

function curatedAliases(): Set<string> {
  const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  const aliases = new Set<string>();
  for (const t of read('data/curated/targets.json').targets) {
    for (const n of [t.name, t.abbreviation, ...(t.synonyms ?? [])]) if (n) aliases.add(n.toLowerCase());
  }
  for (const c of read('data/curated/compounds.json').compounds) {
    for (const n of [c.name, ...c.synonyms, ...(c.brandNames ?? [])]) aliases.add(n.toLowerCase());
  }
  return aliases;
}

function namesOf(entry: { name: string; abbreviation?: string; synonyms: string[] }): string[] {
  return [entry.name, entry.abbreviation, ...entry.synonyms].filter((n): n is string => !!n);
}

function main(): void {
  const kb = JSON.parse(readFileSync(join(ROOT, 'dist/kb.json'), 'utf8')) as KnowledgeBase;
  const wordList = readFileSync(WORDS, 'utf8').split('\n').filter((w) => w && !w.includes("'"));
  const words = new Set(wordList.map((w) => w.toLowerCase()));
  // `Prozac`, `Valium`: the word list spells them only with a capital; as a brand name they name the drug.
  const lowerCaseWords = new Set(wordList.filter((w) => w === w.toLowerCase()));
  const brandNames = new Set(kb.compounds.flatMap((c) => c.brandNames ?? []).filter((b) => !lowerCaseWords.has(b.toLowerCase())).map((b) => b.toLowerCase()));
  const keep = new Set([...curatedAliases(), ...REAL_COMPOUND_WORDS, ...brandNames]);
  const imported = kb.targets.filter((t) => t.type !== 'group' && t.type !== 'complex');

  const byRule: Record<string, Set<string>> = {
    'English dictionary word used as a target or compound name': new Set(),
    'one- or two-letter name': new Set(),
    'synonym shared by several GtoPdb targets (and no target’s own name)': new Set(),
    'ion / element / small background molecule (hand list)': new Set(CHEMICAL_BACKGROUND),
    'ambiguous target name (hand list)': new Set(AMBIGUOUS_TARGET_NAMES),
    'cell line or laboratory word (hand list)': new Set(LABORATORY_WORDS),
  };
  const owners = new Map<string, Set<string>>();
  /** A target's own name or abbreviation: when several targets share it, the recognizer can still prefer its owner. */
  const primaryNames = new Set(imported.flatMap((t) => [t.name, t.abbreviation ?? ''].map((n) => n.toLowerCase())));
  const candidates = new Set<string>();
  for (const target of imported) {
    for (const name of namesOf(target)) {
      const key = name.toLowerCase();
      candidates.add(key);
      owners.set(key, (owners.get(key) ?? new Set()).add(target.id));
    }
  }
  for (const compound of kb.compounds) for (const name of namesOf(compound)) candidates.add(name.toLowerCase());

  for (const name of candidates) {
    if (words.has(name)) byRule['English dictionary word used as a target or compound name'].add(name);
    if ([...name].length <= 2 && !/\d/.test(name)) byRule['one- or two-letter name'].add(name);
    if ((owners.get(name)?.size ?? 0) > 1 && !primaryNames.has(name)) byRule['synonym shared by several GtoPdb targets (and no target’s own name)'].add(name);
  }
  const names = new Set<string>();
  const counts: Record<string, number> = {};
  for (const [rule, set] of Object.entries(byRule)) {
    const kept = [...set].filter((n) => !keep.has(n));
    counts[rule] = kept.length;
    kept.forEach((n) => names.add(n));
  }
  const output = {
    _comment: [
      'GENERATED by scripts/make-stoplist.ts (dev-time; do not edit by hand, change the script and rerun).',
      `Candidates: every name, abbreviation and synonym of the ${imported.length} GtoPdb targets and ${kb.compounds.length} compounds in dist/kb.json.`,
      'A candidate is stopped when it is an English word (Debian wamerican /usr/share/dict/words), has one or two letters, or is a synonym of more than one GtoPdb target and no target’s own name or abbreviation;',
      'hand lists add ions/elements and known ambiguous target names. Curated aliases (data/curated/targets.json, compounds.json: e.g. H1, M1, NET, DAT) and real drug/transmitter names are never stopped:',
      'the recognizer matches short curated acronyms case-sensitively instead.',
    ].join(' '),
    rules: counts,
    names: [...names].sort(),
  };
  writeFileSync(join(ROOT, OUTPUT), JSON.stringify(output, null, 2) + '\n');
  console.log(`wrote ${OUTPUT}: ${output.names.length} names`, counts);
}

main();
