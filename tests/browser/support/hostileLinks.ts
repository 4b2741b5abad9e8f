import { encodeConfig } from '../../../src/config/codec';
import { decodeSweep } from '../../../src/config/sweepSpec';
import { decodeExperimentLink } from '../../../src/config/variants';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { createPrng } from '../../../src/random/prng';
import type { Repair } from '../../../src/config/repairs';
import { readViewFromHash } from '../../../src/store/viewStore';

/** Every repair the page lists for a link: the experiment's and the sweep's. */
export function linkRepairCount(hash: string): number {
  return decodeExperimentLink(hash).repairs.length + decodeSweep(hash).repairs.length;
}

/** Every repair the page's notice lists for a link, in its order (store/linkSync.ts readLink). */
export function pageRepairs(hash: string): Repair[] {
  const decoded = decodeExperimentLink(hash);
  return [...decoded.repairs, ...readViewFromHash(hash).repairs, ...decodeSweep(hash).repairs];
}

/**
 * One link that needs many kinds of repair at once (unknown key and variant, bad numbers, names,
 * flags, layers, a parameter on a kind without one, a key for another optimizer, the view keys),
 * and compares runs whose initial weights are scaled (B) or differ (C).
 */
export const MANY_REPAIRS_LINK =
  '#lr=banana&act=sigmoidal&layers=abc,32x2&clip=none:3&b.mom=0.5&opt=adam&b1=1&eps=0' +
  '&n=1e12&bias=maybe&v=7&colour=red&e.lr=1&b.gain=2&c.seed=3&view=sideways&at=0' +
  '&lesson=nope&smooth=2&sweepsteps=0';

