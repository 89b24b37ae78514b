import { ANONYMOUS, type MemberKind, type Principal } from '@kern/contracts';
import { mayView, type Person } from './people';

const person = (kind: MemberKind, ambassador = false): Person => ({
  userId: '00000000-0000-4000-8000-000000000001',
  headline: null,
  bio: null,
  ambassador,
  openToQuestions: false,
  kind,
  suspended: false,
});
const viewer = (kind: MemberKind, userId = '00000000-0000-4000-8000-000000000002'): Principal => ({
  kind,
  userId,
  roles: [],
  scopes: ['READ'],
  emailVerified: true,
  credential: 'ACCESS_TOKEN',
});

describe('who may see whose expertise', () => {
  it.each([
    { who: 'an employee', looking: viewer('EMPLOYEE'), whom: 'an employee', at: person('EMPLOYEE'), sees: true },
    { who: 'an employee', looking: viewer('EMPLOYEE'), whom: 'a customer', at: person('CUSTOMER'), sees: true },
    { who: 'a customer', looking: viewer('CUSTOMER'), whom: 'a customer', at: person('CUSTOMER'), sees: true },
    { who: 'a customer', looking: viewer('CUSTOMER'), whom: 'an ambassador', at: person('EMPLOYEE', true), sees: true },
    { who: 'a customer', looking: viewer('CUSTOMER'), whom: 'an employee', at: person('EMPLOYEE'), sees: false },
    { who: 'an anonymous reader', looking: ANONYMOUS, whom: 'a customer', at: person('CUSTOMER'), sees: true },
    { who: 'an anonymous reader', looking: ANONYMOUS, whom: 'an ambassador', at: person('EMPLOYEE', true), sees: true },
    { who: 'an anonymous reader', looking: ANONYMOUS, whom: 'an employee', at: person('EMPLOYEE'), sees: false },
  ])('$who looking at $whom: sees $sees', ({ looking, at, sees }) => {
    expect(mayView(looking, at)).toBe(sees);
  });

  it('anyone sees their own profile, even while their token and identity disagree on their kind', () => {
    const self = person('EMPLOYEE');
    expect(mayView(viewer('CUSTOMER', self.userId), self)).toBe(true);
  });
});
