// The emoji the picker offers, by category: the ones people use in support chats, not the
// whole Unicode list, so the chunk stays small.

export const CATEGORIES = {
  smileys:
    '😀 😃 😄 😁 😆 😅 😂 🙂 😉 😊 😇 🥰 😍 😘 😋 😛 😜 🤪 🤗 🤔 🤨 😐 😑 😶 🙄 😏 😬 😌 😔 😪 😴 😷 🤒 🤯 🥳 😎 🤓 😕 😟 🙁 😮 😲 😳 🥺 😢 😭 😱 😖 😣 😞 😓 😩 😫 😤 😡 🤬',
  people: '👋 🤚 ✋ 👌 🤌 ✌️ 🤞 🤝 👍 👎 👏 🙌 👐 🙏 💪 👀 🧠 🙋 🙇 🤷 🤦 💁 🙆 🙅',
  nature: '🐶 🐱 🦊 🐻 🐼 🐨 🦁 🐮 🐷 🐸 🐵 🐔 🐧 🐦 🦉 🐝 🦋 🌸 🌻 🌹 🌲 🌵 🍀 🌈 ☀️ ⛅ 🌧️ ❄️ 🔥 🌊',
  things:
    '☕ 🍕 🍔 🍰 🎂 🍎 🍺 🍷 🎉 🎁 🎈 🏆 ⚽ 🎮 🎵 📦 📱 💻 🖥️ ⌨️ 🖨️ 📷 💡 🔧 🔑 🔒 📎 ✏️ 📝 📅 📌 📈 💳 💰 ✉️ 📞 🚚 ✈️ 🏠 ⏰ ⌛',
  symbols: '❤️ 🧡 💛 💚 💙 💜 🖤 💔 💯 ✅ ☑️ ✔️ ❌ ❓ ❗ ⚠️ 🚫 ⭐ ✨ 💬 💤 ➡️ ⬅️ 🔄 🆗 🆕 🆘',
};

export type Category = keyof typeof CATEGORIES;

export const emojiOf = (category: Category): string[] => CATEGORIES[category].split(' ');

/** The category's tab: its first emoji stands for it. */
export const iconOf = (category: Category): string => emojiOf(category)[0] ?? '';

const NAMES: Record<string, Record<Category, string>> = {
  en: {
    smileys: 'Smileys',
    people: 'People',
    nature: 'Nature',
    things: 'Things',
    symbols: 'Symbols',
  },
  de: {
    smileys: 'Smileys',
    people: 'Menschen',
    nature: 'Natur',
    things: 'Dinge',
    symbols: 'Symbole',
  },
  ru: {
    smileys: 'Смайлы',
    people: 'Люди',
    nature: 'Природа',
    things: 'Предметы',
    symbols: 'Символы',
  },
};

export const categoryName = (category: Category, locale: string): string =>
  (NAMES[locale] ?? NAMES.en)![category];
