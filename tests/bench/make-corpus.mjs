#!/usr/bin/env node
// make-corpus.mjs — writes the fixed bench corpora (issue 9), deterministically:
//   tests/bench/corpus/replies.jsonl   1,000 webcare replies, 40–280 UTF-16 units
//   tests/bench/corpus/mentions.jsonl  1,000 mentions aimed at Dutch brands
// Texts are assembled from varied Dutch building blocks (greetings, empathy,
// answers, promises, questions, sign-offs; complaints, praise, questions,
// plain remarks) with emoji, URLs, @handles, #hashtags, CAPS, elongation, so
// every rule family and cue is exercised. A seeded PRNG (mulberry32) makes the
// output byte-identical on every run: `node tests/bench/make-corpus.mjs`.
// The files are checked in; the bench only reads them.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../wasm/helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// --out DIR writes elsewhere (the smoke test checks the checked-in files are current).
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(HERE, 'corpus');
const N = 1000;
const MIN = 40;
const MAX = 280;

const rnd = mulberry32(0x9e3779b9);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const fill = (s, vars) => s.replace(/\{(\w+)\}/g, (_, k) => (typeof vars[k] === 'function' ? vars[k]() : vars[k]));

// ---- shared vocabulary ---------------------------------------------------
const NAMES = ['Sanne', 'Mark', 'Fatima', 'Jeroen', 'Lotte', 'Ahmed', 'Eva', 'Daan', 'Noor', 'Bram', 'Ilse',
  'Mohamed', 'Femke', 'Sven', 'Yara', 'Thijs', 'Esther', 'Kees', 'Priya', 'Ruud', 'Anouk', 'Joris', 'Marieke',
  'Wouter', 'Chantal', 'Bas', 'Zeynep', 'Henk', 'Lieke', 'Stijn'];
const AGENTS = ['Tom', 'Sanne', 'Pieter', 'Kevin', 'Yasmin', 'Lisa', 'Rick', 'Naomi', 'Jasper', 'Iris'];
const HANDLES = ['marieke_nl', 'jdevries', 'sannetje88', 'bramvdb', 'fatima_k', 'kees1972', 'noortje', 'daan_w',
  'lottelief', 'ahmed_r', 'evaaa', 'thijs__', 'priya_s', 'ruudje', 'stijn_070'];
const BRANDS = ['@KPN', '@NS_online', '@bolcom', '@Ziggo', '@PostNL', '@CoolblueNL', '@AlbertHeijn', '@Jumbo',
  '@Vodafone_NL', '@Eneco', '@ING_news', '@Rabobank', '@KLM', '@HEMA', '@Odido', '@DHLParcel_NL'];
const THINGS = ['pakket', 'bestelling', 'internet', 'wifi', 'factuur', 'trein', 'app', 'abonnement', 'retour',
  'koelkast', 'laptop', 'monteur', 'storing', 'levering', 'rekening', 'pinpas', 'vlucht', 'koffer', 'modem',
  'wasmachine', 'telefoon', 'bezorger', 'klantenservice', 'afspraak', 'aansluiting'];
const TIMES = ['vandaag voor 17:00', 'morgen voor 12:00', 'binnen twee werkdagen', 'vóór vrijdag',
  'vanmiddag nog', 'uiterlijk donderdag', 'binnen 24 uur', 'maandagochtend'];
const URLS = ['https://www.voorbeeld.nl/hulp', 'kpn.com/storingen', 'https://bol.com/retourneren',
  'www.ns.nl/klantenservice', 'https://t.co/a8Xk2LmQ9z', 'postnl.nl/ontvangen', 'https://www.hema.nl/service'];
const EMOJI_KIND = ['🙂', '😊', '👍', '🙏', '💙', '✨', '☺️'];
const EMOJI_BAD = ['😂', '😉', '🤷‍♀️', '🙃'];
const EMOJI_ANGRY = ['😡', '🤬', '😤', '🙄', '👎', '💩', '😠'];
const EMOJI_HAPPY = ['😍', '🥰', '🎉', '👏', '❤️', '😀', '🙌', '👍🏽'];
const EMOJI_SAD = ['😢', '😭', '😞', '😩'];

