// The language a bundle has built in. English here; the build (scripts/widget-bundles.ts)
// puts each bundle's own language in this module's place, so app-ru carries Russian alone.
export { locale, strings } from './en';
