// Imported first by the property suites: Telegram's Bot API is a closed local port for them,
// so an endpoint that calls it fails fast on this machine instead of reaching the internet.
process.env.TELEGRAM_API_ROOT = 'http://127.0.0.1:9';