const V = {
  name: () => pick(NAMES),
  handle: () => pick(HANDLES),
  brand: () => pick(BRANDS),
  thing: () => pick(THINGS),
  time: () => pick(TIMES),
  url: () => pick(URLS),
  n: () => String(2 + Math.floor(rnd() * 12)),
  kind: () => pick(EMOJI_KIND),
  bad: () => pick(EMOJI_BAD),
  angry: () => pick(EMOJI_ANGRY),
  happy: () => pick(EMOJI_HAPPY),
  sad: () => pick(EMOJI_SAD),
  order: () => String(10000000 + Math.floor(rnd() * 89999999)),
  postcode: () => `${1000 + Math.floor(rnd() * 8999)} ${pick(['AB', 'KL', 'TX', 'GH', 'RS'])}`,
};

// ---- replies ---------------------------------------------------------------
const R_GREET = ['Hoi {name}, ', 'Hé {name}! ', 'Hallo {name}, ', 'Beste {name}, ', 'Dag {name}, ',
  'Goedemiddag {name}, ', '@{handle} ', '@{handle} Hoi {name}, ', 'Hi {name}, ', ''];
const R_OPEN = {
  angry: ['Wat vervelend dat je {thing} nog niet binnen is. ', 'Balen dat het zo loopt met je {thing}, dat snap ik. ',
    'Dit had niet zo mogen gaan, sorry daarvoor. ', 'Wat een gedoe met je {thing}, excuses! ',
    'Ik begrijp je frustratie over de {thing} heel goed. ', 'Vervelend om te lezen dat de {thing} weer hapert {sad}. ',
    'Zoals op onze site staat kun je de {thing} zelf volgen. ', 'Dat kan niet, onze {thing} is van de beste kwaliteit. ',
    'Het valt wel mee, dat hoort er nu eenmaal bij. ', 'Had je kunnen lezen in de mail. '],
  happy: ['Dank je wel voor je leuke bericht! ', 'Wat fijn om te horen {happy} ', 'Super, bedankt voor het compliment! ',
    'Top dat de {thing} zo snel bij je was. ', 'Wat leuk dat je dit deelt! ', 'Wauw, dankjewel {kind} '],
  question: ['Goede vraag! ', 'Dank voor je vraag over de {thing}. ', 'Ik zoek het even voor je uit. ', '',
    'Daar help ik je graag mee. '],
  neutral: ['Leuk dat je ons noemt. ', 'Bedankt voor het delen. ', 'Mooi om te zien! ', ''],
};
const R_BODY = ['De {thing} wordt {time} bezorgd. ', 'Je kunt de status volgen via {url} ',
  'Ik heb je {thing} net doorgezet naar de monteur, hij belt je {time}. ', 'We gaan er even naar kijken. ',
  'We zullen hier zeker naar kijken! ', 'Ik zet het door naar de juiste afdeling. ',
  'Middels deze weg willen wij u informeren dat de {thing} conform afspraak wordt vervangen. ',
  'Derhalve is bovengenoemde {thing} inzake uw klacht afgehandeld. ',
  'Alle andere klanten hebben hier geen last van. ', 'Stuur je klantnummer en adres even hier in de reactie. ',
  'Je ordernummer {order} staat bij ons genoteerd. ', 'Mail gerust naar klantenservice@voorbeeld.nl of bel 06-12345678. ',
  'Ik heb je postcode {postcode} 12 gecontroleerd. ', 'Er is een storing in jouw regio, die is {time} opgelost. ',
  'Een nieuwe {thing} gaat {time} naar je toe, zonder extra kosten. ', 'De retour is verwerkt; het geld staat binnen {n} dagen op je rekening. ',
  'Je kunt u ook melden bij de balie. ', 'SORRY, dit is ECHT niet de bedoeling!!! ', 'Haha {bad} dat gebeurt wel vaker. ',
  'Je kunt de {thing} ook zelf herstarten: stekker eruit, {n} seconden wachten. ',
  'De wachttijd is nu ongeveer {n} minuten, excuus daarvoor. ', 'Volgende week komt er een update van de app. ',
  'We hebben de {thing} vandaag opnieuw verstuurd, je krijgt een track & trace via sms. '];
