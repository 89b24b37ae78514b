import { comparableText } from './comparable-text';
import { identifiersIn } from './identifiers';

const keysIn = (text: string) => identifiersIn(comparableText(text)).map((id) => id.key);

describe('identifiersIn', () => {
  it.each([
    ['a case number', 'case INT-RMA-7781', 'intrma7781'],
    ['a code run together', 'see RMA7781', 'rma7781'],
    ['a short code', 'ticket SR-123', 'sr123'],
    ['an order number', 'order ORD-2024-00042', 'ord202400042'],
    ['a ticket number', 'ticket #48213', '48213'],
    ['an e-mail address', 'mail a.jansen@example.nl', 'ajansenexamplenl'],
    ['a phone number', 'call +31 6 1234 5678', '31612345678'],
    ['a mobile number with a dash', 'bel 06-12345678', '0612345678'],
    ['an account number', 'IBAN NL91ABNA0417164300', 'nl91abna0417164300'],
  ])('finds %s', (_what, text, key) => {
    expect(keysIn(text)).toContain(key);
  });

  it.each([
    ['words', 'please restart the router'],
    ['versions and builds', 'firmware 7.57, Windows 10.0.19045, v2.3.1'],
    ['dates and times', 'since 2024-01-15 at 10:30, or 15-01-2024'],
    ['amounts', '€ 1.250,00 or 12,50 euros or 50 euros'],
    ['years and round numbers', 'in 2024, up to 10000 users'],
    ['product names', 'Office 365, office365, sha256, x86-64, 1080p, h.264, covid-19, utf-8, Wi-Fi 6, 2FA, IPv6'],
    ['a model number', 'Fritz!Box 7590'],
  ])('finds none in %s', (_what, text) => {
    expect(keysIn(text)).toEqual([]);
  });
});
