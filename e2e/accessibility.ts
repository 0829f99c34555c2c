// axe-core in the specs: the WCAG 2.1 A/AA rules, and only what it rates serious or worse.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
}

/** Every page of the console, from the one list its navigation is drawn from. */
export { ADMIN_SECTIONS } from '../components/admin/sections';
