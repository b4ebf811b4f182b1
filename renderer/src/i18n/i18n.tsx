import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { amsterdamTimeOf } from '../../../shared/domain/calendar-date';
import { en, nl, type MessageKey } from './messages';

export type Language = 'nl' | 'en';
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** Times and dates are always shown in Europe/Amsterdam, whatever the PC's time zone. */
  formatTime(instant: Date | string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initialLanguage = 'nl', children }: { initialLanguage?: Language; children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  // Screen readers pick their voice from the document's language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const messages = language === 'nl' ? nl : en;
    return {
      language,
      setLanguage,
      t: (key, values = {}) =>
        messages[key].replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match)),
      // HH:MM in both languages; by arithmetic, so the desk's start loads no time zone data (calendar-date.ts).
      formatTime: (instant) => amsterdamTimeOf(new Date(instant)),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
