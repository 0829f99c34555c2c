// Memorable conversation names such as "Blue Lion #84C2".
import { randomInt } from 'node:crypto';

const COLOURS = [
  'Amber',
  'Azure',
  'Blue',
  'Bronze',
  'Coral',
  'Crimson',
  'Cyan',
  'Gold',
  'Green',
  'Grey',
  'Indigo',
  'Ivory',
  'Jade',
  'Lilac',
  'Lime',
  'Navy',
  'Olive',
  'Orange',
  'Pearl',
  'Pink',
  'Plum',
  'Red',
  'Ruby',
  'Sand',
  'Silver',
  'Teal',
  'Violet',
  'White',
];

const ANIMALS = [
  'Badger',
  'Bear',
  'Beaver',
  'Bison',
  'Crane',
  'Deer',
  'Dolphin',
  'Eagle',
  'Falcon',
  'Fox',
  'Gecko',
  'Hare',
  'Heron',
  'Ibis',
  'Koala',
  'Lion',
  'Lynx',
  'Marten',
  'Moose',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Raven',
  'Seal',
  'Swan',
  'Tiger',
  'Toucan',
  'Walrus',
  'Whale',
  'Wolf',
  'Yak',
];

const pick = <T>(list: readonly T[]) => list[randomInt(list.length)]!;

export function generateCodename(): string {
  const tag = randomInt(0x10000).toString(16).toUpperCase().padStart(4, '0');
  return `${pick(COLOURS)} ${pick(ANIMALS)} #${tag}`;
}
