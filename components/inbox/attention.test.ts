// Who hears of new, unclaimed work first: the department's members at once, the others
// from the first unclaimed reminder on.
import { describe, expect, it } from 'vitest';
import { alertsNow, type DepartmentAttention } from './attention';

const BILLING = 'billing';
const SALES = 'sales';
const NOBODY = 'nobody';

// The agent belongs to Billing; Billing and Sales have members, Nobody has none.
const billingAgent: DepartmentAttention = {
  myDepartmentIds: [BILLING],
  staffedDepartmentIds: [BILLING, SALES],
};

describe('alertsNow', () => {
  it("alerts a department's members of its new conversations at once", () => {
    expect(alertsNow({ departmentId: BILLING, reminderLevel: 0 }, billingAgent)).toBe(true);
  });

  it('keeps the others quiet until the first unclaimed reminder', () => {
    expect(alertsNow({ departmentId: SALES, reminderLevel: 0 }, billingAgent)).toBe(false);
    expect(alertsNow({ departmentId: SALES, reminderLevel: 1 }, billingAgent)).toBe(true);
    expect(alertsNow({ departmentId: SALES, reminderLevel: 2 }, billingAgent)).toBe(true);
  });

  it('alerts everyone at once without a department, or in a department nobody belongs to', () => {
    expect(alertsNow({ departmentId: null, reminderLevel: 0 }, billingAgent)).toBe(true);
    expect(alertsNow({ departmentId: NOBODY, reminderLevel: 0 }, billingAgent)).toBe(true);
    // A department deleted since: unknown here, so nobody can be "first".
    expect(alertsNow({ departmentId: 'deleted', reminderLevel: 0 }, billingAgent)).toBe(true);
  });

  it('alerts an agent of no department only for unstaffed work before a reminder', () => {
    const loner: DepartmentAttention = { myDepartmentIds: [], staffedDepartmentIds: [BILLING] };
    expect(alertsNow({ departmentId: BILLING, reminderLevel: 0 }, loner)).toBe(false);
    expect(alertsNow({ departmentId: SALES, reminderLevel: 0 }, loner)).toBe(true);
  });

  it('alerts while the departments are not known yet', () => {
    expect(alertsNow({ departmentId: BILLING, reminderLevel: 0 }, null)).toBe(true);
  });
});