const R_CLOSE = ['Stuur je ons even een DM met je ordernummer? ', 'Laat je weten of het gelukt is? ',
  'Kan ik verder nog iets voor je doen? ', 'Wil je ons een DM sturen, dan zoeken we het samen uit. ',
  'Hoe bevalt de {thing} verder? ', 'Fijne dag nog! ', 'Sorry nogmaals, sorry! ', ''];
const R_SIGN = ['^{agent}', 'Groet, {agent}', 'Groetjes, {agent}', '^{agent} {kind}', 'Met vriendelijke groet,\n{agent}',
  '{agent}', '', ''];
const TYPES = ['angry', 'angry', 'angry', 'question', 'question', 'happy', 'neutral'];
const PLATFORMS = ['x', 'x', 'x', 'facebook', 'linkedin'];

function reply(i) {
  const type = pick(TYPES);
  const agent = pick(AGENTS);
  const vars = { ...V, agent };
  const target = MIN + Math.floor(rnd() * (MAX - MIN + 1));
  for (;;) {
    const sign = fill(pick(R_SIGN), vars);
    const greet = fill(pick(R_GREET), vars);
    let open = fill(pick(R_OPEN[type]), vars);
    if (greet.endsWith(', ') && chance(0.7)) open = open.charAt(0).toLowerCase() + open.slice(1);
    let text = greet + open;
    const used = new Set();
    // add body sentences until near the target; never past MAX with the sign-off
    for (let k = 0; k < 8; k++) {
      const b = pick(R_BODY);
      if (used.has(b)) continue;
      used.add(b);
      const s = fill(b, vars);
      if ((text + s + sign).length > target) break;
      text += s;
    }
    const close = fill(pick(R_CLOSE), vars);
    if ((text + close + sign).length <= MAX) text += close;
    text = (text + sign).trim();
    if (text.length >= MIN && text.length <= MAX) {
      const platform = pick(PLATFORMS);
      return { id: `b${String(i + 1).padStart(4, '0')}`, text, platform, mention: { type }, agent };
    }
  }
}

