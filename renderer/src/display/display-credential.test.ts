import { describe, expect, it } from 'vitest';
import { forgetDisplayCredential, loadDisplayCredential, saveDisplayCredential } from './display-credential';
import { deskNameIn, displayText } from './display-texts';

const credential = { deviceId: '0193a9c2-0000-7000-8000-000000000001', deviceSecret: 'x'.repeat(43), locationId: 'MAA' };

describe("the display's credential in the browser", () => {
  it('is kept per location and forgotten when the server no longer knows it', () => {
    saveDisplayCredential(localStorage, credential);
    expect(loadDisplayCredential(localStorage, 'MAA')).toEqual(credential);
    expect(loadDisplayCredential(localStorage, 'AMS')).toBeNull();
    forgetDisplayCredential(localStorage, 'MAA');
    expect(loadDisplayCredential(localStorage, 'MAA')).toBeNull();
  });

  it('treats a damaged or foreign entry as no credential, so the screen asks for a code instead of failing', () => {
    for (const damaged of ['{not json', '"text"', JSON.stringify({ deviceId: 'a' }), JSON.stringify({ ...credential, locationId: 'AMS' })]) {
      localStorage.setItem('balie-display:MAA', damaged);
      expect(loadDisplayCredential(localStorage, 'MAA')).toBeNull();
    }
    localStorage.clear();
  });
});

describe("the display's texts", () => {
  it('call the desk "Desk 3" in English and keep other desk names as they are', () => {
    expect(deskNameIn('en', 'Balie 3')).toBe('Desk 3');
    expect(deskNameIn('nl', 'Balie 3')).toBe('Balie 3');
    expect(deskNameIn('en', 'Expat Centre')).toBe('Expat Centre');
  });

  it('fill in the number waiting in both languages', () => {
    expect(displayText('nl', 'waitingMany', { count: 4 })).toBe('4 klanten wachten');
    expect(displayText('en', 'waitingMany', { count: 4 })).toBe('4 clients waiting');
  });
});
