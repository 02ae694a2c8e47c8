import { describe, expect, it } from 'vitest';
import {
  LEGAL_FORMS,
  LEGAL_SUFFIXES,
  FINAL_LEGAL_FORMS,
  isOwnLegalForm,
  withoutFinalDot,
} from '../../pipelines/news/lexicon/legal-forms.ts';
import { DESIGNATORS, displayName, nameKey } from '../../pipelines/news/lexicon/names.ts';
import { cleanFilingName } from '../../pipelines/news/lexicon/gazetteer.ts';

describe('legal forms: one table', () => {
  it('lists each form once, lower case and without dots', () => {
    const forms = LEGAL_FORMS.map((f) => f.form);
    expect(new Set(forms).size).toBe(forms.length);
    for (const f of forms) expect(f).toMatch(/^[a-z]+$/);
  });

  it('drops the key forms from name keys and display names, and keeps group words in names', () => {
    for (const f of LEGAL_SUFFIXES) expect(nameKey(`Zorblax Widgets ${f}`)).toBe('zorblax widgets');
    expect(displayName('Zorblax Widgets Ltd.')).toBe('Zorblax Widgets');
    expect(displayName('Zorblax Widgets Group')).toBe('Zorblax Widgets Group');
    expect(nameKey('Zorblax Widgets & Sons')).toBe('zorblax widgets');
    expect(displayName('Zorblax Widgets & Co.')).toBe('Zorblax Widgets');
  });

  it('makes its designator forms designators', () => {
    for (const f of LEGAL_FORMS) if (f.designator === true) expect(DESIGNATORS.has(f.form)).toBe(true);
    expect(DESIGNATORS.has('nl')).toBe(false); // "NL" only in capitals (components/companies/tokens.ts)
  });

  it('answers the role questions', () => {
    expect(isOwnLegalForm('ltd.')).toBe(true);
    expect(isOwnLegalForm('n.v.')).toBe(true);
    expect(isOwnLegalForm('holdings')).toBe(false);
    expect(FINAL_LEGAL_FORMS.has('ltd')).toBe(true);
    expect(FINAL_LEGAL_FORMS.has('co')).toBe(false); // "Acme Motor Co of Canada" is one name
    expect(withoutFinalDot('inc.')).toBe('inc');
    expect(cleanFilingName('ZORBLAX WIDGETS CO LTD')).toBe('Zorblax Widgets Co Ltd');
  });
});
