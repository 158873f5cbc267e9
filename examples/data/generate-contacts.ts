/**
 * Writes examples/data/contacts.csv: 1,000 deterministic, realistic contacts for the `contacts-csv` example
 * flow, with five deliberately bad rows that must end up as rejects (bad e-mail, impossible date, missing
 * id, malformed quoting, wrong country code). Run: `npx tsx examples/data/generate-contacts.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Place { country: string; city: string; postal: string; streets: string[]; phone: string }

const PLACES: Place[] = [
  { country: 'DE', city: 'Berlin', postal: '10115', streets: ['Invalidenstraße', 'Torstraße', 'Chausseestraße'], phone: '+49 30' },
  { country: 'DE', city: 'München', postal: '80331', streets: ['Sendlinger Straße', 'Tal', 'Rosenstraße'], phone: '+49 89' },
  { country: 'AT', city: 'Wien', postal: '1010', streets: ['Graben', 'Kärntner Straße', 'Herrengasse'], phone: '+43 1' },
  { country: 'CH', city: 'Zürich', postal: '8001', streets: ['Bahnhofstrasse', 'Limmatquai', 'Rennweg'], phone: '+41 44' },
  { country: 'FR', city: 'Paris', postal: '75004', streets: ['Rue de Rivoli', 'Rue Saint-Antoine', 'Quai de l\'Hôtel de Ville'], phone: '+33 1' },
  { country: 'NL', city: 'Amsterdam', postal: '1012 JS', streets: ['Damrak', 'Kalverstraat', 'Prinsengracht'], phone: '+31 20' },
  { country: 'GB', city: 'London', postal: 'EC1A 1BB', streets: ['King Street', 'Baker Street', 'Fleet Street'], phone: '+44 20' },
  { country: 'US', city: 'Chicago', postal: '60601', streets: ['N Michigan Ave', 'W Randolph St', 'S State St'], phone: '+1 312' },
  { country: 'IT', city: 'Milano', postal: '20121', streets: ['Via Manzoni', 'Corso di Porta Nuova', 'Via Brera'], phone: '+39 02' },
  { country: 'PL', city: 'Kraków', postal: '31-042', streets: ['Floriańska', 'Grodzka', 'Szewska'], phone: '+48 12' },
];
const FIRST = ['Anna', 'Lukas', 'Sophie', 'Jonas', 'Emma', 'Noah', 'Léa', 'Hugo', 'Olivia', 'Liam', 'Chiara', 'Matteo', 'Zofia',
  'Jakub', 'Sanne', 'Daan', 'Charlotte', 'Oliver', 'Mia', 'Felix', 'Amélie', 'Jürgen', 'Björn', 'Émilie', 'Grace', 'Ethan'];
const LAST = ['Müller', 'Schmidt', 'Weber', 'Becker', 'Dubois', 'Lefèvre', 'Rossi', 'Bianchi', 'Kowalski', 'Nowak', 'de Vries',
  'Jansen', 'Smith', 'Taylor', 'Johnson', 'Brown', 'Gruber', 'Huber', 'Keller', 'Meier', 'O\'Brien', 'García', 'Schäfer'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.de'];
const COLUMNS = ['id', 'first_name', 'last_name', 'email', 'phone', 'birthday', 'street', 'city', 'postal_code', 'country', 'created_at'];

/** mulberry32: a tiny seeded generator, so the file is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20240615);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const ascii = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/[^A-Za-z]/g, '').toLowerCase();

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function contact(index: number): string[] {
  const place = pick(PLACES);
  const first = pick(FIRST);
  const last = pick(LAST);
  const id = String(10000 + index);
  let email = `${ascii(first)}.${ascii(last)}${index % 7 === 0 ? index : ''}@${pick(DOMAINS)}`;
  if (index % 11 === 0) email = ` ${email.replace(/^./, (c) => c.toUpperCase())} `;
  const birthday = `${int(1945, 2004)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const street = index % 9 === 0 ? `${pick(place.streets)} ${int(1, 120)}, Apt ${int(1, 40)}` : `${pick(place.streets)} ${int(1, 200)}`;
  const created = `20${int(19, 24)}-${pad(int(1, 12))}-${pad(int(1, 28))} ${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
  const phone = `${place.phone} ${int(1000000, 9999999)}`;
  return [id, first, last, email, phone, birthday, street, place.city, place.postal, place.country, created];
}

/** Rows that must be rejected, by position, each with the reason the flow gives. */
const BAD_ROWS: Record<number, (row: string[]) => string> = {
  120: (row) => { row[3] = 'martina.keller(at)example.de'; return row.map(csvField).join(','); },
  340: (row) => { row[5] = '1987-02-30'; return row.map(csvField).join(','); },
  515: (row) => { row[0] = ''; return row.map(csvField).join(','); },
  702: (row) => row.map((value, i) => (i === 1 ? '"Jo "JJ" Becker' : csvField(value))).join(','),
  888: (row) => { row[9] = 'DEU'; return row.map(csvField).join(','); },
};

const lines = [COLUMNS.join(',')];
for (let i = 1; i <= 1000; i++) {
  const row = contact(i);
  lines.push(BAD_ROWS[i] ? BAD_ROWS[i](row) : row.map(csvField).join(','));
}
const target = fileURLToPath(new URL('./contacts.csv', import.meta.url));
writeFileSync(target, lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 1} contacts to ${target}`);