// ---- mentions --------------------------------------------------------------
const M = {
  angry: ['{brand} al {n} dagen geen {thing}, dit is echt belachelijk {angry}', 'Wéér te laat die {thing} van {brand}. #fail',
    'Slechttttt {brand}. Bezorger zet de {thing} gewoon beneden neer, ik woon {n} hoog',
    'Nooit meer {brand}!!! {n} keer gebeld en niemand helpt me met mijn {thing}', 'WAT EEN WAARDELOZE SERVICE {brand} {angry}{angry}',
    'Lekker bezig {brand}, {thing} kapot en niemand neemt op 🙄', 'Top hoor {brand}, weer een storing. Bedankt voor niks.',
    '{brand} jullie {thing} is niet slecht maar de klantenservice is om te huilen', 'Godverdomme, {n} uur in de wacht bij {brand}',
    'Mijn {thing} is kwijt en {brand} zegt dat het bezorgd is. Kan ik mijn geld terugkrijgen? Belachelijk.',
    'Ik ben het zat met {brand}. Derde keer dat de {thing} niet werkt. #klantonvriendelijk',
    'Dit is toch niet normaal {brand}? Nog geen maand oud en de {thing} doet het al niet meer {sad}',
    'Fuck {brand}, {thing} weer vertraagd', 'Zo slecht geregeld bij {brand}, echt schandalig!!'],
  question: ['{brand} hoe kan ik mijn {thing} wijzigen?', 'Weet iemand of {brand} ook op zondag bezorgt',
    '{brand} wanneer wordt mijn {thing} geleverd? Bestelnummer staat in de mail', 'Kan ik bij {brand} mijn {thing} ruilen zonder bon?',
    'Hoi {brand}, is er een storing in Utrecht? Mijn {thing} doet niks', 'Vraagje {brand}: geldt de actie ook voor bestaande klanten',
    '{brand} waar vind ik de voorwaarden van de {thing}?', 'Iemand ervaring met de {thing} van {brand}? Twijfel nog',
    'Hoe lang duurt het voordat {brand} mijn retour verwerkt?', '{brand} is het mogelijk om de {thing} later te laten bezorgen?',
    'Is jullie winkel open op tweede paasdag {brand}?'],
  happy: ['Wat een topservice van {brand} {happy} {thing} binnen een dag geregeld!', 'Dank je wel {brand}, super geholpen vandaag',
    'Complimenten aan de bezorger van {brand}, altijd vriendelijk {happy}', '{brand} jullie zijn echt geweldig, dankjewel!',
    'Niet slecht {brand}, de nieuwe {thing} werkt perfect', 'Heel blij met mijn {thing} van {brand} #tevreden',
    'Snel, vriendelijk en goed geholpen door {brand}. Aanrader!', 'Wauw {brand}, dit had ik niet verwacht {happy}{happy}'],
  neutral: ['Vandaag met de trein naar Groningen.', 'ff naar {brand} voor een nieuwe {thing}, zo terug',
    '{brand} heeft een nieuwe app uitgebracht', 'Net mijn {thing} opgehaald bij {brand}', 'Zie ook {url}',
    'Morgen komt de monteur van {brand} langs voor de {thing}.', 'Artikel over {brand} in de krant vandaag',
    '@{handle} kijk, {brand} heeft de {thing} weer op voorraad', 'Overgestapt naar {brand}, eens kijken hoe dat gaat'],
};
const M_TAIL = [' #fail', ' #klantenservice', ' {angry}', ' {happy}', '!!!', '??', ' @{handle}', ' {url}', ' echt waar',
  ' Groetjes {name}', ' (al {n} weken!)', ' Zucht.', ' Iemand?', ' {sad}', ' Hou het kort aub.'];

function mention(i) {
  const type = pick(['angry', 'angry', 'question', 'question', 'happy', 'neutral', 'neutral']);
  const vars = { ...V };
  const target = 20 + Math.floor(rnd() * (MAX - 19));
  const first = pick(M[type]);
  const used = new Set([first]);
  let text = fill(first, vars);
  for (let k = 0; k < 10 && text.length < target; k++) {
    const t = chance(0.5) ? pick(M[type]) : pick(M_TAIL);
    if (used.has(t)) continue;
    used.add(t);
    const more = M_TAIL.includes(t) ? fill(t, vars) : ` ${fill(t, vars)}`;
    if ((text + more).length > MAX) break;
    text += more;
  }
  if (chance(0.08)) text = text.toUpperCase();
  return { id: `m${String(i + 1).padStart(4, '0')}`, text, platform: pick(PLATFORMS) };
}

mkdirSync(OUT, { recursive: true });
const replies = Array.from({ length: N }, (_, i) => reply(i));
const mentions = Array.from({ length: N }, (_, i) => mention(i));
const jsonl = (xs) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
writeFileSync(path.join(OUT, 'replies.jsonl'), jsonl(replies));
writeFileSync(path.join(OUT, 'mentions.jsonl'), jsonl(mentions));
const stats = (xs) => {
  const l = xs.map((x) => x.text.length).sort((a, b) => a - b);
  return `${xs.length} texts, ${l[0]}–${l[l.length - 1]} units, median ${l[l.length >> 1]}`;
};
console.log(`replies.jsonl:  ${stats(replies)}`);
console.log(`mentions.jsonl: ${stats(mentions)}`);