/** Hand-written broken and hostile links, each of which needs at least one repair. */
export const HAND_WRITTEN_LINKS: readonly string[] = [
  '#v=1&lr=banana',
  '#v=1&lr=NaN',
  '#v=1&lr=Infinity',
  '#v=1&lr=-Infinity',
  '#v=1&lr=1e999',
  '#v=1&lr=-5',
  '#v=1&gain=0',
  '#v=1&layers=99999x99999',
  '#v=1&layers=256x64',
  '#v=1&layers=-3,0,abc',
  '#v=1&batch=100000',
  '#v=1&n=1e12',
  '#v=1&steps=1e40',
  '#v=1&act=<script>alert(1)</script>',
  '#v=1&act=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '#v=1&data=%3Csvg%20onload%3Dalert(document.domain)%3E',
  '#v=1&init=javascript:alert(1)',
  '#v=1&opt=<b>bold</b>',
  '#v=1&clip=globalNorm:<img src=http://example.invalid/x.png>',
  '#v=1&<iframe src=http://example.invalid>=1',
  '#v=1&__proto__=1',
  '#v=1&__proto__[polluted]=yes',
  '#v=1&constructor=1&prototype=2',
  '#v=2&lr=0.1',
  '#v=0&act=relu',
  '#v=abc',
  '#v=1&v=1&lr=0.1&lr=0.2',
  '#v=1&lr=0.1&bogus=1&other=2',
  '#v=1&clip=globalNorm:abc',
  '#v=1&clip=globalNorm:-1',
  '#v=1&clip=sideways:1',
  '#v=1&clip=auto:0',
  '#v=1&clip=auto:-5',
  '#v=1&clip=auto:1e999',
  '#v=1&clip=auto:abc',
  '#v=1&b.clip=auto:<script>alert(1)</script>',
  '#v=1&init=normal:-1',
  '#v=1&init=orthogonal:1e9',
  '#v=1&opt=adam&b1=1&b2=2&eps=0',
  '#v=1&opt=sgd&b1=0.9',
  '#v=1&b.lr=banana',
  '#v=1&b.clip=globalNorm:<img src=x onerror=alert(1)>',
  '#v=1&b.__proto__=1&c.constructor=2',
  '#v=1&e.lr=0.1&z.clip=none',
  '#v=1&b.layers=99999x99999',
  '#v=1&b.bogus=1&c.v=2',
  '#v=1&b.lr=0.1&b.lr=0.2&d.act=<script>alert(1)</script>',
  '#v=1&maxnorm=-1',
  '#v=1&prune=NaN',
  '#v=1&seed=-1',
  '#v=1&seed=99999999999999999999',
  '#v=1&noise=%',
  '#v=1&noise=%ZZ',
  '#v=1&test=0.9',
  '#v=1&bias=maybe',
  '#v=1&lr=0x10',
  '#v=1&lr=1,5',
  '#v=1&lr=%00',
  '#v=1&dseed=%F0%9F%92%A5',
  '#v=1&sweep=bogus:1..2:3',
  '#v=1&sweep=gain:0..1e999:99999',
  '#v=1&sweep=gain:4..0.25:13,depth:2..48:12,lr,clip',
  '#v=1&sweep=<img src=x onerror=alert(1)>:1..2',
  '#v=1&sweep=__proto__:1..2:3&sweepsteps=-1',
  '#v=1&sweep=depth:NaN..Infinity:3',
  '#v=1&sweepsteps=1e9',
  '#v=1&sweep=gain,gain&sweep=',
  '#v=1&act=' + 'A'.repeat(5000),
  '#' + 'x=1&'.repeat(12_000),
  '#' + 'junk'.repeat(10_000),
  // View keys: what the charts show and the lesson; each is repaired with a notice.
  '#v=1&lr=banana&view=sideways',
  '#v=1&lr=-1&view=%3Cscript%3Ealert(1)%3C%2Fscript%3E&at=-1',
  '#v=1&act=x&at=1e999&lesson=__proto__',
  '#v=1&seed=-1&lesson=<img src=x onerror=alert(1)>',
  // Recurrent keys: repaired like the rest; a recurrent link opens the page in recurrent mode.
  '#v=1&model=rnn&T=1&units=0',
  '#v=1&model=<script>alert(1)</script>',
  '#v=1&model=rnn&cell=<img src=x onerror=alert(1)>&T=1e999&units=-4',
  '#v=1&model=rnn&rinit=orthogonal:NaN&b.cell=lstm&c.model=mlp',
  '#v=1&cell=lstm&T=100&units=16&rinit=identity:1',
  '#v=1&model=rnn&cell=lstm&fbias=1e999&b.fbias=<img src=x onerror=alert(1)>',
  '#v=1&fbias=3&model=mlp&c.fbias=NaN',
  '#v=1&lr=banana&smooth=2',
  '#v=1&gain=0&smooth=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '#v=1&seed=-1&smooth=-1e999&smooth=NaN',
  // The page's language: a value it is not written in is repaired to none (the viewer's own).
  '#v=1&lr=banana&lang=klingon',
  '#v=1&act=x&lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '#v=1&seed=-1&lang=__proto__&lang=' + 'zh'.repeat(400),
  MANY_REPAIRS_LINK,
  // Seed bands: a count from 2 to 64, clamped; not shown together with the regime map.
  '#v=1&lr=banana&seeds=1e999',
  '#v=1&act=x&seeds=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '#v=1&seed=-1&seeds=1&seeds=-5',
  '#v=1&gain=0&seeds=8&sweep=gain',
];

/** Distinct seeded mutations of valid links, kept only where decoding reports a repair. */
export function generatedHostileLinks(count: number, seed = 7): string[] {
  const prng = createPrng(seed);
  const base = encodeConfig(DEFAULT_CONFIG).slice(1);
  const junk = [
    '%',
    '&&',
    '=',
    '==',
    '<',
    '>',
    '"',
    "'",
    '\\',
    '%E0%A4%A',
    'NaN',
    '-',
    'e999',
    'x',
    '\u0000',
    '\u202e',
  ];
  const out = new Set<string>();
  while (out.size < count) {
    let text = base;
    const edits = 1 + prng.int(4);
    for (let e = 0; e < edits; e++) {
      const at = prng.int(text.length + 1);
      switch (prng.int(4)) {
        case 0:
          text = text.slice(0, at) + (junk[prng.int(junk.length)] as string) + text.slice(at);
          break;
        case 1:
          text = text.slice(0, at) + text.slice(at + 1 + prng.int(6));
          break;
        case 2:
          text = text.slice(0, at);
          break;
        default:
          text = text.slice(0, at) + String(prng.int(10)) + text.slice(at);
      }
    }
    const hash = '#' + encodeURI(text).replace(/#/g, '%23');
    if (linkRepairCount(hash) > 0) out.add(hash);
  }
  return [...out];
}
