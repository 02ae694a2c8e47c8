import { describe, expect, it } from 'vitest';
import { cleanFilingName, gazetteerLookup } from '../../pipelines/news/lexicon/gazetteer.ts';
import { displayName, nameKey } from '../../pipelines/news/lexicon/names.ts';
import { isGuarded, isNotCompany, ownerOfBrand } from '../../pipelines/news/lexicon/index.ts';

describe('names', () => {
  it('folds surface forms of one company to one key', () => {
    expect(nameKey('Microsoft Corp.')).toBe('microsoft');
    expect(nameKey('MICROSOFT CORP')).toBe('microsoft');
    expect(nameKey('Goldman Sachs & Co')).toBe(nameKey('Goldman Sachs and Co.'));
    expect(nameKey('Amazon.com, Inc.')).toBe('amazon com');
    expect(nameKey('W.R. Grace & Co')).toBe(nameKey('W. R. Grace'));
    expect(nameKey('NV Philips')).toBe('philips');
  });

  it('drops legal suffixes from display names but keeps descriptive words', () => {
    expect(displayName('Cray Research Inc')).toBe('Cray Research');
    expect(displayName('Goldman Sachs & Co.')).toBe('Goldman Sachs');
    expect(displayName('Synergy Research Group')).toBe('Synergy Research Group');
  });
});

describe('gazetteer', () => {
  it('cleans filing-style names', () => {
    expect(cleanFilingName('AMAZON COM INC')).toBe('Amazon.com Inc');
    expect(cleanFilingName('COSTCO WHOLESALE CORP /NEW')).toBe('Costco Wholesale Corp');
    expect(cleanFilingName('WELLS FARGO & COMPANY/MN')).toBe('Wells Fargo & Company');
    expect(cleanFilingName('BANK OF AMERICA CORP /DE/')).toBe('Bank of America Corp');
  });

  it('looks up full names and distinctive short forms', () => {
    expect(gazetteerLookup('wells fargo')).toMatchObject({ name: 'Wells Fargo', ticker: 'WFC', short: false });
    expect(gazetteerLookup('amazon com')).toMatchObject({ name: 'Amazon.com', ticker: 'AMZN' });
    expect(gazetteerLookup('costco')).toMatchObject({ name: 'Costco Wholesale', short: true });
    expect(gazetteerLookup('international business machines')?.ticker).toBe('IBM');
    expect(gazetteerLookup('no such company at all')).toBeUndefined();
  });
});

describe('aliases', () => {
  it('maps brands and divisions to their owners, and nothing else', () => {
    expect(ownerOfBrand('Internet Explorer')).toBe('Microsoft');
    expect(ownerOfBrand('iPod')).toBe('Apple');
    expect(ownerOfBrand('Firefox')).toBe('Mozilla');
    expect(ownerOfBrand('AWS')).toBe('Amazon');
    expect(ownerOfBrand('Microsoft')).toBeNull();
    expect(ownerOfBrand('Zorblax')).toBeNull();
  });

  it('knows non-companies and guarded words', () => {
    expect(isNotCompany(nameKey('Securities and Exchange Commission'))).toBe(true);
    expect(isNotCompany(nameKey('Nasdaq'))).toBe(true);
    expect(isNotCompany(nameKey('Microsoft'))).toBe(false);
    expect(isGuarded(nameKey('Target'))).toBe(true);
  });
});
